# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'guide_deputy.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QLabel,
    QLineEdit, QSizePolicy, QWidget)

class Ui_GuideDeputyForm(object):
    def setupUi(self, GuideDeputyForm):
        if not GuideDeputyForm.objectName():
            GuideDeputyForm.setObjectName(u"GuideDeputyForm")
        self.form = QFormLayout(GuideDeputyForm)
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.name_label = QLabel(GuideDeputyForm)
        self.name_label.setObjectName(u"name_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name = QLineEdit(GuideDeputyForm)
        self.name.setObjectName(u"name")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name)

        self.name_error = QLabel(GuideDeputyForm)
        self.name_error.setObjectName(u"name_error")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.name_error)

        self.levels_label = QLabel(GuideDeputyForm)
        self.levels_label.setObjectName(u"levels_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.levels_label)

        self.levels = QComboBox(GuideDeputyForm)
        self.levels.setObjectName(u"levels")
        self.levels.setEditable(True)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.levels)

        self.levels_error = QLabel(GuideDeputyForm)
        self.levels_error.setObjectName(u"levels_error")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.levels_error)

        self.mobile_label = QLabel(GuideDeputyForm)
        self.mobile_label.setObjectName(u"mobile_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.mobile_label)

        self.mobile = QLineEdit(GuideDeputyForm)
        self.mobile.setObjectName(u"mobile")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.mobile)

        self.mobile_error = QLabel(GuideDeputyForm)
        self.mobile_error.setObjectName(u"mobile_error")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.mobile_error)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name)
        self.levels_label.setBuddy(self.levels)
        self.mobile_label.setBuddy(self.mobile)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.name, self.levels)
        QWidget.setTabOrder(self.levels, self.mobile)

        self.retranslateUi(GuideDeputyForm)

        QMetaObject.connectSlotsByName(GuideDeputyForm)
    # setupUi

    def retranslateUi(self, GuideDeputyForm):
        self.name_label.setText(QCoreApplication.translate("GuideDeputyForm", u"\u59d3\u540d(&N)", None))
        self.name.setPlaceholderText(QCoreApplication.translate("GuideDeputyForm", u"\u8f93\u5165\u59d3\u540d\u540e\u6309\u56de\u8f66\u5373\u53ef\u6dfb\u52a0", None))
        self.levels_label.setText(QCoreApplication.translate("GuideDeputyForm", u"\u4ee3\u8868\u5c42\u7ea7(&L)", None))
        self.mobile_label.setText(QCoreApplication.translate("GuideDeputyForm", u"\u624b\u673a(&M)", None))
        self.mobile.setPlaceholderText(QCoreApplication.translate("GuideDeputyForm", u"\u53ef\u4ee5\u4ee5\u540e\u518d\u586b", None))
        pass
    # retranslateUi

