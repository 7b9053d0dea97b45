# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'point_adjustment.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QDateEdit, QDoubleSpinBox,
    QFormLayout, QLabel, QPlainTextEdit, QSizePolicy,
    QWidget)

class Ui_PointAdjustmentForm(object):
    def setupUi(self, PointAdjustmentForm):
        if not PointAdjustmentForm.objectName():
            PointAdjustmentForm.setObjectName(u"PointAdjustmentForm")
        self.form = QFormLayout(PointAdjustmentForm)
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.deputy_label = QLabel(PointAdjustmentForm)
        self.deputy_label.setObjectName(u"deputy_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.deputy_label)

        self.deputy = QComboBox(PointAdjustmentForm)
        self.deputy.setObjectName(u"deputy")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.deputy)

        self.deputy_error = QLabel(PointAdjustmentForm)
        self.deputy_error.setObjectName(u"deputy_error")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.deputy_error)

        self.on_label = QLabel(PointAdjustmentForm)
        self.on_label.setObjectName(u"on_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.on_label)

        self.on = QDateEdit(PointAdjustmentForm)
        self.on.setObjectName(u"on")
        self.on.setCalendarPopup(True)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.on)

        self.on_error = QLabel(PointAdjustmentForm)
        self.on_error.setObjectName(u"on_error")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.on_error)

        self.kind_label = QLabel(PointAdjustmentForm)
        self.kind_label.setObjectName(u"kind_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.kind_label)

        self.kind = QComboBox(PointAdjustmentForm)
        self.kind.setObjectName(u"kind")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.kind)

        self.kind_error = QLabel(PointAdjustmentForm)
        self.kind_error.setObjectName(u"kind_error")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.kind_error)

        self.points_label = QLabel(PointAdjustmentForm)
        self.points_label.setObjectName(u"points_label")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.points_label)

        self.points = QDoubleSpinBox(PointAdjustmentForm)
        self.points.setObjectName(u"points")
        self.points.setDecimals(1)
        self.points.setMinimum(0.000000000000000)
        self.points.setMaximum(100.000000000000000)
        self.points.setSingleStep(0.500000000000000)

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.points)

        self.points_error = QLabel(PointAdjustmentForm)
        self.points_error.setObjectName(u"points_error")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.points_error)

        self.reason_label = QLabel(PointAdjustmentForm)
        self.reason_label.setObjectName(u"reason_label")

        self.form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.reason_label)

        self.reason = QPlainTextEdit(PointAdjustmentForm)
        self.reason.setObjectName(u"reason")
        self.reason.setTabChangesFocus(True)
        self.reason.setMinimumSize(QSize(0, 90))

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.reason)

        self.reason_error = QLabel(PointAdjustmentForm)
        self.reason_error.setObjectName(u"reason_error")

        self.form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.reason_error)

#if QT_CONFIG(shortcut)
        self.deputy_label.setBuddy(self.deputy)
        self.on_label.setBuddy(self.on)
        self.kind_label.setBuddy(self.kind)
        self.points_label.setBuddy(self.points)
        self.reason_label.setBuddy(self.reason)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.deputy, self.on)
        QWidget.setTabOrder(self.on, self.kind)
        QWidget.setTabOrder(self.kind, self.points)
        QWidget.setTabOrder(self.points, self.reason)

        self.retranslateUi(PointAdjustmentForm)

        QMetaObject.connectSlotsByName(PointAdjustmentForm)
    # setupUi

    def retranslateUi(self, PointAdjustmentForm):
        self.deputy_label.setText(QCoreApplication.translate("PointAdjustmentForm", u"\u4ee3\u8868(&D)", None))
        self.on_label.setText(QCoreApplication.translate("PointAdjustmentForm", u"\u65e5\u671f(&T)", None))
        self.on.setDisplayFormat(QCoreApplication.translate("PointAdjustmentForm", u"yyyy-MM-dd", None))
        self.kind_label.setText(QCoreApplication.translate("PointAdjustmentForm", u"\u7c7b\u522b(&K)", None))
        self.points_label.setText(QCoreApplication.translate("PointAdjustmentForm", u"\u5206\u6570(&P)", None))
        self.points.setSuffix(QCoreApplication.translate("PointAdjustmentForm", u" \u5206", None))
        self.reason_label.setText(QCoreApplication.translate("PointAdjustmentForm", u"\u7406\u7531(&R)", None))
        self.reason.setPlaceholderText(QCoreApplication.translate("PointAdjustmentForm", u"\u5199\u660e\u52a0\u51cf\u5206\u7684\u4e8b\u5b9e\u548c\u4f9d\u636e\uff0c\u5982\uff1a5\u67086\u65e5\u897f\u56ed\u7247\u533a\u63a5\u5f85\u65e5\u65e0\u6545\u7f3a\u5c97\uff0c\u672a\u8bf7\u5047", None))
        pass
    # retranslateUi

