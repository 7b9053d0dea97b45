# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'dispute_form.ui'
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
    QSizePolicy, QSpacerItem, QWidget)

from gridoffice.views.activities.grid_combo import GridCombo

class Ui_DisputeForm(object):
    def setupUi(self, DisputeForm):
        if not DisputeForm.objectName():
            DisputeForm.setObjectName(u"DisputeForm")
        self.form = QFormLayout(DisputeForm)
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.serial_label = QLabel(DisputeForm)
        self.serial_label.setObjectName(u"serial_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.serial_label)

        self.serial = QLabel(DisputeForm)
        self.serial.setObjectName(u"serial")
        self.serial.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.serial)

        self.received_on_label = QLabel(DisputeForm)
        self.received_on_label.setObjectName(u"received_on_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.received_on_label)

        self.received_on_row = QHBoxLayout()
        self.received_on_row.setObjectName(u"received_on_row")
        self.received_on = QDateEdit(DisputeForm)
        self.received_on.setObjectName(u"received_on")
        self.received_on.setCalendarPopup(True)

        self.received_on_row.addWidget(self.received_on)

        self.kind_label = QLabel(DisputeForm)
        self.kind_label.setObjectName(u"kind_label")

        self.received_on_row.addWidget(self.kind_label)

        self.kind = QComboBox(DisputeForm)
        self.kind.setObjectName(u"kind")

        self.received_on_row.addWidget(self.kind)

        self.received_on_row_end = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.received_on_row.addItem(self.received_on_row_end)


        self.form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.received_on_row)

        self.received_on_error = QLabel(DisputeForm)
        self.received_on_error.setObjectName(u"received_on_error")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.received_on_error)

        self.kind_error = QLabel(DisputeForm)
        self.kind_error.setObjectName(u"kind_error")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.kind_error)

        self.parties_label = QLabel(DisputeForm)
        self.parties_label.setObjectName(u"parties_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.parties_label)

        self.parties = QLineEdit(DisputeForm)
        self.parties.setObjectName(u"parties")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.parties)

        self.parties_error = QLabel(DisputeForm)
        self.parties_error.setObjectName(u"parties_error")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.parties_error)

        self.grid_label = QLabel(DisputeForm)
        self.grid_label.setObjectName(u"grid_label")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.grid_label)

        self.grid = GridCombo(DisputeForm)
        self.grid.setObjectName(u"grid")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.grid)

        self.grid_error = QLabel(DisputeForm)
        self.grid_error.setObjectName(u"grid_error")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.grid_error)

        self.other_mediators_label = QLabel(DisputeForm)
        self.other_mediators_label.setObjectName(u"other_mediators_label")

        self.form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.other_mediators_label)

        self.other_mediators = QLineEdit(DisputeForm)
        self.other_mediators.setObjectName(u"other_mediators")

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.other_mediators)

        self.other_mediators_error = QLabel(DisputeForm)
        self.other_mediators_error.setObjectName(u"other_mediators_error")

        self.form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.other_mediators_error)

        self.campaign_label = QLabel(DisputeForm)
        self.campaign_label.setObjectName(u"campaign_label")

        self.form.setWidget(10, QFormLayout.ItemRole.LabelRole, self.campaign_label)

        self.campaign = QComboBox(DisputeForm)
        self.campaign.setObjectName(u"campaign")

        self.form.setWidget(10, QFormLayout.ItemRole.FieldRole, self.campaign)

        self.campaign_error = QLabel(DisputeForm)
        self.campaign_error.setObjectName(u"campaign_error")

        self.form.setWidget(11, QFormLayout.ItemRole.FieldRole, self.campaign_error)

        self.proceeding_label = QLabel(DisputeForm)
        self.proceeding_label.setObjectName(u"proceeding_label")

        self.form.setWidget(12, QFormLayout.ItemRole.LabelRole, self.proceeding_label)

        self.proceeding = QComboBox(DisputeForm)
        self.proceeding.setObjectName(u"proceeding")

        self.form.setWidget(12, QFormLayout.ItemRole.FieldRole, self.proceeding)

        self.proceeding_error = QLabel(DisputeForm)
        self.proceeding_error.setObjectName(u"proceeding_error")

        self.form.setWidget(13, QFormLayout.ItemRole.FieldRole, self.proceeding_error)

        self.referred_to_label = QLabel(DisputeForm)
        self.referred_to_label.setObjectName(u"referred_to_label")

        self.form.setWidget(14, QFormLayout.ItemRole.LabelRole, self.referred_to_label)

        self.referred_to = QLineEdit(DisputeForm)
        self.referred_to.setObjectName(u"referred_to")

        self.form.setWidget(14, QFormLayout.ItemRole.FieldRole, self.referred_to)

        self.referred_to_error = QLabel(DisputeForm)
        self.referred_to_error.setObjectName(u"referred_to_error")

        self.form.setWidget(15, QFormLayout.ItemRole.FieldRole, self.referred_to_error)

        self.summary_label = QLabel(DisputeForm)
        self.summary_label.setObjectName(u"summary_label")

        self.form.setWidget(16, QFormLayout.ItemRole.LabelRole, self.summary_label)

        self.summary = QPlainTextEdit(DisputeForm)
        self.summary.setObjectName(u"summary")
        self.summary.setMinimumSize(QSize(0, 80))
        self.summary.setTabChangesFocus(True)

        self.form.setWidget(16, QFormLayout.ItemRole.FieldRole, self.summary)

        self.summary_error = QLabel(DisputeForm)
        self.summary_error.setObjectName(u"summary_error")

        self.form.setWidget(17, QFormLayout.ItemRole.FieldRole, self.summary_error)

#if QT_CONFIG(shortcut)
        self.received_on_label.setBuddy(self.received_on)
        self.kind_label.setBuddy(self.kind)
        self.parties_label.setBuddy(self.parties)
        self.grid_label.setBuddy(self.grid)
        self.other_mediators_label.setBuddy(self.other_mediators)
        self.campaign_label.setBuddy(self.campaign)
        self.proceeding_label.setBuddy(self.proceeding)
        self.referred_to_label.setBuddy(self.referred_to)
        self.summary_label.setBuddy(self.summary)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.received_on, self.kind)
        QWidget.setTabOrder(self.kind, self.parties)
        QWidget.setTabOrder(self.parties, self.grid)
        QWidget.setTabOrder(self.grid, self.other_mediators)
        QWidget.setTabOrder(self.other_mediators, self.campaign)
        QWidget.setTabOrder(self.campaign, self.proceeding)
        QWidget.setTabOrder(self.proceeding, self.referred_to)
        QWidget.setTabOrder(self.referred_to, self.summary)

        self.retranslateUi(DisputeForm)

        QMetaObject.connectSlotsByName(DisputeForm)
    # setupUi

    def retranslateUi(self, DisputeForm):
        self.serial_label.setText(QCoreApplication.translate("DisputeForm", u"\u7f16\u53f7", None))
        self.received_on_label.setText(QCoreApplication.translate("DisputeForm", u"\u53d7\u7406\u65e5\u671f(&D)", None))
        self.received_on.setDisplayFormat(QCoreApplication.translate("DisputeForm", u"yyyy\u5e74M\u6708d\u65e5", None))
        self.kind_label.setText(QCoreApplication.translate("DisputeForm", u"\u7ea0\u7eb7\u7c7b\u578b(&K)", None))
        self.parties_label.setText(QCoreApplication.translate("DisputeForm", u"\u5f53\u4e8b\u4eba(&P)", None))
        self.parties.setPlaceholderText(QCoreApplication.translate("DisputeForm", u"\u59d3\u540d\uff0c\u591a\u4eba\u7528\u987f\u53f7\u5206\u5f00\uff08\u5217\u8868\u548c\u6253\u5370\u4ef6\u4e2d\u53ea\u663e\u793a\u59d3\u6c0f\uff09", None))
        self.grid_label.setText(QCoreApplication.translate("DisputeForm", u"\u7f51\u683c(&G)", None))
        self.other_mediators_label.setText(QCoreApplication.translate("DisputeForm", u"\u5176\u4ed6\u8c03\u89e3\u4eba\u5458(&O)", None))
        self.other_mediators.setPlaceholderText(QCoreApplication.translate("DisputeForm", u"\u5f8b\u5e08\u3001\u7f51\u683c\u5458\u3001\u6c11\u8b66\u2026\u2026", None))
        self.campaign_label.setText(QCoreApplication.translate("DisputeForm", u"\u4e13\u9879\u6d3b\u52a8(&H)", None))
        self.proceeding_label.setText(QCoreApplication.translate("DisputeForm", u"\u8bc9\u8bbc/\u4ef2\u88c1/\u4fe1\u8bbf(&L)", None))
        self.referred_to_label.setText(QCoreApplication.translate("DisputeForm", u"\u5f15\u5bfc\u81f3(&R)", None))
        self.referred_to.setPlaceholderText(QCoreApplication.translate("DisputeForm", u"\u4f8b\u5982\uff1a\u533a\u4eba\u6c11\u6cd5\u9662\u8bc9\u8bbc\u670d\u52a1\u4e2d\u5fc3\u3001\u533a\u52b3\u52a8\u4eba\u4e8b\u4e89\u8bae\u4ef2\u88c1\u9662\u3001\u533a\u4fe1\u8bbf\u5c40", None))
        self.summary_label.setText(QCoreApplication.translate("DisputeForm", u"\u7ea0\u7eb7\u60c5\u51b5(&S)", None))
        self.summary.setPlaceholderText(QCoreApplication.translate("DisputeForm", u"\u8d77\u56e0\u3001\u8bc9\u6c42\u548c\u7ecf\u8fc7", None))
        pass
    # retranslateUi

