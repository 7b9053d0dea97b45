"""Reusable Qt pieces: theme and fonts, the base dialog, the list tab, the PDF preview."""
