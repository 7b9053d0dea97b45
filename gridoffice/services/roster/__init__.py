"""代表名册: deputies, their rows, photos, the Excel import and export, the printed roster and wall board."""
