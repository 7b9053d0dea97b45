"""民情办理: the opinion loop (三单制), its lists of categories and departments, papers and export."""
