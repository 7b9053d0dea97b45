"""统计 tab: figures, breakdowns, charts, checks and duty points, with the records behind every number."""
