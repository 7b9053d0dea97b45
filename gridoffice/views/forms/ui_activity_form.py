# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'activity_form.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QDateEdit, QFormLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QListView, QListWidget,
    QListWidgetItem, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QSpinBox, QVBoxLayout, QWidget)

from gridoffice.views.activities.grid_combo import GridCombo
from gridoffice.widgets.deputy_picker import DeputyPicker

class Ui_ActivityForm(object):
    def setupUi(self, ActivityForm):
        if not ActivityForm.objectName():
            ActivityForm.setObjectName(u"ActivityForm")
        self.columns = QHBoxLayout(ActivityForm)
        self.columns.setObjectName(u"columns")
        self.columns.setContentsMargins(0, 0, 0, 0)
        self.left = QVBoxLayout()
        self.left.setObjectName(u"left")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.date_label = QLabel(ActivityForm)
        self.date_label.setObjectName(u"date_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.date_label)

        self.date = QDateEdit(ActivityForm)
        self.date.setObjectName(u"date")
        self.date.setCalendarPopup(True)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.date)

        self.date_error = QLabel(ActivityForm)
        self.date_error.setObjectName(u"date_error")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.date_error)

        self.kind_label = QLabel(ActivityForm)
        self.kind_label.setObjectName(u"kind_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.kind_label)

        self.kind = QComboBox(ActivityForm)
        self.kind.setObjectName(u"kind")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.kind)

        self.kind_error = QLabel(ActivityForm)
        self.kind_error.setObjectName(u"kind_error")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.kind_error)

        self.grid_label = QLabel(ActivityForm)
        self.grid_label.setObjectName(u"grid_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.grid_label)

        self.grid = GridCombo(ActivityForm)
        self.grid.setObjectName(u"grid")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.grid)

        self.grid_error = QLabel(ActivityForm)
        self.grid_error.setObjectName(u"grid_error")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.grid_error)

        self.station_label = QLabel(ActivityForm)
        self.station_label.setObjectName(u"station_label")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.station_label)

        self.station = QComboBox(ActivityForm)
        self.station.setObjectName(u"station")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.station)

        self.station_error = QLabel(ActivityForm)
        self.station_error.setObjectName(u"station_error")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.station_error)

        self.place_label = QLabel(ActivityForm)
        self.place_label.setObjectName(u"place_label")

        self.form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.place_label)

        self.place = QLineEdit(ActivityForm)
        self.place.setObjectName(u"place")

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.place)

        self.place_error = QLabel(ActivityForm)
        self.place_error.setObjectName(u"place_error")

        self.form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.place_error)

        self.other_participants_label = QLabel(ActivityForm)
        self.other_participants_label.setObjectName(u"other_participants_label")

        self.form.setWidget(10, QFormLayout.ItemRole.LabelRole, self.other_participants_label)

        self.other_participants = QLineEdit(ActivityForm)
        self.other_participants.setObjectName(u"other_participants")

        self.form.setWidget(10, QFormLayout.ItemRole.FieldRole, self.other_participants)

        self.other_participants_error = QLabel(ActivityForm)
        self.other_participants_error.setObjectName(u"other_participants_error")

        self.form.setWidget(11, QFormLayout.ItemRole.FieldRole, self.other_participants_error)

        self.residents_contacted_label = QLabel(ActivityForm)
        self.residents_contacted_label.setObjectName(u"residents_contacted_label")

        self.form.setWidget(12, QFormLayout.ItemRole.LabelRole, self.residents_contacted_label)

        self.residents_row = QHBoxLayout()
        self.residents_row.setObjectName(u"residents_row")
        self.residents_contacted = QSpinBox(ActivityForm)
        self.residents_contacted.setObjectName(u"residents_contacted")
        self.residents_contacted.setMaximum(100000)

        self.residents_row.addWidget(self.residents_contacted)

        self.online = QCheckBox(ActivityForm)
        self.online.setObjectName(u"online")

        self.residents_row.addWidget(self.online)

        self.residents_row_end = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.residents_row.addItem(self.residents_row_end)


        self.form.setLayout(12, QFormLayout.ItemRole.FieldRole, self.residents_row)

        self.residents_contacted_error = QLabel(ActivityForm)
        self.residents_contacted_error.setObjectName(u"residents_contacted_error")

        self.form.setWidget(13, QFormLayout.ItemRole.FieldRole, self.residents_contacted_error)

        self.summary_label = QLabel(ActivityForm)
        self.summary_label.setObjectName(u"summary_label")

        self.form.setWidget(14, QFormLayout.ItemRole.LabelRole, self.summary_label)

        self.summary = QPlainTextEdit(ActivityForm)
        self.summary.setObjectName(u"summary")
        self.summary.setMinimumSize(QSize(0, 80))
        self.summary.setTabChangesFocus(True)

        self.form.setWidget(14, QFormLayout.ItemRole.FieldRole, self.summary)

        self.summary_error = QLabel(ActivityForm)
        self.summary_error.setObjectName(u"summary_error")

        self.form.setWidget(15, QFormLayout.ItemRole.FieldRole, self.summary_error)


        self.left.addLayout(self.form)

        self.photos_box = QGroupBox(ActivityForm)
        self.photos_box.setObjectName(u"photos_box")
        self.photos_layout = QVBoxLayout(self.photos_box)
        self.photos_layout.setObjectName(u"photos_layout")
        self.photos = QListWidget(self.photos_box)
        self.photos.setObjectName(u"photos")
        self.photos.setMaximumSize(QSize(16777215, 116))
        self.photos.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.photos.setIconSize(QSize(96, 72))
        self.photos.setResizeMode(QListView.ResizeMode.Adjust)
        self.photos.setGridSize(QSize(112, 98))
        self.photos.setViewMode(QListView.ViewMode.IconMode)

        self.photos_layout.addWidget(self.photos)

        self.photo_buttons = QHBoxLayout()
        self.photo_buttons.setObjectName(u"photo_buttons")
        self.add_photo = QPushButton(self.photos_box)
        self.add_photo.setObjectName(u"add_photo")

        self.photo_buttons.addWidget(self.add_photo)

        self.remove_photo = QPushButton(self.photos_box)
        self.remove_photo.setObjectName(u"remove_photo")

        self.photo_buttons.addWidget(self.remove_photo)

        self.photo_buttons_end = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.photo_buttons.addItem(self.photo_buttons_end)


        self.photos_layout.addLayout(self.photo_buttons)

        self.photos_error = QLabel(self.photos_box)
        self.photos_error.setObjectName(u"photos_error")

        self.photos_layout.addWidget(self.photos_error)


        self.left.addWidget(self.photos_box)


        self.columns.addLayout(self.left)

        self.deputies_box = QGroupBox(ActivityForm)
        self.deputies_box.setObjectName(u"deputies_box")
        self.deputies_layout = QVBoxLayout(self.deputies_box)
        self.deputies_layout.setObjectName(u"deputies_layout")
        self.deputies = DeputyPicker(self.deputies_box)
        self.deputies.setObjectName(u"deputies")

        self.deputies_layout.addWidget(self.deputies)

        self.deputies_error = QLabel(self.deputies_box)
        self.deputies_error.setObjectName(u"deputies_error")

        self.deputies_layout.addWidget(self.deputies_error)


        self.columns.addWidget(self.deputies_box)

        self.columns.setStretch(0, 3)
        self.columns.setStretch(1, 2)
#if QT_CONFIG(shortcut)
        self.date_label.setBuddy(self.date)
        self.kind_label.setBuddy(self.kind)
        self.grid_label.setBuddy(self.grid)
        self.station_label.setBuddy(self.station)
        self.place_label.setBuddy(self.place)
        self.other_participants_label.setBuddy(self.other_participants)
        self.residents_contacted_label.setBuddy(self.residents_contacted)
        self.summary_label.setBuddy(self.summary)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.date, self.kind)
        QWidget.setTabOrder(self.kind, self.grid)
        QWidget.setTabOrder(self.grid, self.station)
        QWidget.setTabOrder(self.station, self.place)
        QWidget.setTabOrder(self.place, self.other_participants)
        QWidget.setTabOrder(self.other_participants, self.residents_contacted)
        QWidget.setTabOrder(self.residents_contacted, self.online)
        QWidget.setTabOrder(self.online, self.summary)
        QWidget.setTabOrder(self.summary, self.photos)
        QWidget.setTabOrder(self.photos, self.add_photo)
        QWidget.setTabOrder(self.add_photo, self.remove_photo)
        QWidget.setTabOrder(self.remove_photo, self.deputies)

        self.retranslateUi(ActivityForm)

        QMetaObject.connectSlotsByName(ActivityForm)
    # setupUi

    def retranslateUi(self, ActivityForm):
        self.date_label.setText(QCoreApplication.translate("ActivityForm", u"\u65e5\u671f(&D)", None))
        self.date.setDisplayFormat(QCoreApplication.translate("ActivityForm", u"yyyy-MM-dd", None))
        self.kind_label.setText(QCoreApplication.translate("ActivityForm", u"\u6d3b\u52a8\u7c7b\u578b(&T)", None))
        self.grid_label.setText(QCoreApplication.translate("ActivityForm", u"\u7f51\u683c(&G)", None))
        self.station_label.setText(QCoreApplication.translate("ActivityForm", u"\u8054\u7edc\u7ad9(&S)", None))
        self.place_label.setText(QCoreApplication.translate("ActivityForm", u"\u5730\u70b9(&P)", None))
        self.place.setPlaceholderText(QCoreApplication.translate("ActivityForm", u"\u5c0f\u533a\u3001\u6751\u7ec4\u3001\u4f01\u4e1a\u6216\u8054\u7edc\u7ad9", None))
        self.other_participants_label.setText(QCoreApplication.translate("ActivityForm", u"\u5176\u4ed6\u53c2\u52a0\u4eba\u5458(&O)", None))
        self.other_participants.setPlaceholderText(QCoreApplication.translate("ActivityForm", u"\u7f51\u683c\u5458\u3001\u6c11\u8b66\u3001\u5f8b\u5e08\u2026\uff08\u7528\u987f\u53f7\u5206\u9694\uff09", None))
        self.residents_contacted_label.setText(QCoreApplication.translate("ActivityForm", u"\u8054\u7cfb\u7fa4\u4f17(&R)", None))
        self.residents_contacted.setSuffix(QCoreApplication.translate("ActivityForm", u" \u4eba", None))
#if QT_CONFIG(tooltip)
        self.online.setToolTip(QCoreApplication.translate("ActivityForm", u"\u5728\u6570\u5b57\u4eba\u5927\u5e73\u53f0\u3001\u5fae\u4fe1\u7fa4\u6216\u89c6\u9891\u4e2d\u5f00\u5c55\u7684\u6d3b\u52a8\uff08\u7f51\u4e0a\u5c65\u804c\uff09\uff0c\u5e74\u5ea6\u62a5\u544a\u5355\u72ec\u7edf\u8ba1", None))
#endif // QT_CONFIG(tooltip)
        self.online.setText(QCoreApplication.translate("ActivityForm", u"\u7f51\u4e0a\u5c65\u804c(&O)", None))
        self.summary_label.setText(QCoreApplication.translate("ActivityForm", u"\u5185\u5bb9\u6458\u8981(&M)", None))
        self.summary.setPlaceholderText(QCoreApplication.translate("ActivityForm", u"\u505a\u4e86\u4ec0\u4e48\uff0c\u542c\u5230\u4e86\u4ec0\u4e48\uff0c\u7b54\u5e94\u4e86\u4ec0\u4e48", None))
        self.photos_box.setTitle(QCoreApplication.translate("ActivityForm", u"\u7167\u7247(&F)\uff08\u590d\u5236\u5230\u6570\u636e\u5e93\u65c1\u7684\u201c\u8d70\u8bbf\u7167\u7247\u201d\u6587\u4ef6\u5939\uff09", None))
        self.add_photo.setText(QCoreApplication.translate("ActivityForm", u"\u6dfb\u52a0\u7167\u7247(&A)\u2026", None))
        self.remove_photo.setText(QCoreApplication.translate("ActivityForm", u"\u79fb\u9664\u6240\u9009\u7167\u7247", None))
        self.deputies_box.setTitle(QCoreApplication.translate("ActivityForm", u"\u53c2\u52a0\u4ee3\u8868(&E)\uff08\u53ef\u591a\u9009\uff0c\u6309\u59d3\u540d\u3001\u62fc\u97f3\u6216\u9996\u5b57\u6bcd\u67e5\u627e\uff09", None))
        pass
    # retranslateUi

