"""`python -m dashboard_core <command>`: build-demo, scorecard, template, validate, import, briefing."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .files import scorecard_json
from .model.filters import Filters
from .model.vocabulary import STAGES, TEACHING_POINT
from .present import i18n, numbers, words
from .store import demo, queries, scorecards, settings, snapshots

DEMO_SNAPSHOT_ID = "demo-2024"


def _data_root(args) -> Path:
    return Path(args.data_dir).resolve() if args.data_dir else settings.data_root([])


def cmd_build_demo(args) -> int:
    root = _data_root(args)
    tables = demo.build_tables()
    target = snapshots.check_snapshot_id(root, args.snapshot)
    if target.exists():
        existing = snapshots.read_snapshot(root, args.snapshot)
        print(f"快照 {args.snapshot} 已存在于 {existing.path}，未做任何改动（已有快照不会被覆盖）。")
        return 0
    snap = snapshots.write_snapshot(root, args.snapshot, tables, source="示例数据：按工作汇报县级总数校准的演示数据",
                                    demo=True, created_at=args.created_at)
    print(f"已写入示例快照 {snap.snapshot_id}：{snap.path}")
    for name, entry in snap.tables.items():
        print(f"  {name:<18} {entry['rows']:>5} 行  sha256 {entry['sha256'][:16]}…")
    return 0


def _snapshot(args):
    root = _data_root(args)
    return snapshots.read_snapshot(root, args.snapshot) if args.snapshot else snapshots.newest(root)


def _refuse(what: str, unknown: list, known: list, hint: str) -> None:
    shown = "、".join(map(str, known[:12])) + ("等" if len(known) > 12 else "")
    print(f"错误：{what}“{'、'.join(unknown)}”不在快照中。可选：{shown}。{hint}", file=sys.stderr)


def _filters(args, snap) -> Filters | None:
    """The view named on the command line; None (with a message) when the year, a township or a
    school is not in the snapshot: an unknown code is refused rather than judged as an empty view."""
    years = queries.available_years(snap)
    year = args.year if args.year is not None else max(years)
    if year not in years:
        print(f"快照 {snap.snapshot_id} 中没有 {year} 年的数据；可选年份：{'、'.join(map(str, years))}", file=sys.stderr)
        return None
    townships = tuple(args.township or ())
    known = queries.township_list(snap)["township_code"].astype(str).tolist()
    unknown = [c for c in townships if c not in known]
    if unknown:
        _refuse("乡镇代码", unknown, known, "请用 9 位乡镇代码，如 654022100（察布查尔镇）。")
        return None
    schools = tuple(args.school or ())
    if schools:
        known = queries.school_list(snap)["school_id"].astype(str).tolist()
        unknown = [c for c in schools if c not in known]
        if unknown:
            _refuse("学校编号", unknown, known, "学校编号见导入模板的“学校”表或 scorecard --json 的输出。")
            return None
    return Filters(year=year, townships=townships, schools=schools, stages=tuple(getattr(args, "stage", None) or ()))


def _view(args):
    """The snapshot and the view named on the command line (filters None, with a message, when refused)."""
    snap = _snapshot(args)
    return snap, _filters(args, snap)


def _scope(snap, filters: Filters) -> str:
    names = queries.township_list(snap).set_index("township_code")["township_name"]
    scope = "、".join(names.get(t, t) for t in filters.townships) if filters.townships else "全县"
    if filters.schools:
        scope += f"（{len(filters.schools)} 所学校）"
    if filters.stages:
        scope += "·" + "、".join(filters.stages)
    return scope


def cmd_scorecard(args) -> int:
    snap, filters = _view(args)
    if filters is None:
        return 2
    actions = None
    if getattr(args, "plan", None):
        from .files import plan_file

        try:
            known = queries.school_list(snap)["school_id"].astype(str).tolist()
            actions = plan_file.read(Path(args.plan), known)["actions_frame"]
        except plan_file.PlanFileError as exc:
            print(f"错误：{exc}", file=sys.stderr)
            return 2
    card = scorecards.compute(snap, filters, actions=actions)
    scope = _scope(snap, filters)
    doc = scorecard_json.to_json(card, queries.report_citations(snap), scope)
    notes = _teaching_point_notes(snap, filters.schools, card.rules)
    if notes:
        doc["filters"]["notes"] = notes
        for note in notes:
            print(f"注意：{note}", file=sys.stderr)
    if args.json:
        _print_json(doc)
    else:
        s = doc["summary"]
        print(f"{snap.snapshot_id}（{_kind(snap)}）")
        print(s["sentence"])
        for reason in s["reasons"]:
            print(f"   - {reason}")
    return 0


def _teaching_point_notes(snap, school_ids, rules) -> list[str]:
    """A teaching point named on the command line is judged as part of its central school: say whose."""
    from .model import standard

    if not standard.folds_teaching_points(rules):
        return []
    notes = []
    for school_id in school_ids:
        info = queries.school_info(snap, school_id)
        if len(info) and info.iloc[0]["school_type"] == TEACHING_POINT and info.iloc[0]["parent_school_id"]:
            r = info.iloc[0]
            notes.append(f"{school_id}（{r['school_name']}）是教学点，按规则并入所属中心校 {r['parent_school_id']}"
                         f"（{r['parent_school_name']}）一起计算，以下结果是中心校含本教学点的合计")
    return notes


def _print_json(doc: dict) -> None:
    json.dump(scorecard_json.strict(doc), sys.stdout, ensure_ascii=False, indent=2, allow_nan=False)
    sys.stdout.write("\n")


def cmd_project(args) -> int:
    """Pupils projected from one year of the class register to a later one; where the register holds
    the later year too, beside what it holds (the back-test)."""
    from .model import projection, standard

    snap = _snapshot(args)
    if "classes" not in snap.registers:
        print(f"错误：快照 {snap.snapshot_id} 没有“班级”表（逐班学生数），无法按年级推算。", file=sys.stderr)
        return 2
    grades = queries.register_grade_enrolment(snap, standard.folds_teaching_points(standard.load_rules()))
    held = sorted(int(y) for y in set(grades["year"]))
    if args.from_year not in held:
        print(f"错误：“班级”表中没有 {args.from_year} 年；可选：{'、'.join(map(str, held))}。", file=sys.stderr)
        return 2
    if args.to_year <= args.from_year:
        print("错误：--to-year 须晚于 --from-year。", file=sys.stderr)
        return 2
    if args.intake_rate is not None and not -1 < args.intake_rate < 10:
        print("错误：--intake-rate 是一年级招生每年的变化率，如 0.02 表示增加 2%，须大于 -1。", file=sys.stderr)
        return 2
    result = projection.backtest(grades, args.from_year, args.to_year, args.intake_rate)
    if result["method"] == "no_history":
        print(f"注意：{args.from_year} 年及以前只有一年的班级台账，无法估计升级率：按每个年级全部升级、"
              "小学毕业生按各初中现有初一人数的比例升入初中推算，误差会较大。", file=sys.stderr)
    held_later = args.to_year in held

    def rows(frame):
        out = []
        for r in frame.to_dict("records"):
            row = {k: (int(v) if k in ("projected", "actual") else v) for k, v in r.items() if k != "error"}
            if held_later:
                row["error"] = None if r["error"] != r["error"] else round(float(r["error"]), 6)
            else:
                row.pop("actual", None)
            out.append(row)
        return out

    doc = {"snapshot_id": snap.snapshot_id, "demo": snap.demo, "from_year": args.from_year, "to_year": args.to_year,
           "method": result["method"], "history": result["history"], "intake_rate": round(result["intake_rate"], 6),
           "register_holds_to_year": held_later, "stages": rows(result["stages"]), "schools": rows(result["schools"])}
    if args.json:
        _print_json(doc)
    else:
        print(f"{snap.snapshot_id}（{_kind(snap)}）从 {args.from_year} 年推算 {args.to_year} 年在校生"
              f"（{'按历年升级率' if result['method'] == 'history' else '无历年升级率'}）：")
        for r in doc["stages"]:
            line = f"  {r['stage']}：推算 {numbers.whole(r['projected'])} 人"
            if held_later:
                line += f"，台账 {numbers.whole(r['actual'])} 人，误差 {numbers.by_spec(r['error'], '+.1%')}"
            print(line)
    return 0


def _kind(snap) -> str:
    return "示例数据" if snap.demo else "统计数据"


def cmd_plan(args) -> int:
    from .files import plan_file
    from .model import plan as plan_model

    snap, filters = _view(args)
    if filters is None:
        return 2
    try:
        doc = plan_file.read_costs(Path(args.costs)) if args.costs else plan_model.load_costs()
    except plan_file.PlanFileError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    costs = plan_model.unit_costs(doc)
    county = scorecards.compute(snap, Filters(year=filters.year))
    result = scorecards.plan(snap, filters.year, costs=costs, base=county)
    if result.status == "infeasible":
        print("错误：按现有数据找不到能让所有学校达标的方案（可能某学段没有学生或数据不全）。", file=sys.stderr)
        return 1
    after = scorecards.compute(snap, Filters(year=filters.year), actions=result.actions, base=county).summary
    out = plan_file.to_json(result, snap.snapshot_id, filters.year, costs, after)
    if args.out:
        Path(args.out).write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.json:
        _print_json(out)
    else:
        print(f"{snap.snapshot_id}（{_kind(snap)}） {filters.year} 年达标规划：{len(result.actions)} 项，"
              f"合计 {numbers.whole(result.total_cost)} 元")
        for a in result.actions.to_dict("records"):
            print(f"  {words.action_text(a)}  {numbers.whole(a['cost'])} 元")
        print(f"规划实施后：{words.verdict_text(after)}")
        if args.out:
            print(f"已写入：{args.out}")
    return 0


def cmd_report(args) -> int:
    from .files import report

    snap, filters = _view(args)
    if filters is None:
        return 2
    doc = report.build(snap, filters.year, townships=filters.townships)
    data = report.to_docx(doc) if args.format == "docx" else report.to_pdf(doc)
    Path(args.out).write_bytes(data)
    print(f"已写入自评报告：{args.out}（{args.format.upper()}{'，每页页眉标注示例数据' if doc.demo else ''}）")
    return 0


def cmd_template(args) -> int:
    from .files import importer

    tables, demo = None, False
    if args.from_snapshot:
        snap = snapshots.read_snapshot(_data_root(args), args.from_snapshot)
        tables, demo = snapshots.read_tables(snap), snap.demo
    out = Path(args.out)
    importer.write_workbook(out, tables, demo)
    print(f"已写入导入模板：{out}" + (f"（含快照 {args.from_snapshot} 的数据）" if tables else ""))
    return 0


def _print_report(report) -> None:
    for problem in report.problems:
        print(problem.text())
    print(report.summary())


def cmd_validate(args) -> int:
    from .files import importer

    report = importer.validate(Path(args.file))
    _print_report(report)
    return 0 if report.ok else 1


def cmd_import(args) -> int:
    from .files import importer

    try:
        report, snap = importer.import_file(Path(args.file), _data_root(args), args.snapshot)
    except snapshots.SnapshotError as exc:  # the file was fine; writing the snapshot was not
        print(f"错误：{words.snapshot_problem(exc.code, exc.values)}", file=sys.stderr)
        print("未导入，已有数据没有任何改动。")
        return 1
    _print_report(report)
    if snap is None:
        print("未导入，已有数据没有任何改动。")
        return 1
    print(f"已导入为新快照 {snap.snapshot_id}：{snap.path}")
    return 0


def cmd_briefing(args) -> int:
    from .files import briefing

    snap, filters = _view(args)
    if filters is None:
        return 2
    scope = _scope(snap, filters)
    with i18n.using(args.lang):
        doc = briefing.build(snap, filters, scope)
        data = briefing.to_pptx(doc) if args.format == "pptx" else briefing.to_pdf(doc)
    Path(args.out).write_bytes(data)
    pages = briefing.slide_count(doc) if args.format == "pptx" else len(doc.sections) + 1
    print(f"已写入简报：{args.out}（{args.format.upper()}，{pages} 页{'，每页标注示例数据' if doc.demo else ''}）")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard_core", description="义务教育优质均衡发展监测 命令行工具")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("build-demo", help="生成示例数据快照（确定性，可重复）")
    p.add_argument("--data-dir", help="数据根目录（默认：仓库的 data/ 或环境变量 DASHBOARD_DATA_DIR）")
    p.add_argument("--snapshot", default=DEMO_SNAPSHOT_ID, help="快照编号")
    p.add_argument("--created-at", default=None, help="写入清单的创建时间（ISO 8601），默认当前时间")
    p.set_defaults(func=cmd_build_demo)

    p = sub.add_parser("scorecard", help="按国家标准评估，输出达标情况")
    p.add_argument("--data-dir")
    p.add_argument("--snapshot", help="快照编号（默认最新的完好快照）")
    p.add_argument("--year", type=int)
    p.add_argument("--township", action="append", help="乡镇代码，可重复")
    p.add_argument("--school", action="append", help="学校编号，可重复")
    p.add_argument("--stage", action="append", choices=list(STAGES), help="学段：小学 或 初中，可重复（默认两个学段）")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.add_argument("--plan", help="规划文件（plan --out 写出的 JSON）：按规划实施后的情况评估")
    p.set_defaults(func=cmd_scorecard)

    p = sub.add_parser("project", help="按班级台账推算今后在校生；目标年份在台账中时与实际比较（回测）")
    p.add_argument("--data-dir")
    p.add_argument("--snapshot")
    p.add_argument("--from-year", type=int, required=True, help="从哪一年的台账推算（只用到这一年为止的数据）")
    p.add_argument("--to-year", type=int, required=True, help="推算到哪一年")
    p.add_argument("--intake-rate", type=float, help="一年级招生每年变化（如 0.02），默认按台账中的趋势")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.set_defaults(func=cmd_project)

    p = sub.add_parser("plan", help="求达标的最低成本方案（混合整数规划）")
    p.add_argument("--data-dir")
    p.add_argument("--snapshot")
    p.add_argument("--year", type=int)
    p.add_argument("--costs", help="单位成本文件（JSON，格式同 model/rules/costs_2024.json）")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.add_argument("--out", help="把规划写成 JSON 文件（可用于 scorecard --plan）")
    p.set_defaults(func=cmd_plan, township=None, school=None, stage=None)

    p = sub.add_parser("report", help="生成自评报告（DOCX 或 PDF）")
    p.add_argument("--format", choices=["docx", "pdf"], default="docx")
    p.add_argument("--out", required=True)
    p.add_argument("--data-dir")
    p.add_argument("--snapshot")
    p.add_argument("--year", type=int)
    p.add_argument("--township", action="append", help="乡镇代码（默认全县）")
    p.set_defaults(func=cmd_report, school=None, stage=None)

    p = sub.add_parser("template", help="生成 Excel 导入模板")
    p.add_argument("out", help="输出文件，如 模板.xlsx")
    p.add_argument("--data-dir")
    p.add_argument("--from-snapshot", help="用某个快照的数据填好模板（便于在 Excel 中修改后重新导入）")
    p.set_defaults(func=cmd_template)

    p = sub.add_parser("validate", help="校验填写好的模板（.xlsx 或 CSV 文件夹），列出全部问题")
    p.add_argument("file")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("import", help="校验并导入为新的数据快照（出错则不导入）")
    p.add_argument("file")
    p.add_argument("--data-dir")
    p.add_argument("--snapshot", help="新快照的编号（默认 import-日期-时间）")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("briefing", help="导出简报（PPTX 或 PDF）")
    p.add_argument("--format", choices=["pptx", "pdf"], default="pptx")
    p.add_argument("--out", required=True)
    p.add_argument("--data-dir")
    p.add_argument("--snapshot")
    p.add_argument("--year", type=int)
    p.add_argument("--township", action="append")
    p.add_argument("--school", action="append")
    p.add_argument("--stage", action="append", choices=list(STAGES))
    p.add_argument("--lang", choices=["zh", "en"], default="zh", help="简报语言：zh 中文（默认），en 英文")
    p.set_defaults(func=cmd_briefing)

    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except snapshots.SnapshotError as exc:
        print(f"错误：{words.snapshot_problem(exc.code, exc.values)}", file=sys.stderr)
        return 2
