"""走访记录: the deputies' activities, their totals and the Excel export."""
