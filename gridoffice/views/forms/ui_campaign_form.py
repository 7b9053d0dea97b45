# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'campaign_form.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QCheckBox, QDateEdit, QFormLayout,
    QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QSizePolicy, QSpacerItem, QWidget)

class Ui_CampaignForm(object):
    def setupUi(self, CampaignForm):
        if not CampaignForm.objectName():
            CampaignForm.setObjectName(u"CampaignForm")
        self.form = QFormLayout(CampaignForm)
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.name_label = QLabel(CampaignForm)
        self.name_label.setObjectName(u"name_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name = QLineEdit(CampaignForm)
        self.name.setObjectName(u"name")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name)

        self.name_error = QLabel(CampaignForm)
        self.name_error.setObjectName(u"name_error")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.name_error)

        self.start_on_label = QLabel(CampaignForm)
        self.start_on_label.setObjectName(u"start_on_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.start_on_label)

        self.start_on = QDateEdit(CampaignForm)
        self.start_on.setObjectName(u"start_on")
        self.start_on.setCalendarPopup(True)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.start_on)

        self.start_on_error = QLabel(CampaignForm)
        self.start_on_error.setObjectName(u"start_on_error")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.start_on_error)

        self.end_on_label = QLabel(CampaignForm)
        self.end_on_label.setObjectName(u"end_on_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.end_on_label)

        self.end_on_row = QHBoxLayout()
        self.end_on_row.setObjectName(u"end_on_row")
        self.end_set = QCheckBox(CampaignForm)
        self.end_set.setObjectName(u"end_set")

        self.end_on_row.addWidget(self.end_set)

        self.end_on = QDateEdit(CampaignForm)
        self.end_on.setObjectName(u"end_on")
        self.end_on.setCalendarPopup(True)

        self.end_on_row.addWidget(self.end_on)

        self.end_on_row_end = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.end_on_row.addItem(self.end_on_row_end)


        self.form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.end_on_row)

        self.end_on_error = QLabel(CampaignForm)
        self.end_on_error.setObjectName(u"end_on_error")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.end_on_error)

        self.description_label = QLabel(CampaignForm)
        self.description_label.setObjectName(u"description_label")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.description_label)

        self.description = QPlainTextEdit(CampaignForm)
        self.description.setObjectName(u"description")
        self.description.setMinimumSize(QSize(0, 60))
        self.description.setTabChangesFocus(True)

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.description)

        self.description_error = QLabel(CampaignForm)
        self.description_error.setObjectName(u"description_error")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.description_error)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name)
        self.start_on_label.setBuddy(self.start_on)
        self.end_on_label.setBuddy(self.end_set)
        self.description_label.setBuddy(self.description)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.name, self.start_on)
        QWidget.setTabOrder(self.start_on, self.end_set)
        QWidget.setTabOrder(self.end_set, self.end_on)
        QWidget.setTabOrder(self.end_on, self.description)

        self.retranslateUi(CampaignForm)

        QMetaObject.connectSlotsByName(CampaignForm)
    # setupUi

    def retranslateUi(self, CampaignForm):
        self.name_label.setText(QCoreApplication.translate("CampaignForm", u"\u540d\u79f0(&N)", None))
        self.name.setPlaceholderText(QCoreApplication.translate("CampaignForm", u"\u4f8b\u5982\uff1a\u53cd\u8bc8\u5ba3\u4f20\u8fdb\u7f51\u683c", None))
        self.start_on_label.setText(QCoreApplication.translate("CampaignForm", u"\u5f00\u59cb\u65e5\u671f(&S)", None))
        self.start_on.setDisplayFormat(QCoreApplication.translate("CampaignForm", u"yyyy\u5e74M\u6708d\u65e5", None))
        self.end_on_label.setText(QCoreApplication.translate("CampaignForm", u"\u7ed3\u675f\u65e5\u671f(&E)", None))
        self.end_set.setText(QCoreApplication.translate("CampaignForm", u"\u5df2\u5b9a", None))
        self.end_on.setDisplayFormat(QCoreApplication.translate("CampaignForm", u"yyyy\u5e74M\u6708d\u65e5", None))
        self.description_label.setText(QCoreApplication.translate("CampaignForm", u"\u8bf4\u660e(&D)", None))
        self.description.setPlaceholderText(QCoreApplication.translate("CampaignForm", u"\u76ee\u6807\u3001\u8303\u56f4\u3001\u53c2\u4e0e\u7684\u4ee3\u8868\u548c\u90e8\u95e8", None))
        pass
    # retranslateUi

