# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'meeting_form.ui'
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

from gridoffice.views.activities.grid_combo import GridCombo

class Ui_MeetingForm(object):
    def setupUi(self, MeetingForm):
        if not MeetingForm.objectName():
            MeetingForm.setObjectName(u"MeetingForm")
        self.form = QFormLayout(MeetingForm)
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.kind_label = QLabel(MeetingForm)
        self.kind_label.setObjectName(u"kind_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kind_label)

        self.kind_row = QHBoxLayout()
        self.kind_row.setObjectName(u"kind_row")
        self.kind = QComboBox(MeetingForm)
        self.kind.setObjectName(u"kind")

        self.kind_row.addWidget(self.kind)

        self.status_label = QLabel(MeetingForm)
        self.status_label.setObjectName(u"status_label")

        self.kind_row.addWidget(self.status_label)

        self.status = QComboBox(MeetingForm)
        self.status.setObjectName(u"status")

        self.kind_row.addWidget(self.status)

        self.kind_row_end = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.kind_row.addItem(self.kind_row_end)


        self.form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.kind_row)

        self.kind_error = QLabel(MeetingForm)
        self.kind_error.setObjectName(u"kind_error")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kind_error)

        self.status_error = QLabel(MeetingForm)
        self.status_error.setObjectName(u"status_error")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.status_error)

        self.title_label = QLabel(MeetingForm)
        self.title_label.setObjectName(u"title_label")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.title_label)

        self.title = QLineEdit(MeetingForm)
        self.title.setObjectName(u"title")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.title)

        self.title_error = QLabel(MeetingForm)
        self.title_error.setObjectName(u"title_error")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.title_error)

        self.date_label = QLabel(MeetingForm)
        self.date_label.setObjectName(u"date_label")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.date_label)

        self.date_row = QHBoxLayout()
        self.date_row.setObjectName(u"date_row")
        self.date = QDateEdit(MeetingForm)
        self.date.setObjectName(u"date")
        self.date.setCalendarPopup(True)

        self.date_row.addWidget(self.date)

        self.start_time = QTimeEdit(MeetingForm)
        self.start_time.setObjectName(u"start_time")

        self.date_row.addWidget(self.start_time)

        self.date_row_end = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.date_row.addItem(self.date_row_end)


        self.form.setLayout(5, QFormLayout.ItemRole.FieldRole, self.date_row)

        self.date_error = QLabel(MeetingForm)
        self.date_error.setObjectName(u"date_error")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.date_error)

        self.place_label = QLabel(MeetingForm)
        self.place_label.setObjectName(u"place_label")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.place_label)

        self.place = QLineEdit(MeetingForm)
        self.place.setObjectName(u"place")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.place)

        self.place_error = QLabel(MeetingForm)
        self.place_error.setObjectName(u"place_error")

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.place_error)

        self.station_label = QLabel(MeetingForm)
        self.station_label.setObjectName(u"station_label")

        self.form.setWidget(9, QFormLayout.ItemRole.LabelRole, self.station_label)

        self.station = QComboBox(MeetingForm)
        self.station.setObjectName(u"station")

        self.form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.station)

        self.station_error = QLabel(MeetingForm)
        self.station_error.setObjectName(u"station_error")

        self.form.setWidget(10, QFormLayout.ItemRole.FieldRole, self.station_error)

        self.grid_label = QLabel(MeetingForm)
        self.grid_label.setObjectName(u"grid_label")

        self.form.setWidget(11, QFormLayout.ItemRole.LabelRole, self.grid_label)

        self.grid = GridCombo(MeetingForm)
        self.grid.setObjectName(u"grid")

        self.form.setWidget(11, QFormLayout.ItemRole.FieldRole, self.grid)

        self.grid_error = QLabel(MeetingForm)
        self.grid_error.setObjectName(u"grid_error")

        self.form.setWidget(12, QFormLayout.ItemRole.FieldRole, self.grid_error)

        self.host_label = QLabel(MeetingForm)
        self.host_label.setObjectName(u"host_label")

        self.form.setWidget(13, QFormLayout.ItemRole.LabelRole, self.host_label)

        self.host_row = QHBoxLayout()
        self.host_row.setObjectName(u"host_row")
        self.host = QLineEdit(MeetingForm)
        self.host.setObjectName(u"host")

        self.host_row.addWidget(self.host)

        self.recorder_label = QLabel(MeetingForm)
        self.recorder_label.setObjectName(u"recorder_label")

        self.host_row.addWidget(self.recorder_label)

        self.recorder = QLineEdit(MeetingForm)
        self.recorder.setObjectName(u"recorder")

        self.host_row.addWidget(self.recorder)


        self.form.setLayout(13, QFormLayout.ItemRole.FieldRole, self.host_row)

        self.others_label = QLabel(MeetingForm)
        self.others_label.setObjectName(u"others_label")

        self.form.setWidget(14, QFormLayout.ItemRole.LabelRole, self.others_label)

        self.others = QLineEdit(MeetingForm)
        self.others.setObjectName(u"others")

        self.form.setWidget(14, QFormLayout.ItemRole.FieldRole, self.others)

        self.others_error = QLabel(MeetingForm)
        self.others_error.setObjectName(u"others_error")

        self.form.setWidget(15, QFormLayout.ItemRole.FieldRole, self.others_error)

        self.residents_present_label = QLabel(MeetingForm)
        self.residents_present_label.setObjectName(u"residents_present_label")

        self.form.setWidget(16, QFormLayout.ItemRole.LabelRole, self.residents_present_label)

        self.residents_present = QSpinBox(MeetingForm)
        self.residents_present.setObjectName(u"residents_present")
        self.residents_present.setMaximum(100000)

        self.form.setWidget(16, QFormLayout.ItemRole.FieldRole, self.residents_present)

        self.residents_present_error = QLabel(MeetingForm)
        self.residents_present_error.setObjectName(u"residents_present_error")

        self.form.setWidget(17, QFormLayout.ItemRole.FieldRole, self.residents_present_error)

        self.campaign_label = QLabel(MeetingForm)
        self.campaign_label.setObjectName(u"campaign_label")

        self.form.setWidget(18, QFormLayout.ItemRole.LabelRole, self.campaign_label)

        self.campaign = QComboBox(MeetingForm)
        self.campaign.setObjectName(u"campaign")

        self.form.setWidget(18, QFormLayout.ItemRole.FieldRole, self.campaign)

        self.campaign_error = QLabel(MeetingForm)
        self.campaign_error.setObjectName(u"campaign_error")

        self.form.setWidget(19, QFormLayout.ItemRole.FieldRole, self.campaign_error)

        self.agenda_label = QLabel(MeetingForm)
        self.agenda_label.setObjectName(u"agenda_label")

        self.form.setWidget(20, QFormLayout.ItemRole.LabelRole, self.agenda_label)

        self.agenda = QPlainTextEdit(MeetingForm)
        self.agenda.setObjectName(u"agenda")
        self.agenda.setMinimumSize(QSize(0, 72))
        self.agenda.setTabChangesFocus(True)
        self.agenda.setMaximumSize(QSize(16777215, 110))

        self.form.setWidget(20, QFormLayout.ItemRole.FieldRole, self.agenda)

        self.agenda_error = QLabel(MeetingForm)
        self.agenda_error.setObjectName(u"agenda_error")

        self.form.setWidget(21, QFormLayout.ItemRole.FieldRole, self.agenda_error)

        self.minutes_label = QLabel(MeetingForm)
        self.minutes_label.setObjectName(u"minutes_label")

        self.form.setWidget(22, QFormLayout.ItemRole.LabelRole, self.minutes_label)

        self.minutes = QPlainTextEdit(MeetingForm)
        self.minutes.setObjectName(u"minutes")
        self.minutes.setMinimumSize(QSize(0, 50))
        self.minutes.setTabChangesFocus(True)

        self.form.setWidget(22, QFormLayout.ItemRole.FieldRole, self.minutes)

        self.minutes_error = QLabel(MeetingForm)
        self.minutes_error.setObjectName(u"minutes_error")

        self.form.setWidget(23, QFormLayout.ItemRole.FieldRole, self.minutes_error)

#if QT_CONFIG(shortcut)
        self.kind_label.setBuddy(self.kind)
        self.status_label.setBuddy(self.status)
        self.title_label.setBuddy(self.title)
        self.date_label.setBuddy(self.date)
        self.place_label.setBuddy(self.place)
        self.station_label.setBuddy(self.station)
        self.grid_label.setBuddy(self.grid)
        self.host_label.setBuddy(self.host)
        self.recorder_label.setBuddy(self.recorder)
        self.others_label.setBuddy(self.others)
        self.residents_present_label.setBuddy(self.residents_present)
        self.campaign_label.setBuddy(self.campaign)
        self.agenda_label.setBuddy(self.agenda)
        self.minutes_label.setBuddy(self.minutes)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.kind, self.status)
        QWidget.setTabOrder(self.status, self.title)
        QWidget.setTabOrder(self.title, self.date)
        QWidget.setTabOrder(self.date, self.start_time)
        QWidget.setTabOrder(self.start_time, self.place)
        QWidget.setTabOrder(self.place, self.station)
        QWidget.setTabOrder(self.station, self.grid)
        QWidget.setTabOrder(self.grid, self.host)
        QWidget.setTabOrder(self.host, self.recorder)
        QWidget.setTabOrder(self.recorder, self.others)
        QWidget.setTabOrder(self.others, self.residents_present)
        QWidget.setTabOrder(self.residents_present, self.campaign)
        QWidget.setTabOrder(self.campaign, self.agenda)
        QWidget.setTabOrder(self.agenda, self.minutes)

        self.retranslateUi(MeetingForm)

        QMetaObject.connectSlotsByName(MeetingForm)
    # setupUi

    def retranslateUi(self, MeetingForm):
        self.kind_label.setText(QCoreApplication.translate("MeetingForm", u"\u4f1a\u8bae\u7c7b\u578b(&K)", None))
        self.status_label.setText(QCoreApplication.translate("MeetingForm", u"\u72b6\u6001(&S)", None))
        self.title_label.setText(QCoreApplication.translate("MeetingForm", u"\u4f1a\u8bae\u540d\u79f0(&T)", None))
        self.title.setPlaceholderText(QCoreApplication.translate("MeetingForm", u"\u4f8b\u5982\uff1a\u9526\u5858\u793e\u533a\u5341\u4e00\u6708\u7f51\u683c\u8bae\u4e8b\u4f1a", None))
        self.date_label.setText(QCoreApplication.translate("MeetingForm", u"\u65e5\u671f\u65f6\u95f4(&D)", None))
        self.date.setDisplayFormat(QCoreApplication.translate("MeetingForm", u"yyyy\u5e74M\u6708d\u65e5", None))
        self.start_time.setDisplayFormat(QCoreApplication.translate("MeetingForm", u"HH:mm", None))
        self.start_time.setSpecialValueText(QCoreApplication.translate("MeetingForm", u"\u65f6\u95f4\u672a\u5b9a", None))
        self.place_label.setText(QCoreApplication.translate("MeetingForm", u"\u5730\u70b9(&P)", None))
        self.station_label.setText(QCoreApplication.translate("MeetingForm", u"\u8054\u7edc\u7ad9(&Z)", None))
        self.grid_label.setText(QCoreApplication.translate("MeetingForm", u"\u7f51\u683c(&G)", None))
        self.host_label.setText(QCoreApplication.translate("MeetingForm", u"\u4e3b\u6301\u4eba(&H)", None))
        self.recorder_label.setText(QCoreApplication.translate("MeetingForm", u"\u8bb0\u5f55\u4eba(&R)", None))
        self.others_label.setText(QCoreApplication.translate("MeetingForm", u"\u5176\u4ed6\u53c2\u4f1a\u4eba\u5458(&O)", None))
        self.others.setPlaceholderText(QCoreApplication.translate("MeetingForm", u"\u804c\u80fd\u90e8\u95e8\u3001\u7f51\u683c\u5458\u3001\u4f01\u4e1a\u4ee3\u8868\u2026\u2026", None))
        self.residents_present_label.setText(QCoreApplication.translate("MeetingForm", u"\u5230\u4f1a\u7fa4\u4f17(&Q)", None))
        self.residents_present.setSuffix(QCoreApplication.translate("MeetingForm", u" \u4eba\u6b21", None))
        self.campaign_label.setText(QCoreApplication.translate("MeetingForm", u"\u4e13\u9879\u6d3b\u52a8(&A)", None))
        self.agenda_label.setText(QCoreApplication.translate("MeetingForm", u"\u4f1a\u8bae\u8bae\u7a0b(&Y)", None))
        self.agenda.setPlaceholderText(QCoreApplication.translate("MeetingForm", u"\u6bcf\u884c\u4e00\u9879", None))
        self.minutes_label.setText(QCoreApplication.translate("MeetingForm", u"\u4f1a\u8bae\u60c5\u51b5(&M)", None))
        self.minutes.setPlaceholderText(QCoreApplication.translate("MeetingForm", u"\u53ec\u5f00\u540e\u586b\u5199\uff1a\u8ba8\u8bba\u4e86\u4ec0\u4e48\uff08\u5199\u5165\u4f1a\u8bae\u7eaa\u8981\uff09", None))
        pass
    # retranslateUi

