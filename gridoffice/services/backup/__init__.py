"""Backup and restore: the .gobak container, making, verifying and restoring it, drives, automatic backups."""
