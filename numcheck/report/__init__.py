"""report: see docs/development.md."""
