# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'duty_form.ui'
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
    QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QSizePolicy, QSpacerItem, QSpinBox,
    QTimeEdit, QWidget)

class Ui_DutyForm(object):
    def setupUi(self, DutyForm):
        if not DutyForm.objectName():
            DutyForm.setObjectName(u"DutyForm")
        self.form = QFormLayout(DutyForm)
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.kind_label = QLabel(DutyForm)
        self.kind_label.setObjectName(u"kind_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kind_label)

        self.kind = QComboBox(DutyForm)
        self.kind.setObjectName(u"kind")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kind)

        self.kind_error = QLabel(DutyForm)
        self.kind_error.setObjectName(u"kind_error")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kind_error)

        self.name_label = QLabel(DutyForm)
        self.name_label.setObjectName(u"name_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name = QLineEdit(DutyForm)
        self.name.setObjectName(u"name")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.name)

        self.name_error = QLabel(DutyForm)
        self.name_error.setObjectName(u"name_error")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.name_error)

        self.recurrence_label = QLabel(DutyForm)
        self.recurrence_label.setObjectName(u"recurrence_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.recurrence_label)

        self.recurrence = QComboBox(DutyForm)
        self.recurrence.setObjectName(u"recurrence")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.recurrence)

        self.recurrence_error = QLabel(DutyForm)
        self.recurrence_error.setObjectName(u"recurrence_error")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.recurrence_error)

        self.weekday_0_label = QLabel(DutyForm)
        self.weekday_0_label.setObjectName(u"weekday_0_label")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.weekday_0_label)

        self.weekdays_row = QHBoxLayout()
        self.weekdays_row.setObjectName(u"weekdays_row")
        self.weekday_0 = QCheckBox(DutyForm)
        self.weekday_0.setObjectName(u"weekday_0")

        self.weekdays_row.addWidget(self.weekday_0)

        self.weekday_1 = QCheckBox(DutyForm)
        self.weekday_1.setObjectName(u"weekday_1")

        self.weekdays_row.addWidget(self.weekday_1)

        self.weekday_2 = QCheckBox(DutyForm)
        self.weekday_2.setObjectName(u"weekday_2")

        self.weekdays_row.addWidget(self.weekday_2)

        self.weekday_3 = QCheckBox(DutyForm)
        self.weekday_3.setObjectName(u"weekday_3")

        self.weekdays_row.addWidget(self.weekday_3)

        self.weekday_4 = QCheckBox(DutyForm)
        self.weekday_4.setObjectName(u"weekday_4")

        self.weekdays_row.addWidget(self.weekday_4)

        self.weekday_5 = QCheckBox(DutyForm)
        self.weekday_5.setObjectName(u"weekday_5")

        self.weekdays_row.addWidget(self.weekday_5)

        self.weekday_6 = QCheckBox(DutyForm)
        self.weekday_6.setObjectName(u"weekday_6")

        self.weekdays_row.addWidget(self.weekday_6)


        self.form.setLayout(6, QFormLayout.ItemRole.FieldRole, self.weekdays_row)

        self.weekdays_error = QLabel(DutyForm)
        self.weekdays_error.setObjectName(u"weekdays_error")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.weekdays_error)

        self.nth_label = QLabel(DutyForm)
        self.nth_label.setObjectName(u"nth_label")

        self.form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.nth_label)

        self.nth = QComboBox(DutyForm)
        self.nth.setObjectName(u"nth")

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.nth)

        self.nth_error = QLabel(DutyForm)
        self.nth_error.setObjectName(u"nth_error")

        self.form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.nth_error)

        self.terms_label = QLabel(DutyForm)
        self.terms_label.setObjectName(u"terms_label")

        self.form.setWidget(10, QFormLayout.ItemRole.LabelRole, self.terms_label)

        self.terms = QLineEdit(DutyForm)
        self.terms.setObjectName(u"terms")

        self.form.setWidget(10, QFormLayout.ItemRole.FieldRole, self.terms)

        self.terms_error = QLabel(DutyForm)
        self.terms_error.setObjectName(u"terms_error")

        self.form.setWidget(11, QFormLayout.ItemRole.FieldRole, self.terms_error)

        self.start_time_label = QLabel(DutyForm)
        self.start_time_label.setObjectName(u"start_time_label")

        self.form.setWidget(12, QFormLayout.ItemRole.LabelRole, self.start_time_label)

        self.hours_row = QHBoxLayout()
        self.hours_row.setObjectName(u"hours_row")
        self.start_time = QTimeEdit(DutyForm)
        self.start_time.setObjectName(u"start_time")

        self.hours_row.addWidget(self.start_time)

        self.hours_to = QLabel(DutyForm)
        self.hours_to.setObjectName(u"hours_to")

        self.hours_row.addWidget(self.hours_to)

        self.end_time = QTimeEdit(DutyForm)
        self.end_time.setObjectName(u"end_time")

        self.hours_row.addWidget(self.end_time)

        self.hours_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.hours_row.addItem(self.hours_spacer)


        self.form.setLayout(12, QFormLayout.ItemRole.FieldRole, self.hours_row)

        self.start_time_error = QLabel(DutyForm)
        self.start_time_error.setObjectName(u"start_time_error")

        self.form.setWidget(13, QFormLayout.ItemRole.FieldRole, self.start_time_error)

        self.per_shift_label = QLabel(DutyForm)
        self.per_shift_label.setObjectName(u"per_shift_label")

        self.form.setWidget(14, QFormLayout.ItemRole.LabelRole, self.per_shift_label)

        self.per_shift = QSpinBox(DutyForm)
        self.per_shift.setObjectName(u"per_shift")
        self.per_shift.setMinimum(1)
        self.per_shift.setMaximum(30)

        self.form.setWidget(14, QFormLayout.ItemRole.FieldRole, self.per_shift)

        self.per_shift_error = QLabel(DutyForm)
        self.per_shift_error.setObjectName(u"per_shift_error")

        self.form.setWidget(15, QFormLayout.ItemRole.FieldRole, self.per_shift_error)

        self.grid_label = QLabel(DutyForm)
        self.grid_label.setObjectName(u"grid_label")

        self.form.setWidget(16, QFormLayout.ItemRole.LabelRole, self.grid_label)

        self.grid = QComboBox(DutyForm)
        self.grid.setObjectName(u"grid")

        self.form.setWidget(16, QFormLayout.ItemRole.FieldRole, self.grid)

        self.grid_error = QLabel(DutyForm)
        self.grid_error.setObjectName(u"grid_error")

        self.form.setWidget(17, QFormLayout.ItemRole.FieldRole, self.grid_error)

        self.station_label = QLabel(DutyForm)
        self.station_label.setObjectName(u"station_label")

        self.form.setWidget(18, QFormLayout.ItemRole.LabelRole, self.station_label)

        self.station = QComboBox(DutyForm)
        self.station.setObjectName(u"station")

        self.form.setWidget(18, QFormLayout.ItemRole.FieldRole, self.station)

        self.station_error = QLabel(DutyForm)
        self.station_error.setObjectName(u"station_error")

        self.form.setWidget(19, QFormLayout.ItemRole.FieldRole, self.station_error)

        self.place_label = QLabel(DutyForm)
        self.place_label.setObjectName(u"place_label")

        self.form.setWidget(20, QFormLayout.ItemRole.LabelRole, self.place_label)

        self.place = QLineEdit(DutyForm)
        self.place.setObjectName(u"place")

        self.form.setWidget(20, QFormLayout.ItemRole.FieldRole, self.place)

        self.place_error = QLabel(DutyForm)
        self.place_error.setObjectName(u"place_error")

        self.form.setWidget(21, QFormLayout.ItemRole.FieldRole, self.place_error)

        self.choose_pool_label = QLabel(DutyForm)
        self.choose_pool_label.setObjectName(u"choose_pool_label")

        self.form.setWidget(22, QFormLayout.ItemRole.LabelRole, self.choose_pool_label)

        self.pool_row = QHBoxLayout()
        self.pool_row.setObjectName(u"pool_row")
        self.pool_names = QLabel(DutyForm)
        self.pool_names.setObjectName(u"pool_names")
        self.pool_names.setWordWrap(True)

        self.pool_row.addWidget(self.pool_names)

        self.choose_pool = QPushButton(DutyForm)
        self.choose_pool.setObjectName(u"choose_pool")

        self.pool_row.addWidget(self.choose_pool)


        self.form.setLayout(22, QFormLayout.ItemRole.FieldRole, self.pool_row)

        self.pool_error = QLabel(DutyForm)
        self.pool_error.setObjectName(u"pool_error")

        self.form.setWidget(23, QFormLayout.ItemRole.FieldRole, self.pool_error)

        self.active_label = QLabel(DutyForm)
        self.active_label.setObjectName(u"active_label")

        self.form.setWidget(24, QFormLayout.ItemRole.LabelRole, self.active_label)

        self.active = QCheckBox(DutyForm)
        self.active.setObjectName(u"active")

        self.form.setWidget(24, QFormLayout.ItemRole.FieldRole, self.active)

        self.active_error = QLabel(DutyForm)
        self.active_error.setObjectName(u"active_error")

        self.form.setWidget(25, QFormLayout.ItemRole.FieldRole, self.active_error)

        self.notes_label = QLabel(DutyForm)
        self.notes_label.setObjectName(u"notes_label")

        self.form.setWidget(26, QFormLayout.ItemRole.LabelRole, self.notes_label)

        self.notes = QPlainTextEdit(DutyForm)
        self.notes.setObjectName(u"notes")
        self.notes.setMinimumSize(QSize(0, 48))
        self.notes.setMaximumSize(QSize(16777215, 48))
        self.notes.setTabChangesFocus(True)

        self.form.setWidget(26, QFormLayout.ItemRole.FieldRole, self.notes)

        self.notes_error = QLabel(DutyForm)
        self.notes_error.setObjectName(u"notes_error")

        self.form.setWidget(27, QFormLayout.ItemRole.FieldRole, self.notes_error)

#if QT_CONFIG(shortcut)
        self.kind_label.setBuddy(self.kind)
        self.name_label.setBuddy(self.name)
        self.recurrence_label.setBuddy(self.recurrence)
        self.weekday_0_label.setBuddy(self.weekday_0)
        self.nth_label.setBuddy(self.nth)
        self.terms_label.setBuddy(self.terms)
        self.start_time_label.setBuddy(self.start_time)
        self.per_shift_label.setBuddy(self.per_shift)
        self.grid_label.setBuddy(self.grid)
        self.station_label.setBuddy(self.station)
        self.place_label.setBuddy(self.place)
        self.choose_pool_label.setBuddy(self.choose_pool)
        self.notes_label.setBuddy(self.notes)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.kind, self.name)
        QWidget.setTabOrder(self.name, self.recurrence)
        QWidget.setTabOrder(self.recurrence, self.weekday_0)
        QWidget.setTabOrder(self.weekday_0, self.weekday_1)
        QWidget.setTabOrder(self.weekday_1, self.weekday_2)
        QWidget.setTabOrder(self.weekday_2, self.weekday_3)
        QWidget.setTabOrder(self.weekday_3, self.weekday_4)
        QWidget.setTabOrder(self.weekday_4, self.weekday_5)
        QWidget.setTabOrder(self.weekday_5, self.weekday_6)
        QWidget.setTabOrder(self.weekday_6, self.nth)
        QWidget.setTabOrder(self.nth, self.terms)
        QWidget.setTabOrder(self.terms, self.start_time)
        QWidget.setTabOrder(self.start_time, self.end_time)
        QWidget.setTabOrder(self.end_time, self.per_shift)
        QWidget.setTabOrder(self.per_shift, self.grid)
        QWidget.setTabOrder(self.grid, self.station)
        QWidget.setTabOrder(self.station, self.place)
        QWidget.setTabOrder(self.place, self.choose_pool)
        QWidget.setTabOrder(self.choose_pool, self.active)
        QWidget.setTabOrder(self.active, self.notes)

        self.retranslateUi(DutyForm)

        QMetaObject.connectSlotsByName(DutyForm)
    # setupUi

    def retranslateUi(self, DutyForm):
        self.kind_label.setText(QCoreApplication.translate("DutyForm", u"\u503c\u5b88\u7c7b\u578b(&K)", None))
        self.name_label.setText(QCoreApplication.translate("DutyForm", u"\u5c97\u4f4d\u540d\u79f0(&N)", None))
        self.name.setPlaceholderText(QCoreApplication.translate("DutyForm", u"\u5982 \u80b2\u82f1\u5c0f\u5b66\u4eba\u5927\u4ee3\u8868\u62a4\u5b66\u5c97\u3001\u77f3\u5c97\u6751\u7b2c1\u7f51\u683c\u6bcf\u5468\u5de1\u67e5", None))
        self.recurrence_label.setText(QCoreApplication.translate("DutyForm", u"\u91cd\u590d(&R)", None))
        self.weekday_0_label.setText(QCoreApplication.translate("DutyForm", u"\u661f\u671f(&W)", None))
        self.weekday_0.setText(QCoreApplication.translate("DutyForm", u"\u5468\u4e00", None))
        self.weekday_1.setText(QCoreApplication.translate("DutyForm", u"\u5468\u4e8c", None))
        self.weekday_2.setText(QCoreApplication.translate("DutyForm", u"\u5468\u4e09", None))
        self.weekday_3.setText(QCoreApplication.translate("DutyForm", u"\u5468\u56db", None))
        self.weekday_4.setText(QCoreApplication.translate("DutyForm", u"\u5468\u4e94", None))
        self.weekday_5.setText(QCoreApplication.translate("DutyForm", u"\u5468\u516d", None))
        self.weekday_6.setText(QCoreApplication.translate("DutyForm", u"\u5468\u65e5", None))
        self.nth_label.setText(QCoreApplication.translate("DutyForm", u"\u7b2c\u51e0\u4e2a(&T)", None))
#if QT_CONFIG(tooltip)
        self.nth.setToolTip(QCoreApplication.translate("DutyForm", u"\u6bcf\u6708\u6216\u6bcf\u5b63\u5ea6\u9996\u6708\u7684\u7b2c\u51e0\u4e2a\u661f\u671f\u51e0", None))
#endif // QT_CONFIG(tooltip)
        self.terms_label.setText(QCoreApplication.translate("DutyForm", u"\u5b66\u671f(&S)", None))
        self.terms.setPlaceholderText(QCoreApplication.translate("DutyForm", u"2026-09-01~2027-01-22; 2027-02-24~2027-07-03\uff08\u5bd2\u6691\u5047\u4e0d\u6392\uff09", None))
        self.start_time_label.setText(QCoreApplication.translate("DutyForm", u"\u65f6\u95f4(&H)", None))
        self.start_time.setDisplayFormat(QCoreApplication.translate("DutyForm", u"HH:mm", None))
        self.hours_to.setText(QCoreApplication.translate("DutyForm", u"\u81f3", None))
        self.end_time.setDisplayFormat(QCoreApplication.translate("DutyForm", u"HH:mm", None))
        self.per_shift_label.setText(QCoreApplication.translate("DutyForm", u"\u6bcf\u6b21\u4eba\u6570(&P)", None))
        self.per_shift.setSuffix(QCoreApplication.translate("DutyForm", u" \u4eba", None))
        self.grid_label.setText(QCoreApplication.translate("DutyForm", u"\u7f51\u683c(&G)", None))
        self.station_label.setText(QCoreApplication.translate("DutyForm", u"\u8054\u7edc\u7ad9(&Z)", None))
        self.place_label.setText(QCoreApplication.translate("DutyForm", u"\u5730\u70b9(&L)", None))
        self.place.setPlaceholderText(QCoreApplication.translate("DutyForm", u"\u5982 \u80b2\u82f1\u5c0f\u5b66\u6821\u95e8\u53e3", None))
        self.choose_pool_label.setText(QCoreApplication.translate("DutyForm", u"\u503c\u5b88\u4eba\u5458\u5e93(&U)", None))
        self.pool_names.setText(QCoreApplication.translate("DutyForm", u"\u5c1a\u672a\u9009\u62e9", None))
        self.choose_pool.setText(QCoreApplication.translate("DutyForm", u"\u9009\u62e9\u2026", None))
        self.active_label.setText("")
        self.active.setText(QCoreApplication.translate("DutyForm", u"\u542f\u7528(&E)\uff08\u53d6\u6d88\u540e\u4e0d\u518d\u6392\u73ed\uff0c\u8bb0\u5f55\u4fdd\u7559\uff09", None))
        self.notes_label.setText(QCoreApplication.translate("DutyForm", u"\u5907\u6ce8(&M)", None))
        pass
    # retranslateUi

