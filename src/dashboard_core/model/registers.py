"""County items judged from the registers: every class, every school's rooms, funds and teachers, the
rotation moves, the cohorts, the monitoring, the survey and the evidence documents.

Each judge returns the status of one requirement with its evidence as codes and numbers (present/
writes the words). A rule about every school is `met` only when every school it applies to is in the
register and meets it; `not_met` as soon as one that is in the register fails; `partial` when those
present meet it but some are missing; `no_data` when none is present.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from .vocabulary import (ITEM_MET, ITEM_NO_DATA, ITEM_NOT_APPLICABLE, ITEM_NOT_MET, ITEM_PARTIAL, JUNIOR, PRIMARY,
                         TEACHING_POINT)

LISTED = 10  # schools or classes spelled out in a detail; the rest are counted


@dataclass(frozen=True)
class Registers:
    """What the store read from a snapshot's registers for one year (None: the snapshot lacks it)."""
    class_sizes: pd.DataFrame | None = None  # per school part: register_classes, largest, over_limit
    oversize: pd.DataFrame | None = None  # the largest classes over their limit
    oversize_grades: pd.DataFrame | None = None  # per grade with a class over the limit: pupils, classes, excess
    # per school: classes, students, full-time teachers and the columns of the rooms, funds and teacher
    # registers, each with its `*_registered` flag (the three may be one and the same frame)
    rooms: pd.DataFrame | None = None
    finance: pd.DataFrame | None = None
    teachers: pd.DataFrame | None = None
    rotation: pd.DataFrame | None = None  # moves by direction, with the eligible base
    consolidation: pd.DataFrame | None = None
    disabled: pd.DataFrame | None = None
    monitoring: pd.DataFrame | None = None
    survey: pd.DataFrame | None = None
    evidence: pd.DataFrame | None = None
    held: frozenset = field(default_factory=frozenset)  # names of the registers the snapshot holds

    def within(self, school_ids) -> "Registers":
        """The per-school registers cut to some schools (a township's, say); the county-level ones whole."""
        keep = pd.Index(list(school_ids))
        cut = {name: (frame[frame["school_id"].isin(keep)].reset_index(drop=True) if frame is not None else None)
               for name, frame in (("class_sizes", self.class_sizes), ("oversize", self.oversize),
                                   ("oversize_grades", self.oversize_grades), ("rooms", self.rooms), ("finance", self.finance), ("teachers", self.teachers))}
        return replace(self, **cut)


# The county items whose rule is about every school (or class): in a view of some schools they are
# judged for those schools. The others (the county's staffing total, rotation, cohorts, monitoring,
# survey, documents and county figures) are the county's whatever the view.
PER_SCHOOL_EVALUATORS = frozenset({"special_rooms", "school_size", "class_register", "small_school_funding",
                                   "teacher_share", "training_share"})


def _every_school(req: dict, frame: pd.DataFrame, checked: pd.Series, ok: pd.Series, value: pd.Series,
                  source: str, demo: bool, worst_first: pd.Series | None = None) -> dict:
    """A rule about every school (or class): the shared verdict of the registers' per-school judges."""
    total = len(frame)
    failing = frame[checked & ~ok]
    missing = frame[~checked]
    if total == 0:
        status = ITEM_NOT_APPLICABLE
    elif len(failing):
        status = ITEM_NOT_MET
    elif not checked.any():
        status = ITEM_NO_DATA
    elif len(missing):
        status = ITEM_PARTIAL
    else:
        status = ITEM_MET
    if worst_first is not None and len(failing):
        failing = failing.assign(_order=worst_first[failing.index]).sort_values("_order", kind="stable")
    points = (frame["school_type"] == TEACHING_POINT) if "school_type" in frame else pd.Series(False, index=frame.index)
    detail = {"kind": req["evaluator"], "total": total, "checked": int(checked.sum()),
              # teaching points are not schools (the report: 28 schools and 2 teaching points): counted apart
              "teaching_points_checked": int((checked & points).sum()),
              "failing": [(r.school_name, _number(value[i])) for i, r in failing.head(LISTED).iterrows()],
              "failing_count": int(len(failing)),
              "missing": list(missing["school_name"].head(LISTED)), "missing_count": int(len(missing))}
    return {"status": status, "source_kind": "snapshot" if status != ITEM_NO_DATA else "none",
            "source_ref": source if status != ITEM_NO_DATA else None, "demo": demo and status != ITEM_NO_DATA,
            "detail": detail, "value": None}


def _number(x):
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else float(x)


def class_register(req: dict, reg: Registers, demo: bool) -> dict | None:
    """G05: every class within its stage's limit, judged class by class."""
    frame = reg.class_sizes
    if frame is None or "classes" not in reg.held:
        return None
    frame = frame.reset_index(drop=True)
    checked = frame["register_classes"] > 0
    ok = frame["over_limit"].fillna(0) == 0
    out = _every_school(req, frame, checked, ok, frame["largest"].astype("float64"), "classes", demo,
                        worst_first=-frame["largest"].astype("float64"))
    out["detail"]["failing"] = [(r.school_name, r.stage, int(r.over_limit), int(r.largest))
                                for r in frame[checked & ~ok].sort_values("largest", ascending=False)
                                .head(LISTED).itertuples()]
    out["detail"]["over_classes"] = int(frame["over_limit"].fillna(0).sum())
    largest = frame.loc[checked, "largest"]
    out["detail"]["largest"] = int(largest.max()) if len(largest) else None
    if reg.oversize is not None:
        out["detail"]["classes"] = [(r.school_name, r.stage, int(r.grade), int(r.class_no), int(r.students))
                                    for r in reg.oversize.head(LISTED).itertuples()]
    return out


def special_rooms(req: dict, reg: Registers, demo: bool) -> dict | None:
    """G03: music and art rooms, one of each per 12 classes (at least one), each large enough."""
    frame = reg.rooms
    if frame is None or "special_rooms" not in reg.held:
        return None
    frame = frame[~frame["school_type"].isin(req.get("exempt_types", []))].reset_index(drop=True)
    needed = np.maximum(1, np.ceil(frame["classes"].fillna(0) / req["classes_per_room"]))
    checked = frame["rooms_registered"].astype(bool)
    music_ok = (frame["music_rooms"].fillna(0) >= needed) & (frame["music_room_min_m2"].fillna(0) >= req["music_min_m2"])
    art_ok = (frame["art_rooms"].fillna(0) >= needed) & (frame["art_room_min_m2"].fillna(0) >= req["art_min_m2"])
    out = _every_school(req, frame, checked, music_ok & art_ok, needed, "special_rooms", demo)
    failing = (checked & ~(music_ok & art_ok)).to_numpy()
    shown = frame[failing].head(LISTED)  # only the listed rows become Python objects: a country has 200,000
    out["detail"]["failing"] = [
        (r.school_name, int(n), int(r.music_rooms or 0), _number(r.music_room_min_m2), int(r.art_rooms or 0),
         _number(r.art_room_min_m2)) for r, n in zip(shown.itertuples(), needed.to_numpy()[failing][:LISTED])]
    return out


def small_school_funding(req: dict, reg: Registers, demo: bool) -> dict | None:
    """G06: village primary schools and teaching points under 100 students funded as 100."""
    frame = reg.finance
    if frame is None or "school_finance" not in reg.held:
        return None
    applies = np.zeros(len(frame), dtype=bool)
    for rule in req["applies_to"]:
        match = np.ones(len(frame), dtype=bool)
        for key, value in rule.items():
            match &= (frame[key] == value).to_numpy(dtype=bool, na_value=False)
        applies |= match
    small = frame[applies & (frame["students"] < req["floor_students"]).to_numpy()].reset_index(drop=True)
    checked = small["finance_registered"].astype(bool)
    ok = small["funded_students"].fillna(0) >= req["floor_students"]
    out = _every_school(req, small, checked, ok, small["funded_students"].astype("float64"), "school_finance", demo)
    out["detail"]["failing"] = [(r.school_name, int(r.students), int(r.funded_students))
                                for r in small[checked & ~ok].head(LISTED).itertuples()]
    return out


def training_share(req: dict, reg: Registers, demo: bool) -> dict | None:
    """Q04: every school's teacher-training spending at least 5 % of its public-funds budget."""
    frame = reg.finance
    if frame is None or "school_finance" not in reg.held or not frame["finance_registered"].any():
        return None
    frame = frame.reset_index(drop=True)
    checked = frame["finance_registered"].astype(bool) & (frame["public_funds_yuan"].fillna(0) > 0)
    share = frame["training_spend_yuan"] / frame["public_funds_yuan"] * 100
    ok = share >= req["threshold"] - 1e-9
    out = _every_school(req, frame, checked, ok, share, "school_finance", demo, worst_first=share)
    lowest = share[checked]
    out["detail"]["lowest"] = float(lowest.min()) if len(lowest) else None
    return out


def teacher_share(req: dict, reg: Registers, demo: bool) -> dict | None:
    """G09 / G12: every school's share of full-time teachers trained (or certified) reaches 100 %."""
    frame = reg.teachers
    if frame is None or "teacher_register" not in reg.held:
        return None
    frame = frame[frame["full_time_teachers"] > 0].reset_index(drop=True)
    checked = frame["teachers_registered"].astype(bool)
    share = frame[req["column"]] / frame["full_time_teachers"] * 100
    ok = share >= req["threshold"] - 1e-9
    out = _every_school(req, frame, checked, ok, share, "teacher_register", demo, worst_first=share)
    out["detail"]["short"] = int((frame["full_time_teachers"] - frame[req["column"]].fillna(0))[checked & ~ok].sum())
    return out


def staffing_quota(req: dict, reg: Registers, county: pd.DataFrame, demo: bool) -> dict | None:
    """G10: the schools' staffing quotas add up within the county's approved total, every school has
    its quota and posts set."""
    frame = reg.teachers
    if frame is None or "teacher_register" not in reg.held or not frame["teachers_registered"].any():
        return None
    frame = frame.reset_index(drop=True)
    checked = frame["teachers_registered"].astype(bool)
    ok = (frame["staffing_quota"].fillna(0) > 0) & (frame["posts_approved"].fillna(0) > 0)
    out = _every_school(req, frame, checked, ok, frame["staffing_quota"].astype("float64"), "teacher_register", demo)
    allotted = float(frame.loc[checked, "staffing_quota"].sum())
    out["detail"]["allotted"] = allotted
    if req["metric"] in county.index:
        approved = float(county.loc[req["metric"], "value"])
        out["detail"]["approved"] = approved
        if allotted > approved + 1e-9:
            out["status"] = ITEM_NOT_MET
    elif out["status"] == ITEM_MET:
        out["status"] = ITEM_PARTIAL  # the schools' quotas are set, but the approved total is not in the data
    return out


def rotation_register(req: dict, reg: Registers, demo: bool) -> dict | None:
    """G11: the rotation moves of the year against the eligible teachers, and the backbone share."""
    frame = reg.rotation
    if frame is None or "rotation" not in reg.held or frame.empty:
        return None
    moves, backbone = float(frame["moves"].sum()), float(frame["backbone_moves"].sum())
    eligible = float(frame["eligible"].iloc[0]) if pd.notna(frame["eligible"].iloc[0]) else 0.0
    if req["measure"] == "rate":
        if eligible <= 0:
            return None
        value = moves / eligible * 100
    else:
        value = backbone / moves * 100 if moves else 0.0
    status = ITEM_MET if value >= req["threshold"] - 1e-9 else ITEM_NOT_MET
    return {"status": status, "value": value, "source_kind": "snapshot", "source_ref": "rotation", "demo": demo,
            "detail": {"kind": "rotation_register", "moves": int(moves), "backbone": int(backbone),
                       "eligible": int(eligible), "measure": req["measure"]}}


def consolidation(req: dict, reg: Registers, demo: bool) -> dict | None:
    """Q01: completed ÷ (entered + transferred in − transferred out − deceased) ≥ 95 %."""
    frame = reg.consolidation
    if frame is None or frame.empty:
        return None
    r = frame.iloc[0]
    base = float(r["entered"] + r["transferred_in"] - r["transferred_out"] - r["deceased"])
    if base <= 0:
        return None
    value = float(r["completed"]) / base * 100
    return {"status": ITEM_MET if value >= req["threshold"] - 1e-9 else ITEM_NOT_MET, "value": value,
            "source_kind": "snapshot", "source_ref": "consolidation", "demo": demo,
            "detail": {"kind": "consolidation", "completed": int(r["completed"]), "base": int(base),
                       "entered": int(r["entered"])}}


def disabled_enrolment(req: dict, reg: Registers, demo: bool) -> dict | None:
    """Q02: (regular + special schools + home tutoring) ÷ children of school age with disabilities."""
    frame = reg.disabled
    if frame is None or frame.empty or not frame["eligible"].iloc[0]:
        return None
    r = frame.iloc[0]
    enrolled = int(r["in_regular_schools"] + r["in_special_schools"] + r["home_tutored"])
    value = enrolled / float(r["eligible"]) * 100
    return {"status": ITEM_MET if value >= req["threshold"] - 1e-9 else ITEM_NOT_MET, "value": value,
            "source_kind": "snapshot", "source_ref": "disabled_children", "demo": demo,
            "detail": {"kind": "disabled_enrolment", "enrolled": enrolled, "eligible": int(r["eligible"]),
                       "home_tutored": int(r["home_tutored"])}}


def monitoring(req: dict, reg: Registers, demo: bool) -> dict | None:
    """Q09: every monitored subject at level III or above, and its between-school difference below 0.15."""
    frame = reg.monitoring
    if frame is None or frame.empty:
        return None
    values = frame[req["measure"]].astype("float64")
    ok = values >= req["threshold"] if req["comparison"] == ">=" else values < req["threshold"]
    worst = values.min() if req["comparison"] == ">=" else values.max()
    failing = frame[~ok]
    return {"status": ITEM_MET if ok.all() else ITEM_NOT_MET, "value": float(worst), "source_kind": "snapshot",
            "source_ref": "quality_monitoring", "demo": demo,
            "detail": {"kind": "monitoring", "measure": req["measure"], "subjects": int(len(frame)),
                       "failing": [(r.subject, int(r.grade), float(getattr(r, req["measure"])))
                                   for r in failing.itertuples()]}}


SURVEY_Z = 1.959963984540054  # the two-sided 95% normal quantile
MAX_RESPONDENTS_SOUGHT = 1_000_000  # past this, "how many more" is not worth saying


def wilson_interval(satisfied: float, respondents: float, z: float = SURVEY_Z) -> tuple[float, float]:
    """The Wilson score interval of a share (as fractions): what a sample of `respondents` says about
    the share in the whole population, at 95%. (0, 1) without respondents."""
    if respondents <= 0:
        return (0.0, 1.0)
    p, n = satisfied / respondents, float(respondents)
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (max(0.0, centre - half), min(1.0, centre + half))


def sample_status(satisfied: float, respondents: float, threshold: float) -> str:
    """met when the whole interval is at or above the threshold (a fraction), not_met when it is all
    below, partial when the sample straddles it: it cannot tell."""
    low, high = wilson_interval(satisfied, respondents)
    if low >= threshold - 1e-12:
        return ITEM_MET
    if high < threshold:
        return ITEM_NOT_MET
    return ITEM_PARTIAL


def respondents_to_settle(satisfied: float, respondents: float, threshold: float) -> int | None:
    """How many more respondents, answering as these did, would put the interval clear of the threshold
    on the side the sample is on (None when the share sits on the threshold or it would take millions)."""
    if respondents <= 0 or sample_status(satisfied, respondents, threshold) != ITEM_PARTIAL:
        return 0 if respondents > 0 else None
    p = satisfied / respondents
    if abs(p - threshold) < 1e-12:
        return None

    def settled(n: int) -> bool:
        low, high = wilson_interval(p * n, n)
        return low >= threshold if p > threshold else high < threshold

    high = respondents
    while not settled(high):
        high *= 2
        if high > MAX_RESPONDENTS_SOUGHT:
            return None
    low = high // 2 if high > respondents else respondents
    while low < high:  # the least n that settles it (the bound moves one way as n grows)
        middle = (low + high) // 2
        if settled(middle):
            high = middle
        else:
            low = middle + 1
    return int(high - respondents)


def survey(req: dict, reg: Registers, demo: bool) -> dict | None:
    """R01: the share satisfied over all respondents, judged as the sample it is: met only when its 95%
    interval clears 85%, partial when the interval straddles it; each group's sample and interval shown."""
    frame = reg.survey
    if frame is None or frame.empty or not frame["respondents"].sum():
        return None
    satisfied, respondents = float(frame["satisfied"].sum()), float(frame["respondents"].sum())
    threshold = float(req["threshold"]) / 100
    value = satisfied / respondents * 100
    low, high = wilson_interval(satisfied, respondents)
    groups = []
    for r in frame.itertuples():
        g_low, g_high = wilson_interval(r.satisfied, r.respondents)
        groups.append((r.group, int(r.respondents), int(r.satisfied), g_low * 100, g_high * 100,
                       sample_status(r.satisfied, r.respondents, threshold),
                       respondents_to_settle(r.satisfied, r.respondents, threshold)))
    return {"status": sample_status(satisfied, respondents, threshold), "value": value,
            "source_kind": "snapshot", "source_ref": "survey", "demo": demo,
            "detail": {"kind": "survey", "respondents": int(respondents), "interval": (low * 100, high * 100),
                       "needed": respondents_to_settle(satisfied, respondents, threshold), "groups": groups}}


DOCUMENT_STATUS = {"达到": ITEM_MET, "未达到": ITEM_NOT_MET, "不存在": ITEM_MET, "存在": ITEM_NOT_MET}


def document(code: str, item_code: str | None, reg: Registers, demo: bool) -> dict | None:
    """An item judged by documents: the evidence register's row for the requirement (or its item)."""
    frame = reg.evidence
    if frame is None or frame.empty:
        return None
    rows = frame[frame["item"] == code]
    if rows.empty and item_code is not None:
        rows = frame[frame["item"] == item_code]
    if rows.empty:
        return None
    r = rows.iloc[0]
    return {"status": DOCUMENT_STATUS[r["status"]], "source_kind": "evidence", "source_ref": str(r["item"]),
            "demo": demo, "detail": {"kind": "document", "document": r["document"], "issuer": r["issuer"] or None,
                                     "document_no": r["document_no"] or None, "issued_on": r["issued_on"] or None}}


def special_education(req: dict, county: pd.DataFrame, demo: bool) -> dict | None:
    """G07: not applicable without a special-education school; else funds per student ≥ 6,000 元."""
    if req["schools_metric"] not in county.index:
        return None
    schools = county.loc[req["schools_metric"]]
    source = str(schools["source"])
    kind, ref = ("demo", None) if source == "demo" else ("report", source)
    if float(schools["value"]) == 0:
        return {"status": ITEM_NOT_APPLICABLE, "value": None, "source_kind": kind, "source_ref": ref,
                "demo": source == "demo", "detail": {"kind": "special_education", "schools": 0}}
    if req["metric"] not in county.index:
        return None
    value = float(county.loc[req["metric"], "value"])
    return {"status": ITEM_MET if value >= req["threshold"] - 1e-9 else ITEM_NOT_MET, "value": value,
            "source_kind": kind, "source_ref": ref, "demo": source == "demo",
            "detail": {"kind": "special_education", "schools": int(float(schools["value"]))}}


JUDGES = {"class_register": class_register, "special_rooms": special_rooms,
          "small_school_funding": small_school_funding, "training_share": training_share,
          "teacher_share": teacher_share, "rotation_register": rotation_register, "consolidation": consolidation,
          "disabled_enrolment": disabled_enrolment, "monitoring": monitoring, "survey": survey}


def oversize_limits(rules: dict) -> tuple[int, int]:
    """The class-size limits of G05 (小学, 初中) as the rules give them."""
    limits = next(r for i in rules["county_items"] for r in i["requirements"] if r["evaluator"] == "class_register")
    return int(limits["limits"][PRIMARY]), int(limits["limits"][JUNIOR])
