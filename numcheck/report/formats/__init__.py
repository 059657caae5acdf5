"""formats: see docs/development.md."""
