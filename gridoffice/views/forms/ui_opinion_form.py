# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'opinion_form.ui'
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
    QSizePolicy, QWidget)

class Ui_OpinionForm(object):
    def setupUi(self, OpinionForm):
        if not OpinionForm.objectName():
            OpinionForm.setObjectName(u"OpinionForm")
        self.form = QFormLayout(OpinionForm)
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.received_on_label = QLabel(OpinionForm)
        self.received_on_label.setObjectName(u"received_on_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.received_on_label)

        self.received_on = QDateEdit(OpinionForm)
        self.received_on.setObjectName(u"received_on")
        self.received_on.setCalendarPopup(True)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.received_on)

        self.received_on_error = QLabel(OpinionForm)
        self.received_on_error.setObjectName(u"received_on_error")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.received_on_error)

        self.channel_label = QLabel(OpinionForm)
        self.channel_label.setObjectName(u"channel_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.channel_label)

        self.channel = QComboBox(OpinionForm)
        self.channel.setObjectName(u"channel")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.channel)

        self.channel_error = QLabel(OpinionForm)
        self.channel_error.setObjectName(u"channel_error")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.channel_error)

        self.source_label = QLabel(OpinionForm)
        self.source_label.setObjectName(u"source_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.source_label)

        self.source = QLabel(OpinionForm)
        self.source.setObjectName(u"source")
        self.source.setWordWrap(True)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.source)

        self.resident_name_label = QLabel(OpinionForm)
        self.resident_name_label.setObjectName(u"resident_name_label")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.resident_name_label)

        self.resident_name = QLineEdit(OpinionForm)
        self.resident_name.setObjectName(u"resident_name")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.resident_name)

        self.resident_name_error = QLabel(OpinionForm)
        self.resident_name_error.setObjectName(u"resident_name_error")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.resident_name_error)

        self.resident_phone_label = QLabel(OpinionForm)
        self.resident_phone_label.setObjectName(u"resident_phone_label")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.resident_phone_label)

        self.resident_phone = QLineEdit(OpinionForm)
        self.resident_phone.setObjectName(u"resident_phone")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.resident_phone)

        self.resident_phone_error = QLabel(OpinionForm)
        self.resident_phone_error.setObjectName(u"resident_phone_error")

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.resident_phone_error)

        self.resident_address_label = QLabel(OpinionForm)
        self.resident_address_label.setObjectName(u"resident_address_label")

        self.form.setWidget(9, QFormLayout.ItemRole.LabelRole, self.resident_address_label)

        self.resident_address = QLineEdit(OpinionForm)
        self.resident_address.setObjectName(u"resident_address")

        self.form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.resident_address)

        self.resident_address_error = QLabel(OpinionForm)
        self.resident_address_error.setObjectName(u"resident_address_error")

        self.form.setWidget(10, QFormLayout.ItemRole.FieldRole, self.resident_address_error)

        self.grid_label = QLabel(OpinionForm)
        self.grid_label.setObjectName(u"grid_label")

        self.form.setWidget(11, QFormLayout.ItemRole.LabelRole, self.grid_label)

        self.grid_box = QHBoxLayout()
        self.grid_box.setObjectName(u"grid_box")

        self.form.setLayout(11, QFormLayout.ItemRole.FieldRole, self.grid_box)

        self.grid_error = QLabel(OpinionForm)
        self.grid_error.setObjectName(u"grid_error")

        self.form.setWidget(12, QFormLayout.ItemRole.FieldRole, self.grid_error)

        self.category_label = QLabel(OpinionForm)
        self.category_label.setObjectName(u"category_label")

        self.form.setWidget(13, QFormLayout.ItemRole.LabelRole, self.category_label)

        self.category = QComboBox(OpinionForm)
        self.category.setObjectName(u"category")

        self.form.setWidget(13, QFormLayout.ItemRole.FieldRole, self.category)

        self.category_error = QLabel(OpinionForm)
        self.category_error.setObjectName(u"category_error")

        self.form.setWidget(14, QFormLayout.ItemRole.FieldRole, self.category_error)

        self.urgency_label = QLabel(OpinionForm)
        self.urgency_label.setObjectName(u"urgency_label")

        self.form.setWidget(15, QFormLayout.ItemRole.LabelRole, self.urgency_label)

        self.urgency = QComboBox(OpinionForm)
        self.urgency.setObjectName(u"urgency")

        self.form.setWidget(15, QFormLayout.ItemRole.FieldRole, self.urgency)

        self.urgency_error = QLabel(OpinionForm)
        self.urgency_error.setObjectName(u"urgency_error")

        self.form.setWidget(16, QFormLayout.ItemRole.FieldRole, self.urgency_error)

        self.content_label = QLabel(OpinionForm)
        self.content_label.setObjectName(u"content_label")

        self.form.setWidget(17, QFormLayout.ItemRole.LabelRole, self.content_label)

        self.content = QPlainTextEdit(OpinionForm)
        self.content.setObjectName(u"content")
        self.content.setMinimumSize(QSize(0, 90))
        self.content.setTabChangesFocus(True)

        self.form.setWidget(17, QFormLayout.ItemRole.FieldRole, self.content)

        self.content_error = QLabel(OpinionForm)
        self.content_error.setObjectName(u"content_error")

        self.form.setWidget(18, QFormLayout.ItemRole.FieldRole, self.content_error)

#if QT_CONFIG(shortcut)
        self.received_on_label.setBuddy(self.received_on)
        self.channel_label.setBuddy(self.channel)
        self.resident_name_label.setBuddy(self.resident_name)
        self.resident_phone_label.setBuddy(self.resident_phone)
        self.resident_address_label.setBuddy(self.resident_address)
        self.category_label.setBuddy(self.category)
        self.urgency_label.setBuddy(self.urgency)
        self.content_label.setBuddy(self.content)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.received_on, self.channel)
        QWidget.setTabOrder(self.channel, self.resident_name)
        QWidget.setTabOrder(self.resident_name, self.resident_phone)
        QWidget.setTabOrder(self.resident_phone, self.resident_address)
        QWidget.setTabOrder(self.resident_address, self.category)
        QWidget.setTabOrder(self.category, self.urgency)
        QWidget.setTabOrder(self.urgency, self.content)

        self.retranslateUi(OpinionForm)

        QMetaObject.connectSlotsByName(OpinionForm)
    # setupUi

    def retranslateUi(self, OpinionForm):
        self.received_on_label.setText(QCoreApplication.translate("OpinionForm", u"\u767b\u8bb0\u65e5\u671f(&D)", None))
        self.received_on.setDisplayFormat(QCoreApplication.translate("OpinionForm", u"yyyy\u5e74M\u6708d\u65e5", None))
        self.channel_label.setText(QCoreApplication.translate("OpinionForm", u"\u6765\u6e90\u6e20\u9053(&C)", None))
        self.source_label.setText(QCoreApplication.translate("OpinionForm", u"\u6765\u6e90", None))
        self.resident_name_label.setText(QCoreApplication.translate("OpinionForm", u"\u7fa4\u4f17\u59d3\u540d(&N)", None))
        self.resident_name.setPlaceholderText(QCoreApplication.translate("OpinionForm", u"\u53ef\u4e0d\u586b\uff08\u533f\u540d\uff09", None))
        self.resident_phone_label.setText(QCoreApplication.translate("OpinionForm", u"\u8054\u7cfb\u7535\u8bdd(&P)", None))
        self.resident_phone.setPlaceholderText(QCoreApplication.translate("OpinionForm", u"\u624b\u673a\u6216\u56fa\u5b9a\u7535\u8bdd\uff0c\u7528\u4e8e\u56de\u590d", None))
        self.resident_address_label.setText(QCoreApplication.translate("OpinionForm", u"\u4f4f\u5740(&A)", None))
        self.grid_label.setText(QCoreApplication.translate("OpinionForm", u"\u6240\u5c5e\u7f51\u683c(&G)", None))
        self.category_label.setText(QCoreApplication.translate("OpinionForm", u"\u610f\u89c1\u5206\u7c7b(&T)", None))
        self.urgency_label.setText(QCoreApplication.translate("OpinionForm", u"\u7d27\u6025\u7a0b\u5ea6(&U)", None))
        self.content_label.setText(QCoreApplication.translate("OpinionForm", u"\u53cd\u6620\u95ee\u9898(&Q)", None))
        self.content.setPlaceholderText(QCoreApplication.translate("OpinionForm", u"\u7fa4\u4f17\u53cd\u6620\u7684\u95ee\u9898\u6216\u610f\u89c1\uff0c\u5c3d\u91cf\u5199\u6e05\u5730\u70b9\u548c\u8bc9\u6c42", None))
        pass
    # retranslateUi

