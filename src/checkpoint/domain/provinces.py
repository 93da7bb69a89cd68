"""The 31 provinces as a plate's first character, and how an operator may name one when picking it.

A province is found by its character (豫), its full name (河南), its two-letter ISO 3166-2:CN code (HA), the
pinyin of its character (yu) or of its full name (henan); letters in any case. Several provinces can share a
name (yu is 豫 and 渝): those found are ordered with the gate's home province first, then in plate order.
"""

from __future__ import annotations

from dataclasses import dataclass

from checkpoint.domain.validators import PROVINCES


@dataclass(frozen=True)
class Province:
    short: str  # the plate character, 豫
    name: str  # 河南
    code: str  # ISO 3166-2:CN, HA
    pinyin: str  # of the character, yu
    full_pinyin: tuple[str, ...]  # of the name, henan

    def names(self) -> tuple[str, ...]:
        """Every way to name it, lower case."""
        return (self.short, self.name, self.code.lower(), self.pinyin, *self.full_pinyin)


_TABLE = (
    ("京", "北京", "BJ", "jing", ("beijing",)),
    ("津", "天津", "TJ", "jin", ("tianjin",)),
    ("冀", "河北", "HE", "ji", ("hebei",)),
    ("晋", "山西", "SX", "jin", ("shanxi",)),
    ("蒙", "内蒙古", "NM", "meng", ("neimenggu", "neimeng")),
    ("辽", "辽宁", "LN", "liao", ("liaoning",)),
    ("吉", "吉林", "JL", "ji", ("jilin",)),
    ("黑", "黑龙江", "HL", "hei", ("heilongjiang",)),
    ("沪", "上海", "SH", "hu", ("shanghai",)),
    ("苏", "江苏", "JS", "su", ("jiangsu",)),
    ("浙", "浙江", "ZJ", "zhe", ("zhejiang",)),
    ("皖", "安徽", "AH", "wan", ("anhui",)),
    ("闽", "福建", "FJ", "min", ("fujian",)),
    ("赣", "江西", "JX", "gan", ("jiangxi",)),
    ("鲁", "山东", "SD", "lu", ("shandong",)),
    ("豫", "河南", "HA", "yu", ("henan",)),
    ("鄂", "湖北", "HB", "e", ("hubei",)),
    ("湘", "湖南", "HN", "xiang", ("hunan",)),
    ("粤", "广东", "GD", "yue", ("guangdong",)),
    ("桂", "广西", "GX", "gui", ("guangxi",)),
    ("琼", "海南", "HI", "qiong", ("hainan",)),
    ("渝", "重庆", "CQ", "yu", ("chongqing",)),
    ("川", "四川", "SC", "chuan", ("sichuan",)),
    ("贵", "贵州", "GZ", "gui", ("guizhou",)),
    ("云", "云南", "YN", "yun", ("yunnan",)),
    ("藏", "西藏", "XZ", "zang", ("xizang",)),
    ("陕", "陕西", "SN", "shan", ("shaanxi",)),
    ("甘", "甘肃", "GS", "gan", ("gansu",)),
    ("青", "青海", "QH", "qing", ("qinghai",)),
    ("宁", "宁夏", "NX", "ning", ("ningxia",)),
    ("新", "新疆", "XJ", "xin", ("xinjiang",)),
)
PROVINCE_TABLE: tuple[Province, ...] = tuple(Province(*row) for row in _TABLE)
assert "".join(p.short for p in PROVINCE_TABLE) == PROVINCES
BY_SHORT: dict[str, Province] = {p.short: p for p in PROVINCE_TABLE}


def _ordered(found: list[Province], home: str) -> list[str]:
    return sorted((p.short for p in found), key=lambda short: (short != home, PROVINCES.index(short)))


def provinces_named(query: str, home: str = "") -> list[str]:
    """The provinces the query names exactly (豫, 河南, ha, yu, henan), the home province first."""
    query = query.strip().lower()
    return _ordered([p for p in PROVINCE_TABLE if query and query in p.names()], home)


def provinces_starting(query: str, home: str = "") -> list[str]:
    """The provinces one of whose names begins with the query: what the picker still offers."""
    query = query.strip().lower()
    return _ordered([p for p in PROVINCE_TABLE if any(k.startswith(query) for k in p.names())], home)


def names_longer(query: str) -> bool:
    """Whether some name goes on after the query (ha: hainan), so typing it may not be finished."""
    query = query.strip().lower()
    return any(k.startswith(query) and k != query for p in PROVINCE_TABLE for k in p.names())
