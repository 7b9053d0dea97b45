"""The map side of the grid tab: the map view, its tools (colour, fit, scanned map, tracing,
GeoJSON import, PDF), its legend, and the message shown when no grid has an area yet."""
from collections.abc import Sequence
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QInputDialog, QLabel, QMenu, QMessageBox,
                               QPushButton, QStackedWidget, QVBoxLayout, QWidget)

from gridoffice.db import Database
from gridoffice.clock import Clock
from gridoffice.paths import preview_file
from gridoffice.services.common.files import safe_file_name
from gridoffice.services.grids.areas import (GEO_FRAME, IMAGE_FRAME, GridArea, map_image_path, map_title,
                                            remove_map_image, save_traced_area, store_map_image)
from gridoffice.services.grids.geojson import GeoJsonImportError, import_geojson
from gridoffice.services.grids.rows import CommunityRow, GridRow
from gridoffice.services.grids.values import GridInputError
from gridoffice.widgets.file_dialogs import start_path

from gridoffice.views.grids.map_legend import COLOR_MODES, COVERAGE, legend_for
from gridoffice.views.grids.map_view import GridMapView

HOW_TO_ADD = (
    "<p>添加网格范围有两种办法：</p><ol>"
    "<li>点上方的 <b>导入 GeoJSON…</b>，选择该社区的多边形文件（每个多边形的属性中带网格编号："
    "code、网格编号 或 grid_code）。</li>"
    "<li>点 <b>底图 ▸ 载入扫描地图…</b>，在左边选中一个网格，再点 <b>描绘</b>，在图上逐点单击围出范围，"
    "双击或按 Enter 完成，Esc 取消。</li></ol>"
    "<p>没有范围时，左边的网格列表和覆盖情况照常使用。</p>"
)


class GridMapPanel(QWidget):
    grid_clicked = Signal(int)
    data_changed = Signal()        # something was written (areas, scanned map): the tab reloads

    def __init__(self, db: Database, clock: Clock, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.clock = db, clock
        self.community: CommunityRow | None = None
        self.communities: list[CommunityRow] = []
        self.current_grid: GridRow | None = None
        self._rows: dict[int, GridRow] = {}
        self._areas: list[GridArea] = []
        self._shown: tuple | None = None   # (community, frame) on the map: redrawing the same keeps the zoom
        self._init_widgets()
        self._init_layout()

    # --- building -------------------------------------------------------------------------
    def _init_widgets(self) -> None:
        self.view = GridMapView(self)
        self.view.grid_clicked.connect(self.grid_clicked)
        self.view.trace_finished.connect(self._save_trace)
        self.view.trace_cancelled.connect(lambda: self._set_hint("已取消描绘。"))
        self.color_box = QComboBox(self)
        for key, text in COLOR_MODES.items():
            self.color_box.addItem(text, key)
        self.color_box.setToolTip("地图的着色方式")
        self.color_box.currentIndexChanged.connect(self._on_color_mode)
        self.fit_button = QPushButton("适应窗口", self)
        self.fit_button.setToolTip("缩放到能看见全部网格（滚轮缩放，按住左键拖动平移）")
        self.fit_button.clicked.connect(self.view.fit)
        self.image_button = QPushButton("底图", self)
        self.image_button.setToolTip("在地图下放一张扫描地图，用来描绘网格范围")
        self.image_menu = QMenu(self)
        self.load_image_action = self.image_menu.addAction("载入扫描地图…", self.load_image)
        self.show_image_action = self.image_menu.addAction("显示底图")
        self.show_image_action.setCheckable(True)
        self.show_image_action.setChecked(True)
        self.show_image_action.toggled.connect(lambda _on: self.redraw())
        self.remove_image_action = self.image_menu.addAction("移除底图", self.remove_image)
        self.image_button.setMenu(self.image_menu)
        self.trace_button = QPushButton("描绘", self)
        self.trace_button.setToolTip("在底图上为左边选中的网格描绘范围：逐点单击，双击或 Enter 完成，Esc 取消")
        self.trace_button.clicked.connect(self.start_tracing)
        self.import_button = QPushButton("导入 GeoJSON…", self)
        self.import_button.clicked.connect(self.import_geojson)
        self.pdf_button = QPushButton("打印…", self)
        self.pdf_button.setToolTip("把地图连同图例生成 PDF，可预览、打印或另存")
        self.pdf_button.clicked.connect(self.print_map)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.message.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.message.setContentsMargins(24, 24, 24, 24)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.message)
        self.legend = QLabel(self)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #546e7a;")

    def _init_layout(self) -> None:
        tools = QHBoxLayout()
        tools.setSpacing(4)
        for widget in (self.color_box, self.fit_button, self.image_button, self.trace_button, self.import_button,
                       self.pdf_button):
            tools.addWidget(widget)
        tools.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(tools)
        layout.addWidget(self.stack, stretch=1)
        layout.addWidget(self.legend)
        layout.addWidget(self.hint)

    # --- showing --------------------------------------------------------------------------------
    @property
    def mode(self) -> str:
        return self.color_box.currentData() or COVERAGE

    def set_mode(self, mode: str) -> None:
        index = self.color_box.findData(mode)
        if index >= 0:
            self.color_box.setCurrentIndex(index)

    def show_data(self, community: CommunityRow | None, communities: Sequence[CommunityRow], rows: Sequence[GridRow],
                  areas: Sequence[GridArea]) -> None:
        """The grids of one community (or all), with the areas the tab read for them."""
        self.community = community
        self.communities = list(communities)
        self._rows = {row.id: row for row in rows}
        self._areas = list(areas)
        self.redraw()

    def redraw(self) -> None:
        image = self._image()
        frame = IMAGE_FRAME if image is not None else GEO_FRAME
        areas = [area for area in self._areas if area.frame == frame]
        shown = (self.community.id if self.community else None, frame)
        self.view.show_areas(areas, self._rows, mode=self.mode, image=image, keep_view=shown == self._shown)
        self._shown = shown
        has_image = bool(self.community and self.community.map_file)
        self.load_image_action.setEnabled(self.community is not None)
        self.show_image_action.setEnabled(has_image)
        self.remove_image_action.setEnabled(has_image)
        self.trace_button.setEnabled(image is not None)
        self.pdf_button.setEnabled(bool(areas) or image is not None)
        self._show_legend()
        if not areas and image is None:
            self.message.setText(self._empty_message())
            self.stack.setCurrentWidget(self.message)
            self._set_hint("")
            return
        self.stack.setCurrentWidget(self.view)
        self._set_hint(self._status_hint(areas, image is not None))

    def _image(self) -> QPixmap | None:
        if not (self.community and self.community.map_file and self.show_image_action.isChecked()):
            return None
        path = map_image_path(self.db.attachments_dir, self.community.map_file)
        pixmap = QPixmap(str(path)) if path and path.is_file() else QPixmap()
        return None if pixmap.isNull() else pixmap

    def _empty_message(self) -> str:
        where = f"“{escape(self.community.name)}”的网格" if self.community else "网格"
        missing = ""
        if self.community and self.community.map_file and self.show_image_action.isChecked():
            missing = (f"<p style='color:#c62828'>底图文件找不到：{escape(self.community.map_file)}"
                       "（应在数据库旁的附件文件夹中）。请重新载入扫描地图。</p>")
        elif self.community is None:
            missing = "<p>GeoJSON 和扫描地图都是按社区添加的：请先在左上方选择一个社区。</p>"
        return f"<h3>{where}还没有范围，地图暂时无法显示</h3>{missing}{HOW_TO_ADD}"

    def _status_hint(self, areas: Sequence[GridArea], over_image: bool) -> str:
        shown = len(areas)
        total = len(self._rows)
        text = f"已显示 {shown} / {total} 个网格的范围。悬停查看网格信息，单击在列表中选中；滚轮缩放，拖动平移。"
        if over_image:
            others = sum(1 for area in self._areas if area.frame == GEO_FRAME)
            text = f"底图上已描绘 {shown} / {total} 个网格。选中网格后点“描绘”可添加或重画范围。"
            if others:
                text += f"另有 {others} 个网格的范围来自 GeoJSON，隐藏底图（底图 ▸ 显示底图）即可查看。"
        return text

    def _set_hint(self, text: str) -> None:
        self.hint.setText(text)

    def _show_legend(self) -> None:
        swatches = "　".join(f"<span style='color:{e.color.name()}; font-size:16px'>■</span> {escape(e.text)}"
                            for e in legend_for(self.mode))
        self.legend.setText(f"图例（{COLOR_MODES[self.mode]}）：{swatches}")

    def _on_color_mode(self) -> None:
        self.view.set_color_mode(self.mode)
        self._show_legend()

    def select_grid(self, row: GridRow | None) -> None:
        self.current_grid = row
        self.view.select_grid(row.id if row else None)

    # --- actions ----------------------------------------------------------------------------------
    def _choose_community(self, purpose: str) -> CommunityRow | None:
        if self.community is not None:
            return self.community
        if not self.communities:
            QMessageBox.information(self, purpose, "还没有社区，请先新建社区和网格。")
            return None
        names = [c.name for c in self.communities]
        name, ok = QInputDialog.getItem(self, purpose, "为哪个社区（村）？", names, 0, False)
        return next((c for c in self.communities if c.name == name), None) if ok else None

    def import_geojson(self) -> None:
        community = self._choose_community("导入网格范围")
        if community is None:
            return
        path, _ = QFileDialog.getOpenFileName(self, f"为“{community.name}”导入网格范围", start_path(),
                                              "GeoJSON 文件 (*.geojson *.json);;所有文件 (*)")
        if not path:
            return
        try:
            summary = import_geojson(self.db, community.name, Path(path))
        except GeoJsonImportError as error:
            show_long_error(self, "GeoJSON 没有导入", str(error))
            return
        QMessageBox.information(self, "导入完成", summary.describe())
        self.data_changed.emit()

    def load_image(self) -> None:
        if self.community is None:
            return
        path, _ = QFileDialog.getOpenFileName(self, f"为“{self.community.name}”载入扫描地图", start_path(),
                                              "图片 (*.png *.jpg *.jpeg *.bmp *.tif *.tiff);;所有文件 (*)")
        if not path:
            return
        if QPixmap(path).isNull():
            QMessageBox.warning(self, "无法载入", f"“{Path(path).name}”无法作为图片打开，请换一个文件。")
            return
        try:
            store_map_image(self.db, self.community.id, Path(path))
        except (GridInputError, OSError) as error:
            QMessageBox.warning(self, "无法载入", str(error))
            return
        self.show_image_action.setChecked(True)
        self.data_changed.emit()

    def remove_image(self) -> None:
        if self.community is None:
            return
        answer = QMessageBox.question(self, "移除底图", f"不再在“{self.community.name}”的地图下显示扫描地图？\n"
                                      "已描绘的范围会保留，重新载入底图后仍可看到。")
        if answer != QMessageBox.StandardButton.Yes:
            return
        remove_map_image(self.db, self.community.id)
        self.data_changed.emit()

    def start_tracing(self) -> None:
        grid = self.current_grid
        if grid is None or self.community is None or grid.community_id != self.community.id:
            QMessageBox.information(self, "描绘网格范围", "请先在左边的列表中选中本社区的一个网格。")
            return
        if grid.has_area:
            answer = QMessageBox.question(self, "描绘网格范围", f"{grid.code} 已有范围，重新描绘会替换它。继续吗？")
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.view.start_tracing()
        self._set_hint(f"正在描绘 {grid.code}：逐点单击边界，双击或按 Enter 完成，Backspace 撤销上一点，Esc 取消。")

    def _save_trace(self, points: list) -> None:
        if self.current_grid is None:
            return
        try:
            save_traced_area(self.db, self.current_grid.id, points)
        except GridInputError as error:
            QMessageBox.warning(self, "描绘网格范围", str(error))
            return
        self.data_changed.emit()

    def print_map(self) -> None:
        """The map of the community shown (or all), coloured as shown, as a one-page PDF (the same paper
        as `gridoffice print map`)."""
        from gridoffice.services.common.typography import NothingToPrintError
        from gridoffice.services.grids.map_pdf import write_map_pdf  # ReportLab: not on the start-up path
        from gridoffice.widgets.pdf_preview import PdfPreviewDialog

        where = self.community.name if self.community else "全部社区"
        title = map_title(self.db, where)
        today = self.clock.today()
        target = preview_file(f"网格地图-{safe_file_name(where)}.pdf")
        try:
            write_map_pdf(self.db, target, community_id=self.community.id if self.community else None, today=today,
                          mode=self.mode, with_image=self.show_image_action.isChecked())
        except NothingToPrintError as error:
            QMessageBox.information(self, "没有可打印的网格地图", str(error))
            return
        except OSError as error:
            QMessageBox.warning(self, "无法生成 PDF", f"生成网格地图失败：{error}")
            return
        PdfPreviewDialog(target, title=title, suggested_name=f"{safe_file_name(where)}网格图-{today:%Y%m%d}.pdf",
                         parent=self, kind="网格地图").exec()


def show_long_error(parent: QWidget, title: str, text: str) -> None:
    """A refusal listing many problems: the first lines in the box, all of them under 'Show Details'."""
    lines = text.splitlines()
    box = QMessageBox(QMessageBox.Icon.Warning, title, "\n".join(lines[:12]) + ("\n……" if len(lines) > 12 else ""),
                      QMessageBox.StandardButton.Ok, parent)
    if len(lines) > 12:
        box.setDetailedText(text)
    box.exec()

