"""cli: see docs/development.md."""
