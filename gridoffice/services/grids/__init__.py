"""网格: grids and communities, their areas on the map, 两个全覆盖, special households, Excel, GeoJSON and PDFs."""
