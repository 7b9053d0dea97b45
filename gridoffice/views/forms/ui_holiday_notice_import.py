# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'holiday_notice_import.ui'
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
from PySide6.QtWidgets import (QApplication, QGridLayout, QHBoxLayout, QLabel,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QSpinBox, QWidget)

class Ui_HolidayNoticeImportForm(object):
    def setupUi(self, HolidayNoticeImportForm):
        if not HolidayNoticeImportForm.objectName():
            HolidayNoticeImportForm.setObjectName(u"HolidayNoticeImportForm")
        self.grid = QGridLayout(HolidayNoticeImportForm)
        self.grid.setObjectName(u"grid")
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.hint = QLabel(HolidayNoticeImportForm)
        self.hint.setObjectName(u"hint")
        self.hint.setWordWrap(True)

        self.grid.addWidget(self.hint, 0, 0, 1, 2)

        self.notice_text = QPlainTextEdit(HolidayNoticeImportForm)
        self.notice_text.setObjectName(u"notice_text")
        self.notice_text.setMinimumSize(QSize(300, 0))
        self.notice_text.setTabChangesFocus(True)

        self.grid.addWidget(self.notice_text, 1, 0, 1, 1)

        self.calendar_host = QWidget(HolidayNoticeImportForm)
        self.calendar_host.setObjectName(u"calendar_host")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(2)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.calendar_host.sizePolicy().hasHeightForWidth())
        self.calendar_host.setSizePolicy(sizePolicy)

        self.grid.addWidget(self.calendar_host, 1, 1, 1, 1)

        self.parse_row = QHBoxLayout()
        self.parse_row.setObjectName(u"parse_row")
        self.year_label = QLabel(HolidayNoticeImportForm)
        self.year_label.setObjectName(u"year_label")

        self.parse_row.addWidget(self.year_label)

        self.year = QSpinBox(HolidayNoticeImportForm)
        self.year.setObjectName(u"year")
        self.year.setMinimum(2003)
        self.year.setMaximum(2100)

        self.parse_row.addWidget(self.year)

        self.parse_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.parse_row.addItem(self.parse_spacer)

        self.parse_button = QPushButton(HolidayNoticeImportForm)
        self.parse_button.setObjectName(u"parse_button")

        self.parse_row.addWidget(self.parse_button)


        self.grid.addLayout(self.parse_row, 2, 0, 1, 1)

        self.summary = QLabel(HolidayNoticeImportForm)
        self.summary.setObjectName(u"summary")
        self.summary.setWordWrap(True)

        self.grid.addWidget(self.summary, 2, 1, 1, 1)

        self.notice_text_error = QLabel(HolidayNoticeImportForm)
        self.notice_text_error.setObjectName(u"notice_text_error")

        self.grid.addWidget(self.notice_text_error, 3, 0, 1, 2)

#if QT_CONFIG(shortcut)
        self.year_label.setBuddy(self.year)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.notice_text, self.year)
        QWidget.setTabOrder(self.year, self.parse_button)

        self.retranslateUi(HolidayNoticeImportForm)

        QMetaObject.connectSlotsByName(HolidayNoticeImportForm)
    # setupUi

    def retranslateUi(self, HolidayNoticeImportForm):
        self.hint.setText(QCoreApplication.translate("HolidayNoticeImportForm", u"\u628a\u56fd\u52a1\u9662\u529e\u516c\u5385\u6bcf\u5e74\u516c\u5e03\u7684\u300a\u5173\u4e8e20XX\u5e74\u90e8\u5206\u8282\u5047\u65e5\u5b89\u6392\u7684\u901a\u77e5\u300b\u5168\u6587\uff08\u8fde\u540c\u6807\u9898\uff09\u7c98\u8d34\u5230\u5de6\u8fb9\uff0c\u70b9\u201c\u8bc6\u522b\u201d\uff0c\u5728\u53f3\u8fb9\u7684\u5168\u5e74\u65e5\u5386\u4e0a\u6838\u5bf9\u653e\u5047\uff08\u7ea2\uff09\u548c\u8c03\u4f11\u4e0a\u73ed\uff08\u7070\uff09\u7684\u65e5\u671f\uff0c\u65e0\u8bef\u540e\u4fdd\u5b58\u3002\u4fdd\u5b58\u4f1a\u66ff\u6362\u8be5\u5e74\u539f\u6709\u7684\u5f55\u5165\u3002", None))
        self.notice_text.setPlaceholderText(QCoreApplication.translate("HolidayNoticeImportForm", u"\u56fd\u52a1\u9662\u529e\u516c\u5385\u5173\u4e8e20XX\u5e74\u90e8\u5206\u8282\u5047\u65e5\u5b89\u6392\u7684\u901a\u77e5\n"
"\u2026\u2026\n"
"\u4e00\u3001\u5143\u65e6\uff1a\u2026\u2026\n"
"\u4e8c\u3001\u6625\u8282\uff1a\u2026\u2026", None))
        self.year_label.setText(QCoreApplication.translate("HolidayNoticeImportForm", u"\u5e74\u4efd(&Y)", None))
#if QT_CONFIG(tooltip)
        self.year.setToolTip(QCoreApplication.translate("HolidayNoticeImportForm", u"\u7c98\u8d34\u7684\u6587\u5b57\u6ca1\u6709\u6807\u9898\u65f6\uff0c\u5728\u8fd9\u91cc\u9009\u5e74\u4efd", None))
#endif // QT_CONFIG(tooltip)
        self.year.setSpecialValueText(QCoreApplication.translate("HolidayNoticeImportForm", u"\u6309\u6807\u9898", None))
        self.parse_button.setText(QCoreApplication.translate("HolidayNoticeImportForm", u"\u8bc6\u522b(&R)", None))
        pass
    # retranslateUi

