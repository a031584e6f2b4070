"""The house reference documents pandoc writes Word and PowerPoint files
in the style of: its own defaults with our paragraph styles and a page-number
footer (DOCX), and titles sized so that a slide's title fits its box (PPTX).
Each is made once per build state and aotext version, with fixed timestamps."""

from __future__ import annotations

import hashlib
import io
import re
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

from aotext.handouts.render import PANDOC_TIMEOUT_SECONDS, ProcessCount, RenderError, pandoc_binary

# Styles added to pandoc's own reference document: the house style of DOCX handouts.
_STYLES = """
<w:style w:type="paragraph" w:customStyle="1" w:styleId="FacilitatorNote"><w:name w:val="Facilitator Note"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:pBdr><w:left w:val="single" w:sz="24" w:space="8" w:color="8A3B12"/></w:pBdr><w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/><w:ind w:left="284"/></w:pPr><w:rPr><w:sz w:val="20"/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Question"><w:name w:val="Question"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/></w:pPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="AnswerLine"><w:name w:val="Answer Line"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="999999"/><w:between w:val="single" w:sz="4" w:space="1" w:color="999999"/></w:pBdr><w:spacing w:before="320" w:after="0"/></w:pPr></w:style>
"""


def _footer(page_of: str) -> str:
    """The page number as the PDF prints it, "1 of 3", the word between in
    the handout's language (labels.py's "page of")."""
    def run(inner: str) -> str:
        return f'<w:r><w:rPr><w:sz w:val="16"/></w:rPr>{inner}</w:r>'

    def field(name: str) -> str:
        return (run('<w:fldChar w:fldCharType="begin"/>') + run(f'<w:instrText xml:space="preserve"> {name} </w:instrText>')
                + run('<w:fldChar w:fldCharType="end"/>'))

    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            '<w:p><w:pPr><w:jc w:val="right"/></w:pPr>' + field("PAGE")
            + run(f'<w:t xml:space="preserve"> {escape(page_of)} </w:t>') + field("NUMPAGES") + '</w:p></w:ftr>')


_FOOTER_RELATION = ('<Relationship Id="rIdAotextFooter" Target="footer1.xml" '
                    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"/>')
_FOOTER_TYPE = ('<Override PartName="/word/footer1.xml" '
                'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>')


def _rewritten(default_reference: bytes, edit: Callable[[str, str], str], added: dict[str, str]) -> bytes:
    """A copy of an Office file with each XML part passed through `edit(name, text)`
    and the `added` parts, every entry with the same fixed timestamp."""
    source = zipfile.ZipFile(io.BytesIO(default_reference))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        parts = [(item.filename, source.read(item.filename)) for item in source.infolist()]
        for name, data in [*parts, *((name, text.encode()) for name, text in added.items())]:
            if name.endswith((".xml", ".rels")) and name not in added:
                data = edit(name, data.decode("utf-8")).encode("utf-8")
            fixed = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, data)
    return output.getvalue()


def _docx_part(name: str, data: str) -> str:
    """Our paragraph styles, and the footer with the page number."""
    if name == "word/styles.xml":
        return data.replace("</w:styles>", _STYLES + "</w:styles>")
    if name == "word/_rels/document.xml.rels":
        return data.replace("</Relationships>", _FOOTER_RELATION + "</Relationships>")
    if name == "[Content_Types].xml":
        return data.replace("</Types>", _FOOTER_TYPE + "</Types>")
    if name == "word/document.xml":
        return data.replace("<w:sectPr>", '<w:sectPr><w:footerReference w:type="default" r:id="rIdAotextFooter"/>', 1)
    return data


# Slide titles at 28 points (pandoc's default is 33) fit one line of about 36
# letters in the title box; section titles at 26 points (30), two lines.
TITLE_SIZE, SECTION_TITLE_SIZE = 2800, 2600


def _pptx_part(name: str, data: str) -> str:
    if name == "ppt/slideMasters/slideMaster1.xml":
        start = data.index("<p:titleStyle>")
        return data[:start] + data[start:].replace('sz="3300"', f'sz="{TITLE_SIZE}"', 1)
    if name == "ppt/slideLayouts/slideLayout3.xml" and "Section Header" in data:
        return data.replace('sz="3000"', f'sz="{SECTION_TITLE_SIZE}"', 1)
    return data


def titled_pptx(presentation: bytes, title: str, lang: str) -> bytes:
    """The presentation pandoc made, with the title and language that screen
    readers and the file's properties tell (pandoc's PPTX writer leaves the
    title empty and the reference presentation's language, en-US)."""
    def edit(name: str, data: str) -> str:
        if name == "docProps/core.xml":
            data = re.sub(r"<dc:title>.*?</dc:title>|<dc:title/>", "", data, flags=re.DOTALL)
            return data.replace("</cp:coreProperties>", f"<dc:title>{escape(title)}</dc:title>"
                                f"<dc:language>{escape(lang)}</dc:language></cp:coreProperties>")
        if name == "ppt/presentation.xml" or name.startswith(("ppt/slideMasters/", "ppt/slideLayouts/", "ppt/slides/")):
            return data.replace('lang="en-US"', f'lang="{escape(lang)}"')
        return data

    return _rewritten(presentation, edit, {})


def _default_reference(kind: str, counter: ProcessCount) -> bytes:
    counter.add(pandoc=1)
    completed = subprocess.run([pandoc_binary(), "--print-default-data-file", f"reference.{kind}"],
                               capture_output=True, timeout=PANDOC_TIMEOUT_SECONDS, check=False)
    if completed.returncode != 0:
        raise RenderError(f"pandoc could not give its reference document: {completed.stderr.decode('utf-8', 'replace')}")
    return completed.stdout


def _cached(cache: Path, kind: str, version: str, recipe: str, make: Callable[[bytes], bytes],
            counter: ProcessCount) -> Path:
    """The house reference document of `kind`, made once and kept until its recipe changes."""
    digest = hashlib.sha256(f"{version}{recipe}".encode()).hexdigest()[:12]
    path = cache / f"reference-{digest}.{kind}"
    if not path.is_file():
        from aotext.fsio import atomic_write

        atomic_write(path, make(_default_reference(kind, counter)))
    return path


def reference_docx(cache: Path, version: str, counter: ProcessCount, page_of: str) -> Path:
    """The house reference document, its footer's "1 of 3" with `page_of` as the word between."""
    footer = _footer(page_of)
    return _cached(cache, "docx", version, f"{_STYLES}{footer}",
                   lambda default: _rewritten(default, _docx_part, {"word/footer1.xml": footer}), counter)


def reference_pptx(cache: Path, version: str, counter: ProcessCount) -> Path:
    return _cached(cache, "pptx", version, f"{TITLE_SIZE}{SECTION_TITLE_SIZE}",
                   lambda default: _rewritten(default, _pptx_part, {}), counter)
