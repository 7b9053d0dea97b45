"""Demo data: a believable street office, or a whole district for benchmarks."""
