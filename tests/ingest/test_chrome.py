"""Chrome and spam removal on the real scraped seeds."""

from __future__ import annotations

import re

from plandiff import ingest_file
from tests.conftest import seed_path

_PHONE = re.compile(r"(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)|(?<!\d)1[3-9]\d{9}(?!\d)")


def test_suzhou_spam_and_contacts_removed() -> None:
    clean = ingest_file(seed_path("004"))
    for line in clean.lines:
        assert "j9" not in line.text.lower()
        assert not _PHONE.search(line.text)
        assert "ICP" not in line.text and "版权所有" not in line.text


def test_suzhou_numbered_items_survive_in_order() -> None:
    clean = ingest_file(seed_path("004"))
    numbers = [int(m.group(1)) for line in clean.lines if (m := re.match(r"\s*(\d{1,2})\.", line.text))]
    # The source lost the label of item 52 (its text is run into item 51); every other label survives.
    assert numbers == [n for n in range(1, 61) if n != 52]
    assert any("筑牢人民防线.推进法治苏州建设" in line.text for line in clean.lines)


def _body_range(lines: list[str], first: str, last: str) -> list[str]:
    start = next(i for i, text in enumerate(lines) if text.strip() == first)
    end = max(i for i, text in enumerate(lines) if text.strip().startswith(last))
    return [text for text in lines[start : end + 1] if text.strip()]


def test_interpretation_chrome_gone_and_body_kept() -> None:
    source = seed_path("000").read_text(encoding="utf-8").split("\n")
    clean = ingest_file(seed_path("000"))
    kept = [line.text for line in clean.lines if line.text.strip()]
    body = _body_range(source, "一、制定背景", "三是强化规划绩效的评估监督")
    assert len(body) == 89
    assert kept[1:] == body  # the title line, then every body paragraph
    for chrome in ("首页", "访问量", "扫一扫", "相关信息", "相关附件", "【字体", "kssfzggw"):
        assert all(chrome not in text for text in kept)


def test_wujiang_chrome_gone_and_body_kept() -> None:
    source = seed_path("001").read_text(encoding="utf-8").split("\n")
    clean = ingest_file(seed_path("001"))
    kept = [line.text for line in clean.lines if line.text.strip()]
    body = _body_range(source, "序 言", "“三线一单”")
    assert len(body) == 222
    assert kept[-len(body) :] == body
    for chrome in ("收藏", "发表于", "详情", "温馨提示", "本站", "下载附件", "大牛"):
        assert all(chrome not in text for text in kept)


def test_kunshan_plan_keeps_every_line() -> None:
    clean = ingest_file(seed_path("003"))
    source = seed_path("003").read_text(encoding="utf-8").split("\n")
    unmarked = [re.sub(r"\[bookmark: [^\]]*\]", "", text) for text in source]
    assert clean.removed == ()
    assert len([line for line in clean.lines if line.text.strip()]) == len([t for t in unmarked if t.strip()])
    assert all("[bookmark:" not in line.text for line in clean.lines)
