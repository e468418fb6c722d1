"""Chinese numerals as plans write them: 十二, 三千五百, 两, 千, and digit-by-digit years (二〇三五)."""

from __future__ import annotations

CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
# Zeros written inside Chinese year numerals (二0二五, 二○二五, 二O二五): only for digit-by-digit years.
_YEAR_ZEROS = {"0": 0, "○": 0, "O": 0}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def chinese_number(text: str) -> int | None:
    """一 … 九千九百九十九 (and plain digits) as an int: 三千五百 -> 3500, 十二 -> 12, 千 -> 1000; else None."""
    if text.isdigit():
        return int(text)
    if not text or any(c not in CN_DIGITS and c not in _CN_UNITS for c in text):
        return None
    total, current = 0, 0
    for char in text:
        if char in CN_DIGITS:
            current = CN_DIGITS[char]
        else:
            total += (current or 1) * _CN_UNITS[char]
            current = 0
    return total + current


def chinese_digits(text: str) -> int | None:
    """A number written digit by digit, as years are: 二〇三五 -> 2035 (also 二0二五, 二○二五); None if any
    character is not a digit."""
    digits = {**CN_DIGITS, **_YEAR_ZEROS}
    if not text or any(c not in digits for c in text):
        return None
    return int("".join(str(digits[c]) for c in text))
