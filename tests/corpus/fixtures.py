"""Small plan texts written for the corpus tests: a city's 建议, two of its counties' 纲要 and an earlier plan.

The counties take some of the city's sentences word for word, one with a place name changed, one as a
clause of a longer sentence of their own; each states a few targets in prose the way plans do.
"""

from __future__ import annotations

from pathlib import Path

CITY = """中共江城市委关于制定江城市国民经济和社会发展第十五个五年规划的建议
一、发展目标
1.总体要求。坚持以推动高质量发展为主题，以改革创新为根本动力，加快建设现代化产业体系，巩固壮大实体经济根基。深入实施创新驱动发展战略，推动科技创新和产业创新深度融合。
2.生态环境。协同推进降碳、减污、扩绿、增长，持续改善生态环境质量，提升资源节约集约循环利用水平。
3.民生保障。健全覆盖全人群、全生命周期的公共服务体系，推动基本公共服务均等化。
"""

NORTH = """北县国民经济和社会发展第十五个五年规划纲要
第一章 发展目标
到2030年，地区生产总值年均增长5%左右，研发经费投入强度达到3.5%，城镇调查失业率控制在5%以内。
第二章 产业发展
坚持以推动高质量发展为主题，以改革创新为根本动力，加快建设现代化产业体系，巩固壮大实体经济根基。深入实施创新驱动发展战略，推动科技创新和产业创新深度融合。
第三章 生态环境
北县将依托湖泊湿地资源，建设万亩生态公园，打造水乡特色的绿色发展样板区。协同推进降碳、减污、扩绿、增长，持续改善生态环境质量，提升资源节约集约循环利用水平。
"""

SOUTH = """南县国民经济和社会发展第十五个五年规划纲要
第一章 发展目标
到2030年，地区生产总值年均增长6%左右，全社会研发经费支出占地区生产总值比重达到3%，城镇调查失业率控制在5.5%以内。
第二章 民生保障
加快推进南县老城区更新改造，完善社区养老托育设施，健全覆盖全人群、全生命周期的公共服务体系，推动城乡基本公共服务均等化。
南县积极培育低空经济和“人工智能+”新业态，打造长三角南部的数字产业高地。
"""

EARLIER = """北县国民经济和社会发展第十四个五年规划纲要
第一章 发展目标
“十四五”时期，北县经济保持平稳增长。到2025年，地区生产总值年均增长6.5%左右，研发经费投入强度达到3%。
第二章 产业发展
加快发展先进制造业，推动传统产业转型升级，培育壮大战略性新兴产业集群。
第三章 疫情防控
坚决落实疫情防控各项措施，健全公共卫生应急管理体系，提升重大疫情防控救治能力。
"""

MANIFEST = """
[[document]]
id = "city-15"
path = "city.txt"
place = "江城市"
level = "prefecture"
period = 15
kind = "建议"
date = "2025-12-01"

[[document]]
id = "north-15"
path = "north.txt"
place = "北县"
level = "county"
period = 15
kind = "纲要"
date = "2026-01-20"
parent = "city-15"

[[document]]
id = "south-15"
path = "south.txt"
place = "南县"
level = "county"
period = 15
kind = "纲要"
date = "2026-01-25"
parent = "city-15"

[[document]]
id = "north-14"
path = "north-14.txt"
place = "北县"
level = "county"
period = 14
kind = "纲要"
date = "2021-02-01"
"""

FILES = {"city.txt": CITY, "north.txt": NORTH, "south.txt": SOUTH, "north-14.txt": EARLIER}


def write_corpus(folder: Path, *, manifest: bool = True) -> Path:
    """The four texts (and the manifest) in ``folder``; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    if manifest:
        (folder / "plans.toml").write_text(MANIFEST, encoding="utf-8")
    return folder
