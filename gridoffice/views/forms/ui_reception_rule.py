# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'reception_rule.ui'
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
    QLabel, QLineEdit, QSizePolicy, QSpacerItem,
    QSpinBox, QTimeEdit, QVBoxLayout, QWidget)

class Ui_ReceptionRuleForm(object):
    def setupUi(self, ReceptionRuleForm):
        if not ReceptionRuleForm.objectName():
            ReceptionRuleForm.setObjectName(u"ReceptionRuleForm")
        self.form = QFormLayout(ReceptionRuleForm)
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.recurrence_label = QLabel(ReceptionRuleForm)
        self.recurrence_label.setObjectName(u"recurrence_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.recurrence_label)

        self.recurrence = QComboBox(ReceptionRuleForm)
        self.recurrence.setObjectName(u"recurrence")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.recurrence)

        self.recurrence_error = QLabel(ReceptionRuleForm)
        self.recurrence_error.setObjectName(u"recurrence_error")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.recurrence_error)

        self.nth_label = QLabel(ReceptionRuleForm)
        self.nth_label.setObjectName(u"nth_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.nth_label)

        self.nth = QComboBox(ReceptionRuleForm)
        self.nth.setObjectName(u"nth")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.nth)

        self.nth_error = QLabel(ReceptionRuleForm)
        self.nth_error.setObjectName(u"nth_error")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.nth_error)

        self.weekday_label = QLabel(ReceptionRuleForm)
        self.weekday_label.setObjectName(u"weekday_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.weekday_label)

        self.weekday = QComboBox(ReceptionRuleForm)
        self.weekday.setObjectName(u"weekday")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.weekday)

        self.weekday_error = QLabel(ReceptionRuleForm)
        self.weekday_error.setObjectName(u"weekday_error")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.weekday_error)

        self.day_of_month_label = QLabel(ReceptionRuleForm)
        self.day_of_month_label.setObjectName(u"day_of_month_label")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.day_of_month_label)

        self.day_of_month = QSpinBox(ReceptionRuleForm)
        self.day_of_month.setObjectName(u"day_of_month")
        self.day_of_month.setMinimum(1)
        self.day_of_month.setMaximum(31)

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.day_of_month)

        self.day_of_month_error = QLabel(ReceptionRuleForm)
        self.day_of_month_error.setObjectName(u"day_of_month_error")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.day_of_month_error)

        self.months_label = QLabel(ReceptionRuleForm)
        self.months_label.setObjectName(u"months_label")

        self.form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.months_label)

        self.months = QWidget(ReceptionRuleForm)
        self.months.setObjectName(u"months")
        self.months_layout = QVBoxLayout(self.months)
        self.months_layout.setObjectName(u"months_layout")
        self.months_layout.setContentsMargins(0, 0, 0, 0)

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.months)

        self.months_error = QLabel(ReceptionRuleForm)
        self.months_error.setObjectName(u"months_error")

        self.form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.months_error)

        self.time_label = QLabel(ReceptionRuleForm)
        self.time_label.setObjectName(u"time_label")

        self.form.setWidget(10, QFormLayout.ItemRole.LabelRole, self.time_label)

        self.time_row = QHBoxLayout()
        self.time_row.setObjectName(u"time_row")
        self.start_time = QTimeEdit(ReceptionRuleForm)
        self.start_time.setObjectName(u"start_time")

        self.time_row.addWidget(self.start_time)

        self.to_label = QLabel(ReceptionRuleForm)
        self.to_label.setObjectName(u"to_label")

        self.time_row.addWidget(self.to_label)

        self.end_time = QTimeEdit(ReceptionRuleForm)
        self.end_time.setObjectName(u"end_time")

        self.time_row.addWidget(self.end_time)

        self.time_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.time_row.addItem(self.time_spacer)


        self.form.setLayout(10, QFormLayout.ItemRole.FieldRole, self.time_row)

        self.time_error = QLabel(ReceptionRuleForm)
        self.time_error.setObjectName(u"time_error")

        self.form.setWidget(11, QFormLayout.ItemRole.FieldRole, self.time_error)

        self.place_label = QLabel(ReceptionRuleForm)
        self.place_label.setObjectName(u"place_label")

        self.form.setWidget(12, QFormLayout.ItemRole.LabelRole, self.place_label)

        self.place = QLineEdit(ReceptionRuleForm)
        self.place.setObjectName(u"place")

        self.form.setWidget(12, QFormLayout.ItemRole.FieldRole, self.place)

        self.place_error = QLabel(ReceptionRuleForm)
        self.place_error.setObjectName(u"place_error")

        self.form.setWidget(13, QFormLayout.ItemRole.FieldRole, self.place_error)

        self.per_day_label = QLabel(ReceptionRuleForm)
        self.per_day_label.setObjectName(u"per_day_label")

        self.form.setWidget(14, QFormLayout.ItemRole.LabelRole, self.per_day_label)

        self.per_day = QSpinBox(ReceptionRuleForm)
        self.per_day.setObjectName(u"per_day")
        self.per_day.setMinimum(1)
        self.per_day.setMaximum(6)

        self.form.setWidget(14, QFormLayout.ItemRole.FieldRole, self.per_day)

        self.per_day_error = QLabel(ReceptionRuleForm)
        self.per_day_error.setObjectName(u"per_day_error")

        self.form.setWidget(15, QFormLayout.ItemRole.FieldRole, self.per_day_error)

        self.pool_label = QLabel(ReceptionRuleForm)
        self.pool_label.setObjectName(u"pool_label")

        self.form.setWidget(16, QFormLayout.ItemRole.LabelRole, self.pool_label)

        self.pool = QWidget(ReceptionRuleForm)
        self.pool.setObjectName(u"pool")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(1)
        sizePolicy.setHeightForWidth(self.pool.sizePolicy().hasHeightForWidth())
        self.pool.setSizePolicy(sizePolicy)
        self.pool_layout = QVBoxLayout(self.pool)
        self.pool_layout.setObjectName(u"pool_layout")
        self.pool_layout.setContentsMargins(0, 0, 0, 0)

        self.form.setWidget(16, QFormLayout.ItemRole.FieldRole, self.pool)

        self.pool_error = QLabel(ReceptionRuleForm)
        self.pool_error.setObjectName(u"pool_error")

        self.form.setWidget(17, QFormLayout.ItemRole.FieldRole, self.pool_error)

#if QT_CONFIG(shortcut)
        self.recurrence_label.setBuddy(self.recurrence)
        self.nth_label.setBuddy(self.nth)
        self.weekday_label.setBuddy(self.weekday)
        self.day_of_month_label.setBuddy(self.day_of_month)
        self.time_label.setBuddy(self.start_time)
        self.place_label.setBuddy(self.place)
        self.per_day_label.setBuddy(self.per_day)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.recurrence, self.nth)
        QWidget.setTabOrder(self.nth, self.weekday)
        QWidget.setTabOrder(self.weekday, self.day_of_month)
        QWidget.setTabOrder(self.day_of_month, self.start_time)
        QWidget.setTabOrder(self.start_time, self.end_time)
        QWidget.setTabOrder(self.end_time, self.place)
        QWidget.setTabOrder(self.place, self.per_day)

        self.retranslateUi(ReceptionRuleForm)

        QMetaObject.connectSlotsByName(ReceptionRuleForm)
    # setupUi

    def retranslateUi(self, ReceptionRuleForm):
        self.recurrence_label.setText(QCoreApplication.translate("ReceptionRuleForm", u"\u63a5\u5f85\u89c4\u5f8b(&R)", None))
        self.nth_label.setText(QCoreApplication.translate("ReceptionRuleForm", u"\u7b2c\u51e0\u4e2a(&N)", None))
        self.weekday_label.setText(QCoreApplication.translate("ReceptionRuleForm", u"\u661f\u671f(&W)", None))
        self.day_of_month_label.setText(QCoreApplication.translate("ReceptionRuleForm", u"\u65e5\u671f(&D)", None))
        self.day_of_month.setSuffix(QCoreApplication.translate("ReceptionRuleForm", u" \u65e5", None))
        self.months_label.setText(QCoreApplication.translate("ReceptionRuleForm", u"\u6708\u4efd", None))
        self.time_label.setText(QCoreApplication.translate("ReceptionRuleForm", u"\u63a5\u5f85\u65f6\u95f4(&T)", None))
        self.start_time.setDisplayFormat(QCoreApplication.translate("ReceptionRuleForm", u"HH:mm", None))
        self.to_label.setText(QCoreApplication.translate("ReceptionRuleForm", u"\u81f3", None))
        self.end_time.setDisplayFormat(QCoreApplication.translate("ReceptionRuleForm", u"HH:mm", None))
        self.place_label.setText(QCoreApplication.translate("ReceptionRuleForm", u"\u63a5\u5f85\u5730\u70b9(&P)", None))
        self.per_day_label.setText(QCoreApplication.translate("ReceptionRuleForm", u"\u6bcf\u6b21\u503c\u73ed(&U)", None))
        self.per_day.setSuffix(QCoreApplication.translate("ReceptionRuleForm", u" \u4eba", None))
        self.pool_label.setText(QCoreApplication.translate("ReceptionRuleForm", u"\u8f6e\u503c\u4ee3\u8868\u5e93(&K)", None))
        pass
    # retranslateUi

