"""重点户台账 (五类十色九必访): households one by one, the must-visit events, visits, the due list,
spreadsheets and papers. Households are sensitive (PIPL art. 28): rows come masked unless asked."""
