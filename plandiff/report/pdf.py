"""Render the briefing pack with WeasyPrint: only bundled assets are fetched, a CJK font is required.

Without a Simplified Chinese font WeasyPrint would emit empty boxes; we stop and say how to install one.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from pathlib import Path

from weasyprint import HTML
from weasyprint.urls import URLFetcher

from ..errors import ReportError

logger = logging.getLogger(__name__)
INSTALL_HINT = "install one, e.g. `sudo apt-get install fonts-noto-cjk` (Debian/Ubuntu), and run again"


def check_cjk_font() -> None:
    """Raise ReportError unless fontconfig knows a font covering Simplified Chinese."""
    if shutil.which("fc-list") is None:
        raise ReportError(f"cannot check for a Chinese font: fontconfig's fc-list is missing; {INSTALL_HINT}")
    found = subprocess.run(["fc-list", ":lang=zh-cn", "family"], capture_output=True, text=True, check=False)
    if not found.stdout.strip():
        raise ReportError(
            f"no Chinese (zh-CN) font is installed, so the PDF would show empty boxes; {INSTALL_HINT}"
        )


class BundledOnly(URLFetcher):
    """A URL fetcher that serves files under the templates folder and refuses everything else."""

    def __init__(self, root: str) -> None:
        super().__init__(allowed_protocols=("file",))
        self._root = root

    def fetch(self, url: str, headers: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
        if not url.startswith(self._root):
            logger.warning("refused to fetch %s: reports use bundled assets only", url)
            raise ValueError(f"refusing to fetch {url}: reports use bundled assets only")
        return super().fetch(url, headers)


def render_pdf(html: str, templates: Path) -> bytes:
    """The PDF of an HTML string; URLs outside the templates folder are refused."""
    check_cjk_font()
    root = templates.resolve().as_uri() + "/"
    document = HTML(string=html, base_url=root, url_fetcher=BundledOnly(root)).render()
    logger.info("PDF: %d pages", len(document.pages))
    return document.write_pdf()
