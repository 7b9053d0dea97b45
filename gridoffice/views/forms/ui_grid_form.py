# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'grid_form.ui'
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
    QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QSizePolicy, QSpinBox, QWidget)

class Ui_GridForm(object):
    def setupUi(self, GridForm):
        if not GridForm.objectName():
            GridForm.setObjectName(u"GridForm")
        self.form = QFormLayout(GridForm)
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.code_label = QLabel(GridForm)
        self.code_label.setObjectName(u"code_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.code_label)

        self.code = QLineEdit(GridForm)
        self.code.setObjectName(u"code")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.code)

        self.code_error = QLabel(GridForm)
        self.code_error.setObjectName(u"code_error")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.code_error)

        self.name_label = QLabel(GridForm)
        self.name_label.setObjectName(u"name_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name = QLineEdit(GridForm)
        self.name.setObjectName(u"name")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.name)

        self.name_error = QLabel(GridForm)
        self.name_error.setObjectName(u"name_error")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.name_error)

        self.community_label = QLabel(GridForm)
        self.community_label.setObjectName(u"community_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.community_label)

        self.community = QComboBox(GridForm)
        self.community.setObjectName(u"community")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.community)

        self.community_error = QLabel(GridForm)
        self.community_error.setObjectName(u"community_error")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.community_error)

        self.worker_name_label = QLabel(GridForm)
        self.worker_name_label.setObjectName(u"worker_name_label")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.worker_name_label)

        self.worker_name = QLineEdit(GridForm)
        self.worker_name.setObjectName(u"worker_name")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.worker_name)

        self.worker_name_error = QLabel(GridForm)
        self.worker_name_error.setObjectName(u"worker_name_error")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.worker_name_error)

        self.worker_phone_label = QLabel(GridForm)
        self.worker_phone_label.setObjectName(u"worker_phone_label")

        self.form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.worker_phone_label)

        self.worker_phone = QLineEdit(GridForm)
        self.worker_phone.setObjectName(u"worker_phone")

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.worker_phone)

        self.worker_phone_error = QLabel(GridForm)
        self.worker_phone_error.setObjectName(u"worker_phone_error")

        self.form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.worker_phone_error)

        self.households_label = QLabel(GridForm)
        self.households_label.setObjectName(u"households_label")

        self.form.setWidget(10, QFormLayout.ItemRole.LabelRole, self.households_label)

        self.counts_row = QHBoxLayout()
        self.counts_row.setObjectName(u"counts_row")
        self.households = QSpinBox(GridForm)
        self.households.setObjectName(u"households")
        self.households.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTrailing|Qt.AlignmentFlag.AlignVCenter)

        self.counts_row.addWidget(self.households)

        self.population_label = QLabel(GridForm)
        self.population_label.setObjectName(u"population_label")

        self.counts_row.addWidget(self.population_label)

        self.population = QSpinBox(GridForm)
        self.population.setObjectName(u"population")
        self.population.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTrailing|Qt.AlignmentFlag.AlignVCenter)

        self.counts_row.addWidget(self.population)


        self.form.setLayout(10, QFormLayout.ItemRole.FieldRole, self.counts_row)

        self.households_error = QLabel(GridForm)
        self.households_error.setObjectName(u"households_error")

        self.form.setWidget(11, QFormLayout.ItemRole.FieldRole, self.households_error)

        self.population_error = QLabel(GridForm)
        self.population_error.setObjectName(u"population_error")

        self.form.setWidget(12, QFormLayout.ItemRole.FieldRole, self.population_error)

        self.boundary_label = QLabel(GridForm)
        self.boundary_label.setObjectName(u"boundary_label")

        self.form.setWidget(13, QFormLayout.ItemRole.LabelRole, self.boundary_label)

        self.boundary = QPlainTextEdit(GridForm)
        self.boundary.setObjectName(u"boundary")
        self.boundary.setMinimumSize(QSize(0, 56))
        self.boundary.setMaximumSize(QSize(16777215, 56))
        self.boundary.setTabChangesFocus(True)

        self.form.setWidget(13, QFormLayout.ItemRole.FieldRole, self.boundary)

        self.boundary_error = QLabel(GridForm)
        self.boundary_error.setObjectName(u"boundary_error")

        self.form.setWidget(14, QFormLayout.ItemRole.FieldRole, self.boundary_error)

        self.notes_label = QLabel(GridForm)
        self.notes_label.setObjectName(u"notes_label")

        self.form.setWidget(15, QFormLayout.ItemRole.LabelRole, self.notes_label)

        self.notes = QLineEdit(GridForm)
        self.notes.setObjectName(u"notes")

        self.form.setWidget(15, QFormLayout.ItemRole.FieldRole, self.notes)

        self.notes_error = QLabel(GridForm)
        self.notes_error.setObjectName(u"notes_error")

        self.form.setWidget(16, QFormLayout.ItemRole.FieldRole, self.notes_error)

        self.deputies_label = QLabel(GridForm)
        self.deputies_label.setObjectName(u"deputies_label")

        self.form.setWidget(17, QFormLayout.ItemRole.LabelRole, self.deputies_label)

        self.deputies_row = QHBoxLayout()
        self.deputies_row.setObjectName(u"deputies_row")
        self.deputies_names = QLabel(GridForm)
        self.deputies_names.setObjectName(u"deputies_names")
        self.deputies_names.setWordWrap(True)

        self.deputies_row.addWidget(self.deputies_names)

        self.deputies = QPushButton(GridForm)
        self.deputies.setObjectName(u"deputies")

        self.deputies_row.addWidget(self.deputies)

        self.deputies_row.setStretch(0, 1)

        self.form.setLayout(17, QFormLayout.ItemRole.FieldRole, self.deputies_row)

        self.deputies_error = QLabel(GridForm)
        self.deputies_error.setObjectName(u"deputies_error")

        self.form.setWidget(18, QFormLayout.ItemRole.FieldRole, self.deputies_error)

        self.special_label = QLabel(GridForm)
        self.special_label.setObjectName(u"special_label")

        self.form.setWidget(19, QFormLayout.ItemRole.LabelRole, self.special_label)

        self.special = QWidget(GridForm)
        self.special.setObjectName(u"special")

        self.form.setWidget(19, QFormLayout.ItemRole.FieldRole, self.special)

        self.special_error = QLabel(GridForm)
        self.special_error.setObjectName(u"special_error")

        self.form.setWidget(20, QFormLayout.ItemRole.FieldRole, self.special_error)

        self.area_label = QLabel(GridForm)
        self.area_label.setObjectName(u"area_label")

        self.form.setWidget(21, QFormLayout.ItemRole.LabelRole, self.area_label)

        self.area_row = QHBoxLayout()
        self.area_row.setObjectName(u"area_row")
        self.area_text = QLabel(GridForm)
        self.area_text.setObjectName(u"area_text")
        self.area_text.setWordWrap(True)

        self.area_row.addWidget(self.area_text)

        self.clear_area = QPushButton(GridForm)
        self.clear_area.setObjectName(u"clear_area")
        self.clear_area.setCheckable(True)

        self.area_row.addWidget(self.clear_area)

        self.area_row.setStretch(0, 1)

        self.form.setLayout(21, QFormLayout.ItemRole.FieldRole, self.area_row)

        self.area_error = QLabel(GridForm)
        self.area_error.setObjectName(u"area_error")

        self.form.setWidget(22, QFormLayout.ItemRole.FieldRole, self.area_error)

#if QT_CONFIG(shortcut)
        self.code_label.setBuddy(self.code)
        self.name_label.setBuddy(self.name)
        self.community_label.setBuddy(self.community)
        self.worker_name_label.setBuddy(self.worker_name)
        self.worker_phone_label.setBuddy(self.worker_phone)
        self.households_label.setBuddy(self.households)
        self.population_label.setBuddy(self.population)
        self.boundary_label.setBuddy(self.boundary)
        self.notes_label.setBuddy(self.notes)
        self.deputies_label.setBuddy(self.deputies)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.code, self.name)
        QWidget.setTabOrder(self.name, self.community)
        QWidget.setTabOrder(self.community, self.worker_name)
        QWidget.setTabOrder(self.worker_name, self.worker_phone)
        QWidget.setTabOrder(self.worker_phone, self.households)
        QWidget.setTabOrder(self.households, self.population)
        QWidget.setTabOrder(self.population, self.boundary)
        QWidget.setTabOrder(self.boundary, self.notes)
        QWidget.setTabOrder(self.notes, self.deputies)
        QWidget.setTabOrder(self.deputies, self.clear_area)

        self.retranslateUi(GridForm)

        QMetaObject.connectSlotsByName(GridForm)
    # setupUi

    def retranslateUi(self, GridForm):
        self.code_label.setText(QCoreApplication.translate("GridForm", u"\u7f51\u683c\u7f16\u53f7(&C)", None))
        self.code.setPlaceholderText(QCoreApplication.translate("GridForm", u"\u5982 JT-01-05\uff0c\u4e0d\u80fd\u4e0e\u5176\u4ed6\u7f51\u683c\u91cd\u590d", None))
        self.name_label.setText(QCoreApplication.translate("GridForm", u"\u7f51\u683c\u540d\u79f0(&N)", None))
        self.community_label.setText(QCoreApplication.translate("GridForm", u"\u6240\u5c5e\u793e\u533a(&U)", None))
        self.worker_name_label.setText(QCoreApplication.translate("GridForm", u"\u7f51\u683c\u5458(&W)", None))
        self.worker_phone_label.setText(QCoreApplication.translate("GridForm", u"\u7f51\u683c\u5458\u7535\u8bdd(&P)", None))
        self.worker_phone.setPlaceholderText(QCoreApplication.translate("GridForm", u"\u624b\u673a\u53f7\u6216\u5e26\u533a\u53f7\u7684\u56fa\u5b9a\u7535\u8bdd", None))
        self.households_label.setText(QCoreApplication.translate("GridForm", u"\u6237\u6570(&H)", None))
        self.households.setSuffix(QCoreApplication.translate("GridForm", u" \u6237", None))
        self.population_label.setText(QCoreApplication.translate("GridForm", u"\u4eba\u53e3(&O)", None))
        self.population.setSuffix(QCoreApplication.translate("GridForm", u" \u4eba", None))
        self.boundary_label.setText(QCoreApplication.translate("GridForm", u"\u8303\u56f4\u63cf\u8ff0(&B)", None))
        self.boundary.setPlaceholderText(QCoreApplication.translate("GridForm", u"\u5982\uff1a\u4e1c\u81f3\u4eba\u6c11\u8def\uff0c\u5357\u81f3\u2026\uff1b\u542b\u67d0\u67d0\u5c0f\u533a", None))
        self.notes_label.setText(QCoreApplication.translate("GridForm", u"\u5907\u6ce8(&T)", None))
        self.deputies_label.setText(QCoreApplication.translate("GridForm", u"\u8054\u7cfb\u4ee3\u8868(&D)", None))
        self.deputies.setText(QCoreApplication.translate("GridForm", u"\u9009\u62e9\u4ee3\u8868(&E)\u2026", None))
        self.special_label.setText(QCoreApplication.translate("GridForm", u"\u91cd\u70b9\u6237", None))
        self.area_label.setText(QCoreApplication.translate("GridForm", u"\u5730\u56fe\u8303\u56f4", None))
        self.clear_area.setText(QCoreApplication.translate("GridForm", u"\u6e05\u9664\u8303\u56f4", None))
        pass
    # retranslateUi

