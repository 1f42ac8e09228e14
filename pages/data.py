import hashlib
import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard_core.web import admin, ui
from dashboard_core.present import tables
from dashboard_core.files import downloads, importer
from dashboard_core.model import compare
from dashboard_core.present import words
from dashboard_core.store import schema, settings, snapshots
from dashboard_core.present import i18n
from dashboard_core.present.format import md_escape, md_value
from dashboard_core.present.i18n import t
from dashboard_core.model.filters import Filters

v = ui.page_header(t("数据"), t("数据快照、导入模板、导入与比较"))
good, bad = ui.available_snapshots()

st.subheader(t("数据快照"))
SHEETS = {table.name: table.sheet for table in schema.TABLES}  # tables named as the template names them
rows = [{"快照编号": s.snapshot_id, "创建日期": s.created_date, "来源": s.source, "示例数据": "是" if s.demo else "否",
         **{SHEETS.get(table, table): e["rows"] for table, e in s.tables.items()}} for s in good]
ui.table_view(pd.DataFrame(rows))
st.caption(t("当前查看：{id}（在侧栏“数据快照”中切换，写在网址里）。各表一列为行数。"
             "快照一经写入不再修改；每个文件的行数与 SHA-256 校验值记录在 manifest.json 中，打开时逐一核对，不符的快照会被跳过。",
             id=md_value(v.snapshot.snapshot_id)))
ephemeral = settings.data_is_ephemeral(settings.data_root())
st.download_button(t("下载当前快照的文件（zip，{id}）", id=v.snapshot.snapshot_id),
                   data=lambda: downloads.snapshot_zip(v.snapshot), file_name=f"{v.snapshot.snapshot_id}.zip",
                   mime="application/zip", on_click="ignore", icon=":material/folder_zip:",
                   type="primary" if ephemeral and not v.snapshot.demo else "secondary")
st.caption(t("解压到仓库的 data/snapshots/ 下并提交，这个快照就随应用一起发布（也可作备份）。"))
for p in bad:
    st.warning(t("已跳过快照 {snapshot}：{message}", snapshot=md_value(p.snapshot_id),
                 message=i18n.Verbatim(md_escape(words.snapshot_problem(p.code, p.values)))), icon=":material/warning:")


st.subheader(t("导入模板"))
cols = st.columns(2)
# both built when clicked (writing the blank template cost ~50 ms on every run of this page)
cols[0].download_button(t("下载空白导入模板（Excel）"), data=importer.template_bytes, file_name="导入模板.xlsx",
                        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", on_click="ignore",
                        icon=":material/download:")
cols[1].download_button(t("下载当前快照为 Excel（{id}）", id=v.snapshot.snapshot_id), data=lambda: ui.snapshot_workbook(v.snapshot),
                        file_name=f"{v.snapshot.snapshot_id}.xlsx", on_click="ignore", icon=":material/table:",
                        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
st.caption(t("模板每张表一个工作表，表头为中文（也可用英文列名），“字段说明”工作表列出每一列的类型、单位和示例。"
             "也可以先下载当前快照，在 Excel 中修改后重新导入。"))

st.subheader(t("导入统计数据"))
if ephemeral:
    st.warning(t("本应用运行在不保留文件的环境（如 Streamlit Community Cloud）：在这里导入的快照在应用重启或休眠后会消失。"
                 "导入后请用上方“下载当前快照的文件”按钮下载 zip，解压到仓库的 data/snapshots/ 下并提交，才能长期保存。"),
               icon=":material/cloud_off:")


def evidence_register(snapshot) -> None:
    """The evidence register edited in place and saved as a new snapshot (the one shown stays as it is)."""
    st.markdown(t("**佐证台账（靠文件判定的项目）**"))
    st.caption(t("每项每年一行：项目编号（如 G01、G08.2、V01）、结论、文件名称、文号、日期。可增删改，"
                 "保存时与导入同样校验，保存为一个新快照，当前快照不变。"))
    frame = ui.snapshot_table(snapshot, "evidence")
    edited = ui.register_editor(frame, "evidence", "evidence_editor", num_rows="dynamic")
    if st.button(t("保存佐证台账为新快照"), icon=":material/save:"):
        result, snap = importer.replace_table(snapshot, settings.data_root(), "evidence", edited)
        if snap is None:
            st.error(result.summary())
            ui.table_view(result.frame(), keep=("工作表", "列"))
        else:
            ui.forget_snapshot_list()
            ui.open_snapshot(snap.snapshot_id)
            for key in ("compare_old", "compare_new"):  # the comparison opens on the new snapshot against this one
                st.session_state.pop(key, None)
            st.session_state["import_message"] = t("已保存为新快照 {id}，现在显示的就是它。", id=snap.snapshot_id)
            st.rerun()


def rectification_register(snapshot) -> None:
    """The 整改台账: created from the plan of the year in view, then its progress edited in place; each save
    is a new snapshot (the one shown stays as it is), checked as an import is."""
    st.markdown(t("**整改台账（整改方案的每项措施：责任单位、完成时限、进度）**"))
    st.caption(t("由“整改方案”页的最低成本方案生成，每项措施一行；填写责任单位、完成时限（年-月-日）、进度和完成佐证后保存。"
                 "“达标评估”页据此显示三种状态：现状、已完成的措施落实后、全部措施落实后；逾期未完成的措施会标出。"))
    frame = ui.snapshot_table(snapshot, "rectification")

    def save(edited, message) -> None:
        result, snap = importer.replace_table(snapshot, settings.data_root(), "rectification", edited)
        if snap is None:
            st.error(result.summary())
            ui.table_view(result.frame(), keep=("工作表", "列"))
            return
        ui.forget_snapshot_list()
        for key in ("compare_old", "compare_new"):  # the comparison opens on the new snapshot against this one
            st.session_state.pop(key, None)
        ui.open_snapshot(snap.snapshot_id)
        st.session_state["import_message"] = message.format(id=snap.snapshot_id)
        st.rerun()

    if frame.empty:
        year = v.filters.year
        if st.button(t("由 {year} 年的整改方案生成整改台账", year=year), icon=":material/playlist_add:", key="make_rectification"):
            from dashboard_core.model import plan as plan_model

            result = ui.plan(snapshot, year, tuple(sorted(plan_model.unit_costs(plan_model.load_costs(rules=ui.rules()),
                                                                               ui.rules()).items())))
            save(plan_model.register_rows(result.actions, funding_year=year + 1),
                 t("已生成整改台账并保存为新快照 {id}，现在显示的就是它。", id="{id}"))
        return
    edited = ui.register_editor(frame, "rectification", "rectification_editor",
                                locked=("measure_no", "school_id", "stage", "grade", "measure", "resource", "quantity",
                                        "unit", "cost_yuan", "from_school_id"))
    if st.button(t("保存整改台账为新快照"), icon=":material/save:", key="save_rectification"):
        save(edited, t("已保存为新快照 {id}，现在显示的就是它。", id="{id}"))


if not admin.password():
    st.info(t("导入功能未开启：需要先设置管理员密码。本机运行时，在项目的 `.streamlit/secrets.toml` 中写入一行 "
              "`admin_password = \"你的密码\"`；在 Streamlit Community Cloud 上，在应用的 Settings → Secrets 中加入同样一行。"
              "设置后刷新本页即可上传。"), icon=":material/lock:")
else:
    typed = st.text_input(t("管理员密码"), type="password", key="admin_password_input")
    fingerprint = hashlib.sha256(typed.encode("utf-8")).hexdigest() if typed else None  # the password itself is not kept
    if typed and st.session_state.get("_admin_checked") != fingerprint:  # each typed value is checked once
        result = admin.check(typed, st.session_state)
        st.session_state["_admin_ok"] = bool(result)
        if result is not None:  # None: typed during a wait, checked when the wait ends (below)
            st.session_state["_admin_checked"] = fingerprint
    waiting = admin.wait_s(st.session_state)
    if typed and st.session_state.get("_admin_checked") != fingerprint:
        st.warning(t("请 {n:.0f} 秒后再试：到时会自动核对已输入的密码，无需重新输入。", n=max(1.0, waiting)),
                   icon=":material/hourglass_top:")
        admin.recheck_when_the_wait_ends()
    elif typed and not st.session_state.get("_admin_ok"):
        st.error(t("密码不正确。") + (t("请 {n:.0f} 秒后再试。", n=waiting) if waiting > 0 else ""), icon=":material/block:")
    admin.authorise_uploads(bool(typed) and bool(st.session_state.get("_admin_ok")))
    if typed and st.session_state.get("_admin_checked") == fingerprint and st.session_state.get("_admin_ok"):
        upload = st.file_uploader(t("上传填写好的模板（.xlsx，不超过 {mb} MB）", mb=importer.MAX_BYTES // 1024 // 1024), type=["xlsx"],
                                  key="upload")
        if upload is not None:
            key = (upload.file_id, upload.name)
            if st.session_state.get("_validated", (None,))[0] != key:  # a file is validated once, not on every rerun
                with tempfile.TemporaryDirectory() as folder:
                    path = Path(folder) / "upload.xlsx"
                    path.write_bytes(upload.getvalue())
                    st.session_state["_validated"] = (key, importer.validate(path, upload.name))
            report = st.session_state["_validated"][1]
            (st.success if report.ok else st.error)(md_escape(report.summary()))  # the file name is the user's
            if report.problems:
                problems = report.frame()
                ui.table_view(problems, keep=("工作表", "列"), column_config={"问题": st.column_config.TextColumn(width="large"),
                                                       "修改方法": st.column_config.TextColumn(width="large")})
                ui.download_csv(problems, "校验结果.csv", "下载校验结果（CSV）")
            if report.ok:
                def do_import() -> None:
                    validated = st.session_state["_validated"][1]  # what was checked above, not read again
                    try:
                        snap = importer.write_report(validated, settings.data_root())
                    except (snapshots.SnapshotError, OSError) as exc:
                        snap = None
                        validated = None
                        st.session_state["import_message"] = t("未能写入新快照：{problem}", problem=i18n.Verbatim(
                            words.snapshot_problem(exc.code, exc.values) if isinstance(exc, snapshots.SnapshotError)
                            else type(exc).__name__))
                    if snap is not None:
                        ui.forget_snapshot_list()
                        st.session_state["snapshot"] = snap.snapshot_id
                        for key in ("compare_old", "compare_new"):  # the comparison: the new one against the one before
                            st.session_state.pop(key, None)
                        st.session_state["import_message"] = t("已导入为新快照 {id}，现在显示的就是它。", id=snap.snapshot_id)
                    elif validated is not None:
                        st.session_state["import_message"] = validated.summary()

                st.button(t("导入为新快照"), type="primary", on_click=do_import, icon=":material/upload:")
        evidence_register(v.snapshot)
        rectification_register(v.snapshot)
    if "import_message" in st.session_state:
        st.success(md_escape(st.session_state.pop("import_message")))  # it may quote the file's name

st.subheader(t("比较两个快照"))
if len(good) < 2:
    st.caption(t("目前只有一个快照；导入新数据后可在这里比较前后变化。"))
else:
    ids = [s.snapshot_id for s in good]
    by_id = {s.snapshot_id: s for s in good}
    cols = st.columns(2)
    old_id = cols[0].selectbox(t("原快照"), ids, index=1, key="compare_old")
    new_id = cols[1].selectbox(t("新快照"), ids, index=0, key="compare_new")
    common = sorted(set(ui.catalog(by_id[old_id]).years) & set(ui.catalog(by_id[new_id]).years))
    if not common:
        st.warning(t("两个快照没有相同的年份，无法比较。"))
    else:
        year = v.filters.year if v.filters.year in common else common[-1]
        old = ui.card(by_id[old_id], Filters(year=year))
        new = ui.card(by_id[new_id], Filters(year=year))
        st.markdown(t("**{year} 年，全县**", year=year))
        ui.table_view(tables.summary_changes_table(compare.summary_changes(old, new)))
        schools_changed = tables.school_changes_table(compare.school_changes(old, new))
        st.markdown(t("**结论变化的学校（学段）：{n} 个**", n=len(schools_changed)))
        if len(schools_changed):
            ui.table_view(schools_changed)
        changes = tables.indicator_changes_table(compare.indicator_changes(old, new))
        st.markdown(t("**数值或状态变化的指标：{n} 项**", n=len(changes)))
        if len(changes):
            ui.table_view(changes)
            ui.download_csv(changes, f"compare_{old_id}_{new_id}_{year}.csv")
