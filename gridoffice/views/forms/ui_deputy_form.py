# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'deputy_form.ui'
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
    QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_DeputyForm(object):
    def setupUi(self, DeputyForm):
        if not DeputyForm.objectName():
            DeputyForm.setObjectName(u"DeputyForm")
        self.columns = QHBoxLayout(DeputyForm)
        self.columns.setObjectName(u"columns")
        self.columns.setContentsMargins(0, 0, 0, 0)
        self.left = QFormLayout()
        self.left.setObjectName(u"left")
        self.left.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name_label = QLabel(DeputyForm)
        self.name_label.setObjectName(u"name_label")

        self.left.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name_cell = QVBoxLayout()
        self.name_cell.setSpacing(2)
        self.name_cell.setObjectName(u"name_cell")
        self.name = QLineEdit(DeputyForm)
        self.name.setObjectName(u"name")

        self.name_cell.addWidget(self.name)

        self.name_error = QLabel(DeputyForm)
        self.name_error.setObjectName(u"name_error")

        self.name_cell.addWidget(self.name_error)


        self.left.setLayout(0, QFormLayout.ItemRole.FieldRole, self.name_cell)

        self.gender_label = QLabel(DeputyForm)
        self.gender_label.setObjectName(u"gender_label")

        self.left.setWidget(1, QFormLayout.ItemRole.LabelRole, self.gender_label)

        self.gender_cell = QVBoxLayout()
        self.gender_cell.setSpacing(2)
        self.gender_cell.setObjectName(u"gender_cell")
        self.gender = QComboBox(DeputyForm)
        self.gender.addItem("")
        self.gender.addItem("")
        self.gender.addItem("")
        self.gender.setObjectName(u"gender")

        self.gender_cell.addWidget(self.gender)

        self.gender_error = QLabel(DeputyForm)
        self.gender_error.setObjectName(u"gender_error")

        self.gender_cell.addWidget(self.gender_error)


        self.left.setLayout(1, QFormLayout.ItemRole.FieldRole, self.gender_cell)

        self.ethnicity_label = QLabel(DeputyForm)
        self.ethnicity_label.setObjectName(u"ethnicity_label")

        self.left.setWidget(2, QFormLayout.ItemRole.LabelRole, self.ethnicity_label)

        self.ethnicity_cell = QVBoxLayout()
        self.ethnicity_cell.setSpacing(2)
        self.ethnicity_cell.setObjectName(u"ethnicity_cell")
        self.ethnicity = QComboBox(DeputyForm)
        self.ethnicity.addItem("")
        self.ethnicity.addItem("")
        self.ethnicity.addItem("")
        self.ethnicity.addItem("")
        self.ethnicity.addItem("")
        self.ethnicity.addItem("")
        self.ethnicity.addItem("")
        self.ethnicity.addItem("")
        self.ethnicity.addItem("")
        self.ethnicity.addItem("")
        self.ethnicity.addItem("")
        self.ethnicity.addItem("")
        self.ethnicity.addItem("")
        self.ethnicity.addItem("")
        self.ethnicity.addItem("")
        self.ethnicity.addItem("")
        self.ethnicity.addItem("")
        self.ethnicity.addItem("")
        self.ethnicity.addItem("")
        self.ethnicity.addItem("")
        self.ethnicity.setObjectName(u"ethnicity")
        self.ethnicity.setEditable(True)

        self.ethnicity_cell.addWidget(self.ethnicity)

        self.ethnicity_error = QLabel(DeputyForm)
        self.ethnicity_error.setObjectName(u"ethnicity_error")

        self.ethnicity_cell.addWidget(self.ethnicity_error)


        self.left.setLayout(2, QFormLayout.ItemRole.FieldRole, self.ethnicity_cell)

        self.birth_month_label = QLabel(DeputyForm)
        self.birth_month_label.setObjectName(u"birth_month_label")

        self.left.setWidget(3, QFormLayout.ItemRole.LabelRole, self.birth_month_label)

        self.birth_month_cell = QVBoxLayout()
        self.birth_month_cell.setSpacing(2)
        self.birth_month_cell.setObjectName(u"birth_month_cell")
        self.birth_month = QLineEdit(DeputyForm)
        self.birth_month.setObjectName(u"birth_month")

        self.birth_month_cell.addWidget(self.birth_month)

        self.birth_month_error = QLabel(DeputyForm)
        self.birth_month_error.setObjectName(u"birth_month_error")

        self.birth_month_cell.addWidget(self.birth_month_error)


        self.left.setLayout(3, QFormLayout.ItemRole.FieldRole, self.birth_month_cell)

        self.party_label = QLabel(DeputyForm)
        self.party_label.setObjectName(u"party_label")

        self.left.setWidget(4, QFormLayout.ItemRole.LabelRole, self.party_label)

        self.party_cell = QVBoxLayout()
        self.party_cell.setSpacing(2)
        self.party_cell.setObjectName(u"party_cell")
        self.party = QComboBox(DeputyForm)
        self.party.addItem("")
        self.party.addItem("")
        self.party.addItem("")
        self.party.addItem("")
        self.party.addItem("")
        self.party.addItem("")
        self.party.addItem("")
        self.party.addItem("")
        self.party.addItem("")
        self.party.addItem("")
        self.party.addItem("")
        self.party.addItem("")
        self.party.addItem("")
        self.party.setObjectName(u"party")
        self.party.setEditable(True)

        self.party_cell.addWidget(self.party)

        self.party_error = QLabel(DeputyForm)
        self.party_error.setObjectName(u"party_error")

        self.party_cell.addWidget(self.party_error)


        self.left.setLayout(4, QFormLayout.ItemRole.FieldRole, self.party_cell)

        self.levels_label = QLabel(DeputyForm)
        self.levels_label.setObjectName(u"levels_label")

        self.left.setWidget(5, QFormLayout.ItemRole.LabelRole, self.levels_label)

        self.levels_cell = QVBoxLayout()
        self.levels_cell.setSpacing(2)
        self.levels_cell.setObjectName(u"levels_cell")
        self.levels = QWidget(DeputyForm)
        self.levels.setObjectName(u"levels")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.levels.sizePolicy().hasHeightForWidth())
        self.levels.setSizePolicy(sizePolicy)
        self.level_row = QHBoxLayout(self.levels)
        self.level_row.setObjectName(u"level_row")
        self.level_row.setContentsMargins(0, 0, 0, 0)
        self.level_national = QCheckBox(self.levels)
        self.level_national.setObjectName(u"level_national")

        self.level_row.addWidget(self.level_national)

        self.level_province = QCheckBox(self.levels)
        self.level_province.setObjectName(u"level_province")

        self.level_row.addWidget(self.level_province)

        self.level_city = QCheckBox(self.levels)
        self.level_city.setObjectName(u"level_city")

        self.level_row.addWidget(self.level_city)

        self.level_district = QCheckBox(self.levels)
        self.level_district.setObjectName(u"level_district")

        self.level_row.addWidget(self.level_district)

        self.level_township = QCheckBox(self.levels)
        self.level_township.setObjectName(u"level_township")

        self.level_row.addWidget(self.level_township)

        self.level_stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.level_row.addItem(self.level_stretch)


        self.levels_cell.addWidget(self.levels)

        self.levels_error = QLabel(DeputyForm)
        self.levels_error.setObjectName(u"levels_error")

        self.levels_cell.addWidget(self.levels_error)


        self.left.setLayout(5, QFormLayout.ItemRole.FieldRole, self.levels_cell)

        self.work_unit_label = QLabel(DeputyForm)
        self.work_unit_label.setObjectName(u"work_unit_label")

        self.left.setWidget(6, QFormLayout.ItemRole.LabelRole, self.work_unit_label)

        self.work_unit_cell = QVBoxLayout()
        self.work_unit_cell.setSpacing(2)
        self.work_unit_cell.setObjectName(u"work_unit_cell")
        self.work_unit = QLineEdit(DeputyForm)
        self.work_unit.setObjectName(u"work_unit")

        self.work_unit_cell.addWidget(self.work_unit)

        self.work_unit_error = QLabel(DeputyForm)
        self.work_unit_error.setObjectName(u"work_unit_error")

        self.work_unit_cell.addWidget(self.work_unit_error)


        self.left.setLayout(6, QFormLayout.ItemRole.FieldRole, self.work_unit_cell)

        self.post_label = QLabel(DeputyForm)
        self.post_label.setObjectName(u"post_label")

        self.left.setWidget(7, QFormLayout.ItemRole.LabelRole, self.post_label)

        self.post_cell = QVBoxLayout()
        self.post_cell.setSpacing(2)
        self.post_cell.setObjectName(u"post_cell")
        self.post = QLineEdit(DeputyForm)
        self.post.setObjectName(u"post")

        self.post_cell.addWidget(self.post)

        self.post_error = QLabel(DeputyForm)
        self.post_error.setObjectName(u"post_error")

        self.post_cell.addWidget(self.post_error)


        self.left.setLayout(7, QFormLayout.ItemRole.FieldRole, self.post_cell)

        self.expertise_label = QLabel(DeputyForm)
        self.expertise_label.setObjectName(u"expertise_label")

        self.left.setWidget(8, QFormLayout.ItemRole.LabelRole, self.expertise_label)

        self.expertise_cell = QVBoxLayout()
        self.expertise_cell.setSpacing(2)
        self.expertise_cell.setObjectName(u"expertise_cell")
        self.expertise = QLineEdit(DeputyForm)
        self.expertise.setObjectName(u"expertise")

        self.expertise_cell.addWidget(self.expertise)

        self.expertise_error = QLabel(DeputyForm)
        self.expertise_error.setObjectName(u"expertise_error")

        self.expertise_cell.addWidget(self.expertise_error)


        self.left.setLayout(8, QFormLayout.ItemRole.FieldRole, self.expertise_cell)

        self.mobile_label = QLabel(DeputyForm)
        self.mobile_label.setObjectName(u"mobile_label")

        self.left.setWidget(9, QFormLayout.ItemRole.LabelRole, self.mobile_label)

        self.mobile_cell = QVBoxLayout()
        self.mobile_cell.setSpacing(2)
        self.mobile_cell.setObjectName(u"mobile_cell")
        self.mobile = QLineEdit(DeputyForm)
        self.mobile.setObjectName(u"mobile")

        self.mobile_cell.addWidget(self.mobile)

        self.mobile_error = QLabel(DeputyForm)
        self.mobile_error.setObjectName(u"mobile_error")

        self.mobile_cell.addWidget(self.mobile_error)

        self.mobile_public = QCheckBox(DeputyForm)
        self.mobile_public.setObjectName(u"mobile_public")

        self.mobile_cell.addWidget(self.mobile_public)


        self.left.setLayout(9, QFormLayout.ItemRole.FieldRole, self.mobile_cell)

        self.office_phone_label = QLabel(DeputyForm)
        self.office_phone_label.setObjectName(u"office_phone_label")

        self.left.setWidget(10, QFormLayout.ItemRole.LabelRole, self.office_phone_label)

        self.office_phone_cell = QVBoxLayout()
        self.office_phone_cell.setSpacing(2)
        self.office_phone_cell.setObjectName(u"office_phone_cell")
        self.office_phone = QLineEdit(DeputyForm)
        self.office_phone.setObjectName(u"office_phone")

        self.office_phone_cell.addWidget(self.office_phone)

        self.office_phone_error = QLabel(DeputyForm)
        self.office_phone_error.setObjectName(u"office_phone_error")

        self.office_phone_cell.addWidget(self.office_phone_error)


        self.left.setLayout(10, QFormLayout.ItemRole.FieldRole, self.office_phone_cell)

        self.took_office_on_label = QLabel(DeputyForm)
        self.took_office_on_label.setObjectName(u"took_office_on_label")

        self.left.setWidget(11, QFormLayout.ItemRole.LabelRole, self.took_office_on_label)

        self.took_office_on_cell = QVBoxLayout()
        self.took_office_on_cell.setSpacing(2)
        self.took_office_on_cell.setObjectName(u"took_office_on_cell")
        self.took_office_on = QLineEdit(DeputyForm)
        self.took_office_on.setObjectName(u"took_office_on")

        self.took_office_on_cell.addWidget(self.took_office_on)

        self.took_office_on_error = QLabel(DeputyForm)
        self.took_office_on_error.setObjectName(u"took_office_on_error")

        self.took_office_on_cell.addWidget(self.took_office_on_error)


        self.left.setLayout(11, QFormLayout.ItemRole.FieldRole, self.took_office_on_cell)

        self.notes_label = QLabel(DeputyForm)
        self.notes_label.setObjectName(u"notes_label")

        self.left.setWidget(12, QFormLayout.ItemRole.LabelRole, self.notes_label)

        self.notes_cell = QVBoxLayout()
        self.notes_cell.setSpacing(2)
        self.notes_cell.setObjectName(u"notes_cell")
        self.notes = QPlainTextEdit(DeputyForm)
        self.notes.setObjectName(u"notes")
        self.notes.setMinimumSize(QSize(0, 56))
        self.notes.setMaximumSize(QSize(16777215, 56))
        self.notes.setTabChangesFocus(True)

        self.notes_cell.addWidget(self.notes)

        self.notes_error = QLabel(DeputyForm)
        self.notes_error.setObjectName(u"notes_error")

        self.notes_cell.addWidget(self.notes_error)


        self.left.setLayout(12, QFormLayout.ItemRole.FieldRole, self.notes_cell)

        self.left_stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.left.setItem(13, QFormLayout.ItemRole.FieldRole, self.left_stretch)


        self.columns.addLayout(self.left)

        self.column_gap = QSpacerItem(16, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.columns.addItem(self.column_gap)

        self.right = QFormLayout()
        self.right.setObjectName(u"right")
        self.right.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.photo_label = QLabel(DeputyForm)
        self.photo_label.setObjectName(u"photo_label")

        self.right.setWidget(0, QFormLayout.ItemRole.LabelRole, self.photo_label)

        self.photo_cell = QVBoxLayout()
        self.photo_cell.setSpacing(2)
        self.photo_cell.setObjectName(u"photo_cell")
        self.photo_row = QHBoxLayout()
        self.photo_row.setSpacing(6)
        self.photo_row.setObjectName(u"photo_row")
        self.photo = QLabel(DeputyForm)
        self.photo.setObjectName(u"photo")
        self.photo.setMinimumSize(QSize(120, 160))
        self.photo.setMaximumSize(QSize(120, 160))
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.photo_row.addWidget(self.photo, 0, Qt.AlignmentFlag.AlignTop)

        self.photo_buttons = QVBoxLayout()
        self.photo_buttons.setSpacing(6)
        self.photo_buttons.setObjectName(u"photo_buttons")
        self.choose_photo = QPushButton(DeputyForm)
        self.choose_photo.setObjectName(u"choose_photo")

        self.photo_buttons.addWidget(self.choose_photo)

        self.remove_photo = QPushButton(DeputyForm)
        self.remove_photo.setObjectName(u"remove_photo")

        self.photo_buttons.addWidget(self.remove_photo)

        self.photo_hint = QLabel(DeputyForm)
        self.photo_hint.setObjectName(u"photo_hint")
        self.photo_hint.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.photo_buttons.addWidget(self.photo_hint)

        self.photo_buttons_stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)

        self.photo_buttons.addItem(self.photo_buttons_stretch)


        self.photo_row.addLayout(self.photo_buttons)

        self.photo_stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.photo_row.addItem(self.photo_stretch)


        self.photo_cell.addLayout(self.photo_row)

        self.photo_error = QLabel(DeputyForm)
        self.photo_error.setObjectName(u"photo_error")

        self.photo_cell.addWidget(self.photo_error)


        self.right.setLayout(0, QFormLayout.ItemRole.FieldRole, self.photo_cell)

        self.status_label = QLabel(DeputyForm)
        self.status_label.setObjectName(u"status_label")

        self.right.setWidget(1, QFormLayout.ItemRole.LabelRole, self.status_label)

        self.status_cell = QVBoxLayout()
        self.status_cell.setSpacing(2)
        self.status_cell.setObjectName(u"status_cell")
        self.status = QLabel(DeputyForm)
        self.status.setObjectName(u"status")

        self.status_cell.addWidget(self.status)

        self.status_error = QLabel(DeputyForm)
        self.status_error.setObjectName(u"status_error")

        self.status_cell.addWidget(self.status_error)


        self.right.setLayout(1, QFormLayout.ItemRole.FieldRole, self.status_cell)

        self.station_id_label = QLabel(DeputyForm)
        self.station_id_label.setObjectName(u"station_id_label")

        self.right.setWidget(2, QFormLayout.ItemRole.LabelRole, self.station_id_label)

        self.station_id_cell = QVBoxLayout()
        self.station_id_cell.setSpacing(2)
        self.station_id_cell.setObjectName(u"station_id_cell")
        self.station_id = QComboBox(DeputyForm)
        self.station_id.setObjectName(u"station_id")

        self.station_id_cell.addWidget(self.station_id)

        self.station_id_error = QLabel(DeputyForm)
        self.station_id_error.setObjectName(u"station_id_error")

        self.station_id_cell.addWidget(self.station_id_error)


        self.right.setLayout(2, QFormLayout.ItemRole.FieldRole, self.station_id_cell)

        self.other_station_ids_label = QLabel(DeputyForm)
        self.other_station_ids_label.setObjectName(u"other_station_ids_label")

        self.right.setWidget(3, QFormLayout.ItemRole.LabelRole, self.other_station_ids_label)

        self.other_stations_cell = QVBoxLayout()
        self.other_stations_cell.setSpacing(2)
        self.other_stations_cell.setObjectName(u"other_stations_cell")
        self.other_stations_row = QHBoxLayout()
        self.other_stations_row.setObjectName(u"other_stations_row")
        self.other_station_ids_names = QLabel(DeputyForm)
        self.other_station_ids_names.setObjectName(u"other_station_ids_names")
        self.other_station_ids_names.setWordWrap(True)

        self.other_stations_row.addWidget(self.other_station_ids_names)

        self.choose_stations = QPushButton(DeputyForm)
        self.choose_stations.setObjectName(u"choose_stations")

        self.other_stations_row.addWidget(self.choose_stations)


        self.other_stations_cell.addLayout(self.other_stations_row)

        self.other_station_ids_error = QLabel(DeputyForm)
        self.other_station_ids_error.setObjectName(u"other_station_ids_error")

        self.other_stations_cell.addWidget(self.other_station_ids_error)


        self.right.setLayout(3, QFormLayout.ItemRole.FieldRole, self.other_stations_cell)

        self.roles_label = QLabel(DeputyForm)
        self.roles_label.setObjectName(u"roles_label")

        self.right.setWidget(4, QFormLayout.ItemRole.LabelRole, self.roles_label)

        self.roles_cell = QVBoxLayout()
        self.roles_cell.setSpacing(2)
        self.roles_cell.setObjectName(u"roles_cell")
        self.roles = QWidget(DeputyForm)
        self.roles.setObjectName(u"roles")

        self.roles_cell.addWidget(self.roles)

        self.roles_error = QLabel(DeputyForm)
        self.roles_error.setObjectName(u"roles_error")

        self.roles_cell.addWidget(self.roles_error)


        self.right.setLayout(4, QFormLayout.ItemRole.FieldRole, self.roles_cell)

        self.grid_ids_label = QLabel(DeputyForm)
        self.grid_ids_label.setObjectName(u"grid_ids_label")

        self.right.setWidget(5, QFormLayout.ItemRole.LabelRole, self.grid_ids_label)

        self.grid_column = QVBoxLayout()
        self.grid_column.setObjectName(u"grid_column")
        self.grid_search = QLineEdit(DeputyForm)
        self.grid_search.setObjectName(u"grid_search")
        self.grid_search.setClearButtonEnabled(True)

        self.grid_column.addWidget(self.grid_search)

        self.grid_ids = QListWidget(DeputyForm)
        self.grid_ids.setObjectName(u"grid_ids")

        self.grid_column.addWidget(self.grid_ids)

        self.grid_summary = QLabel(DeputyForm)
        self.grid_summary.setObjectName(u"grid_summary")
        self.grid_summary.setWordWrap(True)

        self.grid_column.addWidget(self.grid_summary)

        self.grid_ids_error = QLabel(DeputyForm)
        self.grid_ids_error.setObjectName(u"grid_ids_error")

        self.grid_column.addWidget(self.grid_ids_error)


        self.right.setLayout(5, QFormLayout.ItemRole.FieldRole, self.grid_column)


        self.columns.addLayout(self.right)

        self.columns.setStretch(0, 5)
        self.columns.setStretch(2, 4)
#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name)
        self.gender_label.setBuddy(self.gender)
        self.ethnicity_label.setBuddy(self.ethnicity)
        self.birth_month_label.setBuddy(self.birth_month)
        self.party_label.setBuddy(self.party)
        self.levels_label.setBuddy(self.level_national)
        self.work_unit_label.setBuddy(self.work_unit)
        self.post_label.setBuddy(self.post)
        self.expertise_label.setBuddy(self.expertise)
        self.mobile_label.setBuddy(self.mobile)
        self.office_phone_label.setBuddy(self.office_phone)
        self.took_office_on_label.setBuddy(self.took_office_on)
        self.notes_label.setBuddy(self.notes)
        self.station_id_label.setBuddy(self.station_id)
        self.other_station_ids_label.setBuddy(self.choose_stations)
        self.grid_ids_label.setBuddy(self.grid_search)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.name, self.gender)
        QWidget.setTabOrder(self.gender, self.ethnicity)
        QWidget.setTabOrder(self.ethnicity, self.birth_month)
        QWidget.setTabOrder(self.birth_month, self.party)
        QWidget.setTabOrder(self.party, self.level_national)
        QWidget.setTabOrder(self.level_national, self.level_province)
        QWidget.setTabOrder(self.level_province, self.level_city)
        QWidget.setTabOrder(self.level_city, self.level_district)
        QWidget.setTabOrder(self.level_district, self.level_township)
        QWidget.setTabOrder(self.level_township, self.work_unit)
        QWidget.setTabOrder(self.work_unit, self.post)
        QWidget.setTabOrder(self.post, self.expertise)
        QWidget.setTabOrder(self.expertise, self.mobile)
        QWidget.setTabOrder(self.mobile, self.mobile_public)
        QWidget.setTabOrder(self.mobile_public, self.office_phone)
        QWidget.setTabOrder(self.office_phone, self.took_office_on)
        QWidget.setTabOrder(self.took_office_on, self.notes)
        QWidget.setTabOrder(self.notes, self.choose_photo)
        QWidget.setTabOrder(self.choose_photo, self.remove_photo)
        QWidget.setTabOrder(self.remove_photo, self.station_id)
        QWidget.setTabOrder(self.station_id, self.choose_stations)
        QWidget.setTabOrder(self.choose_stations, self.grid_search)
        QWidget.setTabOrder(self.grid_search, self.grid_ids)

        self.retranslateUi(DeputyForm)

        QMetaObject.connectSlotsByName(DeputyForm)
    # setupUi

    def retranslateUi(self, DeputyForm):
        self.name_label.setText(QCoreApplication.translate("DeputyForm", u"\u59d3\u540d(&N) *", None))
        self.gender_label.setText(QCoreApplication.translate("DeputyForm", u"\u6027\u522b(&G)", None))
        self.gender.setItemText(0, "")
        self.gender.setItemText(1, QCoreApplication.translate("DeputyForm", u"\u7537", None))
        self.gender.setItemText(2, QCoreApplication.translate("DeputyForm", u"\u5973", None))

        self.ethnicity_label.setText(QCoreApplication.translate("DeputyForm", u"\u6c11\u65cf(&E)", None))
        self.ethnicity.setItemText(0, QCoreApplication.translate("DeputyForm", u"\u6c49\u65cf", None))
        self.ethnicity.setItemText(1, QCoreApplication.translate("DeputyForm", u"\u58ee\u65cf", None))
        self.ethnicity.setItemText(2, QCoreApplication.translate("DeputyForm", u"\u56de\u65cf", None))
        self.ethnicity.setItemText(3, QCoreApplication.translate("DeputyForm", u"\u6ee1\u65cf", None))
        self.ethnicity.setItemText(4, QCoreApplication.translate("DeputyForm", u"\u7ef4\u543e\u5c14\u65cf", None))
        self.ethnicity.setItemText(5, QCoreApplication.translate("DeputyForm", u"\u82d7\u65cf", None))
        self.ethnicity.setItemText(6, QCoreApplication.translate("DeputyForm", u"\u5f5d\u65cf", None))
        self.ethnicity.setItemText(7, QCoreApplication.translate("DeputyForm", u"\u571f\u5bb6\u65cf", None))
        self.ethnicity.setItemText(8, QCoreApplication.translate("DeputyForm", u"\u85cf\u65cf", None))
        self.ethnicity.setItemText(9, QCoreApplication.translate("DeputyForm", u"\u8499\u53e4\u65cf", None))
        self.ethnicity.setItemText(10, QCoreApplication.translate("DeputyForm", u"\u4f97\u65cf", None))
        self.ethnicity.setItemText(11, QCoreApplication.translate("DeputyForm", u"\u5e03\u4f9d\u65cf", None))
        self.ethnicity.setItemText(12, QCoreApplication.translate("DeputyForm", u"\u7476\u65cf", None))
        self.ethnicity.setItemText(13, QCoreApplication.translate("DeputyForm", u"\u767d\u65cf", None))
        self.ethnicity.setItemText(14, QCoreApplication.translate("DeputyForm", u"\u671d\u9c9c\u65cf", None))
        self.ethnicity.setItemText(15, QCoreApplication.translate("DeputyForm", u"\u54c8\u5c3c\u65cf", None))
        self.ethnicity.setItemText(16, QCoreApplication.translate("DeputyForm", u"\u9ece\u65cf", None))
        self.ethnicity.setItemText(17, QCoreApplication.translate("DeputyForm", u"\u54c8\u8428\u514b\u65cf", None))
        self.ethnicity.setItemText(18, QCoreApplication.translate("DeputyForm", u"\u50a3\u65cf", None))
        self.ethnicity.setItemText(19, QCoreApplication.translate("DeputyForm", u"\u7572\u65cf", None))

        self.birth_month_label.setText(QCoreApplication.translate("DeputyForm", u"\u51fa\u751f\u5e74\u6708(&B)", None))
        self.birth_month.setPlaceholderText(QCoreApplication.translate("DeputyForm", u"\u5982 1975-03", None))
        self.party_label.setText(QCoreApplication.translate("DeputyForm", u"\u653f\u6cbb\u9762\u8c8c(&P)", None))
        self.party.setItemText(0, QCoreApplication.translate("DeputyForm", u"\u4e2d\u5171\u515a\u5458", None))
        self.party.setItemText(1, QCoreApplication.translate("DeputyForm", u"\u4e2d\u5171\u9884\u5907\u515a\u5458", None))
        self.party.setItemText(2, QCoreApplication.translate("DeputyForm", u"\u5171\u9752\u56e2\u5458", None))
        self.party.setItemText(3, QCoreApplication.translate("DeputyForm", u"\u6c11\u9769\u515a\u5458", None))
        self.party.setItemText(4, QCoreApplication.translate("DeputyForm", u"\u6c11\u76df\u76df\u5458", None))
        self.party.setItemText(5, QCoreApplication.translate("DeputyForm", u"\u6c11\u5efa\u4f1a\u5458", None))
        self.party.setItemText(6, QCoreApplication.translate("DeputyForm", u"\u6c11\u8fdb\u4f1a\u5458", None))
        self.party.setItemText(7, QCoreApplication.translate("DeputyForm", u"\u519c\u5de5\u515a\u515a\u5458", None))
        self.party.setItemText(8, QCoreApplication.translate("DeputyForm", u"\u81f4\u516c\u515a\u515a\u5458", None))
        self.party.setItemText(9, QCoreApplication.translate("DeputyForm", u"\u4e5d\u4e09\u5b66\u793e\u793e\u5458", None))
        self.party.setItemText(10, QCoreApplication.translate("DeputyForm", u"\u53f0\u76df\u76df\u5458", None))
        self.party.setItemText(11, QCoreApplication.translate("DeputyForm", u"\u65e0\u515a\u6d3e\u4eba\u58eb", None))
        self.party.setItemText(12, QCoreApplication.translate("DeputyForm", u"\u7fa4\u4f17", None))

        self.levels_label.setText(QCoreApplication.translate("DeputyForm", u"\u4ee3\u8868\u5c42\u7ea7(&L) *", None))
        self.level_national.setText(QCoreApplication.translate("DeputyForm", u"\u5168\u56fd", None))
        self.level_province.setText(QCoreApplication.translate("DeputyForm", u"\u7701", None))
        self.level_city.setText(QCoreApplication.translate("DeputyForm", u"\u5e02", None))
        self.level_district.setText(QCoreApplication.translate("DeputyForm", u"\u533a", None))
        self.level_township.setText(QCoreApplication.translate("DeputyForm", u"\u4e61\u9547", None))
        self.work_unit_label.setText(QCoreApplication.translate("DeputyForm", u"\u5de5\u4f5c\u5355\u4f4d(&W)", None))
        self.post_label.setText(QCoreApplication.translate("DeputyForm", u"\u804c\u52a1(&T)", None))
        self.expertise_label.setText(QCoreApplication.translate("DeputyForm", u"\u4e13\u957f(&Z)", None))
        self.expertise.setPlaceholderText(QCoreApplication.translate("DeputyForm", u"\u591a\u4e2a\u4e13\u957f\u7528\u3001\u5206\u9694\uff0c\u5982 \u6cd5\u5f8b\u3001\u8c03\u89e3", None))
        self.mobile_label.setText(QCoreApplication.translate("DeputyForm", u"\u624b\u673a(&M)", None))
        self.mobile.setPlaceholderText(QCoreApplication.translate("DeputyForm", u"11 \u4f4d\u624b\u673a\u53f7", None))
        self.mobile_public.setText(QCoreApplication.translate("DeputyForm", u"\u672c\u4eba\u540c\u610f\u5728\u516c\u793a\u724c\u4e0a\u516c\u5f00\u624b\u673a\u53f7", None))
        self.office_phone_label.setText(QCoreApplication.translate("DeputyForm", u"\u529e\u516c\u7535\u8bdd(&H)", None))
        self.office_phone.setPlaceholderText(QCoreApplication.translate("DeputyForm", u"\u5e26\u533a\u53f7\uff0c\u5982 0395-1234567", None))
        self.took_office_on_label.setText(QCoreApplication.translate("DeputyForm", u"\u4efb\u804c\u65e5\u671f(&D)", None))
        self.took_office_on.setPlaceholderText(QCoreApplication.translate("DeputyForm", u"\u5982 2025-01-08\uff0c\u53ef\u4e0d\u586b", None))
        self.notes_label.setText(QCoreApplication.translate("DeputyForm", u"\u5907\u6ce8(&R)", None))
        self.photo_label.setText(QCoreApplication.translate("DeputyForm", u"\u7167\u7247", None))
        self.photo.setStyleSheet(QCoreApplication.translate("DeputyForm", u"border: 1px solid #b0bec5; background: #eceff1; color: #78909c;", None))
        self.choose_photo.setText(QCoreApplication.translate("DeputyForm", u"\u9009\u62e9\u7167\u7247(&O)\u2026", None))
        self.remove_photo.setText(QCoreApplication.translate("DeputyForm", u"\u79fb\u9664\u7167\u7247(&V)", None))
        self.photo_hint.setText(QCoreApplication.translate("DeputyForm", u"JPG \u6216 PNG\uff0c\n"
"\u81ea\u52a8\u7f29\u5c0f\u540e\u4fdd\u5b58", None))
        self.photo_hint.setStyleSheet(QCoreApplication.translate("DeputyForm", u"color: #607d8b;", None))
        self.status_label.setText(QCoreApplication.translate("DeputyForm", u"\u72b6\u6001", None))
        self.station_id_label.setText(QCoreApplication.translate("DeputyForm", u"\u6240\u5c5e\u8054\u7edc\u7ad9(&S)", None))
        self.other_station_ids_label.setText(QCoreApplication.translate("DeputyForm", u"\u5176\u4ed6\u7ad9\u70b9(&Y)", None))
#if QT_CONFIG(tooltip)
        self.other_station_ids_names.setToolTip(QCoreApplication.translate("DeputyForm", u"\u9664\u6240\u5c5e\u8054\u7edc\u7ad9\u5916\uff0c\u4ee3\u8868\u8fd8\u5728\u54ea\u4e9b\u7ad9\u70b9\u5c65\u804c\uff08\u8054\u7edc\u5ba4\u3001\u5b9e\u8df5\u57fa\u5730\u3001\u4f01\u4e1a\u8054\u7cfb\u70b9\u2026\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.choose_stations.setText(QCoreApplication.translate("DeputyForm", u"\u9009\u62e9\u2026", None))
        self.roles_label.setText(QCoreApplication.translate("DeputyForm", u"\u4e94\u5458\u89d2\u8272", None))
#if QT_CONFIG(tooltip)
        self.roles.setToolTip(QCoreApplication.translate("DeputyForm", u"\u4ee3\u8868\u5728\u793e\u533a\u4e2d\u7684\u89d2\u8272\uff1a\u5ba3\u4f20\u5458\u3001\u8054\u7edc\u5458\u3001\u76d1\u7763\u5458\u3001\u8c03\u89e3\u5458\u3001\u5b88\u62a4\u5458\uff08\u53ef\u5728\u4ee3\u8868\u540d\u518c\u4e2d\u6309\u89d2\u8272\u7b5b\u9009\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.grid_ids_label.setText(QCoreApplication.translate("DeputyForm", u"\u6240\u5728\u7f51\u683c(&A)", None))
        self.grid_search.setPlaceholderText(QCoreApplication.translate("DeputyForm", u"\u8f93\u5165\u7f51\u683c\u7f16\u53f7\u6216\u540d\u79f0\u7b5b\u9009", None))
        pass
    # retranslateUi

