"""check: see docs/development.md."""
