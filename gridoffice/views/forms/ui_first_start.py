# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'first_start.ui'
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
from PySide6.QtWidgets import (QApplication, QFormLayout, QLabel, QLineEdit,
    QRadioButton, QSizePolicy, QVBoxLayout, QWidget)

class Ui_FirstStartForm(object):
    def setupUi(self, FirstStartForm):
        if not FirstStartForm.objectName():
            FirstStartForm.setObjectName(u"FirstStartForm")
        self.layout = QVBoxLayout(FirstStartForm)
        self.layout.setObjectName(u"layout")
        self.layout.setContentsMargins(0, 0, 0, 0)
        self.intro = QLabel(FirstStartForm)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.restore_choice = QRadioButton(FirstStartForm)
        self.restore_choice.setObjectName(u"restore_choice")
        self.restore_choice.setVisible(False)

        self.layout.addWidget(self.restore_choice)

        self.demo_choice = QRadioButton(FirstStartForm)
        self.demo_choice.setObjectName(u"demo_choice")
        self.demo_choice.setChecked(True)

        self.layout.addWidget(self.demo_choice)

        self.empty_choice = QRadioButton(FirstStartForm)
        self.empty_choice.setObjectName(u"empty_choice")

        self.layout.addWidget(self.empty_choice)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.office_name_label = QLabel(FirstStartForm)
        self.office_name_label.setObjectName(u"office_name_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.office_name_label)

        self.office_name = QLineEdit(FirstStartForm)
        self.office_name.setObjectName(u"office_name")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.office_name)

        self.office_name_error = QLabel(FirstStartForm)
        self.office_name_error.setObjectName(u"office_name_error")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.office_name_error)

        self.hotline_label = QLabel(FirstStartForm)
        self.hotline_label.setObjectName(u"hotline_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.hotline_label)

        self.hotline = QLineEdit(FirstStartForm)
        self.hotline.setObjectName(u"hotline")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.hotline)

        self.hotline_error = QLabel(FirstStartForm)
        self.hotline_error.setObjectName(u"hotline_error")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.hotline_error)


        self.layout.addLayout(self.form)

#if QT_CONFIG(shortcut)
        self.office_name_label.setBuddy(self.office_name)
        self.hotline_label.setBuddy(self.hotline)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.restore_choice, self.demo_choice)
        QWidget.setTabOrder(self.demo_choice, self.empty_choice)
        QWidget.setTabOrder(self.empty_choice, self.office_name)
        QWidget.setTabOrder(self.office_name, self.hotline)

        self.retranslateUi(FirstStartForm)

        QMetaObject.connectSlotsByName(FirstStartForm)
    # setupUi

    def retranslateUi(self, FirstStartForm):
        self.restore_choice.setText(QCoreApplication.translate("FirstStartForm", u"\u4ece\u8fd9\u4e2a\u5907\u4efd\u6062\u590d\uff08\u7528\u5907\u4efd\u4e2d\u7684\u6570\u636e\u63a5\u7740\u5de5\u4f5c\uff09(&R)", None))
        self.demo_choice.setText(QCoreApplication.translate("FirstStartForm", u"\u6253\u5f00\u6f14\u793a\u529e\u516c\u5ba4\uff08\u793a\u4f8b\u6570\u636e\uff0c\u53ef\u968f\u610f\u8bd5\u7528\uff0c\u4e0d\u5f71\u54cd\u6b63\u5f0f\u6570\u636e\uff09(&D)", None))
        self.empty_choice.setText(QCoreApplication.translate("FirstStartForm", u"\u65b0\u5efa\u7a7a\u767d\u529e\u516c\u5ba4\uff08\u5f00\u59cb\u5f55\u5165\u672c\u529e\u516c\u5ba4\u7684\u6b63\u5f0f\u6570\u636e\uff09(&N)", None))
        self.office_name_label.setText(QCoreApplication.translate("FirstStartForm", u"\u529e\u516c\u5ba4\u540d\u79f0(&M)", None))
        self.office_name.setPlaceholderText(QCoreApplication.translate("FirstStartForm", u"\u4f8b\u5982\uff1a\u67d0\u67d0\u8857\u9053\u4eba\u5927\u5de5\u59d4", None))
        self.hotline_label.setText(QCoreApplication.translate("FirstStartForm", u"\u8054\u7cfb\u70ed\u7ebf(&H)", None))
        self.hotline.setPlaceholderText(QCoreApplication.translate("FirstStartForm", u"\u4f8b\u5982\uff1a0395-1234567\uff0c\u53ef\u4ee5\u4ee5\u540e\u518d\u586b", None))
        pass
    # retranslateUi

