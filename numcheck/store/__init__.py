"""store: see docs/development.md."""
