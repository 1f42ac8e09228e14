"""The briefing: PPTX that python-pptx reads, a PDF with the expected pages, Chinese that renders."""
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pptx import Presentation

from dashboard_core.files import briefing, downloads
from dashboard_core.model.filters import Filters

SRC = str(Path(__file__).resolve().parents[2] / "src")


@pytest.fixture(scope="module")
def county_briefing(demo_snapshot):
    return briefing.build(demo_snapshot, Filters(year=2024), "全县")


def slide_texts(data: bytes) -> list[str]:
    prs = Presentation(io.BytesIO(data))
    return ["\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame) for slide in prs.slides]


def test_sections_follow_the_meeting_order(county_briefing):
    assert [s.title for s in county_briefing.sections] == ["总览", "办学条件", "师资队伍", "教育质量", "惠民服务", "达标评估", "整改计划"]
    assert all(s.figures for s in county_briefing.sections)
    assert all(s.charts for s in county_briefing.sections)
    figures = {f.label: f.value for s in county_briefing.sections for f in s.figures}
    assert figures["在校学生"] == "20,486 人" and figures["交流率"] == "16%"


@pytest.fixture(scope="module")
def county_pptx(county_briefing) -> bytes:
    return briefing.to_pptx(county_briefing)


def expected_slides(b) -> int:
    """A cover, a slide per section, and a further slide for each chart past a section's first."""
    assert briefing.slide_count(b) == 1 + sum(1 + max(0, len(s.charts) - 1) for s in b.sections)
    return briefing.slide_count(b)


def test_pptx_has_native_charts_a_mark_above_everything_and_notes(county_briefing, county_pptx):
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    prs = Presentation(io.BytesIO(county_pptx))
    assert len(prs.slides) == expected_slides(county_briefing)
    texts = slide_texts(county_pptx)
    assert "简报" in texts[0] and "全县 · 2024 年" in texts[0] and "demo-2024" in texts[0]
    assert "来源：" in texts[1]
    for number, slide in enumerate(prs.slides, start=1):
        shapes = list(slide.shapes)
        assert shapes[-1].name == "demo-mark" and shapes[-1].text_frame.text == briefing.WATERMARK, number
        assert not any(s.shape_type == MSO_SHAPE_TYPE.PICTURE for s in shapes), number  # charts are chart objects
        if number > 1:
            charts = [s for s in shapes if s.has_chart]
            assert len(charts) == 1, number
            footer = next(s for s in shapes if s.name == "footer").text_frame.text
            assert "示例数据" in footer and footer.endswith(f"· {number}")
            description = charts[0]._element.nvGraphicFramePr.cNvPr.get("descr")
            assert description.startswith("图表：") and description != "image.png"
            notes = slide.notes_slide.notes_text_frame.text
            assert "来源：" in notes and len(notes.splitlines()) >= 2
    # the numbers sit in the chart's own sheet: the township chart holds the pass shares of the page's frame
    overview = next(s for s in prs.slides[1].shapes if s.has_chart).chart
    shares = list(overview.plots[0].series[0].values)
    assert len(shares) == len(overview.plots[0].categories) >= 10 and all(0 <= v <= 100 for v in shares)


def test_a_chart_of_several_series_has_a_legend_and_status_colours_name_their_status(county_pptx):
    prs = Presentation(io.BytesIO(county_pptx))
    charts = [s.chart for slide in prs.slides for s in slide.shapes if s.has_chart]
    assert charts
    for chart in charts:
        series = [s.name for plot in chart.plots for s in plot.series]
        assert chart.has_legend == (len(series) > 1), series
    statuses = next(c for c in charts if "达标" in [s.name for s in c.plots[0].series])
    named = {s.name for s in statuses.plots[0].series}
    assert named <= {"达标", "未达标但不低于 85%", "低于 85%", "无在校生"} and len(named) >= 2


def test_every_run_has_an_east_asian_font_and_the_deck_is_the_bureaus_16_9(county_pptx):
    """Slides, charts and notes alike: a run with only a Latin font shows its Chinese in the theme's 宋体."""
    import zipfile

    from lxml import etree

    ns = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main"}
    with zipfile.ZipFile(io.BytesIO(county_pptx)) as package:
        parts = [n for n in package.namelist() if n.startswith(("ppt/slides/slide", "ppt/charts/chart", "ppt/notesSlides/"))
                 and n.endswith(".xml")]
        assert any("charts/" in n for n in parts) and any("notesSlides/" in n for n in parts)
        for name in parts:
            root = etree.fromstring(package.read(name))
            for run in root.iterfind(".//a:r", ns):
                assert run.find("a:rPr/a:ea", ns) is not None, (name, run.findtext("a:t", namespaces=ns))
            for defaults in root.iterfind(".//a:defRPr/a:latin/..", ns):
                assert defaults.find("a:ea", ns) is not None, name
        size = etree.fromstring(package.read("ppt/presentation.xml")).find(
            "{http://schemas.openxmlformats.org/presentationml/2006/main}sldSz")
        assert size.get("type") is None and int(size.get("cx")) * 9 == int(size.get("cy")) * 16
    props = Presentation(io.BytesIO(county_pptx)).core_properties
    assert props.author == "察布查尔锡伯自治县教育局" and "简报" in props.title and props.language == "zh-CN"
    assert props.created.year >= 2026 and props.last_modified_by != "python-pptx"


@pytest.mark.slow  # LibreOffice, as the bureau's PowerPoint or WPS would open the file
def test_pptx_opens_in_office_software(tmp_path, county_briefing, county_pptx):
    """Converted by LibreOffice Impress: a page per slide, each with the demo mark and its text."""
    from pypdf import PdfReader

    from office_support import office_pdf

    pdf = office_pdf(tmp_path, "briefing.pptx", county_pptx, "libreoffice-impress-nogui")
    pages = [p.extract_text() for p in PdfReader(str(pdf)).pages]
    assert len(pages) == expected_slides(county_briefing)
    assert all(briefing.WATERMARK in text for text in pages)
    assert "察布查尔镇" in pages[1] and "71.4" in pages[1]  # the chart's categories and labels are drawn as text


def pdf_fonts(reader) -> set[str]:
    """The fonts a PDF embeds (those with a font file), by name."""
    found = set()
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                descriptor = descendant.get_object().get("/FontDescriptor")
                if descriptor is not None and any(k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    found.add(str(font["/BaseFont"]))
    return found


def test_pdf_is_text_with_embedded_fonts_on_every_page(county_briefing):
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(briefing.to_pdf(county_briefing)))
    assert len(reader.pages) == 1 + len(county_briefing.sections)
    texts = [p.extract_text() for p in reader.pages]
    assert all(text.strip() for text in texts)
    assert "察布查尔锡伯自治县" in texts[0] and "示例数据" in texts[0]
    assert "小学学段达标" in texts[-2] and "察布查尔镇" in texts[1]  # chart labels are text too (vector SVG)
    assert any("NotoSansCJK" in name for name in pdf_fonts(reader))


def test_watermark_only_on_demo(county_briefing):
    county_briefing.demo = False
    try:
        data = briefing.to_pptx(county_briefing)
        texts = slide_texts(data)
        assert not any(briefing.WATERMARK == line for t in texts for line in t.splitlines())
        assert not any(s.name == "demo-mark" for slide in Presentation(io.BytesIO(data)).slides for s in slide.shapes)
    finally:
        county_briefing.demo = True


@pytest.mark.slow  # a subprocess or many examples: runs with the browser tests
@pytest.mark.parametrize("fmt", ["pptx", "pdf"])
def test_cli_briefing_for_a_township(tmp_path, fmt):
    out = tmp_path / f"b.{fmt}"
    done = subprocess.run([sys.executable, "-m", "dashboard_core", "briefing", "--format", fmt, "--out", str(out),
                           "--township", "654022205"], env={**os.environ, "PYTHONPATH": SRC}, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    if fmt == "pptx":
        assert "米粮泉回族乡" in slide_texts(out.read_bytes())[0]
    else:
        assert out.read_bytes().startswith(b"%PDF")


def test_chart_images_render(county_briefing):
    chart = county_briefing.sections[0].charts[0].chart
    png = downloads.chart_png(chart)
    assert png.startswith(b"\x89PNG")
    svg = downloads.chart_svg(chart)
    assert "<svg" in svg and "察布查尔镇" in svg


@pytest.mark.slow  # a subprocess or many examples: runs with the browser tests
def test_english_briefing_is_in_english_with_its_watermark(demo_snapshot):
    from dashboard_core.present import i18n
    from test_i18n import chinese_left

    with i18n.using("en"):
        doc = briefing.build(demo_snapshot, Filters(year=2024, townships=("654022205",)), "米粮泉回族乡")
        data = briefing.to_pptx(doc)
        svg = downloads.chart_svg(doc.sections[0].charts[0].chart)
    texts = slide_texts(data)
    assert "Miliangquan Hui Ethnic Township · 2024" in texts[0] and "briefing" in texts[0]
    assert all(briefing.WATERMARK_EN in text for text in texts)
    assert not chinese_left([line for text in texts for line in text.splitlines()])
    assert "Miliangquan Hui Ethnic Township" in svg and "米粮泉" not in svg
    import io

    from pypdf import PdfReader

    with i18n.using("en"):
        reader = PdfReader(io.BytesIO(briefing.to_pdf(doc)))
    pages = [p.extract_text() for p in reader.pages]
    assert "Scope: Miliangquan Hui Ethnic Township · 2024" in pages[0] and "years" not in pages[0]
    assert all(text.strip() for text in pages) and any("NotoSansCJK" in f for f in pdf_fonts(reader))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_plan_slide_gives_one_total_in_its_figure_and_its_sentence(demo_snapshot, lang):
    """The plan's total cost is one number on its slide: the figure is the sentence's total, in each
    language (a figure rounded to 万元 and then said in yuan would read 755,800 beside 755,850)."""
    from dashboard_core.present import i18n

    with i18n.using(lang):
        doc = briefing.build(demo_snapshot, Filters(year=2024), "全县" if lang == "zh" else "Whole county")
        plan = next(s for s in doc.sections if s.title in ("整改计划", "Plan to acceptance"))
        total = plan.figures[0].value
    assert total and total[0].isdigit(), total
    assert any(total in note for note in plan.notes), (total, plan.notes)
