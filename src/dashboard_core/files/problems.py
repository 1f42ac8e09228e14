"""What a validation found: each problem with its sheet, row and column and how to fix it, in Chinese."""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from ..present.i18n import Verbatim as V
from ..present.i18n import t

MAX_PROBLEMS = 500  # problems listed; the rest are counted
ERROR, WARNING = "error", "warning"


@dataclass
class Problem:
    level: str
    sheet: str
    row: int | None
    column: str | None
    message: str
    fix: str

    def text(self) -> str:
        where = t("工作表“{sheet}”", sheet=V(self.sheet)) if self.sheet else t("文件")
        if self.row:
            where += t("第 {row} 行", row=self.row)
        if self.column:
            where += t("“{column}”列", column=V(self.column))
        tag = t("错误") if self.level == ERROR else t("提醒")
        return t("【{tag}】{where}：{message}。{fix}", tag=V(tag), where=V(where), message=V(self.message), fix=V(self.fix))

    def as_dict(self) -> dict:
        # sheet and column keep the workbook's own names: they are what the user looks for in the file
        return {"级别": "错误" if self.level == ERROR else "提醒", "工作表": self.sheet, "行": self.row,
                "列": self.column, "问题": self.message, "修改方法": self.fix}


@dataclass
class Report:
    source_name: str
    problems: list[Problem] = field(default_factory=list)
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    unlisted_errors: int = 0  # found past MAX_PROBLEMS: counted, not listed
    unlisted_warnings: int = 0
    demo: bool = False  # the file is demo data (exported from a demo snapshot, or names marked （示例）)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.level == WARNING]

    @property
    def ok(self) -> bool:
        return not self.errors and not self.unlisted_errors

    def error(self, sheet, row, column, message, fix) -> None:
        if len(self.problems) >= MAX_PROBLEMS:
            self.unlisted_errors += 1
        else:
            self.problems.append(Problem(ERROR, sheet, row, column, message, fix))

    def warn(self, sheet, row, column, message, fix) -> None:
        if len(self.problems) >= MAX_PROBLEMS:
            self.unlisted_warnings += 1
        else:
            self.problems.append(Problem(WARNING, sheet, row, column, message, fix))

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame([p.as_dict() for p in self.problems],
                            columns=["级别", "工作表", "行", "列", "问题", "修改方法"])

    def summary(self) -> str:
        if self.ok:
            if self.warnings:
                return t("{file}：校验通过，有 {n} 条提醒。", file=V(self.source_name), n=len(self.warnings))
            return t("{file}：校验通过。", file=V(self.source_name))
        text = t("{file}：发现 {errors} 个错误、{warnings} 条提醒，未导入。请按提示修改后重新上传。", file=V(self.source_name),
                 errors=len(self.errors) + self.unlisted_errors, warnings=len(self.warnings) + self.unlisted_warnings)
        if self.unlisted_errors or self.unlisted_warnings:
            text += t("只列出前 {n} 条，其余 {rest} 条改正前面的问题后会再显示。", n=MAX_PROBLEMS,
                      rest=self.unlisted_errors + self.unlisted_warnings)
        return text
