"""网格列表 tab, the grid map and their dialogs."""
