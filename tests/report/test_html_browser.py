"""The HTML report in a real browser (headless Chromium, driven by Playwright): no console errors, no
network requests, and the parts a reader navigates by are there."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from tests.report.test_reports import pack  # noqa: F401  (the rendered pack fixture)

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


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is installed by scripts/setup.sh (as root)")
def test_html_report_in_browser(pack: Path, tmp_path: Path) -> None:  # noqa: F811
    errors: list[str] = []
    requests: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page()
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("request", lambda request: requests.append(request.url))
        page.goto((pack / "report.html").as_uri())
        assert page.locator("html").get_attribute("lang") == "zh-CN"
        for anchor in (
            "#summary",
            "#targets",
            "#map",
            "#sections",
            "#redlines",
            "#added",
            "#removed",
            "#terms",
        ):
            assert page.locator(anchor).count() == 1, anchor
            assert page.locator(f'nav.menu a[href="{anchor}"]').count() == 1, anchor
        assert page.locator("table.targets tbody tr").count() >= 10
        assert page.locator("svg.map line").count() >= 10
        page.click('nav.menu a[href="#targets"]')
        page.screenshot(path=str(tmp_path / "report.png"))
        browser.close()
    assert errors == []
    assert all(url.startswith("file://") for url in requests), requests
