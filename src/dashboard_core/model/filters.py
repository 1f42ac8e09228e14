"""The view a user has chosen: year, townships, schools and stages (empty means all)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Filters:
    year: int
    townships: tuple[str, ...] = ()
    schools: tuple[str, ...] = ()
    stages: tuple[str, ...] = ()

    def params(self) -> dict:
        return {"year": int(self.year), "townships": list(self.townships), "schools": list(self.schools),
                "stages": list(self.stages)}

    @property
    def is_whole_county(self) -> bool:
        return not self.townships and not self.schools
