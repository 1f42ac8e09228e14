"""The county's administrative units (national statistical division codes, 2022 release)."""
from __future__ import annotations

import pandas as pd

COUNTY_NAME = "察布查尔锡伯自治县"
COUNTY_NAME_EN = "Qapqal Xibe Autonomous County"

# (township_code, township_name, township_type); 场 is the state farm (国营农牧场)
TOWNSHIPS: list[tuple[str, str, str]] = [
    ("654022100", "察布查尔镇", "镇"),
    ("654022101", "爱新色里镇", "镇"),
    ("654022102", "孙扎齐牛录镇", "镇"),
    ("654022103", "绰霍尔镇", "镇"),
    ("654022104", "加尕斯台镇", "镇"),
    ("654022105", "琼博拉镇", "镇"),
    ("654022106", "海努克镇", "镇"),
    ("654022200", "堆齐牛录乡", "乡"),
    ("654022203", "纳达齐牛录乡", "乡"),
    ("654022204", "扎库齐牛录乡", "乡"),
    ("654022205", "米粮泉回族乡", "乡"),
    ("654022206", "坎乡", "乡"),
    ("654022207", "阔洪奇乡", "乡"),
    ("654022401", "安班巴格良繁场", "场"),
]

# Romanised names for the English view (the Xibe names in pinyin, as on the county's road signs)
TOWNSHIP_NAMES_EN: dict[str, str] = {
    "察布查尔镇": "Qapqal Town", "爱新色里镇": "Aixinseli Town", "孙扎齐牛录镇": "Sunzhaqi Niulu Town",
    "绰霍尔镇": "Chuohuoer Town", "加尕斯台镇": "Jiagasitai Town", "琼博拉镇": "Qiongbola Town",
    "海努克镇": "Hainuke Town", "堆齐牛录乡": "Duiqi Niulu Township", "纳达齐牛录乡": "Nadaqi Niulu Township",
    "扎库齐牛录乡": "Zhakuqi Niulu Township", "米粮泉回族乡": "Miliangquan Hui Ethnic Township",
    "坎乡": "Kan Township", "阔洪奇乡": "Kuohongqi Township", "安班巴格良繁场": "Anbanbage Improved-Seed Farm",
}


def townships_frame() -> pd.DataFrame:
    return pd.DataFrame(TOWNSHIPS, columns=["township_code", "township_name", "township_type"])
