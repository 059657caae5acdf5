"""The HTML report in a real browser: Debian's headless Chromium driven by Playwright.

Clicking a conflicting figure must show its claim, its interval, its counterpart in the other
article and the chart of its values by article date; nothing may be fetched from outside; text
from an article must never run as script. Skipped only where /usr/bin/chromium is absent (a
developer machine without it); `.ci/run` installs it, so in CI this test always runs.
"""

from __future__ import annotations

import os

import pytest
from stories import write

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = pytest.mark.skipif(
    not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent: apt-get install chromium (CI installs it)"
)

STORY = {
    "bridge/a.md": "---\ndate: 2023-03-05\n---\nFive people were killed when the bridge collapsed on Sunday.\n",
    "bridge/b.md": (
        "---\ndate: 2023-03-06\n---\n<script>window.pwned = true</script>\n\n"
        "Officials said three people were killed when the bridge collapsed on Sunday.\n"
    ),
}


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, run_numcheck, tmp_path):
    write(tmp_path, STORY)
    report = tmp_path / "report.html"
    code, _, _ = run_numcheck([str(tmp_path / "bridge"), "--format", "html", "--output", str(report)])
    assert code == 1
    page = browser.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)

    def only_the_file(route):
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            problems.append(f"request: {route.request.url}")
            route.abort()

    page.route("**/*", only_the_file)
    page.goto(report.as_uri())
    yield page
    page.close()
    assert problems == []


def test_clicking_a_conflicting_figure_shows_its_claim_and_counterpart(page) -> None:
    assert page.locator(".detail.open").count() == 0
    three = page.locator("a.fig.st-conflict", has_text="three")
    three.click()
    panel = page.locator(".detail.open")
    assert panel.count() == 1 and panel.is_visible()
    text = panel.inner_text()
    assert "«three»" in text and "in conflict with another figure" in text
    assert "interval\n3" in text.replace("\t", "\n") and "killed" in text
    counterpart = panel.locator("a.ref")
    assert counterpart.count() == 1 and counterpart.inner_text().endswith("a.md:4:1")
    assert "«Five»" in text and "2023-03-05" in text
    chart = panel.locator("svg.chart")
    assert chart.count() == 1 and chart.locator("g.pt").count() == 2 and chart.locator("circle.this").count() == 1
    assert "current" in (three.get_attribute("class") or "")

    counterpart.click()
    panel = page.locator(".detail.open")
    assert panel.count() == 1 and "«Five»" in panel.inner_text()
    assert "current" in (page.locator("a.fig", has_text="Five").get_attribute("class") or "")

    page.keyboard.press("Escape")
    assert page.locator(".detail.open").count() == 0


def test_article_text_is_shown_never_run(page) -> None:
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert "<script>window.pwned = true</script>" in page.locator("#a-2 .text").inner_text()


def test_findings_table_links_to_the_figures(page) -> None:
    rows = page.locator("#conflicts + table tr[id^='f-']")  # the conflicts table, not the agreements after it
    assert rows.count() == 1 and rows.locator("svg.chart").count() == 1
    rows.locator("a.ref").first.click()
    assert page.locator(".detail.open").count() == 1


@pytest.mark.parametrize("width", [360, 800, 1400])
def test_the_report_fits_from_a_phone_to_a_wide_screen(page, width) -> None:
    """At any width nothing runs off the page: no sideways scrolling, the chart whole and
    inside the window, the message column wide enough to read."""
    page.set_viewport_size({"width": width, "height": 900})
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    chart = page.locator("#conflicts + table svg.chart").bounding_box()
    assert chart is not None and chart["x"] >= 0 and chart["x"] + chart["width"] <= width and chart["width"] >= 200
    message = page.locator("#conflicts + table td.msg").bounding_box()
    assert message is not None and message["width"] >= min(280, width - 60)
    assert message["x"] + message["width"] <= width


def test_front_matter_is_a_small_table_not_text(page) -> None:
    table = page.locator("#a-1 div.fm table")
    assert table.count() == 1 and "2023-03-05" in table.inner_text()
    assert "---" not in page.locator("#a-1 .text").inner_text()
    assert page.locator("#a-1 div.fm details").get_attribute("open") is None  # as written: folded


def test_a_screenshot_at_800_pixels(page, tmp_path) -> None:
    page.set_viewport_size({"width": 800, "height": 1000})
    shot = tmp_path / "report-800.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
