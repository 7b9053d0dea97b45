"""接待日历 tab, the month calendar and the reception dialogs."""
