"""代表名册 tab and its dialogs."""
