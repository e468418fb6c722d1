"""Decode the bytes of a text file: BOM, strict UTF-8, UTF-16 without BOM, then charset detection.

An encoding is never guessed silently: when detection is not confident the file is refused with an
``EncodingError`` that names the file and suggests converting it to UTF-8.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from charset_normalizer import from_bytes

from ..errors import EncodingError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CJK = re.compile(r"[\u3400-\u9fff]")
# Legacy Chinese encodings charset-normalizer may report for the same bytes; GB18030 is their superset.
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "hz", "cp936"}
# Largest share of "chaos" (mess) charset-normalizer may report for a decoding we accept.
MAX_CHAOS = 0.2
# A decoded plan text has at least this share of CJK characters among its non-space characters.
MIN_CJK_SHARE = 0.05


def decode_text(data: bytes, path: str | Path) -> tuple[str, str]:
    """Decode ``data`` and return (text, encoding name); raise EncodingError when it is undecidable."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise EncodingError(path, f"starts with a {name} byte-order mark but is not {name}") from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    if b"\x00" in data:
        raise EncodingError(path, "binary data (NUL bytes), not a text file")
    return _detect(data, path)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM: NUL bytes (the high byte of ASCII characters) mostly on one parity."""
    if len(data) < 4 or len(data) % 2 or b"\x00" not in data:
        return None
    even_nuls, odd_nuls = data[0::2].count(0), data[1::2].count(0)
    if max(even_nuls, odd_nuls) < 4 * min(even_nuls, odd_nuls):
        return None
    name = "utf-16-le" if odd_nuls > even_nuls else "utf-16-be"
    try:
        text = data.decode(name)
    except UnicodeDecodeError:
        return None
    return (text, name) if _looks_chinese(text) else None


def _detect(data: bytes, path: str | Path) -> tuple[str, str]:
    """Ask charset-normalizer, preferring GB18030 for the GB family, and check the result reads as Chinese."""
    try:
        text = data.decode("gb18030")
        if _looks_chinese(text):
            return text, "gb18030"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.chaos > MAX_CHAOS:
        raise EncodingError(
            path, "cannot tell its text encoding with confidence; convert it to UTF-8 and try again"
        )
    encoding = "gb18030" if best.encoding.lower() in _GB_FAMILY else best.encoding
    text = data.decode(encoding, errors="strict")
    if not _looks_chinese(text):
        raise EncodingError(
            path, f"decodes as {encoding} but yields no Chinese text; convert it to UTF-8 and try again"
        )
    return text, encoding


def _looks_chinese(text: str) -> bool:
    visible = [c for c in text if not c.isspace()]
    if not visible:
        return False
    cjk = len(_CJK.findall(text))
    odd = sum(1 for c in visible if not c.isprintable())
    return cjk / len(visible) >= MIN_CJK_SHARE and odd / len(visible) < 0.01
