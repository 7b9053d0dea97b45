# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'household_form.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QPlainTextEdit, QSizePolicy,
    QSpacerItem, QWidget)

class Ui_HouseholdForm(object):
    def setupUi(self, HouseholdForm):
        if not HouseholdForm.objectName():
            HouseholdForm.setObjectName(u"HouseholdForm")
        self.form = QFormLayout(HouseholdForm)
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.grid_label = QLabel(HouseholdForm)
        self.grid_label.setObjectName(u"grid_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.grid_label)

        self.grid = QComboBox(HouseholdForm)
        self.grid.setObjectName(u"grid")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.grid)

        self.grid_error = QLabel(HouseholdForm)
        self.grid_error.setObjectName(u"grid_error")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.grid_error)

        self.place_label = QLabel(HouseholdForm)
        self.place_label.setObjectName(u"place_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.place_label)

        self.place = QLineEdit(HouseholdForm)
        self.place.setObjectName(u"place")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.place)

        self.place_error = QLabel(HouseholdForm)
        self.place_error.setObjectName(u"place_error")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.place_error)

        self.building_label = QLabel(HouseholdForm)
        self.building_label.setObjectName(u"building_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.building_label)

        self.address_row = QHBoxLayout()
        self.address_row.setObjectName(u"address_row")
        self.building = QLineEdit(HouseholdForm)
        self.building.setObjectName(u"building")
        self.building.setMaximumSize(QSize(110, 16777215))

        self.address_row.addWidget(self.building)

        self.unit = QLineEdit(HouseholdForm)
        self.unit.setObjectName(u"unit")
        self.unit.setMaximumSize(QSize(110, 16777215))

        self.address_row.addWidget(self.unit)

        self.room = QLineEdit(HouseholdForm)
        self.room.setObjectName(u"room")
        self.room.setMaximumSize(QSize(120, 16777215))

        self.address_row.addWidget(self.room)

        self.address_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.address_row.addItem(self.address_spacer)


        self.form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.address_row)

        self.room_error = QLabel(HouseholdForm)
        self.room_error.setObjectName(u"room_error")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.room_error)

        self.name_label = QLabel(HouseholdForm)
        self.name_label.setObjectName(u"name_label")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name = QLineEdit(HouseholdForm)
        self.name.setObjectName(u"name")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.name)

        self.name_error = QLabel(HouseholdForm)
        self.name_error.setObjectName(u"name_error")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.name_error)

        self.phone_label = QLabel(HouseholdForm)
        self.phone_label.setObjectName(u"phone_label")

        self.form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.phone_label)

        self.phone = QLineEdit(HouseholdForm)
        self.phone.setObjectName(u"phone")

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.phone)

        self.phone_error = QLabel(HouseholdForm)
        self.phone_error.setObjectName(u"phone_error")

        self.form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.phone_error)

        self.categories_label = QLabel(HouseholdForm)
        self.categories_label.setObjectName(u"categories_label")

        self.form.setWidget(10, QFormLayout.ItemRole.LabelRole, self.categories_label)

        self.categories = QWidget(HouseholdForm)
        self.categories.setObjectName(u"categories")

        self.form.setWidget(10, QFormLayout.ItemRole.FieldRole, self.categories)

        self.categories_error = QLabel(HouseholdForm)
        self.categories_error.setObjectName(u"categories_error")

        self.form.setWidget(11, QFormLayout.ItemRole.FieldRole, self.categories_error)

        self.color_label = QLabel(HouseholdForm)
        self.color_label.setObjectName(u"color_label")

        self.form.setWidget(12, QFormLayout.ItemRole.LabelRole, self.color_label)

        self.color = QComboBox(HouseholdForm)
        self.color.setObjectName(u"color")

        self.form.setWidget(12, QFormLayout.ItemRole.FieldRole, self.color)

        self.color_error = QLabel(HouseholdForm)
        self.color_error.setObjectName(u"color_error")

        self.form.setWidget(13, QFormLayout.ItemRole.FieldRole, self.color_error)

        self.deputy_label = QLabel(HouseholdForm)
        self.deputy_label.setObjectName(u"deputy_label")

        self.form.setWidget(14, QFormLayout.ItemRole.LabelRole, self.deputy_label)

        self.deputy = QComboBox(HouseholdForm)
        self.deputy.setObjectName(u"deputy")

        self.form.setWidget(14, QFormLayout.ItemRole.FieldRole, self.deputy)

        self.deputy_error = QLabel(HouseholdForm)
        self.deputy_error.setObjectName(u"deputy_error")

        self.form.setWidget(15, QFormLayout.ItemRole.FieldRole, self.deputy_error)

        self.worker_label = QLabel(HouseholdForm)
        self.worker_label.setObjectName(u"worker_label")

        self.form.setWidget(16, QFormLayout.ItemRole.LabelRole, self.worker_label)

        self.worker = QComboBox(HouseholdForm)
        self.worker.setObjectName(u"worker")

        self.form.setWidget(16, QFormLayout.ItemRole.FieldRole, self.worker)

        self.worker_error = QLabel(HouseholdForm)
        self.worker_error.setObjectName(u"worker_error")

        self.form.setWidget(17, QFormLayout.ItemRole.FieldRole, self.worker_error)

        self.notes_label = QLabel(HouseholdForm)
        self.notes_label.setObjectName(u"notes_label")

        self.form.setWidget(18, QFormLayout.ItemRole.LabelRole, self.notes_label)

        self.notes = QPlainTextEdit(HouseholdForm)
        self.notes.setObjectName(u"notes")
        self.notes.setMinimumSize(QSize(0, 54))
        self.notes.setMaximumSize(QSize(16777215, 54))
        self.notes.setTabChangesFocus(True)

        self.form.setWidget(18, QFormLayout.ItemRole.FieldRole, self.notes)

        self.notes_error = QLabel(HouseholdForm)
        self.notes_error.setObjectName(u"notes_error")

        self.form.setWidget(19, QFormLayout.ItemRole.FieldRole, self.notes_error)

#if QT_CONFIG(shortcut)
        self.grid_label.setBuddy(self.grid)
        self.place_label.setBuddy(self.place)
        self.building_label.setBuddy(self.building)
        self.name_label.setBuddy(self.name)
        self.phone_label.setBuddy(self.phone)
        self.categories_label.setBuddy(self.categories)
        self.color_label.setBuddy(self.color)
        self.deputy_label.setBuddy(self.deputy)
        self.worker_label.setBuddy(self.worker)
        self.notes_label.setBuddy(self.notes)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.grid, self.place)
        QWidget.setTabOrder(self.place, self.building)
        QWidget.setTabOrder(self.building, self.unit)
        QWidget.setTabOrder(self.unit, self.room)
        QWidget.setTabOrder(self.room, self.name)
        QWidget.setTabOrder(self.name, self.phone)
        QWidget.setTabOrder(self.phone, self.color)
        QWidget.setTabOrder(self.color, self.deputy)
        QWidget.setTabOrder(self.deputy, self.worker)
        QWidget.setTabOrder(self.worker, self.notes)

        self.retranslateUi(HouseholdForm)

        QMetaObject.connectSlotsByName(HouseholdForm)
    # setupUi

    def retranslateUi(self, HouseholdForm):
        self.grid_label.setText(QCoreApplication.translate("HouseholdForm", u"\u6240\u5728\u7f51\u683c(&G)", None))
        self.place_label.setText(QCoreApplication.translate("HouseholdForm", u"\u5730\u5740(&A)", None))
        self.place.setPlaceholderText(QCoreApplication.translate("HouseholdForm", u"\u5c0f\u533a\u3001\u6751\u6c11\u5c0f\u7ec4\u6216\u8857\u5df7\u95e8\u724c\uff0c\u4f8b\u5982 \u5e78\u798f\u82b1\u56ed\u3001\u77f3\u5c97\u6751\u4e09\u7ec412\u53f7", None))
        self.building_label.setText(QCoreApplication.translate("HouseholdForm", u"\u697c\u680b/\u5355\u5143/\u623f\u53f7(&R)", None))
        self.building.setPlaceholderText(QCoreApplication.translate("HouseholdForm", u"\u697c\u680b\uff0c\u5982 3", None))
        self.unit.setPlaceholderText(QCoreApplication.translate("HouseholdForm", u"\u5355\u5143\uff0c\u5982 2", None))
        self.room.setPlaceholderText(QCoreApplication.translate("HouseholdForm", u"\u623f\u53f7\uff0c\u5982 501", None))
        self.name_label.setText(QCoreApplication.translate("HouseholdForm", u"\u6237\u4e3b\u6216\u8054\u7cfb\u4eba(&N)", None))
        self.name.setPlaceholderText(QCoreApplication.translate("HouseholdForm", u"\u59d3\u540d", None))
        self.phone_label.setText(QCoreApplication.translate("HouseholdForm", u"\u7535\u8bdd(&P)", None))
        self.phone.setPlaceholderText(QCoreApplication.translate("HouseholdForm", u"\u624b\u673a\u6216\u5e26\u533a\u53f7\u7684\u56fa\u5b9a\u7535\u8bdd\uff0c\u53ef\u4e0d\u586b", None))
        self.categories_label.setText(QCoreApplication.translate("HouseholdForm", u"\u7c7b\u522b(&C)", None))
#if QT_CONFIG(tooltip)
        self.categories.setToolTip(QCoreApplication.translate("HouseholdForm", u"\u53ef\u4ee5\u52fe\u9009\u591a\u4e2a\uff1a\u5982\u65e2\u662f\u72ec\u5c45\u8001\u4eba\u53c8\u662f\u9ad8\u9f84\u8001\u4eba", None))
#endif // QT_CONFIG(tooltip)
        self.color_label.setText(QCoreApplication.translate("HouseholdForm", u"\u989c\u8272(&L)", None))
#if QT_CONFIG(tooltip)
        self.color.setToolTip(QCoreApplication.translate("HouseholdForm", u"\u4e94\u7c7b\u5341\u8272\uff1a\u8fd9\u6237\u5728\u53f0\u8d26\u548c\u5730\u56fe\u4e0a\u7684\u989c\u8272", None))
#endif // QT_CONFIG(tooltip)
        self.deputy_label.setText(QCoreApplication.translate("HouseholdForm", u"\u8054\u7cfb\u4ee3\u8868(&D)", None))
        self.worker_label.setText(QCoreApplication.translate("HouseholdForm", u"\u7f51\u683c\u5458(&W)", None))
        self.notes_label.setText(QCoreApplication.translate("HouseholdForm", u"\u5907\u6ce8(&M)", None))
        pass
    # retranslateUi

