# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'database_connection.ui'
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
    QLabel, QLineEdit, QSizePolicy, QSpinBox,
    QWidget)

class Ui_DatabaseConnectionForm(object):
    def setupUi(self, DatabaseConnectionForm):
        if not DatabaseConnectionForm.objectName():
            DatabaseConnectionForm.setObjectName(u"DatabaseConnectionForm")
        self.form = QFormLayout(DatabaseConnectionForm)
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.mode_label = QLabel(DatabaseConnectionForm)
        self.mode_label.setObjectName(u"mode_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.mode_label)

        self.mode = QComboBox(DatabaseConnectionForm)
        self.mode.setObjectName(u"mode")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.mode)

        self.mode_error = QLabel(DatabaseConnectionForm)
        self.mode_error.setObjectName(u"mode_error")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.mode_error)

        self.host_label = QLabel(DatabaseConnectionForm)
        self.host_label.setObjectName(u"host_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.host_label)

        self.host = QLineEdit(DatabaseConnectionForm)
        self.host.setObjectName(u"host")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.host)

        self.host_error = QLabel(DatabaseConnectionForm)
        self.host_error.setObjectName(u"host_error")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.host_error)

        self.port_label = QLabel(DatabaseConnectionForm)
        self.port_label.setObjectName(u"port_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.port_label)

        self.port = QSpinBox(DatabaseConnectionForm)
        self.port.setObjectName(u"port")
        self.port.setMinimum(1)
        self.port.setMaximum(65535)
        self.port.setValue(5432)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.port)

        self.port_error = QLabel(DatabaseConnectionForm)
        self.port_error.setObjectName(u"port_error")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.port_error)

        self.database_label = QLabel(DatabaseConnectionForm)
        self.database_label.setObjectName(u"database_label")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.database_label)

        self.database = QLineEdit(DatabaseConnectionForm)
        self.database.setObjectName(u"database")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.database)

        self.database_error = QLabel(DatabaseConnectionForm)
        self.database_error.setObjectName(u"database_error")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.database_error)

        self.user_label = QLabel(DatabaseConnectionForm)
        self.user_label.setObjectName(u"user_label")

        self.form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.user_label)

        self.user = QLineEdit(DatabaseConnectionForm)
        self.user.setObjectName(u"user")

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.user)

        self.user_error = QLabel(DatabaseConnectionForm)
        self.user_error.setObjectName(u"user_error")

        self.form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.user_error)

        self.password_label = QLabel(DatabaseConnectionForm)
        self.password_label.setObjectName(u"password_label")

        self.form.setWidget(10, QFormLayout.ItemRole.LabelRole, self.password_label)

        self.password = QLineEdit(DatabaseConnectionForm)
        self.password.setObjectName(u"password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(10, QFormLayout.ItemRole.FieldRole, self.password)

        self.password_error = QLabel(DatabaseConnectionForm)
        self.password_error.setObjectName(u"password_error")

        self.form.setWidget(11, QFormLayout.ItemRole.FieldRole, self.password_error)

        self.sslmode_label = QLabel(DatabaseConnectionForm)
        self.sslmode_label.setObjectName(u"sslmode_label")

        self.form.setWidget(12, QFormLayout.ItemRole.LabelRole, self.sslmode_label)

        self.sslmode = QComboBox(DatabaseConnectionForm)
        self.sslmode.setObjectName(u"sslmode")

        self.form.setWidget(12, QFormLayout.ItemRole.FieldRole, self.sslmode)

        self.sslmode_error = QLabel(DatabaseConnectionForm)
        self.sslmode_error.setObjectName(u"sslmode_error")

        self.form.setWidget(13, QFormLayout.ItemRole.FieldRole, self.sslmode_error)

        self.save_password = QCheckBox(DatabaseConnectionForm)
        self.save_password.setObjectName(u"save_password")
        self.save_password.setChecked(True)

        self.form.setWidget(14, QFormLayout.ItemRole.FieldRole, self.save_password)

        self.hint = QLabel(DatabaseConnectionForm)
        self.hint.setObjectName(u"hint")
        self.hint.setWordWrap(True)

        self.form.setWidget(15, QFormLayout.ItemRole.SpanningRole, self.hint)

#if QT_CONFIG(shortcut)
        self.mode_label.setBuddy(self.mode)
        self.host_label.setBuddy(self.host)
        self.port_label.setBuddy(self.port)
        self.database_label.setBuddy(self.database)
        self.user_label.setBuddy(self.user)
        self.password_label.setBuddy(self.password)
        self.sslmode_label.setBuddy(self.sslmode)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.mode, self.host)
        QWidget.setTabOrder(self.host, self.port)
        QWidget.setTabOrder(self.port, self.database)
        QWidget.setTabOrder(self.database, self.user)
        QWidget.setTabOrder(self.user, self.password)
        QWidget.setTabOrder(self.password, self.sslmode)
        QWidget.setTabOrder(self.sslmode, self.save_password)

        self.retranslateUi(DatabaseConnectionForm)

        QMetaObject.connectSlotsByName(DatabaseConnectionForm)
    # setupUi

    def retranslateUi(self, DatabaseConnectionForm):
        self.mode_label.setText(QCoreApplication.translate("DatabaseConnectionForm", u"\u4f7f\u7528(&U)", None))
        self.host_label.setText(QCoreApplication.translate("DatabaseConnectionForm", u"\u670d\u52a1\u5668(&S)", None))
        self.host.setPlaceholderText(QCoreApplication.translate("DatabaseConnectionForm", u"\u4f8b\u5982\uff1a10.1.2.3 \u6216 rdserver", None))
        self.port_label.setText(QCoreApplication.translate("DatabaseConnectionForm", u"\u7aef\u53e3(&O)", None))
        self.database_label.setText(QCoreApplication.translate("DatabaseConnectionForm", u"\u6570\u636e\u5e93\u540d(&D)", None))
        self.database.setPlaceholderText(QCoreApplication.translate("DatabaseConnectionForm", u"\u4f8b\u5982\uff1ajinxi", None))
        self.user_label.setText(QCoreApplication.translate("DatabaseConnectionForm", u"\u7528\u6237\u540d(&N)", None))
        self.user.setPlaceholderText(QCoreApplication.translate("DatabaseConnectionForm", u"\u533a\u91cc\u7684\u6570\u636e\u5e93\u7ba1\u7406\u5458\u7ed9\u7684\u7528\u6237\u540d", None))
        self.password_label.setText(QCoreApplication.translate("DatabaseConnectionForm", u"\u5bc6\u7801(&P)", None))
        self.password.setPlaceholderText(QCoreApplication.translate("DatabaseConnectionForm", u"\u53ea\u5728\u9700\u8981\u65f6\u586b\u5199\uff1a\u4fdd\u5b58\u5230\u672c\u673a\u7684 PostgreSQL \u5bc6\u7801\u6587\u4ef6", None))
        self.sslmode_label.setText(QCoreApplication.translate("DatabaseConnectionForm", u"\u52a0\u5bc6\u8fde\u63a5(&E)", None))
        self.save_password.setText(QCoreApplication.translate("DatabaseConnectionForm", u"\u628a\u5bc6\u7801\u4fdd\u5b58\u5230\u672c\u673a\u7684 PostgreSQL \u5bc6\u7801\u6587\u4ef6\uff08pgpass\uff0c\u53ea\u6709\u672c\u673a\u7684\u8fd9\u4e2a Windows \u7528\u6237\u80fd\u8bfb\uff09", None))
        pass
    # retranslateUi

