"""`python -m numcheck` runs the command line."""

from numcheck.cli.main import entry

entry()
