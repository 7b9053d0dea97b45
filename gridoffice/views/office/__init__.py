"""Office-wide dialogs: first start, office settings, stations, about, self-test."""
