# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'backup.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QProgressBar, QPushButton, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_BackupForm(object):
    def setupUi(self, BackupForm):
        if not BackupForm.objectName():
            BackupForm.setObjectName(u"BackupForm")
        self.layout = QVBoxLayout(BackupForm)
        self.layout.setObjectName(u"layout")
        self.layout.setContentsMargins(0, 0, 0, 0)
        self.intro = QLabel(BackupForm)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.targets_label = QLabel(BackupForm)
        self.targets_label.setObjectName(u"targets_label")

        self.layout.addWidget(self.targets_label)

        self.targets_row = QHBoxLayout()
        self.targets_row.setObjectName(u"targets_row")
        self.targets = QListWidget(BackupForm)
        self.targets.setObjectName(u"targets")
        self.targets.setMinimumSize(QSize(0, 150))

        self.targets_row.addWidget(self.targets)

        self.refresh_button = QPushButton(BackupForm)
        self.refresh_button.setObjectName(u"refresh_button")

        self.targets_row.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignTop)

        self.targets_row.setStretch(0, 1)

        self.layout.addLayout(self.targets_row)

        self.use_password = QCheckBox(BackupForm)
        self.use_password.setObjectName(u"use_password")

        self.layout.addWidget(self.use_password)

        self.password_form = QFormLayout()
        self.password_form.setObjectName(u"password_form")
        self.password_label = QLabel(BackupForm)
        self.password_label.setObjectName(u"password_label")

        self.password_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.password_label)

        self.password = QLineEdit(BackupForm)
        self.password.setObjectName(u"password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)

        self.password_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.password)

        self.password_again_label = QLabel(BackupForm)
        self.password_again_label.setObjectName(u"password_again_label")

        self.password_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.password_again_label)

        self.password_again = QLineEdit(BackupForm)
        self.password_again.setObjectName(u"password_again")
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)

        self.password_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.password_again)

        self.password_hint = QLabel(BackupForm)
        self.password_hint.setObjectName(u"password_hint")

        self.password_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.password_hint)


        self.layout.addLayout(self.password_form)

        self.progress = QProgressBar(BackupForm)
        self.progress.setObjectName(u"progress")
        self.progress.setMaximum(1000)
        self.progress.setValue(0)
        self.progress.setTextVisible(False)

        self.layout.addWidget(self.progress)

        self.status = QLabel(BackupForm)
        self.status.setObjectName(u"status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout.addWidget(self.status)

        self.layout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.targets_label.setBuddy(self.targets)
        self.password_label.setBuddy(self.password)
        self.password_again_label.setBuddy(self.password_again)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.targets, self.refresh_button)
        QWidget.setTabOrder(self.refresh_button, self.use_password)
        QWidget.setTabOrder(self.use_password, self.password)
        QWidget.setTabOrder(self.password, self.password_again)

        self.retranslateUi(BackupForm)

        QMetaObject.connectSlotsByName(BackupForm)
    # setupUi

    def retranslateUi(self, BackupForm):
        self.targets_label.setText(QCoreApplication.translate("BackupForm", u"\u5907\u4efd\u5230(&T)\uff1a", None))
#if QT_CONFIG(tooltip)
        self.refresh_button.setToolTip(QCoreApplication.translate("BackupForm", u"\u63d2\u5165U\u76d8\u540e\u70b9\u8fd9\u91cc\u91cd\u65b0\u67e5\u627e", None))
#endif // QT_CONFIG(tooltip)
        self.refresh_button.setText(QCoreApplication.translate("BackupForm", u"\u5237\u65b0(&R)", None))
        self.use_password.setText(QCoreApplication.translate("BackupForm", u"\u8bbe\u7f6e\u5bc6\u7801\uff08\u6062\u590d\u65f6\u9700\u8981\u8f93\u5165\u8fd9\u4e2a\u5bc6\u7801\uff09(&S)", None))
        self.password_label.setText(QCoreApplication.translate("BackupForm", u"\u5bc6\u7801(&P)", None))
        self.password_again_label.setText(QCoreApplication.translate("BackupForm", u"\u786e\u8ba4\u5bc6\u7801(&C)", None))
        self.password_again.setPlaceholderText(QCoreApplication.translate("BackupForm", u"\u518d\u8f93\u5165\u4e00\u6b21", None))
        self.password_hint.setText(QCoreApplication.translate("BackupForm", u"\u8bf7\u7262\u8bb0\u5bc6\u7801\uff1a\u5fd8\u8bb0\u5bc6\u7801\u5c06\u65e0\u6cd5\u6062\u590d\u8fd9\u4efd\u5907\u4efd\u3002", None))
        pass
    # retranslateUi

