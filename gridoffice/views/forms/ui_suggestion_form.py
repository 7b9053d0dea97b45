# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'suggestion_form.ui'
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
    QPushButton, QSizePolicy, QWidget)

from gridoffice.views.outcomes.fields import DeputyCombo

class Ui_SuggestionForm(object):
    def setupUi(self, SuggestionForm):
        if not SuggestionForm.objectName():
            SuggestionForm.setObjectName(u"SuggestionForm")
        self.form = QFormLayout(SuggestionForm)
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.serial_label = QLabel(SuggestionForm)
        self.serial_label.setObjectName(u"serial_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.serial_label)

        self.serial = QLabel(SuggestionForm)
        self.serial.setObjectName(u"serial")
        self.serial.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.serial)

        self.title_label = QLabel(SuggestionForm)
        self.title_label.setObjectName(u"title_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.title_label)

        self.title = QLineEdit(SuggestionForm)
        self.title.setObjectName(u"title")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.title)

        self.title_error = QLabel(SuggestionForm)
        self.title_error.setObjectName(u"title_error")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.title_error)

        self.submitted_on_label = QLabel(SuggestionForm)
        self.submitted_on_label.setObjectName(u"submitted_on_label")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.submitted_on_label)

        self.submitted_on = QDateEdit(SuggestionForm)
        self.submitted_on.setObjectName(u"submitted_on")
        self.submitted_on.setCalendarPopup(True)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.submitted_on)

        self.submitted_on_error = QLabel(SuggestionForm)
        self.submitted_on_error.setObjectName(u"submitted_on_error")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.submitted_on_error)

        self.category_label = QLabel(SuggestionForm)
        self.category_label.setObjectName(u"category_label")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.category_label)

        self.category = QComboBox(SuggestionForm)
        self.category.setObjectName(u"category")
        self.category.setEditable(True)

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.category)

        self.category_error = QLabel(SuggestionForm)
        self.category_error.setObjectName(u"category_error")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.category_error)

        self.lead_deputy_label = QLabel(SuggestionForm)
        self.lead_deputy_label.setObjectName(u"lead_deputy_label")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.lead_deputy_label)

        self.lead_deputy = DeputyCombo(SuggestionForm)
        self.lead_deputy.setObjectName(u"lead_deputy")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.lead_deputy)

        self.lead_deputy_error = QLabel(SuggestionForm)
        self.lead_deputy_error.setObjectName(u"lead_deputy_error")

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.lead_deputy_error)

        self.cosigners_label = QLabel(SuggestionForm)
        self.cosigners_label.setObjectName(u"cosigners_label")

        self.form.setWidget(9, QFormLayout.ItemRole.LabelRole, self.cosigners_label)

        self.cosigners_row = QHBoxLayout()
        self.cosigners_row.setObjectName(u"cosigners_row")
        self.cosigner_names = QLineEdit(SuggestionForm)
        self.cosigner_names.setObjectName(u"cosigner_names")
        self.cosigner_names.setReadOnly(True)

        self.cosigners_row.addWidget(self.cosigner_names)

        self.choose_cosigners = QPushButton(SuggestionForm)
        self.choose_cosigners.setObjectName(u"choose_cosigners")

        self.cosigners_row.addWidget(self.choose_cosigners)


        self.form.setLayout(9, QFormLayout.ItemRole.FieldRole, self.cosigners_row)

        self.cosigners_error = QLabel(SuggestionForm)
        self.cosigners_error.setObjectName(u"cosigners_error")

        self.form.setWidget(10, QFormLayout.ItemRole.FieldRole, self.cosigners_error)

        self.department_label = QLabel(SuggestionForm)
        self.department_label.setObjectName(u"department_label")

        self.form.setWidget(11, QFormLayout.ItemRole.LabelRole, self.department_label)

        self.department = QComboBox(SuggestionForm)
        self.department.setObjectName(u"department")

        self.form.setWidget(11, QFormLayout.ItemRole.FieldRole, self.department)

        self.department_error = QLabel(SuggestionForm)
        self.department_error.setObjectName(u"department_error")

        self.form.setWidget(12, QFormLayout.ItemRole.FieldRole, self.department_error)

        self.campaign_label = QLabel(SuggestionForm)
        self.campaign_label.setObjectName(u"campaign_label")

        self.form.setWidget(13, QFormLayout.ItemRole.LabelRole, self.campaign_label)

        self.campaign = QComboBox(SuggestionForm)
        self.campaign.setObjectName(u"campaign")

        self.form.setWidget(13, QFormLayout.ItemRole.FieldRole, self.campaign)

        self.campaign_error = QLabel(SuggestionForm)
        self.campaign_error.setObjectName(u"campaign_error")

        self.form.setWidget(14, QFormLayout.ItemRole.FieldRole, self.campaign_error)

        self.content_label = QLabel(SuggestionForm)
        self.content_label.setObjectName(u"content_label")

        self.form.setWidget(15, QFormLayout.ItemRole.LabelRole, self.content_label)

        self.content = QPlainTextEdit(SuggestionForm)
        self.content.setObjectName(u"content")
        self.content.setMinimumSize(QSize(0, 110))
        self.content.setTabChangesFocus(True)

        self.form.setWidget(15, QFormLayout.ItemRole.FieldRole, self.content)

        self.content_error = QLabel(SuggestionForm)
        self.content_error.setObjectName(u"content_error")

        self.form.setWidget(16, QFormLayout.ItemRole.FieldRole, self.content_error)

        self.notes_label = QLabel(SuggestionForm)
        self.notes_label.setObjectName(u"notes_label")

        self.form.setWidget(17, QFormLayout.ItemRole.LabelRole, self.notes_label)

        self.notes = QPlainTextEdit(SuggestionForm)
        self.notes.setObjectName(u"notes")
        self.notes.setMinimumSize(QSize(0, 40))
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumSize(QSize(16777215, 70))

        self.form.setWidget(17, QFormLayout.ItemRole.FieldRole, self.notes)

        self.notes_error = QLabel(SuggestionForm)
        self.notes_error.setObjectName(u"notes_error")

        self.form.setWidget(18, QFormLayout.ItemRole.FieldRole, self.notes_error)

#if QT_CONFIG(shortcut)
        self.title_label.setBuddy(self.title)
        self.submitted_on_label.setBuddy(self.submitted_on)
        self.category_label.setBuddy(self.category)
        self.lead_deputy_label.setBuddy(self.lead_deputy)
        self.cosigners_label.setBuddy(self.choose_cosigners)
        self.department_label.setBuddy(self.department)
        self.campaign_label.setBuddy(self.campaign)
        self.content_label.setBuddy(self.content)
        self.notes_label.setBuddy(self.notes)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.title, self.submitted_on)
        QWidget.setTabOrder(self.submitted_on, self.category)
        QWidget.setTabOrder(self.category, self.lead_deputy)
        QWidget.setTabOrder(self.lead_deputy, self.cosigner_names)
        QWidget.setTabOrder(self.cosigner_names, self.choose_cosigners)
        QWidget.setTabOrder(self.choose_cosigners, self.department)
        QWidget.setTabOrder(self.department, self.campaign)
        QWidget.setTabOrder(self.campaign, self.content)
        QWidget.setTabOrder(self.content, self.notes)

        self.retranslateUi(SuggestionForm)

        QMetaObject.connectSlotsByName(SuggestionForm)
    # setupUi

    def retranslateUi(self, SuggestionForm):
        self.serial_label.setText(QCoreApplication.translate("SuggestionForm", u"\u7f16\u53f7", None))
        self.title_label.setText(QCoreApplication.translate("SuggestionForm", u"\u5efa\u8bae\u6807\u9898(&T)", None))
        self.title.setPlaceholderText(QCoreApplication.translate("SuggestionForm", u"\u5173\u4e8e\u2026\u2026\u7684\u5efa\u8bae", None))
        self.submitted_on_label.setText(QCoreApplication.translate("SuggestionForm", u"\u63d0\u51fa\u65e5\u671f(&D)", None))
        self.submitted_on.setDisplayFormat(QCoreApplication.translate("SuggestionForm", u"yyyy\u5e74M\u6708d\u65e5", None))
        self.category_label.setText(QCoreApplication.translate("SuggestionForm", u"\u5efa\u8bae\u5206\u7c7b(&C)", None))
        self.lead_deputy_label.setText(QCoreApplication.translate("SuggestionForm", u"\u9886\u8854\u4ee3\u8868(&L)", None))
        self.cosigners_label.setText(QCoreApplication.translate("SuggestionForm", u"\u9644\u8bae\u4ee3\u8868(&G)", None))
        self.cosigner_names.setPlaceholderText(QCoreApplication.translate("SuggestionForm", u"\uff08\u65e0\uff09", None))
        self.choose_cosigners.setText(QCoreApplication.translate("SuggestionForm", u"\u9009\u62e9\u2026", None))
        self.department_label.setText(QCoreApplication.translate("SuggestionForm", u"\u627f\u529e\u90e8\u95e8(&B)", None))
        self.campaign_label.setText(QCoreApplication.translate("SuggestionForm", u"\u4e13\u9879\u6d3b\u52a8(&H)", None))
        self.content_label.setText(QCoreApplication.translate("SuggestionForm", u"\u5efa\u8bae\u5185\u5bb9(&N)", None))
        self.content.setPlaceholderText(QCoreApplication.translate("SuggestionForm", u"\u95ee\u9898\u3001\u539f\u56e0\u548c\u5177\u4f53\u5efa\u8bae\uff1b\u7559\u7a7a\u5219\u7528\u6240\u9009\u6c11\u60c5\u610f\u89c1\u7684\u5185\u5bb9", None))
        self.notes_label.setText(QCoreApplication.translate("SuggestionForm", u"\u5907\u6ce8(&M)", None))
        pass
    # retranslateUi

