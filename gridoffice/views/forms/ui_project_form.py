# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'project_form.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDateEdit,
    QDoubleSpinBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QPlainTextEdit, QSizePolicy, QSpacerItem,
    QSpinBox, QWidget)

from gridoffice.views.activities.grid_combo import GridCombo
from gridoffice.views.outcomes.fields import SearchCombo

class Ui_ProjectForm(object):
    def setupUi(self, ProjectForm):
        if not ProjectForm.objectName():
            ProjectForm.setObjectName(u"ProjectForm")
        self.form = QFormLayout(ProjectForm)
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.name_label = QLabel(ProjectForm)
        self.name_label.setObjectName(u"name_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name = QLineEdit(ProjectForm)
        self.name.setObjectName(u"name")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name)

        self.name_error = QLabel(ProjectForm)
        self.name_error.setObjectName(u"name_error")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.name_error)

        self.year_label = QLabel(ProjectForm)
        self.year_label.setObjectName(u"year_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.year_label)

        self.year_row = QHBoxLayout()
        self.year_row.setObjectName(u"year_row")
        self.year = QSpinBox(ProjectForm)
        self.year.setObjectName(u"year")
        self.year.setMinimum(2000)
        self.year.setMaximum(2100)

        self.year_row.addWidget(self.year)

        self.kind_label = QLabel(ProjectForm)
        self.kind_label.setObjectName(u"kind_label")

        self.year_row.addWidget(self.kind_label)

        self.kind = QComboBox(ProjectForm)
        self.kind.setObjectName(u"kind")

        self.year_row.addWidget(self.kind)

        self.status_label = QLabel(ProjectForm)
        self.status_label.setObjectName(u"status_label")

        self.year_row.addWidget(self.status_label)

        self.status = QComboBox(ProjectForm)
        self.status.setObjectName(u"status")

        self.year_row.addWidget(self.status)

        self.year_row_end = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.year_row.addItem(self.year_row_end)


        self.form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.year_row)

        self.year_error = QLabel(ProjectForm)
        self.year_error.setObjectName(u"year_error")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.year_error)

        self.kind_error = QLabel(ProjectForm)
        self.kind_error.setObjectName(u"kind_error")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.kind_error)

        self.status_error = QLabel(ProjectForm)
        self.status_error.setObjectName(u"status_error")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.status_error)

        self.community_label = QLabel(ProjectForm)
        self.community_label.setObjectName(u"community_label")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.community_label)

        self.community = QComboBox(ProjectForm)
        self.community.setObjectName(u"community")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.community)

        self.community_error = QLabel(ProjectForm)
        self.community_error.setObjectName(u"community_error")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.community_error)

        self.grid_label = QLabel(ProjectForm)
        self.grid_label.setObjectName(u"grid_label")

        self.form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.grid_label)

        self.grid = GridCombo(ProjectForm)
        self.grid.setObjectName(u"grid")

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.grid)

        self.grid_error = QLabel(ProjectForm)
        self.grid_error.setObjectName(u"grid_error")

        self.form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.grid_error)

        self.quantity_label = QLabel(ProjectForm)
        self.quantity_label.setObjectName(u"quantity_label")

        self.form.setWidget(10, QFormLayout.ItemRole.LabelRole, self.quantity_label)

        self.quantity_row = QHBoxLayout()
        self.quantity_row.setObjectName(u"quantity_row")
        self.quantity = QDoubleSpinBox(ProjectForm)
        self.quantity.setObjectName(u"quantity")
        self.quantity.setDecimals(2)
        self.quantity.setMaximum(1000000.000000000000000)

        self.quantity_row.addWidget(self.quantity)

        self.unit = QLineEdit(ProjectForm)
        self.unit.setObjectName(u"unit")
        self.unit.setMaximumSize(QSize(140, 16777215))

        self.quantity_row.addWidget(self.unit)

        self.quantity_row_end = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.quantity_row.addItem(self.quantity_row_end)


        self.form.setLayout(10, QFormLayout.ItemRole.FieldRole, self.quantity_row)

        self.quantity_error = QLabel(ProjectForm)
        self.quantity_error.setObjectName(u"quantity_error")

        self.form.setWidget(11, QFormLayout.ItemRole.FieldRole, self.quantity_error)

        self.unit_error = QLabel(ProjectForm)
        self.unit_error.setObjectName(u"unit_error")

        self.form.setWidget(12, QFormLayout.ItemRole.FieldRole, self.unit_error)

        self.responsible_unit_label = QLabel(ProjectForm)
        self.responsible_unit_label.setObjectName(u"responsible_unit_label")

        self.form.setWidget(13, QFormLayout.ItemRole.LabelRole, self.responsible_unit_label)

        self.responsible_unit = QLineEdit(ProjectForm)
        self.responsible_unit.setObjectName(u"responsible_unit")

        self.form.setWidget(13, QFormLayout.ItemRole.FieldRole, self.responsible_unit)

        self.responsible_unit_error = QLabel(ProjectForm)
        self.responsible_unit_error.setObjectName(u"responsible_unit_error")

        self.form.setWidget(14, QFormLayout.ItemRole.FieldRole, self.responsible_unit_error)

        self.suggestion_label = QLabel(ProjectForm)
        self.suggestion_label.setObjectName(u"suggestion_label")

        self.form.setWidget(15, QFormLayout.ItemRole.LabelRole, self.suggestion_label)

        self.suggestion = SearchCombo(ProjectForm)
        self.suggestion.setObjectName(u"suggestion")

        self.form.setWidget(15, QFormLayout.ItemRole.FieldRole, self.suggestion)

        self.suggestion_error = QLabel(ProjectForm)
        self.suggestion_error.setObjectName(u"suggestion_error")

        self.form.setWidget(16, QFormLayout.ItemRole.FieldRole, self.suggestion_error)

        self.started_on_label = QLabel(ProjectForm)
        self.started_on_label.setObjectName(u"started_on_label")

        self.form.setWidget(17, QFormLayout.ItemRole.LabelRole, self.started_on_label)

        self.started_on_row = QHBoxLayout()
        self.started_on_row.setObjectName(u"started_on_row")
        self.started_set = QCheckBox(ProjectForm)
        self.started_set.setObjectName(u"started_set")

        self.started_on_row.addWidget(self.started_set)

        self.started_on = QDateEdit(ProjectForm)
        self.started_on.setObjectName(u"started_on")
        self.started_on.setCalendarPopup(True)

        self.started_on_row.addWidget(self.started_on)

        self.started_on_row_end = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.started_on_row.addItem(self.started_on_row_end)


        self.form.setLayout(17, QFormLayout.ItemRole.FieldRole, self.started_on_row)

        self.started_on_error = QLabel(ProjectForm)
        self.started_on_error.setObjectName(u"started_on_error")

        self.form.setWidget(18, QFormLayout.ItemRole.FieldRole, self.started_on_error)

        self.planned_on_label = QLabel(ProjectForm)
        self.planned_on_label.setObjectName(u"planned_on_label")

        self.form.setWidget(19, QFormLayout.ItemRole.LabelRole, self.planned_on_label)

        self.planned_on_row = QHBoxLayout()
        self.planned_on_row.setObjectName(u"planned_on_row")
        self.planned_set = QCheckBox(ProjectForm)
        self.planned_set.setObjectName(u"planned_set")

        self.planned_on_row.addWidget(self.planned_set)

        self.planned_on = QDateEdit(ProjectForm)
        self.planned_on.setObjectName(u"planned_on")
        self.planned_on.setCalendarPopup(True)

        self.planned_on_row.addWidget(self.planned_on)

        self.planned_on_row_end = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.planned_on_row.addItem(self.planned_on_row_end)


        self.form.setLayout(19, QFormLayout.ItemRole.FieldRole, self.planned_on_row)

        self.planned_on_error = QLabel(ProjectForm)
        self.planned_on_error.setObjectName(u"planned_on_error")

        self.form.setWidget(20, QFormLayout.ItemRole.FieldRole, self.planned_on_error)

        self.completed_on_label = QLabel(ProjectForm)
        self.completed_on_label.setObjectName(u"completed_on_label")

        self.form.setWidget(21, QFormLayout.ItemRole.LabelRole, self.completed_on_label)

        self.completed_on_row = QHBoxLayout()
        self.completed_on_row.setObjectName(u"completed_on_row")
        self.completed_set = QCheckBox(ProjectForm)
        self.completed_set.setObjectName(u"completed_set")

        self.completed_on_row.addWidget(self.completed_set)

        self.completed_on = QDateEdit(ProjectForm)
        self.completed_on.setObjectName(u"completed_on")
        self.completed_on.setCalendarPopup(True)

        self.completed_on_row.addWidget(self.completed_on)

        self.completed_on_row_end = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.completed_on_row.addItem(self.completed_on_row_end)


        self.form.setLayout(21, QFormLayout.ItemRole.FieldRole, self.completed_on_row)

        self.completed_on_error = QLabel(ProjectForm)
        self.completed_on_error.setObjectName(u"completed_on_error")

        self.form.setWidget(22, QFormLayout.ItemRole.FieldRole, self.completed_on_error)

        self.campaign_label = QLabel(ProjectForm)
        self.campaign_label.setObjectName(u"campaign_label")

        self.form.setWidget(23, QFormLayout.ItemRole.LabelRole, self.campaign_label)

        self.campaign = QComboBox(ProjectForm)
        self.campaign.setObjectName(u"campaign")

        self.form.setWidget(23, QFormLayout.ItemRole.FieldRole, self.campaign)

        self.campaign_error = QLabel(ProjectForm)
        self.campaign_error.setObjectName(u"campaign_error")

        self.form.setWidget(24, QFormLayout.ItemRole.FieldRole, self.campaign_error)

        self.description_label = QLabel(ProjectForm)
        self.description_label.setObjectName(u"description_label")

        self.form.setWidget(25, QFormLayout.ItemRole.LabelRole, self.description_label)

        self.description = QPlainTextEdit(ProjectForm)
        self.description.setObjectName(u"description")
        self.description.setMinimumSize(QSize(0, 70))
        self.description.setTabChangesFocus(True)

        self.form.setWidget(25, QFormLayout.ItemRole.FieldRole, self.description)

        self.description_error = QLabel(ProjectForm)
        self.description_error.setObjectName(u"description_error")

        self.form.setWidget(26, QFormLayout.ItemRole.FieldRole, self.description_error)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name)
        self.year_label.setBuddy(self.year)
        self.kind_label.setBuddy(self.kind)
        self.status_label.setBuddy(self.status)
        self.community_label.setBuddy(self.community)
        self.grid_label.setBuddy(self.grid)
        self.quantity_label.setBuddy(self.quantity)
        self.responsible_unit_label.setBuddy(self.responsible_unit)
        self.suggestion_label.setBuddy(self.suggestion)
        self.started_on_label.setBuddy(self.started_set)
        self.planned_on_label.setBuddy(self.planned_set)
        self.completed_on_label.setBuddy(self.completed_set)
        self.campaign_label.setBuddy(self.campaign)
        self.description_label.setBuddy(self.description)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.name, self.year)
        QWidget.setTabOrder(self.year, self.kind)
        QWidget.setTabOrder(self.kind, self.status)
        QWidget.setTabOrder(self.status, self.community)
        QWidget.setTabOrder(self.community, self.grid)
        QWidget.setTabOrder(self.grid, self.quantity)
        QWidget.setTabOrder(self.quantity, self.unit)
        QWidget.setTabOrder(self.unit, self.responsible_unit)
        QWidget.setTabOrder(self.responsible_unit, self.suggestion)
        QWidget.setTabOrder(self.suggestion, self.started_set)
        QWidget.setTabOrder(self.started_set, self.started_on)
        QWidget.setTabOrder(self.started_on, self.planned_set)
        QWidget.setTabOrder(self.planned_set, self.planned_on)
        QWidget.setTabOrder(self.planned_on, self.completed_set)
        QWidget.setTabOrder(self.completed_set, self.completed_on)
        QWidget.setTabOrder(self.completed_on, self.campaign)
        QWidget.setTabOrder(self.campaign, self.description)

        self.retranslateUi(ProjectForm)

        QMetaObject.connectSlotsByName(ProjectForm)
    # setupUi

    def retranslateUi(self, ProjectForm):
        self.name_label.setText(QCoreApplication.translate("ProjectForm", u"\u9879\u76ee\u540d\u79f0(&N)", None))
        self.name.setPlaceholderText(QCoreApplication.translate("ProjectForm", u"\u4f8b\u5982\uff1a\u9526\u5858\u793e\u533a\u65b0\u589e\u7535\u52a8\u81ea\u884c\u8f66\u5145\u7535\u6869", None))
        self.year_label.setText(QCoreApplication.translate("ProjectForm", u"\u5e74\u5ea6(&Y)", None))
        self.year.setSuffix(QCoreApplication.translate("ProjectForm", u" \u5e74", None))
        self.kind_label.setText(QCoreApplication.translate("ProjectForm", u"\u7c7b\u522b(&K)", None))
        self.status_label.setText(QCoreApplication.translate("ProjectForm", u"\u72b6\u6001(&S)", None))
        self.community_label.setText(QCoreApplication.translate("ProjectForm", u"\u793e\u533a(&C)", None))
        self.grid_label.setText(QCoreApplication.translate("ProjectForm", u"\u7f51\u683c(&G)", None))
        self.quantity_label.setText(QCoreApplication.translate("ProjectForm", u"\u6570\u91cf(&Q)", None))
        self.quantity.setSpecialValueText(QCoreApplication.translate("ProjectForm", u"\u4e0d\u8ba1\u6570\u91cf", None))
        self.unit.setPlaceholderText(QCoreApplication.translate("ProjectForm", u"\u5355\u4f4d\uff1a\u5904\u3001\u4e2a\u3001\u516c\u91cc", None))
        self.responsible_unit_label.setText(QCoreApplication.translate("ProjectForm", u"\u8d23\u4efb\u5355\u4f4d(&R)", None))
        self.responsible_unit.setPlaceholderText(QCoreApplication.translate("ProjectForm", u"\u4f8b\u5982\uff1a\u533a\u4f4f\u5efa\u5c40\u3001\u9526\u5858\u793e\u533a\u5c45\u59d4\u4f1a", None))
        self.suggestion_label.setText(QCoreApplication.translate("ProjectForm", u"\u4ee3\u8868\u5efa\u8bae(&J)", None))
        self.started_on_label.setText(QCoreApplication.translate("ProjectForm", u"\u5f00\u5de5\u65e5\u671f(&T)", None))
        self.started_set.setText(QCoreApplication.translate("ProjectForm", u"\u5df2\u5f00\u5de5", None))
        self.started_on.setDisplayFormat(QCoreApplication.translate("ProjectForm", u"yyyy\u5e74M\u6708d\u65e5", None))
        self.planned_on_label.setText(QCoreApplication.translate("ProjectForm", u"\u8ba1\u5212\u5b8c\u6210(&P)", None))
        self.planned_set.setText(QCoreApplication.translate("ProjectForm", u"\u5df2\u5b9a", None))
        self.planned_on.setDisplayFormat(QCoreApplication.translate("ProjectForm", u"yyyy\u5e74M\u6708d\u65e5", None))
        self.completed_on_label.setText(QCoreApplication.translate("ProjectForm", u"\u5b9e\u9645\u5b8c\u6210(&E)", None))
        self.completed_set.setText(QCoreApplication.translate("ProjectForm", u"\u5df2\u5b8c\u6210", None))
        self.completed_on.setDisplayFormat(QCoreApplication.translate("ProjectForm", u"yyyy\u5e74M\u6708d\u65e5", None))
        self.campaign_label.setText(QCoreApplication.translate("ProjectForm", u"\u4e13\u9879\u6d3b\u52a8(&H)", None))
        self.description_label.setText(QCoreApplication.translate("ProjectForm", u"\u9879\u76ee\u5185\u5bb9(&D)", None))
        self.description.setPlaceholderText(QCoreApplication.translate("ProjectForm", u"\u505a\u4ec0\u4e48\u3001\u5728\u54ea\u91cc\u3001\u60e0\u53ca\u591a\u5c11\u7fa4\u4f17", None))
        pass
    # retranslateUi

