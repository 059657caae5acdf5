"""Imported by the extraction pool's fork server (local_engine._context): quantulum3 and spaCy's
English pipeline are loaded, and quantulum3's unit patterns compiled, once, there, so every worker
forks with them ready instead of paying their start-up itself. Nothing else imports this module."""

from __future__ import annotations

from numcheck.attribute import parse
from numcheck.extract import quantities

quantities.load_inflect()
quantities.parse("It is 5 km away.")
parse.pipeline("en")

import gc  # noqa: E402 - after the loads: what they made is frozen

gc.freeze()  # every worker forks with it: no collection of theirs walks (and so copies) the loaded pipelines' objects
