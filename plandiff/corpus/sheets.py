"""A workbook of plain tables written as SpreadsheetML directly: the corpus panel has a million cells.

openpyxl spends about 25 µs a cell (a 1,000-document panel: half a minute); writing the sheet XML as text
costs about 1 µs. A cell is a number (``<v>``) or an inline string (``t="inlineStr"``); there is no formula
element at all, so document text starting with = + - @ can only ever be text, and control characters are
dropped (``report.xlsx.safe_text``). The header row is bold and frozen, columns are sized (a CJK character
counts two), sheets print landscape on the page width. Zip entries carry a fixed time: the same tables give
the same bytes.
"""

from __future__ import annotations

import io
import math
import zipfile
from collections.abc import Sequence
from xml.sax.saxutils import escape

from ..report.xlsx import display_width, safe_text

MAX_WIDTH = 50
FIXED_TIME = (2000, 1, 1, 0, 0, 0)
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
_STYLES = (
    f'<styleSheet xmlns="{_MAIN}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/>'
    '</fill></fills><borders count="1"><border/></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
)

Table = tuple[str, Sequence[str], Sequence[Sequence[object]]]  # sheet title, header, rows


def column_letter(number: int) -> str:
    """A, B, … Z, AA, … for a 1-based column number."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _cell(reference: str, value: object) -> str:
    if isinstance(value, str):
        text = escape(safe_text(value))
        return f'<c r="{reference}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        return f'<c r="{reference}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | float) and math.isfinite(value):
        return f'<c r="{reference}"><v>{value!r}</v></c>'
    text = escape(str(safe_text(str(value))))
    return f'<c r="{reference}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def _sheet(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    letters = [column_letter(n) for n in range(1, len(header) + 1)]
    widths = []
    for n, name in enumerate(header):
        sample = [name, *(str(row[n]) for row in rows[:200] if row[n] is not None)]
        widths.append(min(MAX_WIDTH, max(8, max(display_width(v) for v in sample) + 2)))
    parts = [
        f'<worksheet xmlns="{_MAIN}" xmlns:r="{_RELS}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>',
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft"'
        ' state="frozen"/></sheetView></sheetViews><cols>',
        *(f'<col min="{n}" max="{n}" width="{w}" customWidth="1"/>' for n, w in enumerate(widths, start=1)),
        '</cols><sheetData><row r="1">',
        *(
            f'<c r="{letter}1" t="inlineStr" s="1"><is><t>{escape(safe_text(name))}</t></is></c>'
            for letter, name in zip(letters, header, strict=True)
        ),
        "</row>",
    ]
    for number, row in enumerate(rows, start=2):
        cells = "".join(_cell(f"{letter}{number}", value) for letter, value in zip(letters, row, strict=True))
        parts.append(f'<row r="{number}">{cells}</row>')
    parts.append(
        '</sheetData><pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
        '<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>'
    )
    return "".join(parts)


def workbook_bytes(tables: Sequence[Table]) -> bytes:
    """The .xlsx file of the tables, one sheet each."""
    count = len(tables)
    sheets = "".join(
        f'<sheet name="{escape(safe_text(title)[:31])}" sheetId="{n}" r:id="rId{n}"/>'
        for n, (title, _, _) in enumerate(tables, start=1)
    )
    links = "".join(
        f'<Relationship Id="rId{n}" Type="{_RELS}/worksheet" Target="worksheets/sheet{n}.xml"/>'
        for n in range(1, count + 1)
    )
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for n in range(1, count + 1)
    )
    parts = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/styles.xml" ContentType="application/'
            f'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>{overrides}</Types>'
        ),
        "_rels/.rels": (
            f'<Relationships xmlns="{_PACKAGE}"><Relationship Id="rId1" '
            f'Type="{_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": f'<workbook xmlns="{_MAIN}" xmlns:r="{_RELS}"><sheets>{sheets}</sheets></workbook>',
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{_PACKAGE}">{links}<Relationship Id="rId{count + 1}" '
            f'Type="{_RELS}/styles" Target="styles.xml"/></Relationships>'
        ),
        "xl/styles.xml": _STYLES,
    }
    for n, (_, header, rows) in enumerate(tables, start=1):
        parts[f"xl/worksheets/sheet{n}.xml"] = _sheet(header, rows)
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            entry = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + text)
    return stream.getvalue()
