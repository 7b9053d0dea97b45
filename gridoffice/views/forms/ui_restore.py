# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'restore.ui'
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
from PySide6.QtWidgets import (QApplication, QFormLayout, QGridLayout, QHBoxLayout,
    QLabel, QLineEdit, QProgressBar, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_RestoreForm(object):
    def setupUi(self, RestoreForm):
        if not RestoreForm.objectName():
            RestoreForm.setObjectName(u"RestoreForm")
        self.layout = QVBoxLayout(RestoreForm)
        self.layout.setObjectName(u"layout")
        self.layout.setContentsMargins(0, 0, 0, 0)
        self.file_label = QLabel(RestoreForm)
        self.file_label.setObjectName(u"file_label")
        self.file_label.setWordWrap(True)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout.addWidget(self.file_label)

        self.password_row = QWidget(RestoreForm)
        self.password_row.setObjectName(u"password_row")
        self.password_layout = QHBoxLayout(self.password_row)
        self.password_layout.setObjectName(u"password_layout")
        self.password_layout.setContentsMargins(0, 0, 0, 0)
        self.password_label = QLabel(self.password_row)
        self.password_label.setObjectName(u"password_label")

        self.password_layout.addWidget(self.password_label)

        self.password = QLineEdit(self.password_row)
        self.password.setObjectName(u"password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)

        self.password_layout.addWidget(self.password)

        self.check_button = QPushButton(self.password_row)
        self.check_button.setObjectName(u"check_button")

        self.password_layout.addWidget(self.check_button)

        self.password_layout.setStretch(1, 1)

        self.layout.addWidget(self.password_row)

        self.progress = QProgressBar(RestoreForm)
        self.progress.setObjectName(u"progress")
        self.progress.setMaximum(1000)
        self.progress.setValue(0)
        self.progress.setTextVisible(False)

        self.layout.addWidget(self.progress)

        self.status = QLabel(RestoreForm)
        self.status.setObjectName(u"status")
        self.status.setWordWrap(True)

        self.layout.addWidget(self.status)

        self.details = QWidget(RestoreForm)
        self.details.setObjectName(u"details")
        self.details_layout = QVBoxLayout(self.details)
        self.details_layout.setObjectName(u"details_layout")
        self.details_layout.setContentsMargins(0, 0, 0, 0)
        self.summary_form = QFormLayout()
        self.summary_form.setObjectName(u"summary_form")

        self.details_layout.addLayout(self.summary_form)

        self.before_counts = QSpacerItem(0, 8, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.details_layout.addItem(self.before_counts)

        self.counts_title = QLabel(self.details)
        self.counts_title.setObjectName(u"counts_title")

        self.details_layout.addWidget(self.counts_title)

        self.counts_grid = QGridLayout()
        self.counts_grid.setObjectName(u"counts_grid")
        self.counts_grid.setHorizontalSpacing(18)

        self.details_layout.addLayout(self.counts_grid)

        self.before_warning = QSpacerItem(0, 8, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.details_layout.addItem(self.before_warning)

        self.warning = QLabel(self.details)
        self.warning.setObjectName(u"warning")
        self.warning.setWordWrap(True)

        self.details_layout.addWidget(self.warning)


        self.layout.addWidget(self.details)

#if QT_CONFIG(shortcut)
        self.password_label.setBuddy(self.password)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.password, self.check_button)

        self.retranslateUi(RestoreForm)

        QMetaObject.connectSlotsByName(RestoreForm)
    # setupUi

    def retranslateUi(self, RestoreForm):
        self.password_label.setText(QCoreApplication.translate("RestoreForm", u"\u5bc6\u7801(&P)", None))
        self.password.setPlaceholderText(QCoreApplication.translate("RestoreForm", u"\u8fd9\u4e2a\u5907\u4efd\u8bbe\u6709\u5bc6\u7801\uff0c\u8bf7\u8f93\u5165", None))
        self.check_button.setText(QCoreApplication.translate("RestoreForm", u"\u68c0\u67e5(&C)", None))
        self.counts_title.setText(QCoreApplication.translate("RestoreForm", u"<b>\u5907\u4efd\u4e2d\u7684\u8bb0\u5f55</b>", None))
        pass
    # retranslateUi

