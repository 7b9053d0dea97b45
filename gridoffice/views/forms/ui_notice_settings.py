# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'notice_settings.ui'
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
from PySide6.QtWidgets import (QApplication, QFormLayout, QHeaderView, QLabel,
    QLineEdit, QPlainTextEdit, QSizePolicy, QTableWidget,
    QTableWidgetItem, QWidget)

class Ui_NoticeSettingsForm(object):
    def setupUi(self, NoticeSettingsForm):
        if not NoticeSettingsForm.objectName():
            NoticeSettingsForm.setObjectName(u"NoticeSettingsForm")
        self.form = QFormLayout(NoticeSettingsForm)
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.title_label = QLabel(NoticeSettingsForm)
        self.title_label.setObjectName(u"title_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.title_label)

        self.title = QLineEdit(NoticeSettingsForm)
        self.title.setObjectName(u"title")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.title)

        self.title_error = QLabel(NoticeSettingsForm)
        self.title_error.setObjectName(u"title_error")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.title_error)

        self.topics_label = QLabel(NoticeSettingsForm)
        self.topics_label.setObjectName(u"topics_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.topics_label)

        self.topics = QPlainTextEdit(NoticeSettingsForm)
        self.topics.setObjectName(u"topics")
        self.topics.setMinimumSize(QSize(0, 90))
        self.topics.setTabChangesFocus(True)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.topics)

        self.topics_error = QLabel(NoticeSettingsForm)
        self.topics_error.setObjectName(u"topics_error")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.topics_error)

        self.qr_text_label = QLabel(NoticeSettingsForm)
        self.qr_text_label.setObjectName(u"qr_text_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.qr_text_label)

        self.qr_text = QLineEdit(NoticeSettingsForm)
        self.qr_text.setObjectName(u"qr_text")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.qr_text)

        self.qr_text_error = QLabel(NoticeSettingsForm)
        self.qr_text_error.setObjectName(u"qr_text_error")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.qr_text_error)

        self.contacts_label = QLabel(NoticeSettingsForm)
        self.contacts_label.setObjectName(u"contacts_label")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.contacts_label)

        self.contacts = QTableWidget(NoticeSettingsForm)
        if (self.contacts.columnCount() < 3):
            self.contacts.setColumnCount(3)
        __qtablewidgetitem = QTableWidgetItem()
        self.contacts.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.contacts.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.contacts.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        self.contacts.setObjectName(u"contacts")
        self.contacts.setMinimumSize(QSize(0, 160))
        self.contacts.setTabKeyNavigation(False)
        self.contacts.setColumnCount(3)
        self.contacts.horizontalHeader().setStretchLastSection(True)
        self.contacts.verticalHeader().setVisible(False)

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.contacts)

        self.contacts_error = QLabel(NoticeSettingsForm)
        self.contacts_error.setObjectName(u"contacts_error")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.contacts_error)

#if QT_CONFIG(shortcut)
        self.title_label.setBuddy(self.title)
        self.topics_label.setBuddy(self.topics)
        self.qr_text_label.setBuddy(self.qr_text)
        self.contacts_label.setBuddy(self.contacts)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.title, self.topics)
        QWidget.setTabOrder(self.topics, self.qr_text)
        QWidget.setTabOrder(self.qr_text, self.contacts)

        self.retranslateUi(NoticeSettingsForm)

        QMetaObject.connectSlotsByName(NoticeSettingsForm)
    # setupUi

    def retranslateUi(self, NoticeSettingsForm):
        self.title_label.setText(QCoreApplication.translate("NoticeSettingsForm", u"\u516c\u544a\u6807\u9898(&T)", None))
        self.topics_label.setText(QCoreApplication.translate("NoticeSettingsForm", u"\u53ef\u4ee5\u53cd\u6620\u7684\u5185\u5bb9(&C)", None))
        self.qr_text_label.setText(QCoreApplication.translate("NoticeSettingsForm", u"\u4e8c\u7ef4\u7801\u5185\u5bb9(&Q)", None))
        self.qr_text.setPlaceholderText(QCoreApplication.translate("NoticeSettingsForm", u"\u4f8b\u5982\u516c\u4f17\u53f7\u6587\u7ae0\u6216\u9884\u7ea6\u9875\u9762\u7684\u94fe\u63a5\uff1b\u7559\u7a7a\u5219\u516c\u544a\u4e0a\u4e0d\u5370\u4e8c\u7ef4\u7801", None))
        self.contacts_label.setText(QCoreApplication.translate("NoticeSettingsForm", u"\u5404\u7ad9\u8054\u7cfb\u4eba(&L)", None))
        ___qtablewidgetitem = self.contacts.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("NoticeSettingsForm", u"\u8054\u7edc\u7ad9", None))
        ___qtablewidgetitem1 = self.contacts.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("NoticeSettingsForm", u"\u7535\u8bdd", None))
        ___qtablewidgetitem2 = self.contacts.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("NoticeSettingsForm", u"\u8054\u7cfb\u4eba\uff08\u53cc\u51fb\u586b\u5199\uff09", None))
#if QT_CONFIG(tooltip)
        self.contacts.setToolTip(QCoreApplication.translate("NoticeSettingsForm", u"\u516c\u544a\u4e0a\u5370\u7684\u8054\u7cfb\u4eba\uff0c\u4e0e\u8054\u7edc\u7ad9\u7684\u7535\u8bdd\u4e00\u8d77\u65b9\u4fbf\u7fa4\u4f17\u9884\u7ea6\uff1b\u7535\u8bdd\u5728\u201c\u5de5\u5177 \u2192 \u8054\u7edc\u7ad9\u201d\u4e2d\u586b\u5199", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

