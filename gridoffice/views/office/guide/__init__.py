"""The first-run guide (使用向导): office → stations with their rules → deputies → first schedule →
first notice. wizard.py holds the pages together; each page is its own module."""
