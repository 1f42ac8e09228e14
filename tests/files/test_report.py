"""The self-evaluation report: DOCX with python-docx, PDF of text; the school table equals the scorecard."""
import io
import os
import subprocess
import sys

import pytest
from docx import Document
from pypdf import PdfReader

from dashboard_core.files import report
from dashboard_core.model import standard
from dashboard_core.model.filters import Filters
from dashboard_core.store import scorecards
from test_briefing import pdf_fonts

SRC = str(__import__("pathlib").Path(__file__).resolve().parents[2] / "src")
SECTIONS = ["一、基本情况", "二、主要做法与成效", "三、评估结果", "（一）资源配置", "（二）政府保障程度", "（三）教育质量",
            "（四）社会认可度", "（五）不予认定的情形", "四、存在的问题与整改措施", "附件 1　学校指标一览", "附件 2　佐证台账"]


@pytest.fixture(scope="module")
def county_report(demo_snapshot):
    return report.build(demo_snapshot, 2024)


@pytest.fixture(scope="module")
def county_docx(county_report) -> bytes:
    """The county report as DOCX, written once for the tests that read it (each opens its own copy)."""
    return report.to_docx(county_report)


def test_docx_has_the_sections_and_a_row_for_every_school_part(county_docx, demo_snapshot):
    doc = Document(io.BytesIO(county_docx))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    for name in SECTIONS:
        assert name in headings, name
    assert doc.paragraphs[0].text.endswith("自评报告（示例数据）")
    assert "示例数据" in doc.sections[0].header.paragraphs[0].text  # on every page
    card = scorecards.compute(demo_snapshot, Filters(year=2024))
    primary = next(t for t in doc.tables if t.rows[0].cells[0].text == "学校（学段）"
                   and "（小学）" in t.rows[1].cells[0].text)
    parts = card.matrix[(card.matrix["stage"] == "小学") & (card.matrix["students"] > 0)]
    assert len(primary.rows) - 1 == len(parts)
    by_name = {row.cells[0].text: row for row in primary.rows[1:]}
    header = [c.text for c in primary.rows[0].cells]
    met_column, sports_column = header.index("达到项数"), next(i for i, h in enumerate(header) if "体育场馆" in h)
    results = card.results.set_index(["school_id", "stage"])
    for r in parts.itertuples():
        row = by_name[f"{r.school_name}（小学）"]
        assert int(row.cells[1].text) == r.students
        assert row.cells[met_column].text == str(int(results.loc[(r.school_id, "小学"), "met_count"]))
        sports = float(row.cells[sports_column].text.split()[0].replace(",", ""))
        assert sports == pytest.approx(r.val_sports_area_per_student, abs=0.01)
    items = next(t for t in doc.tables if t.rows[0].cells[0].text == "编号" and t.rows[1].cells[0].text == "G01")
    assert [row.cells[0].text for row in items.rows[1:]] == [f"G{n:02d}" for n in range(1, 16)]


def test_pdf_is_text_on_every_page_with_fonts_embedded(county_report):
    reader = PdfReader(io.BytesIO(report.to_pdf(county_report)))
    texts = [p.extract_text() for p in reader.pages]
    assert len(texts) > 5 and all(t.strip() for t in texts)
    assert all("示例数据" in t for t in texts[1:])  # the header stamp on every page after the cover
    assert any("NotoSerifCJK" in f for f in pdf_fonts(reader))
    joined = "\n".join(texts)
    for name in ("一、基本情况", "三、评估结果", "四、存在的问题与整改措施"):
        assert name in joined


@pytest.mark.slow  # a subprocess or many examples: runs with the browser tests
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_cli_report_for_a_township(tmp_path, fmt):
    out = tmp_path / f"r.{fmt}"
    done = subprocess.run([sys.executable, "-m", "dashboard_core", "report", "--format", fmt, "--out", str(out),
                           "--township", "654022205"], env={**os.environ, "PYTHONPATH": SRC}, capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr
    if fmt == "docx":
        doc = Document(str(out))
        assert any(p.text == "范围：米粮泉回族乡" for p in doc.paragraphs)
    else:
        assert "米粮泉回族乡" in PdfReader(str(out)).pages[0].extract_text()


def test_a_township_report_names_no_school_outside_it(demo_snapshot, county_docx):
    """The DOCX of a township: its items, measures and annexes name only its own schools; the county's
    report quotes are marked as the county's and the plan's total as the county's."""
    from dashboard_core.store import queries

    township = ("654022205",)
    doc = Document(io.BytesIO(report.to_docx(report.build(demo_snapshot, 2024, townships=township))))
    text = "\n".join([p.text for p in doc.paragraphs]
                     + [c.text for t in doc.tables for row in t.rows for c in row.cells])
    here = set(queries.schools_in_view(demo_snapshot, Filters(year=2024, townships=township)))
    schools = queries.school_list(demo_snapshot)
    assert [n for n in schools.loc[~schools["school_id"].isin(here), "school_name"] if n in text] == []
    assert "以下摘自全县工作汇报" in text and "全县共" in text and "米粮泉回族乡学校" in text
    county = Document(io.BytesIO(county_docx))
    assert any("县第二小学" in c.text for t in county.tables for row in t.rows for c in row.cells)


def test_docx_is_in_official_document_form(county_report, county_docx):
    """Named styles (公文 fonts by name, zh-CN), header rows that repeat, rows kept whole, widths from the
    content, "— 1 —" page numbers, no header or number on the cover, and the bureau as author."""
    from docx.oxml.ns import qn

    doc = Document(io.BytesIO(county_docx))
    normal = doc.styles["Normal"]
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "仿宋_GB2312" and normal.font.size.pt == 16
    assert normal.element.rPr.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"
    heading = doc.styles["Heading 1"].element.rPr.find(qn("w:rFonts"))
    assert heading.get(qn("w:eastAsia")) == "黑体" and heading.get(qn("w:asciiTheme")) is None
    cells = [p for t in doc.tables for row in t.rows for c in row.cells for p in c.paragraphs]
    direct = [r for p in doc.paragraphs + cells for r in p.runs if r.font.name or r.font.size or r.font.bold is not None]
    assert not direct, [r.text for r in direct][:5]  # the look lives in the styles, not in every run
    assert any(r.style.name == "引文出处" for p in doc.paragraphs for r in p.runs)
    title = doc.paragraphs[0]
    assert title.style.name == "报告标题" and title.text.split("\n")[0].endswith("优质均衡发展")
    assert doc.sections[0].different_first_page_header_footer
    assert "— " in doc.sections[0].footer.paragraphs[0].text
    assert doc.core_properties.author == report.BUREAU and doc.core_properties.title == county_report.title
    assert doc.core_properties.created.year >= 2026
    for table in doc.tables:
        rows = table.rows
        assert rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        assert all(r._tr.trPr.find(qn("w:cantSplit")) is not None for r in rows)
    parts = next(t for t in doc.tables if t.rows[0].cells[0].text == "学校（学段）")
    widths = [c.width for c in parts.rows[0].cells]
    assert widths[0] > 2 * widths[1]  # the school names get room; the numbers do not take it from them
    # the wide tables on turned pages of their own, each table exactly as wide as its page's text block
    body = doc.element.body
    for table in doc.tables:
        following = table._tbl.getnext()
        while following is not None and following.find(f".//{qn('w:sectPr')}") is None and following.tag != qn("w:sectPr"):
            following = following.getnext()
        sect = following if following.tag == qn("w:sectPr") else following.find(f".//{qn('w:sectPr')}")
        size, margins = sect.find(qn("w:pgSz")), sect.find(qn("w:pgMar"))
        text_width = int(size.get(qn("w:w"))) - int(margins.get(qn("w:left"))) - int(margins.get(qn("w:right")))
        grid = sum(int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.iterfind(qn("w:gridCol")))
        assert abs(grid - text_width) < 60, (table.rows[0].cells[0].text, grid, text_width)  # 60 twips ≈ 1 mm
        wide = len(table.columns) >= report.WIDE_TABLE_COLUMNS
        assert (size.get(qn("w:orient")) == "landscape") == wide, table.rows[0].cells[0].text
    assert body is not None
    for section in doc.sections[1:]:  # every page after the cover keeps the demo header and the "— n —" number
        assert not section.different_first_page_header_footer and section.footer.is_linked_to_previous


@pytest.mark.slow  # LibreOffice, as the bureau's Word or WPS would open the file
def test_docx_opens_in_office_software(tmp_path, county_report):
    """Converted by LibreOffice: a cover without a page number, the numbers of the school tables whole on
    one line, and about as many pages as the Typst PDF (not the 18+ of equal-width columns)."""
    from office_support import office_pdf

    pages = PdfReader(str(office_pdf(tmp_path, "report.docx", report.to_docx(county_report),
                                     "libreoffice-writer-nogui"))).pages
    texts = [p.extract_text() for p in pages]
    assert "自评报告" in texts[0] and "—" not in texts[0]  # the cover: no header, no page number
    assert "— 2 —" in texts[1] or "—2—" in texts[1].replace(" ", "")
    typst_pages = len(PdfReader(io.BytesIO(report.to_pdf(county_report))).pages)
    assert len(pages) <= 2 * typst_pages
    # an equipment value such as 2,881.82 stays on one line of its cell (equal widths broke it as "2,88 / 1.82")
    joined = "\n".join(texts)
    values = [row[7].split()[0] for block in county_report.blocks if block.kind == "table"
              and block.columns and block.columns[0] == "学校（学段）" for row in block.rows]
    assert values and sum(v in joined for v in values) >= 0.9 * len(values)


def test_the_cv_table_gives_the_weighted_mean_an_inspector_recomputes(county_report, demo_snapshot):
    card = scorecards.compute(demo_snapshot, Filters(year=2024))
    table = next(b for b in county_report.blocks if b.kind == "table" and "差异系数" in b.columns)
    column = table.columns.index("全县平均值")
    first = card.matrix[(card.matrix["stage"] == "小学") & (card.matrix["students"] > 0)]
    weighted = (first["val_teachers_above_degree_per100"] * first["students"]).sum() / first["students"].sum()
    assert table.rows[0][column] == f"{weighted:.2f} 人/百生"


def test_the_annex_gives_each_schools_raw_figures_and_the_teaching_points(county_report, demo_snapshot):
    """What an inspector recomputes the indicators from: the numerators of the rules' indicators per school
    (equal to the snapshot's), and the teaching points with the central school they are counted in."""
    from dashboard_core.store import queries

    start = next(i for i, b in enumerate(county_report.blocks) if b.kind == "heading" and b.text.startswith("附件 1"))
    annex = [b for b in county_report.blocks[start:] if b.kind == "table"]
    people, facilities, points = annex[0], annex[1], annex[2]
    rows = {r[0]: {**dict(zip(people.columns, r)), **dict(zip(facilities.columns, f))}
            for r, f in zip(people.rows, facilities.rows)}
    year = queries.school_stage_inputs(demo_snapshot, Filters(year=2024), fold_teaching_points=False)
    first = year[year["school_name"] == "县第一小学（示例）"]
    assert rows["县第一小学（示例）"]["学生数（人）"] == f"{int(first['students'].sum()):,}"
    assert rows["县第一小学（示例）"]["教学仪器设备值（元）"] == f"{int(first['equipment_value_yuan'].iloc[0]):,}"
    numerators = len(standard.load_rules()["resource"]["indicators"])
    measured = [c for t in (people, facilities) for c in t.columns if c.endswith("）")]
    assert len(measured) == 3 + numerators  # students twice, teachers, and every indicator's numerator
    assert {r[0] for r in points.rows} == {"坎乡教学点（示例）", "阔洪奇乡教学点（示例）"}
    assert all(r[3].endswith("中心小学（示例）") for r in points.rows)


def test_the_report_gives_each_years_figures_and_cites_no_later_documents(county_report, demo_snapshot):
    """基本情况 carries the years of the snapshot, each evaluated as its own year (the report's year equal to
    its scorecard), and a year's evidence annex cites no document dated after that year."""
    from dashboard_core.store import queries

    table = next(b for b in county_report.blocks if b.kind == "table" and b.columns and b.columns[0] == "年份")
    years = [int(r[0]) for r in table.rows]
    assert years == [y for y in queries.available_years(demo_snapshot) if y <= 2024] and len(years) >= 3
    card = scorecards.compute(demo_snapshot, Filters(year=2024))
    last = dict(zip(table.columns, table.rows[-1]))
    assert last["达到学校标准"] == f"{card.summary.schools_passing} / {card.summary.schools_total}"
    assert last["在校学生"] == f"{int(card.enrolment_by_stage()['students'].sum()):,}"
    for year in years:
        evidence = queries.register_evidence(demo_snapshot, year)
        assert (evidence["issued_on"].str[:4].astype(int) <= year).all(), year
