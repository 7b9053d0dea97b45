"""Backup and restore in the window: the controller, its dialogs."""
