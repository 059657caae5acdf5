"""Imported by the extraction pool's fork server (local_engine._context): the parser is loaded and its
unit patterns compiled once, there, so every worker forks with them ready instead of paying the
parser's start-up itself. Nothing else imports this module."""
from __future__ import annotations

from numcheck.extract import quantities

quantities.load_inflect()
quantities.parse("It is 5 km away.")
