"""extract: see docs/development.md."""
