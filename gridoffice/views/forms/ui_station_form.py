# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'station_form.ui'
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
    QLineEdit, QPlainTextEdit, QSizePolicy, QWidget)

class Ui_StationForm(object):
    def setupUi(self, StationForm):
        if not StationForm.objectName():
            StationForm.setObjectName(u"StationForm")
        self.form = QFormLayout(StationForm)
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.name_label = QLabel(StationForm)
        self.name_label.setObjectName(u"name_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name = QLineEdit(StationForm)
        self.name.setObjectName(u"name")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name)

        self.name_error = QLabel(StationForm)
        self.name_error.setObjectName(u"name_error")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.name_error)

        self.kind_label = QLabel(StationForm)
        self.kind_label.setObjectName(u"kind_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.kind_label)

        self.kind = QComboBox(StationForm)
        self.kind.setObjectName(u"kind")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.kind)

        self.kind_error = QLabel(StationForm)
        self.kind_error.setObjectName(u"kind_error")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.kind_error)

        self.scope_label = QLabel(StationForm)
        self.scope_label.setObjectName(u"scope_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.scope_label)

        self.scope = QComboBox(StationForm)
        self.scope.setObjectName(u"scope")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.scope)

        self.scope_error = QLabel(StationForm)
        self.scope_error.setObjectName(u"scope_error")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.scope_error)

        self.address_label = QLabel(StationForm)
        self.address_label.setObjectName(u"address_label")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.address_label)

        self.address = QLineEdit(StationForm)
        self.address.setObjectName(u"address")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.address)

        self.address_error = QLabel(StationForm)
        self.address_error.setObjectName(u"address_error")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.address_error)

        self.reception_room_label = QLabel(StationForm)
        self.reception_room_label.setObjectName(u"reception_room_label")

        self.form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.reception_room_label)

        self.reception_room = QLineEdit(StationForm)
        self.reception_room.setObjectName(u"reception_room")

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.reception_room)

        self.reception_room_error = QLabel(StationForm)
        self.reception_room_error.setObjectName(u"reception_room_error")

        self.form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.reception_room_error)

        self.phone_label = QLabel(StationForm)
        self.phone_label.setObjectName(u"phone_label")

        self.form.setWidget(10, QFormLayout.ItemRole.LabelRole, self.phone_label)

        self.phone = QLineEdit(StationForm)
        self.phone.setObjectName(u"phone")

        self.form.setWidget(10, QFormLayout.ItemRole.FieldRole, self.phone)

        self.phone_error = QLabel(StationForm)
        self.phone_error.setObjectName(u"phone_error")

        self.form.setWidget(11, QFormLayout.ItemRole.FieldRole, self.phone_error)

        self.notes_label = QLabel(StationForm)
        self.notes_label.setObjectName(u"notes_label")

        self.form.setWidget(12, QFormLayout.ItemRole.LabelRole, self.notes_label)

        self.notes = QPlainTextEdit(StationForm)
        self.notes.setObjectName(u"notes")
        self.notes.setMinimumSize(QSize(0, 60))
        self.notes.setMaximumSize(QSize(16777215, 60))
        self.notes.setTabChangesFocus(True)

        self.form.setWidget(12, QFormLayout.ItemRole.FieldRole, self.notes)

        self.notes_error = QLabel(StationForm)
        self.notes_error.setObjectName(u"notes_error")

        self.form.setWidget(13, QFormLayout.ItemRole.FieldRole, self.notes_error)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name)
        self.kind_label.setBuddy(self.kind)
        self.scope_label.setBuddy(self.scope)
        self.address_label.setBuddy(self.address)
        self.reception_room_label.setBuddy(self.reception_room)
        self.phone_label.setBuddy(self.phone)
        self.notes_label.setBuddy(self.notes)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.name, self.kind)
        QWidget.setTabOrder(self.kind, self.scope)
        QWidget.setTabOrder(self.scope, self.address)
        QWidget.setTabOrder(self.address, self.reception_room)
        QWidget.setTabOrder(self.reception_room, self.phone)
        QWidget.setTabOrder(self.phone, self.notes)

        self.retranslateUi(StationForm)

        QMetaObject.connectSlotsByName(StationForm)
    # setupUi

    def retranslateUi(self, StationForm):
        self.name_label.setText(QCoreApplication.translate("StationForm", u"\u540d\u79f0(&N)", None))
        self.name.setPlaceholderText(QCoreApplication.translate("StationForm", u"\u4f8b\u5982\uff1a\u4e1c\u57ce\u8857\u9053\u4eba\u5927\u4ee3\u8868\u8054\u7edc\u7ad9\u3001\u5317\u5c71\u793e\u533a\u4eba\u5927\u4ee3\u8868\u8054\u7edc\u5ba4", None))
        self.kind_label.setText(QCoreApplication.translate("StationForm", u"\u7c7b\u578b(&T)", None))
        self.scope_label.setText(QCoreApplication.translate("StationForm", u"\u5b9a\u4f4d(&O)", None))
#if QT_CONFIG(tooltip)
        self.scope.setToolTip(QCoreApplication.translate("StationForm", u"\u5728\u8857\u9053\u8054\u7edc\u7ad9\u7f51\u7edc\u4e2d\u7684\u4f4d\u7f6e\uff1a\u4e2d\u5fc3\u7ad9\u3001\u4e13\u4e1a\u7ad9\u3001\u7247\u533a\u7ad9\uff1b\u4f01\u4e1a\u91cc\u7684\u8054\u7cfb\u70b9\u7b49\u53ef\u9009\u201c\u4e0d\u5c5e\u4e8e\u8054\u7edc\u7ad9\u7f51\u7edc\u201d", None))
#endif // QT_CONFIG(tooltip)
        self.address_label.setText(QCoreApplication.translate("StationForm", u"\u5730\u5740(&A)", None))
        self.reception_room_label.setText(QCoreApplication.translate("StationForm", u"\u63a5\u5f85\u5ba4(&R)", None))
        self.reception_room.setPlaceholderText(QCoreApplication.translate("StationForm", u"\u4f8b\u5982\uff1a\u4e00\u697c\u4ee3\u8868\u63a5\u5f85\u5ba4", None))
        self.phone_label.setText(QCoreApplication.translate("StationForm", u"\u7535\u8bdd(&P)", None))
        self.phone.setPlaceholderText(QCoreApplication.translate("StationForm", u"\u4f8b\u5982\uff1a0395-1234567", None))
        self.notes_label.setText(QCoreApplication.translate("StationForm", u"\u5907\u6ce8(&M)", None))
        pass
    # retranslateUi

