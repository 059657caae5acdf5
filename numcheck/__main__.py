"""`python -m numcheck` runs the command line."""
from .cli import entry

entry()
