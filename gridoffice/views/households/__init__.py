"""重点户台账 screens: the ledger tab, the household form with its events and visits, the due list."""
