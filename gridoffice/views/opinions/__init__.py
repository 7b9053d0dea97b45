"""民情办理 tab and the opinion dialogs."""
