"""Rule files: every malformed one stops the run with path:line and exit 2."""

from __future__ import annotations

import pytest

from conftest import ROOT
from numcheck.rules import rulefile
from numcheck.errors import RuleError

BAD_RULES = [
    ("syntax", '[entities]\nbakhmut = ["Bakhmut"\n', 2, "TOML syntax"),
    ("unknown section", '[entities]\na = ["A"]\n\n[aliases]\nb = ["B"]\n', 4, "unknown section [aliases]"),
    ("unknown constraint kind", '[[constraints]]\nid = "x"\nkind = "maximum"\n', 3, "kind must be one of"),
    (
        "value as a string",
        '[measures]\nm = ["m"]\n\n[[facts]]\nid = "f"\nmeasure = "m"\nvalue = "70,000"\nsource = "s"\n',
        7,
        "value must be a number or a date",
    ),
    ("fact without source", '[measures]\nm = ["m"]\n\n[[facts]]\nid = "f"\nmeasure = "m"\nvalue = 3\n', 4, "needs source"),
    ("unknown measure", '[[facts]]\nid = "f"\nmeasure = "nothing"\nvalue = 3\nsource = "s"\n', 1, "names measure 'nothing'"),
    ("aliases not a list", "[entities]\nkyiv = 3\n", 2, "must be a list of non-empty strings"),
    ("event without date", '[events]\nwar = { aliases = ["war"] }\n', 2, "needs date"),
    (
        "low above high",
        '[measures]\nm = ["m"]\n[[facts]]\nid = "f"\nmeasure = "m"\nlow = 5\nhigh = 2\nsource = "s"\n',
        6,
        "low is above high",
    ),
    ("unknown field", '[[constraints]]\nid = "x"\nkind = "min"\nvalue = 0\nmesure = "killed"\n', 5, "unknown field 'mesure'"),
    (
        "tolerance too big",
        '[measures]\nm = ["m"]\n[[facts]]\nid = "f"\nmeasure = "m"\nvalue = 5\ntolerance = 10\nsource = "s"\n',
        7,
        "tolerance",
    ),
]


@pytest.mark.parametrize("name,text,line,message", BAD_RULES, ids=[b[0] for b in BAD_RULES])
def test_bad_rule_file(tmp_path, run_numcheck, name, text, line, message) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "bad.toml").write_text(text, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Five people were killed.\n", encoding="utf-8")
    code, out, err = run_numcheck(["a.txt"], cwd=tmp_path)
    assert code == 2 and out == ""
    assert err.startswith(f"numcheck: error: rules/bad.toml:{line}: "), err
    assert message in err and err.count("\n") == 1


def test_duplicate_ids_across_files(tmp_path, run_numcheck) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    for name in ("a", "b"):
        (rules / f"{name}.toml").write_text('[[constraints]]\nid = "x"\nkind = "range-order"\n', encoding="utf-8")
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text("Two people died.\n", encoding="utf-8")
    code, _, err = run_numcheck(["news"], cwd=tmp_path)  # ./rules/ loads
    assert code == 0, err  # distinct files give distinct ids: a.x and b.x
    with pytest.raises(RuleError, match="duplicate rule id 'a.x'"):
        rulefile.merge([rulefile.parse("a", "a.toml", '[[constraints]]\nid = "x"\nkind = "range-order"\n')] * 2)


def test_missing_rules_dir(run_numcheck, tmp_path) -> None:
    code, _, err = run_numcheck([str(tmp_path), "--rules", str(tmp_path / "nope")])
    assert code == 2 and "rules directory does not exist" in err


def test_every_fact_has_a_source() -> None:
    book = rulefile.load([str(ROOT / "rules")], use_local=False)
    assert book.facts
    for fact in book.facts:
        assert fact.source.strip() and fact.description.strip(), fact.id


def test_project_rules_cover_the_seed_spellings() -> None:
    book = rulefile.load([str(ROOT / "rules")], use_local=False)
    for entity, spellings in {
        "bakhmut": ["Bakhmut", "Bakhmout", "Artemivsk", "Artyomovsk"],
        "syrskyi": ["Syrskyi", "Syrsky", "Sersky"],
        "kupiansk": ["Kupiansk", "Kubyansk"],
        "balakliia": ["Balakliia", "Balaklia", "Balaklya"],
        "kyiv": ["Kyiv", "Kiev"],
    }.items():
        assert set(spellings) <= set(book.entities[entity]), entity
