"""The main window and its actions: composes the tabs, holds no business logic."""
