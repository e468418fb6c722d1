"""The HTML report in a real browser (headless Chromium, driven by Playwright): no console errors, no
network requests, and search, change-type filters, sorting and next / previous change work."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, sync_playwright

from plandiff.report import write_reports
from tests.report.builders import small_comparison
from tests.report.test_reports import options, pack  # noqa: F401  (the rendered pack fixture)

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is installed by scripts/setup.sh (as root)"
)


@pytest.fixture
def browser_page() -> Iterator[tuple[Page, list[str], list[str]]]:
    errors: list[str] = []
    requests: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("request", lambda request: requests.append(request.url))
        yield page, errors, requests
        browser.close()


def visible_rows(page: Page, selector: str) -> list[str]:
    return [row.inner_text() for row in page.locator(selector).all() if row.is_visible()]


def test_html_report_in_browser(
    pack: Path,  # noqa: F811
    browser_page: tuple[Page, list[str], list[str]],
    tmp_path: Path,
) -> None:
    page, errors, requests = browser_page
    page.goto((pack / "report.html").as_uri())
    assert page.locator("html").get_attribute("lang") == "zh-CN"
    for anchor in (
        "#summary",
        "#targets",
        "#map",
        "#sections",
        "#redlines",
        "#compare",
        "#added",
        "#removed",
        "#terms",
    ):
        assert page.locator(anchor).count() == 1, anchor
        assert page.locator(f'nav.menu a[href="{anchor}"]').count() == 1, anchor
    assert page.locator("table.targets tbody tr").count() >= 10
    assert page.locator("svg.map path").count() >= 3
    page.click('nav.menu a[href="#targets"]')
    page.screenshot(path=str(tmp_path / "report.png"))
    assert errors == []
    assert all(url.startswith("file://") for url in requests), requests


def test_search_filters_and_next_change(
    tmp_path: Path, browser_page: tuple[Page, list[str], list[str]]
) -> None:
    page, errors, requests = browser_page
    write_reports(small_comparison(), tmp_path, options("html"))
    page.goto((tmp_path / "report.html").as_uri())
    rows = "table.sections tbody tr"
    assert len(visible_rows(page, rows)) == 3
    page.fill("#search", "低空经济")
    assert [r for r in visible_rows(page, rows)] and all("低空经济" in r for r in visible_rows(page, rows))
    assert "找到" in page.inner_text("#found")
    assert all("低空经济" in b for b in visible_rows(page, ".sbs .blk"))
    page.fill("#search", "")
    page.uncheck('input[data-change="removed"]')
    shown = visible_rows(page, rows)
    assert len(shown) == 2 and not any("疫情防控" in r for r in shown)
    page.check('input[data-change="removed"]')
    page.click("table.sections thead th:nth-child(5)")  # 相似度, ascending
    scores = [page.locator(rows).nth(n).locator("td").nth(4).inner_text() for n in range(3)]
    assert scores[-1] == "0.80"
    page.click("#next")
    assert page.inner_text("#position").startswith("第 1 / ")
    assert (
        page.locator("#pane-new .blk.current").count() == 1
        and page.locator("#pane-old .blk.current").count() == 1
    )
    page.click("#next")
    assert page.inner_text("#position").startswith("第 2 / ")
    assert errors == [] and all(url.startswith("file://") for url in requests)
