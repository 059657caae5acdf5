"""spaCy's parse of an article, for the frames of its figures and the names it mentions.

The pipeline for a language is named in its language file ([parse] models in
numcheck/lang/<code>.toml: the first one installed is used) and loaded once per process, the
first time an article needs it: a run whose claims all come from the cache never imports spaCy.
Only the sentences holding a figure that could be compared are parsed, with the article's
opening lines for the names it mentions: parsing every sentence cost about seven times the rest
of extraction. A worker parses the texts of all the articles of its chunk in one batch, each
distinct text once (engine.extract_many), and each article then finds its parses kept. A
sentence parsed once is not parsed again in the same process (the same wire copy runs in many
papers): spaCy's parse of a text does not depend on the batch it came in, so a kept parse is the
one a new parse would give.
"""

from __future__ import annotations

import importlib.util
import sys
import types
from collections import OrderedDict
from contextlib import AbstractContextManager
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from numcheck.extract import language

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: Entity labels that name a person, place, organisation, event or work (English and French labels);
#: not a nationality or group ("American", "Syrian": NORP), which unrelated stories share as often as not.
NAME_LABELS = frozenset({"PERSON", "PER", "ORG", "GPE", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "MISC"})
MAX_CHARS = 200_000  # a longer text is parsed no further (spaCy's cost grows with the text)
OPENING_LINES = 3  # the headline, a dateline and the lede name what the story is about
MAX_SENTENCE = 1_000  # a longer 'sentence' is a table or a list: its figures are left unparsed, never slowly
BATCH = 256  # texts per pass of each pipe: larger matrices, 8% less CPU than 64 (a batch of 500 texts: the same)
KEPT = 2_000  # parses kept per process, the most recently used (a parse of a sentence holds about 16 KB)

_kept: OrderedDict[tuple[str, bool, str], Doc] = OrderedDict()


def model_name(lang: str) -> str | None:
    """The installed spaCy pipeline for a language, or None (its figures then have no frame)."""
    names = language.data(lang).get("parse", {}).get("models", []) if lang in language.codes() else []
    return next((n for n in names if importlib.util.find_spec(n) is not None), None)


@lru_cache(maxsize=None)
def pipeline(lang: str) -> Language | None:
    """The loaded pipeline for a language, once per process; None when none is installed."""
    name = model_name(lang)
    if name is None:
        return None
    _without_cli()
    import spacy  # lazy: spaCy loads in about a second, and only an article with a comparable figure needs it

    _numpy_products()
    return spacy.load(name, exclude=["senter"])


def _without_cli() -> None:
    """Import spaCy without its command line (spacy.cli: typer, click, weasel, requests, httpx,
    jinja2..., a third of spaCy's import, 0.7 of 2.4 CPU s, which a parse never uses): spaCy's
    __init__ imports only `spacy.cli.info.info` from it, so a stand-in is given for those two
    modules while spaCy is imported, then taken out of sys.modules, so that a later `import
    spacy.cli` imports the real one (and `spacy.info` calls it)."""
    if "spacy" in sys.modules or "spacy.cli" in sys.modules:
        return
    cli, info = types.ModuleType("spacy.cli"), types.ModuleType("spacy.cli.info")
    cli.__path__ = []  # a package, to Python's import system

    def real_info(*args: Any, **kwargs: Any) -> Any:
        """spaCy's `info`, imported when it is first called."""
        from spacy.cli.info import info as spacy_info  # lazy: the real command line, only if someone asks for it

        return spacy_info(*args, **kwargs)

    info.info = real_info  # type: ignore[attr-defined]
    sys.modules["spacy.cli"], sys.modules["spacy.cli.info"] = cli, info
    try:
        import spacy  # noqa: F401  # lazy: as in pipeline, which calls this just before
    finally:
        for module in ("spacy.cli.info", "spacy.cli"):
            if sys.modules.get(module) in (cli, info):
                del sys.modules[module]


def _numpy_products() -> None:
    """Have the pipelines' matrix products made by numpy's OpenBLAS instead of the BLIS thinc is
    built with, when numpy has one (threadpoolctl finds it among the loaded libraries): BLIS's wheel
    knows no recent CPU and runs its generic kernels on them (a quarter of the parse's CPU time on
    an AMD EPYC). The parses are the same (every labelled and generated set's reports are
    byte-identical). Without OpenBLAS, thinc's BLIS stays."""
    from threadpoolctl import threadpool_info  # lazy: only a run that parses needs it

    if any(lib.get("internal_api") == "openblas" for lib in threadpool_info()):
        from thinc.api import NumpyOps, set_current_ops  # lazy: thinc comes with spaCy

        set_current_ops(NumpyOps(use_blis=False))


def _one_thread() -> AbstractContextManager[object]:
    """The BLAS libraries on one thread while a parse runs, and as they were after: the parse runs
    one worker a core already, and OpenBLAS's own threads would cost several times the CPU; the
    program numcheck runs in (a pytest plugin) keeps its own setting."""
    from threadpoolctl import threadpool_limits  # lazy: as in _numpy_products

    return threadpool_limits(limits=1, user_api="blas")


def parse(text: str, lang: str) -> Doc | None:
    """The parse of a text (its first MAX_CHARS), or None without a pipeline."""
    nlp = pipeline(lang)
    if nlp is None:
        return None
    with _one_thread():
        return nlp(text[:MAX_CHARS])


def parse_many(texts: list[str], lang: str, names_only: bool = False) -> list[Doc] | None:
    """The parses of several texts, those not kept from an earlier call in one batch (nlp.pipe),
    or None without a pipeline. `names_only`: texts read for the names they mention (`names`),
    parsed by the entity recogniser alone (and the pipe it listens to, if any), a third of the cost."""
    nlp = pipeline(lang)
    if nlp is None:
        return None
    keys = [(lang, names_only, t[:MAX_CHARS]) for t in texts]
    docs = {k: _kept[k] for k in keys if k in _kept}
    new = [k for k in dict.fromkeys(keys) if k not in docs]
    if new:
        left_out = _beside_names(lang) if names_only else []
        with _one_thread():
            docs.update(zip(new, nlp.pipe([t for _, _, t in new], batch_size=BATCH, disable=left_out)))
    for k in keys:
        _kept[k] = docs[k]
        _kept.move_to_end(k)
    while len(_kept) > KEPT:
        _kept.popitem(last=False)
    return [docs[k] for k in keys]


@lru_cache(maxsize=None)
def _beside_names(lang: str) -> list[str]:
    """The pipes a names-only parse leaves out: all but the entity recogniser and any pipe it listens
    to (its entities are then those of the whole pipeline); none when there is no recogniser."""
    nlp = pipeline(lang)
    if nlp is None or "ner" not in nlp.pipe_names:
        return []
    return [n for n, pipe in nlp.pipeline if n != "ner" and "ner" not in getattr(pipe, "listening_components", ())]


def names(docs: list[Doc]) -> str | None:
    """The people, places and organisations parsed texts name, lowercased, one a line, sorted."""
    found = {
        e.text.lower().removeprefix(language.GRAMMAR["the"] + " ").strip()
        for doc in docs
        for e in doc.ents
        if e.label_ in NAME_LABELS
    }
    found.discard("")
    return "\n".join(sorted(found)) or None
