"""Imported by the extraction pool's fork server (local_engine._context): what every worker needs, loaded once.

quantulum3, spaCy's English pipeline and the language identifier are loaded, and quantulum3's unit
patterns compiled, there, so every worker forks with them ready instead of paying their start-up
itself; what they made is then frozen (gc.freeze), so that no worker's collection walks, and so
copies, those objects. Nothing else imports this module."""

from __future__ import annotations

import gc

from numcheck.attribute import parse
from numcheck.extract import foreign, quantities

SAMPLE = "It is 5 km away, officials said on Tuesday, and the road will reopen next week."

quantities.load_inflect()
quantities.parse(SAMPLE)
parse.pipeline("en")
foreign.load()
gc.freeze()
