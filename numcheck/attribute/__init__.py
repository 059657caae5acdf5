"""attribute: see docs/development.md."""
