"""Frames as data: tests/frames.toml gives sentences beside the slots their figures' frames must
have; each case is parsed by the installed English pipeline, as a run parses an article."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from numcheck.attribute import parse
from numcheck.attribute.frame import frame_of

CASES = tomllib.loads((Path(__file__).parent / "frames.toml").read_text(encoding="utf-8"))["case"]
SLOTS = ("thing", "event", "role", "whole", "owner", "place", "period", "source", "dimension", "condition")
#: The cases of tests/attribution.toml in another language than English, each read by its own pipeline.
ATTRIBUTION = tomllib.loads((Path(__file__).parent / "attribution.toml").read_text(encoding="utf-8"))["case"]
OTHER = [c for c in ATTRIBUTION if "lang" in c]


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:48] for c in CASES])
def test_frames(case: dict) -> None:
    doc = parse.parse(case["text"], "en")
    assert doc is not None, "the English pipeline is a dependency: pip install . installs it"
    for figure in case["figures"]:
        start = case["text"].index(figure["surface"])
        frame = frame_of(doc, start, start + len(figure["surface"]), "en", figure.get("kind", "count"))
        got = {slot: getattr(frame, slot) or "" for slot in SLOTS if slot in figure}
        want = {slot: figure[slot] for slot in SLOTS if slot in figure}
        assert got == want, f"{figure['surface']!r} in {case['text']!r}: how {frame.how}"


@pytest.mark.parametrize("case", OTHER, ids=[f"{c['lang']}:{c['text'][:44]}" for c in OTHER])
def test_frames_in_other_languages(case: dict) -> None:
    """A sentence in French read with its language's pipeline and frame data ([frames] in
    numcheck/lang/fr.toml) has the slots of English's classes, as its English translation would."""
    doc = parse.parse(case["text"], case["lang"])
    assert doc is not None, f"the pipeline of {case['lang']!r} is a dependency: pip install . installs it"
    for figure in case["figure"]:
        start = case["text"].index(figure["surface"])
        frame = frame_of(doc, start, start + len(figure["surface"]), case["lang"], figure.get("kind", "count"))
        got = {slot: getattr(frame, slot) or "" for slot in SLOTS if slot in figure}
        want = {slot: figure[slot] for slot in SLOTS if slot in figure}
        assert got == want, f"{figure['surface']!r} in {case['text']!r}: how {frame.how}"


def test_a_sentence_parsed_again_is_not_parsed_again(monkeypatch) -> None:
    """A sentence repeated in another article (wire copy) is parsed once a process, and its parse is
    the one a parse of it alone gives: spaCy's parse does not depend on the batch."""
    nlp = parse.pipeline("en")
    assert nlp is not None
    texts = [c["text"] for c in CASES[:6]]
    monkeypatch.setattr(parse, "_kept", type(parse._kept)())
    first = parse.parse_many(texts[:4] + texts[:1], "en")
    parsed: list[str] = []
    pipe = type(nlp).pipe
    monkeypatch.setattr(type(nlp), "pipe", lambda self, ts, **kw: pipe(self, parsed.extend(ts) or ts, **kw))
    again = parse.parse_many(texts[2:], "en")
    assert parsed == texts[4:]
    assert first is not None and again is not None and first[0] is first[4] and again[:2] == first[2:4]
    for text, doc in zip(texts, first[:4] + again[2:]):
        alone = list(pipe(nlp, [text]))[0]
        assert [(t.text, t.dep_, t.head.i, t.tag_, t.pos_, t.lemma_, t.ent_type_) for t in doc] == [
            (t.text, t.dep_, t.head.i, t.tag_, t.pos_, t.lemma_, t.ent_type_) for t in alone
        ]


def test_a_text_read_for_its_names_has_the_whole_pipelines_entities(monkeypatch) -> None:
    """The opening lines are parsed for the names they mention only, by the entity recogniser alone:
    its entities are those the whole pipeline gives, and the parse is kept apart from a full one."""
    monkeypatch.setattr(parse, "_kept", type(parse._kept)())
    texts = [c["text"] for c in CASES]
    names_only = parse.parse_many(texts, "en", names_only=True)
    full = parse.parse_many(texts, "en")
    assert names_only is not None and full is not None
    assert [[(e.text, e.label_, e.start) for e in d.ents] for d in names_only] == [
        [(e.text, e.label_, e.start) for e in d.ents] for d in full
    ]
    assert any(d.ents for d in full) and all(a is not b for a, b in zip(names_only, full))
    assert parse.names(names_only) == parse.names(full)


def test_numpys_matrix_products_give_blis_parses() -> None:
    """The pipeline's matrix products are numpy's OpenBLAS on one thread where numpy bundles it
    (parse._numpy_products, threadpoolctl): every parse of the frames' cases is the one thinc's BLIS gives."""
    from thinc.api import use_ops

    import spacy

    nlp = parse.pipeline("en")
    name = parse.model_name("en")
    assert nlp is not None and name is not None
    with use_ops("numpy"):  # thinc's default CPU ops: BLIS
        blis = spacy.load(name, exclude=["senter"])
    texts = [c["text"] for c in CASES]

    def read(docs: list) -> list:
        return [[(t.dep_, t.head.i, t.tag_, t.pos_, t.lemma_, t.ent_iob_, t.ent_type_) for t in d] for d in docs]

    assert read(list(blis.pipe(texts))) == read(list(nlp.pipe(texts)))


def test_spacy_is_loaded_without_its_command_line_which_stays_importable() -> None:
    """spaCy's command line (a third of its import) is not imported to parse; imported later, it is the real one."""
    code = (
        "import sys\n"
        "from numcheck.attribute import parse\n"
        "assert parse.pipeline('en') is not None\n"
        "assert 'spacy.cli' not in sys.modules and 'typer' not in sys.modules\n"
        "import spacy.cli\n"
        "assert callable(spacy.cli.download) and spacy.info.__name__ == 'real_info'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, env=dict(os.environ, PYTHONPATH=str(Path(__file__).parents[1])))
