"""What every area shares: PDF making, fonts, Excel in and out, safe file writing, settings, lookups."""
