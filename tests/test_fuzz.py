"""Fuzzing with hypothesis: articles (any unicode, numbers written every way, random front matter),
raw bytes, and rule files. Nothing may crash, every span lies inside the text, output is deterministic.

The suite runs a modest budget; a longer run is `NUMCHECK_FUZZ_EXAMPLES=2000 pytest tests/test_fuzz.py`.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from numcheck.check import checks, compare
from numcheck.read import files, frontmatter
from numcheck.report.formats import render_json
from numcheck.rules import rulebook, rulefile
from numcheck.attribute.claims import claims
from numcheck.errors import RuleError
from numcheck.model import Article
from numcheck.extract.numbers import NUMBER_WORDS, SCALES
from numcheck.run.pipeline import Options, run

EXAMPLES = int(os.environ.get("NUMCHECK_FUZZ_EXAMPLES", "25"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
BUILTIN = rulefile.load([], use_local=False)

# numbers in every format news writes, and some it never should
SEPARATORS = st.sampled_from([",", " ", "\u00a0", "\u202f", "\u2009", ".", "'", ""])
DIGITS = st.builds(lambda n, sep: f"{n:,}".replace(",", sep), st.integers(-(10**40), 10**40), SEPARATORS)
DECIMALS = st.floats(allow_nan=True, allow_infinity=True).map(repr) | st.decimals(allow_nan=False).map(str)
EXPONENTS = st.builds(
    lambda a, b, style: style.format(a, b),
    st.integers(0, 99),
    st.integers(-999, 999),
    st.sampled_from(["{}e{}", "{}E+{}", "{}^{}", "{} x 10^{}", "{}×10{}"]),
)
WORDS = st.lists(
    st.sampled_from(sorted(NUMBER_WORDS | set(SCALES) | {"and", "a", "-", "half", "some"})), min_size=1, max_size=5
).map(" ".join)
AROUND = st.sampled_from(
    [
        "",
        "about ",
        "more than ",
        "nearly ",
        "up to ",
        "between ",
        "$",
        "€",
        "£",
        "-",
        "~",
        "some ",
        "an estimated ",
        "the ",
        "In ",
        "(",
        "«",
    ]
)
AFTER = st.sampled_from(
    [
        "",
        "%",
        " per cent",
        " people",
        " killed",
        " km",
        "bn",
        "m",
        "k",
        "th",
        "-year-old",
        " million",
        " or more",
        "+",
        "°C",
        " to 30",
        "-30",
        " and 40",
        ")",
        "»",
        ".",
        ",",
        ":00",
        " February 2022",
        "s",
        " percentage points",
        " hryvnias",
        " mph",
    ]
)
NUMBER = st.builds(
    lambda a, n, b: a + n + b,
    AROUND,
    DIGITS
    | DECIMALS
    | EXPONENTS
    | WORDS
    | st.dates().map(str)
    | st.sampled_from(["½", "1/2", "3-1", "52-3", "F-16", "24/7", "07:30"]),
    AFTER,
)
PROSE = (
    st.text(max_size=40)
    | st.integers(0, 10**12).map("{} years ago".format)
    | st.sampled_from(
        [
            "were killed.",
            "people lived in Bakhmut",
            "on Thursday",
            "last December",
            "\n\n",
            "\r\n",
            "\t",
            "\ufeff",
            "\u200b",
            "<script>",
            "---",
            "+++",
            " ",
            ". ",
            "Mr.",
            "U.S.",
            "yesterday",
            "tomorrow",
            "next week",
            "last winter",
            "this spring",
            "last month",
            "two weeks ago",
            "on 3 March",
        ]
    )
)
BODY = st.lists(NUMBER | PROSE, max_size=30).map(" ".join)

YAML_VALUE = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=20)
    | st.dates().map(str)
    | st.sampled_from(
        [
            "yesterday",
            "2023-02-30",
            "!!python/object/apply:os.system ['true']",
            "*x",
            "&x y",
            "[",
            "{",
            "'",
            '"',
            "\\0",
            "2023-03-09T10:00:00+02:00",
            "- a",
            "? b",
            "|",
            ">",
        ]
    ),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)
FIELD = st.sampled_from(list(frontmatter.FIELDS) + ["tags", "author", ""])


@st.composite
def front_matter(draw) -> str:
    fence = draw(st.sampled_from(["---", "+++"]))
    lines = []
    for _ in range(draw(st.integers(0, 5))):
        key, value = draw(FIELD), draw(YAML_VALUE)
        text = json.dumps(value, default=str) if draw(st.booleans()) else str(value)
        lines.append(f"{key}{': ' if fence == '---' else ' = '}{text}")
    closing = draw(st.sampled_from([fence, fence, "", "----", fence + " "]))
    return "\n".join([fence, *lines, closing]) + "\n"


ARTICLE = st.builds(lambda fm, body: fm + body, st.just("") | front_matter(), BODY)
# the day relative dates are seen from: none, any, and the two ends of the calendar ("tomorrow" on 9999-12-31)
TODAY = st.none() | st.dates() | st.sampled_from([dt.date.min, dt.date.max, dt.date(1, 1, 7), dt.date(9999, 12, 25)])
LANG = st.sampled_from([None, None, "fr"])


def check_claims(text: str, path: str = "a.md", today: dt.date | None = None, lang: str | None = None) -> list:
    fm = frontmatter.split(text)
    article = Article(path, text, "s", date=today, body_start=fm.body_start, lang=lang)
    found = claims(article, BUILTIN)
    for c in found:
        assert fm.body_start <= c.start < c.end <= len(text)
        assert text[c.start : c.end] == c.surface and c.surface in c.sentence
        assert c.id == f"{path}:{c.line}:{c.column}" and c.line == text.count("\n", 0, c.start) + 1
        for x in (c.value, c.low, c.high):
            assert not isinstance(x, float) or math.isfinite(x)
    return found


@FUZZ
@given(text=ARTICLE, today=TODAY, lang=LANG)
def test_articles_never_crash_and_spans_lie_inside(text: str, today: dt.date | None, lang: str | None) -> None:
    assert check_claims(text, today=today, lang=lang) == check_claims(text, today=today, lang=lang)


@FUZZ
@given(text=st.text())
def test_any_unicode_text(text: str) -> None:
    check_claims(text, "a.txt")


@FUZZ
@given(
    data=st.binary(max_size=300)
    | ARTICLE.flatmap(
        lambda t: st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1", "cp1251"]).map(
            lambda enc: t.encode(enc, "replace")
        )
    )
)
def test_any_bytes_are_read_or_skipped_with_a_reason(data: bytes) -> None:
    decoded = files.decode(data)
    assert (decoded.text is None) != (decoded.reason is None)
    if decoded.text is not None:
        check_claims(decoded.text.replace("\r\n", "\n").replace("\r", "\n"))


@FUZZ
@given(text=front_matter().flatmap(lambda fm: st.just(fm) | st.text(max_size=30).map(lambda t: fm + t)))
def test_front_matter_never_fails_the_read(text: str) -> None:
    fm = frontmatter.split(text)
    assert 0 <= fm.body_start <= len(text) and set(fm.fields) <= set(frontmatter.FIELDS)
    assert isinstance(fm.fields.get("date", dt.date.min), dt.date)
    assert all(line is None or 1 <= line <= text.count("\n") + 1 for line, _ in fm.problems)


@settings(max_examples=max(5, EXAMPLES // 5), deadline=None, suppress_health_check=list(HealthCheck))
@given(texts=st.lists(ARTICLE, min_size=1, max_size=3))
def test_a_run_gives_the_same_bytes_twice(texts: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for i, text in enumerate(texts):
            Path(tmp, f"a{i}.md").write_text(text, encoding="utf-8", newline="")
        options = Options((tmp,), local_rules=False, cache=False, jobs=1)
        first = render_json.render(run(options))
        assert render_json.render(run(options)) == first
        report = json.loads(first, parse_constant=no_constant)
        assert len(report["articles"]) == len(texts)


def no_constant(name: str) -> None:
    raise AssertionError(f"{name} in the json report: not JSON, and not a figure")


# rule files: typed values in every section, and valid files damaged at random
def toml_value(x: object) -> str:
    if isinstance(x, bool):
        return "true" if x else "false"
    if isinstance(x, (int, dt.date)):
        return str(x)
    if isinstance(x, float):
        return "nan" if math.isnan(x) else ("inf" if x > 0 else "-inf") if math.isinf(x) else repr(x)
    if isinstance(x, list):
        return "[" + ", ".join(toml_value(v) for v in x) + "]"
    if isinstance(x, dict):
        return "{" + ", ".join(f"{json.dumps(k)} = {toml_value(v)}" for k, v in x.items()) + "}"
    return json.dumps(x, ensure_ascii=False)


KEY = st.sampled_from(
    [
        "id",
        "kind",
        "measure",
        "entity",
        "time",
        "value",
        "low",
        "high",
        "tolerance",
        "unit",
        "source",
        "description",
        "level",
        "words",
        "cumulative",
        "date",
        "aliases",
        "x",
    ]
)
SCALAR = (
    st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats()
    | st.dates()
    | st.text(max_size=12)
    | st.sampled_from(
        [
            "min",
            "max",
            "range-order",
            "percent-max",
            "killed",
            "population",
            "bakhmut",
            "before russian-invasion",
            "error",
            "warning",
            "f",
            "now",
        ]
    )
)
VALUE = st.recursive(SCALAR, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(KEY, inner, max_size=3), max_leaves=5)


@st.composite
def rule_file(draw) -> str:
    out = []
    for section in draw(st.lists(st.sampled_from(list(rulebook.SECTIONS) + ["aliases"]), max_size=4)):
        if section in ("facts", "constraints"):
            for _ in range(draw(st.integers(1, 3))):
                out.append(f"[[{section}]]")
                out += [f"{k} = {toml_value(draw(VALUE))}" for k in draw(st.lists(KEY, max_size=6, unique=True))]
        else:
            out.append(f"[{section}]")
            names = draw(st.lists(st.sampled_from(["kyiv", "bakhmut", "killed", "now", "war", "x-y"]), max_size=3, unique=True))
            out += [f"{json.dumps(n)} = {toml_value(draw(VALUE))}" for n in names]
    return "\n".join(out) + "\n"


VALID = (Path(__file__).parent.parent / "rules" / "ukraine.toml").read_text(encoding="utf-8")


@st.composite
def damaged(draw) -> str:
    text = VALID
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 40)))
        text = text[:i] + draw(st.text(max_size=8) | st.sampled_from(["", "\n", "[", "]", '"', "=", "[[facts]]\n"])) + text[j:]
    return text


@FUZZ
@given(text=rule_file() | damaged() | st.text(max_size=200))
def test_rule_files_load_or_say_where_they_are_wrong(text: str) -> None:
    path = "rules/x.toml"
    try:
        book = rulefile.parse("x", path, text)
        merged = rulefile.merge([BUILTIN, book])
    except RuleError as exc:
        m = re.match(rf"{re.escape(path)}:(\d+): \S", str(exc))
        assert m and 1 <= int(m.group(1)) <= max(1, text.count("\n") + 1), str(exc)
        assert "\n" not in str(exc)  # one line
        return
    texts = [
        "About 70,000 people lived in Bakhmut before the invasion; 12 were killed now.",
        "Some 90,000 people lived in Kyiv; 40 were killed, up to 8% of them, between 30 and 10 km away.",
    ]
    found = [c for i, t in enumerate(texts) for c in claims(Article(f"{i}.txt", t, "s"), merged)]
    assert found == [c for i, t in enumerate(texts) for c in claims(Article(f"{i}.txt", t, "s"), merged)]
    list(checks.check(found, merged))  # the facts and constraints of the file are applied, not only parsed
    list(compare.compare(found, merged.needs_entity, merged.cumulative))
