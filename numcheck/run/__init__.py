"""run: see docs/development.md."""
