"""The 统计 tab's charts with QtCharts (imported by the charts page when first shown): activities and
person-times per month, opinions by category, the loop's funnel, time to close, satisfaction. The same
series as the printed report's charts (services/stats/charts.py)."""
from collections.abc import Callable

from PySide6.QtCharts import (QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QHorizontalBarSeries,
                              QHorizontalStackedBarSeries, QLineSeries, QPieSeries, QValueAxis)
from PySide6.QtCore import QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QWidget

from gridoffice.services.stats.series import Bar, Charts

BLUE = QColor("#3d6fa8")
ORANGE = QColor("#e07b39")
GREEN = QColor("#4a9a6a")
FUNNEL = [QColor(c) for c in ("#2f5d8f", "#3d6fa8", "#5285bd", "#6b9bcf", "#88b1dc")]
VERDICT = {"满意": QColor("#4a9a6a"), "基本满意": QColor("#d9a43b"), "不满意": QColor("#c8453a")}


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    font = QFont(chart.titleFont())
    font.setPointSizeF(11)
    font.setBold(True)
    chart.setTitleFont(font)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    return chart


def _view(chart: QChart, parent: QWidget, height: int = 280) -> QChartView:
    view = QChartView(chart, parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(height)
    return view


def _value_axis(top: float) -> QValueAxis:
    axis = QValueAxis()
    axis.setLabelFormat("%d")
    axis.setRange(0, max(top, 1) * 1.12)
    axis.applyNiceNumbers()
    return axis


def _clickable(bar_set: QBarSet, bars: list[Bar], open_bar: Callable[[Bar], None]) -> None:
    bar_set.clicked.connect(lambda index: open_bar(bars[index]) if 0 <= index < len(bars) else None)


def monthly_view(data: Charts, open_bar, parent) -> QChartView:
    chart = _chart("每月活动次数和代表人次")
    activities = QBarSet("活动次数（左轴）")
    activities.setColor(BLUE)
    activities.append([a for _label, a, _p in data.months])
    bars = QBarSeries()
    bars.append(activities)
    bars.setLabelsVisible(len(data.months) <= 18)
    bars.setLabelsPosition(QBarSeries.LabelsPosition.LabelsInsideBase)
    activities.setLabelColor(QColor("white"))
    line = QLineSeries()
    line.setName("代表人次（右轴）")
    line.setPen(QPen(ORANGE, 2.5))
    line.setPointsVisible(True)
    for index, (_label, _a, people) in enumerate(data.months):
        line.append(QPointF(index, people))
    chart.addSeries(bars)
    chart.addSeries(line)
    months = QBarCategoryAxis()
    months.append([label for label, _a, _p in data.months])
    months.setTruncateLabels(False)
    chart.addAxis(months, Qt.AlignmentFlag.AlignBottom)
    left = _value_axis(max((a for _l, a, _p in data.months), default=0))
    right = _value_axis(max((p for _l, _a, p in data.months), default=0))
    right.setLabelsColor(ORANGE)
    chart.addAxis(left, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(right, Qt.AlignmentFlag.AlignRight)
    for series, axis in ((bars, left), (line, right)):
        series.attachAxis(months)
        series.attachAxis(axis)
    month_bars = [Bar(label, a, "activities", "month", key)
                  for (label, a, _p), key in zip(data.months, data.month_keys)]
    _clickable(activities, month_bars, open_bar)
    return _view(chart, parent, 300)


def category_view(data: Charts, open_bar, parent) -> QChartView:
    chart = _chart("群众意见分类（条）")
    bars = list(reversed(data.categories[:12]))     # the most on top
    bar_set = QBarSet("收集意见")
    bar_set.setColor(BLUE)
    bar_set.setLabelColor(QColor("#333333"))
    bar_set.append([b.value for b in bars])
    series = QHorizontalBarSeries()
    series.append(bar_set)
    series.setLabelsVisible(True)
    series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
    chart.addSeries(series)
    names = QBarCategoryAxis()
    names.append([b.label for b in bars] or [""])
    names.setTruncateLabels(False)
    chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
    values = _value_axis(max((b.value for b in bars), default=0))
    chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(names)
    series.attachAxis(values)
    chart.legend().hide()
    _clickable(bar_set, bars, open_bar)
    return _view(chart, parent)


def funnel_view(data: Charts, open_bar, parent) -> QChartView:
    """Centred bars as wide as each stage's count: an invisible offset, then the stage."""
    chart = _chart("意见办理闭环（条）")
    stages = list(reversed(data.funnel))           # 登记 on top
    widest = max((s.value for s in stages), default=0)
    offset = QBarSet("")
    offset.append([(widest - s.value) / 2 for s in stages])
    offset.setColor(QColor(0, 0, 0, 0))
    offset.setBorderColor(QColor(0, 0, 0, 0))
    shown = QBarSet("意见")
    shown.append([s.value for s in stages])
    shown.setColor(FUNNEL[1])
    shown.setLabelColor(QColor("white"))
    series = QHorizontalStackedBarSeries()
    series.append(offset)
    series.append(shown)
    series.setBarWidth(0.8)
    series.setLabelsVisible(True)
    offset.setLabelColor(QColor(0, 0, 0, 0))
    chart.addSeries(series)
    first = data.funnel[0].value if data.funnel else 0
    names = QBarCategoryAxis()
    names.append([f"{s.label} {100 * s.value / first:.0f}%" if first else s.label for s in stages])
    names.setTruncateLabels(False)
    chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
    values = QValueAxis()
    values.setRange(0, max(widest, 1))
    values.setVisible(False)
    chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(names)
    series.attachAxis(values)
    chart.legend().hide()
    _clickable(shown, stages, open_bar)
    return _view(chart, parent)


def close_time_view(data: Charts, open_bar, parent) -> QChartView:
    mean = f"：平均 {data.close_days_mean:g} 天，中位数 {data.close_days_median:g} 天" \
        if data.close_days_mean is not None else ""
    chart = _chart(f"办理用时（从登记到办结）{mean}")
    bar_set = QBarSet("意见条数")
    bar_set.setColor(GREEN)
    bar_set.setLabelColor(QColor("#333333"))
    bar_set.append([b.value for b in data.close_times])
    series = QBarSeries()
    series.append(bar_set)
    series.setLabelsVisible(True)
    series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
    chart.addSeries(series)
    bands = QBarCategoryAxis()
    bands.append([b.label for b in data.close_times])
    bands.setTruncateLabels(False)
    chart.addAxis(bands, Qt.AlignmentFlag.AlignBottom)
    values = _value_axis(max((b.value for b in data.close_times), default=0))
    chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(bands)
    series.attachAxis(values)
    chart.legend().hide()
    _clickable(bar_set, data.close_times, open_bar)
    return _view(chart, parent)


def satisfaction_view(data: Charts, open_bar, parent) -> QChartView:
    total = data.followed_up
    content = sum(b.value for b in data.satisfaction if b.label != "不满意")
    rate = f"：满意度 {100 * content / total:.1f}%（回访 {total} 件）" if total else "：本期没有回访"
    chart = _chart(f"群众满意度{rate}")
    series = QPieSeries()
    series.setHoleSize(0.45)
    for bar in data.satisfaction:
        if not bar.value:
            continue
        piece = series.append(f"{bar.label} {bar.value}（{100 * bar.value / total:.1f}%）", bar.value)
        piece.setColor(VERDICT.get(bar.label, BLUE))
        piece.setLabelVisible(False)
        piece.clicked.connect(lambda b=bar: open_bar(b))
    chart.addSeries(series)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
    return _view(chart, parent)


def chart_views(data: Charts, open_bar: Callable[[Bar], None], parent: QWidget) -> list[QChartView]:
    return [monthly_view(data, open_bar, parent), funnel_view(data, open_bar, parent),
            category_view(data, open_bar, parent), close_time_view(data, open_bar, parent),
            satisfaction_view(data, open_bar, parent)]
