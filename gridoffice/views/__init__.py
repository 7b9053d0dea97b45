"""Windows, tabs and dialogs. The main window composes; services do the work."""
