# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'appraisal_form.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QDateEdit, QFormLayout,
    QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QSizePolicy, QSpacerItem, QSpinBox, QTimeEdit,
    QWidget)

class Ui_AppraisalForm(object):
    def setupUi(self, AppraisalForm):
        if not AppraisalForm.objectName():
            AppraisalForm.setObjectName(u"AppraisalForm")
        self.form = QFormLayout(AppraisalForm)
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.year_label = QLabel(AppraisalForm)
        self.year_label.setObjectName(u"year_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.year_label)

        self.year_row = QHBoxLayout()
        self.year_row.setObjectName(u"year_row")
        self.year = QSpinBox(AppraisalForm)
        self.year.setObjectName(u"year")
        self.year.setMinimum(2000)
        self.year.setMaximum(2100)

        self.year_row.addWidget(self.year)

        self.scale_label = QLabel(AppraisalForm)
        self.scale_label.setObjectName(u"scale_label")

        self.year_row.addWidget(self.scale_label)

        self.scale = QComboBox(AppraisalForm)
        self.scale.setObjectName(u"scale")

        self.year_row.addWidget(self.scale)

        self.year_row_end = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.year_row.addItem(self.year_row_end)


        self.form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.year_row)

        self.year_error = QLabel(AppraisalForm)
        self.year_error.setObjectName(u"year_error")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.year_error)

        self.scale_error = QLabel(AppraisalForm)
        self.scale_error.setObjectName(u"scale_error")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.scale_error)

        self.date_label = QLabel(AppraisalForm)
        self.date_label.setObjectName(u"date_label")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.date_label)

        self.date_row = QHBoxLayout()
        self.date_row.setObjectName(u"date_row")
        self.date = QDateEdit(AppraisalForm)
        self.date.setObjectName(u"date")
        self.date.setCalendarPopup(True)

        self.date_row.addWidget(self.date)

        self.start_time = QTimeEdit(AppraisalForm)
        self.start_time.setObjectName(u"start_time")

        self.date_row.addWidget(self.start_time)

        self.date_row_end = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.date_row.addItem(self.date_row_end)


        self.form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.date_row)

        self.date_error = QLabel(AppraisalForm)
        self.date_error.setObjectName(u"date_error")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.date_error)

        self.station_label = QLabel(AppraisalForm)
        self.station_label.setObjectName(u"station_label")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.station_label)

        self.station = QComboBox(AppraisalForm)
        self.station.setObjectName(u"station")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.station)

        self.station_error = QLabel(AppraisalForm)
        self.station_error.setObjectName(u"station_error")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.station_error)

        self.place_label = QLabel(AppraisalForm)
        self.place_label.setObjectName(u"place_label")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.place_label)

        self.place = QLineEdit(AppraisalForm)
        self.place.setObjectName(u"place")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.place)

        self.place_error = QLabel(AppraisalForm)
        self.place_error.setObjectName(u"place_error")

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.place_error)

        self.host_label = QLabel(AppraisalForm)
        self.host_label.setObjectName(u"host_label")

        self.form.setWidget(9, QFormLayout.ItemRole.LabelRole, self.host_label)

        self.host = QLineEdit(AppraisalForm)
        self.host.setObjectName(u"host")

        self.form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.host)

        self.notes_label = QLabel(AppraisalForm)
        self.notes_label.setObjectName(u"notes_label")

        self.form.setWidget(10, QFormLayout.ItemRole.LabelRole, self.notes_label)

        self.notes = QPlainTextEdit(AppraisalForm)
        self.notes.setObjectName(u"notes")
        self.notes.setMinimumSize(QSize(0, 40))
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumSize(QSize(16777215, 80))

        self.form.setWidget(10, QFormLayout.ItemRole.FieldRole, self.notes)

#if QT_CONFIG(shortcut)
        self.year_label.setBuddy(self.year)
        self.scale_label.setBuddy(self.scale)
        self.date_label.setBuddy(self.date)
        self.station_label.setBuddy(self.station)
        self.place_label.setBuddy(self.place)
        self.host_label.setBuddy(self.host)
        self.notes_label.setBuddy(self.notes)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.year, self.scale)
        QWidget.setTabOrder(self.scale, self.date)
        QWidget.setTabOrder(self.date, self.start_time)
        QWidget.setTabOrder(self.start_time, self.station)
        QWidget.setTabOrder(self.station, self.place)
        QWidget.setTabOrder(self.place, self.host)
        QWidget.setTabOrder(self.host, self.notes)

        self.retranslateUi(AppraisalForm)

        QMetaObject.connectSlotsByName(AppraisalForm)
    # setupUi

    def retranslateUi(self, AppraisalForm):
        self.year_label.setText(QCoreApplication.translate("AppraisalForm", u"\u8ff0\u804c\u5e74\u5ea6(&Y)", None))
        self.year.setSuffix(QCoreApplication.translate("AppraisalForm", u" \u5e74\u5ea6", None))
        self.scale_label.setText(QCoreApplication.translate("AppraisalForm", u"\u6d4b\u8bc4\u65b9\u5f0f(&S)", None))
        self.date_label.setText(QCoreApplication.translate("AppraisalForm", u"\u65e5\u671f\u65f6\u95f4(&D)", None))
        self.date.setDisplayFormat(QCoreApplication.translate("AppraisalForm", u"yyyy\u5e74M\u6708d\u65e5", None))
        self.start_time.setDisplayFormat(QCoreApplication.translate("AppraisalForm", u"HH:mm", None))
        self.start_time.setSpecialValueText(QCoreApplication.translate("AppraisalForm", u"\u65f6\u95f4\u672a\u5b9a", None))
        self.station_label.setText(QCoreApplication.translate("AppraisalForm", u"\u8054\u7edc\u7ad9(&Z)", None))
        self.place_label.setText(QCoreApplication.translate("AppraisalForm", u"\u5730\u70b9(&P)", None))
        self.host_label.setText(QCoreApplication.translate("AppraisalForm", u"\u4e3b\u6301\u4eba(&H)", None))
        self.notes_label.setText(QCoreApplication.translate("AppraisalForm", u"\u5907\u6ce8(&N)", None))
        pass
    # retranslateUi

