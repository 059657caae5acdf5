"""rules: see docs/development.md."""
