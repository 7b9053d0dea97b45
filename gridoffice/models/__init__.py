"""Qt table models: one per list, thin over the services' row dataclasses."""
