"""网格值守 screens: the posts, the month's shifts, the rota, the duty form."""
