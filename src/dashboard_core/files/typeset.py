"""PDFs made of text: a Typst template (files/templates/*.typ) typeset with the document's content as
JSON, charts as SVG from vl-convert. Chinese and English stay text (searchable, copyable, read aloud),
the Noto CJK fonts are embedded as subsets, headings are tagged, charts stay vector.

Content reaches Typst as data (`json("content.json")`), never spliced into markup, so no text of the
report or a school name can be read as Typst code.
"""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

TEMPLATES = Path(__file__).parent / "templates"
# where Debian's fonts-noto-cjk puts them (Streamlit Community Cloud installs it from packages.txt);
# Typst also searches the system's fonts
FONT_DIRS = ["/usr/share/fonts/opentype/noto", "/usr/share/fonts/truetype/noto"]


def render(template: str, content: dict, images: dict[str, str] | None = None, fmt: str = "pdf"):
    """A PDF from `templates/<template>.typ`, with `content` as its JSON and `images` (name → SVG text)
    beside it (`fmt="png"`: the pages as pictures, to look at them)."""
    import typst

    with tempfile.TemporaryDirectory(prefix="typeset-") as folder:
        root = Path(folder)
        (root / "main.typ").write_text((TEMPLATES / f"{template}.typ").read_text(encoding="utf-8"), encoding="utf-8")
        (root / "content.json").write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
        for name, svg in (images or {}).items():
            (root / name).write_text(svg, encoding="utf-8")
        fonts = [d for d in FONT_DIRS if Path(d).is_dir()]
        if fmt == "png":
            return typst.compile(str(root / "main.typ"), root=str(root), font_paths=fonts, format="png", ppi=50)
        return typst.compile(str(root / "main.typ"), root=str(root), font_paths=fonts)
