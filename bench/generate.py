"""A deterministic generator of news corpora for the benchmark: stories of 5 to 20 articles.

Each story is an event (an earthquake, a flood, a shooting, a budget, a strike...) with true figures;
each article reports some of them in the ways news writes figures — exact, rounded, hedged
("more than 200"), as ranges, in words, as vague amounts ("dozens"), money with a scale ("$1.2bn"),
percentages, dates absolute and relative, times, ages, ordinals, physical quantities — among
sentences with no figure at all, at about the density of real wire copy (roughly 45% of sentences
hold a figure, as in shared/corpus-dev). About one story in four has an article whose toll
contradicts the others: those are listed in OUT.json beside the corpus.

    python -m bench.generate OUT --articles 1000 [--seed 1]

The same seed and size give the same bytes; a corpus of N articles is the start of a larger one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
from collections.abc import Callable
from dataclasses import dataclass

SOURCES = ("wire", "herald", "tribune", "courier", "gazette", "post", "chronicle", "observer", "times", "daily")
_SYLLABLES = (
    "kor",
    "va",
    "ne",
    "os",
    "trel",
    "mar",
    "di",
    "len",
    "bas",
    "ta",
    "rio",
    "vel",
    "mon",
    "za",
    "tu",
    "ber",
    "ka",
    "lis",
    "do",
    "ran",
    "sel",
    "pa",
    "gor",
    "an",
    "mi",
)
_REGIONS = ("province", "district", "county", "region", "state")
_OFFICIALS = (
    "a police spokesman",
    "the regional governor",
    "the mayor",
    "a government spokeswoman",
    "the interior ministry",
    "local officials",
    "the health ministry",
    "a senior fire officer",
    "the civil protection agency",
    "an army spokesman",
    "the company",
    "union leaders",
    "the finance minister",
    "opposition lawmakers",
    "witnesses",
    "residents",
    "aid agencies",
)
_SAID = (
    "said",
    "told reporters",
    "said in a statement",
    "told local television",
    "confirmed",
    "added",
    "said on social media",
    "told a news conference",
)
_CLAUSES = (
    "rescue teams were working through the night",
    "the search would continue as long as there was hope",
    "the situation remained difficult",
    "roads into the area had been cut off",
    "more help was on its way",
    "an investigation had been opened",
    "the authorities had been warned for years",
    "it was too early to say what had caused it",
    "schools would stay closed until further notice",
    "families were waiting for news outside the hospital",
    "electricity had been restored in parts of the city",
    "the government would cover the cost of the repairs",
    "talks would resume after the weekend",
    "the decision had been taken after long consultations",
    "the results would be published later",
    "there was no immediate threat to the public",
    "emergency shelters had been opened in schools",
    "volunteers had brought food and blankets",
    "the army had been deployed to help",
    "they had never seen anything like it",
    "the response had been far too slow",
)
_COLOUR = (
    "The streets were quiet on {day} morning as shopkeepers swept up broken glass.",
    "Television footage showed collapsed walls and cars buried under debris.",
    "Many residents spent the night outside, afraid to return to their homes.",
    "The prime minister is expected to visit the area later this week.",
    "Neighbouring countries offered assistance and sent rescue teams.",
    "Critics said the warning signs had been ignored for too long.",
    "The cause of the disaster is still under investigation.",
    "Officials urged people to stay away from the damaged buildings.",
    "Local radio stations broadcast the names of those still missing.",
    "Hospitals in the region appealed for blood donations.",
    "It was the worst such event in the area in a generation.",
    "Some shops reopened, but many families said they had lost everything.",
    "Aid workers warned that the coming days would be critical.",
    "The opposition called for an independent inquiry.",
    "Photographs shared online showed long queues at petrol stations.",
)
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
).split()


@dataclass(frozen=True, slots=True)
class Truth:
    """A story's true figures; articles write them each in their own way."""

    kind: str
    place: str
    region: str
    date: dt.date
    killed: int
    injured: int
    missing: int
    displaced: int
    arrested: int
    population: int
    money: float  # in dollars
    percent: float
    magnitude: float
    distance_km: int
    age: int
    hour: int
    minute: int
    other: dict[str, int]  # the rest of the story's figures: rain, wind, workers, soldiers...


def _place(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _round(n: int, rng: random.Random, up: bool | None = None) -> int:
    """n to two significant figures (three, sometimes), as a reporter rounds it."""
    if n < 100:
        return n
    step = 10 ** (len(str(n)) - rng.choice((2, 2, 3)))
    if up is None:
        return round(n / step) * step
    return (-(-n // step) if up else n // step) * step


def count(n: int, rng: random.Random) -> str:
    """A count as news writes it: exact, rounded and hedged, a range, in words or vague."""
    style = rng.random()
    if n < 20 and style < 0.4:
        return _WORDS[n]
    if style < 0.35:
        return f"{n:,}"
    if style < 0.55:
        return f"{rng.choice(('about', 'around', 'some', 'roughly', 'an estimated'))} {_round(n, rng):,}"
    if style < 0.7:
        low = _round(n, rng, up=False)
        return f"{rng.choice(('more than', 'at least', 'over'))} {min(low, n):,}"
    if style < 0.8:
        return f"{rng.choice(('nearly', 'almost', 'up to'))} {_round(n, rng, up=True):,}"
    if style < 0.9 and n >= 10:
        lo, hi = _round(int(n * 0.9), rng, up=False), _round(int(n * 1.1) + 1, rng, up=True)
        return f"between {min(lo, n):,} and {max(hi, n + 1):,}" if rng.random() < 0.6 else f"{min(lo, n):,}-{max(hi, n + 1):,}"
    if n >= 1_000_000:
        return f"{n / 1e6:.1f} million"
    if 24 <= n < 100:
        return "dozens"
    if 200 <= n < 1000:
        return "hundreds"
    if 2000 <= n < 10000:
        return rng.choice(("thousands", "several thousand"))
    return f"{n:,}"


def money(usd: float, rng: random.Random) -> str:
    cur = rng.choice(("$", "$", "€", "£"))
    if usd >= 1e9:
        return rng.choice((f"{cur}{usd / 1e9:.1f} billion", f"{cur}{usd / 1e9:.1f}bn"))
    if usd >= 1e6:
        return rng.choice((f"{cur}{usd / 1e6:.0f} million", f"{cur}{usd / 1e6:.1f}m", f"more than {cur}{int(usd / 1e6)} million"))
    return f"{cur}{int(usd):,}"


def percent(p: float, rng: random.Random) -> str:
    return rng.choice((f"{p:.1f}%", f"{round(p)} percent", f"{round(p)} per cent", f"about {round(p)}%"))


def date(d: dt.date, article: dt.date, rng: random.Random) -> str:
    gap = (article - d).days
    if 0 < gap < 7 and rng.random() < 0.5:
        return f"on {_DAYS[d.weekday()]}" if gap > 1 else rng.choice(("yesterday", f"on {_DAYS[d.weekday()]}"))
    return rng.choice((f"on {d.day} {d:%B} {d.year}", f"on {d:%B} {d.day}", f"on {d:%B} {d.day}, {d.year}"))


def _truth(rng: random.Random, kind: str) -> Truth:
    killed = int(rng.choice((rng.randint(2, 19), rng.randint(20, 400), rng.randint(400, 9000))))
    return Truth(
        kind=kind,
        place=_place(rng),
        region=rng.choice(_REGIONS),
        date=dt.date(2015, 1, 1) + dt.timedelta(days=rng.randint(0, 3500)),
        killed=killed,
        injured=killed * rng.randint(2, 9) + rng.randint(0, 50),
        missing=rng.randint(3, 120),
        displaced=rng.randint(1_000, 2_500_000),
        arrested=rng.randint(5, 300),
        population=rng.randint(20_000, 3_000_000),
        money=rng.choice((rng.uniform(2e6, 9e8), rng.uniform(1e9, 9e10))),
        percent=rng.uniform(3, 97),
        magnitude=round(rng.uniform(4.5, 8.4), 1),
        distance_km=rng.randint(5, 400),
        age=rng.randint(16, 88),
        hour=rng.randint(0, 23),
        minute=rng.randint(0, 59),
        other={
            "depth": rng.randint(5, 70),
            "years": rng.randint(2, 12),
            "rain": rng.randint(80, 400),
            "hours": rng.randint(12, 72),
            "since": rng.randint(10, 80),
            "temp": rng.randint(36, 48),
            "wind": rng.randint(60, 180),
            "hectares": rng.randint(2, 90) * 100,
            "workers": rng.randint(300, 40_000),
            "soldiers": rng.randint(2, 40) * 50,
            "helicopters": rng.randint(3, 90),
            "within": rng.randint(2, 48),
            "households": rng.randint(1000, 90_000),
            "prices": rng.randint(2, 30),
            "lastvote": rng.choice((4, 5)),
            "turnout_before": rng.randint(2, 9),
        },
    )


Sentence = Callable[[Truth, dt.date, random.Random], str]


def _figure_sentences() -> list[Sentence]:
    """Sentences that report one or more of a story's figures."""
    return [
        lambda t, a, r: (
            f"The {t.kind} killed {count(t.killed, r)} people and injured {count(t.injured, r)} others in {t.place}, "
            f"{r.choice(_OFFICIALS)} {r.choice(_SAID)}."
        ),
        lambda t, a, r: f"The death toll rose to {count(t.killed, r)}, with {count(t.missing, r)} people still missing.",
        lambda t, a, r: (
            f"At least {count(t.injured, r)} people were taken to hospital, {r.choice(_OFFICIALS)} {r.choice(_SAID)}."
        ),
        lambda t, a, r: (
            f"{count(t.displaced, r).capitalize()} residents have been displaced from their homes across the {t.region}."
        ),
        lambda t, a, r: f"{t.place}, a city of {count(t.population, r)}, was among the worst hit.",
        lambda t, a, r: (
            f"The {t.kind} struck {date(t.date, a, r)} at {t.hour % 12 or 12}:{t.minute:02d} "
            f"{'a.m.' if t.hour < 12 else 'p.m.'} local time."
        ),
        lambda t, a, r: (
            f"The government said repairs would cost {money(t.money, r)}, about {percent(t.percent / 4, r)} of the "
            f"{t.region}'s annual budget."
        ),
        lambda t, a, r: (
            f"Police said {count(t.arrested, r)} people had been arrested since {date(t.date, a, r).removeprefix('on ')}."
        ),
        lambda t, a, r: (
            f"A magnitude {t.magnitude} tremor was recorded {t.distance_km} kilometres "
            f"{r.choice(('north', 'south', 'east', 'west'))} of {t.place} at a depth of {t.other['depth']} km."
        ),
        lambda t, a, r: (
            f"Among the dead was a {t.age}-year-old {r.choice(('teacher', 'nurse', 'farmer', 'driver', 'student'))} from "
            f"{t.place}."
        ),
        lambda t, a, r: (
            f"It was the {r.choice(('second', 'third', 'fourth'))} such disaster to hit the {t.region} in {t.other['years']} "
            f"years."
        ),
        lambda t, a, r: (
            f"Turnout was {percent(t.percent, r)}, up from {percent(max(1.0, t.percent - t.other['turnout_before']), r)} at "
            f"the last vote in {t.date.year - t.other['lastvote']}."
        ),
        lambda t, a, r: (
            f"Rainfall of {t.other['rain']} mm in {t.other['hours']} hours swelled rivers to their highest level since "
            f"{t.date.year - t.other['since']}."
        ),
        lambda t, a, r: (
            f"Temperatures reached {t.other['temp']}C on {_DAYS[t.date.weekday()]}, and winds of up to {t.other['wind']} km/h "
            f"fanned the flames across {t.other['hectares']:,} hectares."
        ),
        lambda t, a, r: (
            f"The company employs {count(t.other['workers'], r)} workers and reported a profit of {money(t.money / 20, r)} "
            f"last year."
        ),
        lambda t, a, r: (
            f"{r.choice(_OFFICIALS).capitalize()} {r.choice(_SAID)} that {count(t.killed, r)} people had died and "
            f"{count(t.missing, r)} were unaccounted for."
        ),
        lambda t, a, r: (
            f"The {t.kind} left {count(t.displaced, r)} people homeless, according to the "
            f"{r.choice(('Red Cross', 'United Nations', 'local authorities'))}."
        ),
        lambda t, a, r: (
            f"Prices have risen by {percent(t.other['prices'], r)} since {t.date.year - 1}, and "
            f"{count(t.other['households'], r)} households have asked for help."
        ),
        lambda t, a, r: f"A {t.age}-year-old man was detained {date(t.date + dt.timedelta(days=1), a, r)}, police said.",
        lambda t, a, r: (
            f"Some {t.other['soldiers']:,} soldiers and {t.other['helicopters']} helicopters were sent to the {t.region} "
            f"within {t.other['within']} hours."
        ),
    ]


def _filler(rng: random.Random) -> str:
    """A sentence with no figure: the bulk of any news story."""
    if rng.random() < 0.35:
        return rng.choice(_COLOUR).format(day=rng.choice(_DAYS))
    first, second = rng.sample(_CLAUSES, 2)
    joined = rng.choice((f"{first}, and {second}", f"{first}, while {second}", f"{first} and that {second}", first))
    return f"{rng.choice(_OFFICIALS).capitalize()} {rng.choice(_SAID)} that {joined}."


KINDS = ("earthquake", "flood", "fire", "storm", "shooting", "landslide", "explosion", "heatwave", "strike", "election")


def story(index: int, seed: int, size: int) -> tuple[list[tuple[str, str]], bool]:
    """(relative path, text) for the articles of story number `index`, and whether one contradicts the toll."""
    rng = random.Random(seed * 1_000_003 + index)
    truth = _truth(rng, rng.choice(KINDS))
    folder = f"{index:05d}-{truth.kind}-{truth.place.lower()}"
    wrong = rng.randrange(size) if rng.random() < 0.25 and size > 1 else -1
    out = []
    sentences = _figure_sentences()
    for j in range(size):
        ar = random.Random(seed * 1_000_003 + index * 1_000 + j)
        t = truth if j != wrong else _contradict(truth)
        day = truth.date + dt.timedelta(days=ar.randint(1, 6))
        source = ar.choice(SOURCES)
        headline = ar.choice(("toll rises", "rescuers search for survivors", "what we know", "anger grows", "the latest"))
        title = f"{truth.kind.capitalize()} in {truth.place}: {headline}"
        paragraphs = []
        for _ in range(ar.randint(12, 19)):
            n = ar.choice((1, 2, 2, 3))
            paragraphs.append(" ".join(ar.choice(sentences)(t, day, ar) if ar.random() < 0.4 else _filler(ar) for _ in range(n)))
        body = "\n\n".join(paragraphs) + "\n"
        if j % 2 == 0:
            name = f"{day.isoformat()}-{source}-{j:02d}.md"
            text = f'---\ntitle: "{title}"\ndate: {day.isoformat()}\nsource: {source}\n---\n\n# {title}\n\n{body}'
        else:
            name = f"{day.isoformat()}-{source}-{j:02d}.txt"
            text = f"{title}\n\n{body}"
        out.append((f"{folder}/{name}", text))
    return out, wrong >= 0


def _contradict(t: Truth) -> Truth:
    """The same story with a toll no hedge can reconcile with the true one."""
    from dataclasses import replace

    return replace(t, killed=t.killed * 3 + 7)


def stories(articles: int, seed: int = 1) -> list[tuple[str, str, bool]]:
    """The corpus as (relative path, text, is-this-a-planted-conflict-story), exactly `articles` long."""
    out: list[tuple[str, str, bool]] = []
    index = 0
    while len(out) < articles:
        size = random.Random(seed * 7_919 + index).randint(5, 20)
        made, planted = story(index, seed, min(size, articles - len(out)))
        out += [(p, t, planted) for p, t in made]
        index += 1
    return out


def write(out_dir: str, articles: int, seed: int = 1) -> dict[str, object]:
    """Write the corpus below out_dir (created); returns its manifest, also written beside it as OUT.json."""
    corpus = stories(articles, seed)
    chars = 0
    for path, text, _ in corpus:
        full = os.path.join(out_dir, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        chars += len(text)
    manifest = {
        "articles": len(corpus),
        "seed": seed,
        "chars": chars,
        "stories": len({p.split("/")[0] for p, _, _ in corpus}),
        "conflict_stories": sorted({p.split("/")[0] for p, _, planted in corpus if planted}),
    }
    with open(out_dir.rstrip("/") + ".json", "w", encoding="utf-8") as handle:
        json.dump(manifest, handle, indent=1)
    return manifest


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("out", help="folder to write the corpus into")
    p.add_argument("--articles", type=int, default=1000)
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args(argv)
    m = write(args.out, args.articles, args.seed)
    print(f"{m['articles']} articles in {m['stories']} stories, {m['chars']:,} characters -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
