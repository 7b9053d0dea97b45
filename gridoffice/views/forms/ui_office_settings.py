# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'office_settings.ui'
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
    QSizePolicy, QWidget)

class Ui_OfficeSettingsForm(object):
    def setupUi(self, OfficeSettingsForm):
        if not OfficeSettingsForm.objectName():
            OfficeSettingsForm.setObjectName(u"OfficeSettingsForm")
        self.form = QFormLayout(OfficeSettingsForm)
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.office_name_label = QLabel(OfficeSettingsForm)
        self.office_name_label.setObjectName(u"office_name_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.office_name_label)

        self.office_name = QLineEdit(OfficeSettingsForm)
        self.office_name.setObjectName(u"office_name")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.office_name)

        self.office_name_error = QLabel(OfficeSettingsForm)
        self.office_name_error.setObjectName(u"office_name_error")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.office_name_error)

        self.hotline_label = QLabel(OfficeSettingsForm)
        self.hotline_label.setObjectName(u"hotline_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.hotline_label)

        self.hotline = QLineEdit(OfficeSettingsForm)
        self.hotline.setObjectName(u"hotline")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.hotline)

        self.hotline_error = QLabel(OfficeSettingsForm)
        self.hotline_error.setObjectName(u"hotline_error")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.hotline_error)

        self.reception_time_label = QLabel(OfficeSettingsForm)
        self.reception_time_label.setObjectName(u"reception_time_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.reception_time_label)

        self.reception_time = QLineEdit(OfficeSettingsForm)
        self.reception_time.setObjectName(u"reception_time")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.reception_time)

        self.reception_time_error = QLabel(OfficeSettingsForm)
        self.reception_time_error.setObjectName(u"reception_time_error")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.reception_time_error)

        self.reception_place_label = QLabel(OfficeSettingsForm)
        self.reception_place_label.setObjectName(u"reception_place_label")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.reception_place_label)

        self.reception_place = QLineEdit(OfficeSettingsForm)
        self.reception_place.setObjectName(u"reception_place")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.reception_place)

        self.reception_place_error = QLabel(OfficeSettingsForm)
        self.reception_place_error.setObjectName(u"reception_place_error")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.reception_place_error)

#if QT_CONFIG(shortcut)
        self.office_name_label.setBuddy(self.office_name)
        self.hotline_label.setBuddy(self.hotline)
        self.reception_time_label.setBuddy(self.reception_time)
        self.reception_place_label.setBuddy(self.reception_place)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.office_name, self.hotline)
        QWidget.setTabOrder(self.hotline, self.reception_time)
        QWidget.setTabOrder(self.reception_time, self.reception_place)

        self.retranslateUi(OfficeSettingsForm)

        QMetaObject.connectSlotsByName(OfficeSettingsForm)
    # setupUi

    def retranslateUi(self, OfficeSettingsForm):
        self.office_name_label.setText(QCoreApplication.translate("OfficeSettingsForm", u"\u529e\u516c\u5ba4\u540d\u79f0(&M)", None))
        self.office_name.setPlaceholderText(QCoreApplication.translate("OfficeSettingsForm", u"\u4f8b\u5982\uff1a\u67d0\u67d0\u8857\u9053\u4eba\u5927\u5de5\u59d4", None))
        self.hotline_label.setText(QCoreApplication.translate("OfficeSettingsForm", u"\u8054\u7cfb\u70ed\u7ebf(&H)", None))
        self.hotline.setPlaceholderText(QCoreApplication.translate("OfficeSettingsForm", u"\u4f8b\u5982\uff1a0395-1234567", None))
        self.reception_time_label.setText(QCoreApplication.translate("OfficeSettingsForm", u"\u9ed8\u8ba4\u63a5\u5f85\u65f6\u95f4(&T)", None))
        self.reception_time.setPlaceholderText(QCoreApplication.translate("OfficeSettingsForm", u"09:00-11:30", None))
        self.reception_place_label.setText(QCoreApplication.translate("OfficeSettingsForm", u"\u9ed8\u8ba4\u63a5\u5f85\u5730\u70b9(&P)", None))
        self.reception_place.setPlaceholderText(QCoreApplication.translate("OfficeSettingsForm", u"\u4f8b\u5982\uff1a\u4e2d\u5fc3\u7ad9\u63a5\u5f85\u5ba4", None))
        pass
    # retranslateUi

