"""Render the briefing pack with WeasyPrint: only bundled assets are fetched, a CJK font is required.

Without a Simplified Chinese font WeasyPrint would emit empty boxes; we stop and say how to install one.
The URL fetcher serves a ``file:`` URL only when its real path (percent-escapes decoded, ``..`` and
symbolic links resolved) lies inside the templates folder; everything else is refused.
"""

from __future__ import annotations

import logging
import mimetypes
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint import HTML  # type: ignore[import-untyped]
from weasyprint.urls import URLFetcher, URLFetcherResponse  # type: ignore[import-untyped]

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


def bundled_path(url: str, root: Path) -> Path | None:
    """The file a URL names when it is a ``file:`` URL whose real path is inside ``root``, else None."""
    parts = urlsplit(url)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        return None
    path = Path(unquote(parts.path)).resolve()
    return path if path.is_relative_to(root) and path.is_file() else None


class BundledOnly(URLFetcher):  # type: ignore[misc]  # WeasyPrint ships no type hints
    """A URL fetcher that serves files inside the templates folder and refuses everything else."""

    def __init__(self, root: Path) -> None:
        super().__init__(allowed_protocols=("file",))
        self._root = root.resolve()

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        path = bundled_path(url, self._root)
        if path is None:
            logger.warning("refused to fetch %s: reports use bundled assets only", url)
            raise ValueError(f"refusing to fetch {url}: reports use bundled assets only")
        mime, _ = mimetypes.guess_type(path.name)
        return URLFetcherResponse(
            path.as_uri(), path.read_bytes(), {"Content-Type": mime or "application/octet-stream"}
        )


def render_pdf(html: str, templates: Path) -> bytes:
    """The PDF of an HTML string; URLs outside the templates folder are refused."""
    check_cjk_font()
    root = templates.resolve()
    document = HTML(string=html, base_url=root.as_uri() + "/", url_fetcher=BundledOnly(root)).render()
    logger.info("PDF: %d pages", len(document.pages))
    pdf: bytes = document.write_pdf()
    return pdf
