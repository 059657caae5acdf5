"""read: see docs/development.md."""
