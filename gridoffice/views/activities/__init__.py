"""走访记录 tab and the activity form."""
