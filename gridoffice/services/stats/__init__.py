"""统计与履职积分: the office's figures for any period and station or community, their breakdowns and
charts, the records behind every figure, the checks before the director sees them, the duty points
(a rule table per year, adjustments, ranking), and the papers: 年度工作统计报告, 代表履职档案, 季度亮分表.

Functions a view or a command calls take the `Database` first and open their own transaction.
What each figure counts is defined once, in selection.py.
"""
