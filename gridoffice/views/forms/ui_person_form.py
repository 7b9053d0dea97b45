# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'person_form.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QFormLayout,
    QLabel, QLineEdit, QPlainTextEdit, QSizePolicy,
    QWidget)

class Ui_PersonForm(object):
    def setupUi(self, PersonForm):
        if not PersonForm.objectName():
            PersonForm.setObjectName(u"PersonForm")
        self.form = QFormLayout(PersonForm)
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.name_label = QLabel(PersonForm)
        self.name_label.setObjectName(u"name_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name = QLineEdit(PersonForm)
        self.name.setObjectName(u"name")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name)

        self.name_error = QLabel(PersonForm)
        self.name_error.setObjectName(u"name_error")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.name_error)

        self.role_label = QLabel(PersonForm)
        self.role_label.setObjectName(u"role_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.role_label)

        self.role = QComboBox(PersonForm)
        self.role.setObjectName(u"role")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.role)

        self.role_error = QLabel(PersonForm)
        self.role_error.setObjectName(u"role_error")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.role_error)

        self.community_label = QLabel(PersonForm)
        self.community_label.setObjectName(u"community_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.community_label)

        self.community = QComboBox(PersonForm)
        self.community.setObjectName(u"community")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.community)

        self.community_error = QLabel(PersonForm)
        self.community_error.setObjectName(u"community_error")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.community_error)

        self.grid_label = QLabel(PersonForm)
        self.grid_label.setObjectName(u"grid_label")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.grid_label)

        self.grid = QComboBox(PersonForm)
        self.grid.setObjectName(u"grid")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.grid)

        self.grid_error = QLabel(PersonForm)
        self.grid_error.setObjectName(u"grid_error")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.grid_error)

        self.organisation_label = QLabel(PersonForm)
        self.organisation_label.setObjectName(u"organisation_label")

        self.form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.organisation_label)

        self.organisation = QLineEdit(PersonForm)
        self.organisation.setObjectName(u"organisation")

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.organisation)

        self.organisation_error = QLabel(PersonForm)
        self.organisation_error.setObjectName(u"organisation_error")

        self.form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.organisation_error)

        self.phone_label = QLabel(PersonForm)
        self.phone_label.setObjectName(u"phone_label")

        self.form.setWidget(10, QFormLayout.ItemRole.LabelRole, self.phone_label)

        self.phone = QLineEdit(PersonForm)
        self.phone.setObjectName(u"phone")

        self.form.setWidget(10, QFormLayout.ItemRole.FieldRole, self.phone)

        self.phone_error = QLabel(PersonForm)
        self.phone_error.setObjectName(u"phone_error")

        self.form.setWidget(11, QFormLayout.ItemRole.FieldRole, self.phone_error)

        self.phone_public_label = QLabel(PersonForm)
        self.phone_public_label.setObjectName(u"phone_public_label")

        self.form.setWidget(12, QFormLayout.ItemRole.LabelRole, self.phone_public_label)

        self.phone_public = QCheckBox(PersonForm)
        self.phone_public.setObjectName(u"phone_public")

        self.form.setWidget(12, QFormLayout.ItemRole.FieldRole, self.phone_public)

        self.phone_public_error = QLabel(PersonForm)
        self.phone_public_error.setObjectName(u"phone_public_error")

        self.form.setWidget(13, QFormLayout.ItemRole.FieldRole, self.phone_public_error)

        self.active_label = QLabel(PersonForm)
        self.active_label.setObjectName(u"active_label")

        self.form.setWidget(14, QFormLayout.ItemRole.LabelRole, self.active_label)

        self.active = QCheckBox(PersonForm)
        self.active.setObjectName(u"active")

        self.form.setWidget(14, QFormLayout.ItemRole.FieldRole, self.active)

        self.active_error = QLabel(PersonForm)
        self.active_error.setObjectName(u"active_error")

        self.form.setWidget(15, QFormLayout.ItemRole.FieldRole, self.active_error)

        self.notes_label = QLabel(PersonForm)
        self.notes_label.setObjectName(u"notes_label")

        self.form.setWidget(16, QFormLayout.ItemRole.LabelRole, self.notes_label)

        self.notes = QPlainTextEdit(PersonForm)
        self.notes.setObjectName(u"notes")
        self.notes.setMinimumSize(QSize(0, 54))
        self.notes.setMaximumSize(QSize(16777215, 54))
        self.notes.setTabChangesFocus(True)

        self.form.setWidget(16, QFormLayout.ItemRole.FieldRole, self.notes)

        self.notes_error = QLabel(PersonForm)
        self.notes_error.setObjectName(u"notes_error")

        self.form.setWidget(17, QFormLayout.ItemRole.FieldRole, self.notes_error)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name)
        self.role_label.setBuddy(self.role)
        self.community_label.setBuddy(self.community)
        self.grid_label.setBuddy(self.grid)
        self.organisation_label.setBuddy(self.organisation)
        self.phone_label.setBuddy(self.phone)
        self.notes_label.setBuddy(self.notes)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.name, self.role)
        QWidget.setTabOrder(self.role, self.community)
        QWidget.setTabOrder(self.community, self.grid)
        QWidget.setTabOrder(self.grid, self.organisation)
        QWidget.setTabOrder(self.organisation, self.phone)
        QWidget.setTabOrder(self.phone, self.phone_public)
        QWidget.setTabOrder(self.phone_public, self.active)
        QWidget.setTabOrder(self.active, self.notes)

        self.retranslateUi(PersonForm)

        QMetaObject.connectSlotsByName(PersonForm)
    # setupUi

    def retranslateUi(self, PersonForm):
        self.name_label.setText(QCoreApplication.translate("PersonForm", u"\u59d3\u540d(&N)", None))
        self.role_label.setText(QCoreApplication.translate("PersonForm", u"\u8eab\u4efd(&R)", None))
        self.community_label.setText(QCoreApplication.translate("PersonForm", u"\u793e\u533a(&C)", None))
        self.grid_label.setText(QCoreApplication.translate("PersonForm", u"\u7f51\u683c(&G)", None))
#if QT_CONFIG(tooltip)
        self.grid.setToolTip(QCoreApplication.translate("PersonForm", u"\u7f51\u683c\u5458\u3001\u5c45\u6c11\u8bae\u4e8b\u4ee3\u8868\u7b49\u6240\u5728\u7684\u7f51\u683c\uff0c\u53ef\u4e0d\u9009", None))
#endif // QT_CONFIG(tooltip)
        self.organisation_label.setText(QCoreApplication.translate("PersonForm", u"\u5355\u4f4d(&O)", None))
        self.organisation.setPlaceholderText(QCoreApplication.translate("PersonForm", u"\u5982 \u9526\u5858\u6d3e\u51fa\u6240\u3001\u6c5f\u6f9c\u5f8b\u5e08\u4e8b\u52a1\u6240\u3001\u4e1c\u6e56\u793e\u533a\u5c45\u59d4\u4f1a", None))
        self.phone_label.setText(QCoreApplication.translate("PersonForm", u"\u7535\u8bdd(&P)", None))
        self.phone.setPlaceholderText(QCoreApplication.translate("PersonForm", u"\u624b\u673a\u6216\u5e26\u533a\u53f7\u7684\u56fa\u5b9a\u7535\u8bdd", None))
        self.phone_public_label.setText("")
        self.phone_public.setText(QCoreApplication.translate("PersonForm", u"\u672c\u4eba\u540c\u610f\u5728\u503c\u5b88\u8868\u3001\u516c\u793a\u680f\u4e0a\u5370\u51fa\u7535\u8bdd(&U)", None))
        self.active_label.setText("")
        self.active.setText(QCoreApplication.translate("PersonForm", u"\u5728\u518c(&Z)\uff08\u4e0d\u518d\u53c2\u4e0e\u65f6\u53d6\u6d88\u52fe\u9009\uff0c\u8bb0\u5f55\u4fdd\u7559\uff09", None))
        self.notes_label.setText(QCoreApplication.translate("PersonForm", u"\u5907\u6ce8(&M)", None))
        pass
    # retranslateUi

