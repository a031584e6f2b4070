"""Every way of writing a picture is checked as the build prints it:
![words][name] with a line "[name]: file.png" as ![words](file.png), and a
picture the handouts cannot print (from the web, written out as data:) is
reported at its line. The build shows the handout is right once lint passes."""

from __future__ import annotations

import base64
import re
from pathlib import Path

import docx
import pypdf

from helpers import MODULE, PROJECT, invoke, line_of, lint_json, pdf_structure, png

MODULE_PATH = "content/curriculum/planning.md"
ALL_FORMATS = PROJECT.replace("formats: [pdf, docx]", "formats: [pdf, docx, html]")


def build() -> tuple[int, str]:
    result = invoke("build", "--as-of", "2026-11-24")
    return result.exit_code, result.output


def html_pictures(path: Path) -> list[tuple[str, str]]:
    """(alt, the first bytes of src) of each picture of a web page."""
    page = path.read_text(encoding="utf-8")
    return [(re.search(r'alt="([^"]*)"', tag).group(1) if 'alt="' in tag else "",  # type: ignore[union-attr]
             re.search(r'src="([^"]{0,22})', tag).group(1))  # type: ignore[union-attr]
            for tag in re.findall(r"<img [^>]*>", page)]


def problems() -> list[tuple[int, int, str, str]]:
    return [(p["line"], p["column"], p["rule"], p["message"]) for p in lint_json()]


def test_reference_pictures_are_checked_where_their_file_is_named(repo):
    body = ("\n![IMG-REF alt][imgref]\n\n![Again][IMGREF]\n\n![gone]\n\n![No line][nodef]\n\n"
            "![Under text][under]\n\n```\n![In code][nodef]\n```\n\n"
            "[imgref]: pic.png\n[gone]: nothere-ref.png \"A title\"\n\nSome text\n[under]: pic.png\n")
    root = repo({MODULE_PATH: MODULE + body})
    (root / "content/curriculum/pic.png").write_bytes(png(0, 120, 0))
    text = MODULE + body
    found = problems()
    assert [(line, column, rule) for line, column, rule, _ in found] == [
        (line_of(text, "![No line]"), 1, "missing-picture"),
        (line_of(text, "![Under text]"), 1, "missing-picture"),
        (line_of(text, "[gone]: "), len("[gone]: ") + 1, "missing-picture")]
    assert found[0][3].startswith("no line '[nodef]: file name' gives this picture's file, so every handout "
                                  "prints it as text")
    assert "an empty line above it" in found[1][3]
    assert found[2][3].startswith("the picture content/curriculum/nothere-ref.png does not exist")


def test_reference_pictures_print_in_every_format(repo):
    body = ("\n![IMG-REF alt][imgref]\n\n![Shortcut]\n\n![Collapsed][]\n\n![Same file again][imgref]\n\n"
            "[imgref]: pic.png\n[shortcut]: <other pic.png>\n\n> [collapsed]:\n>   third.png\n")
    root = repo({"aotext.yaml": ALL_FORMATS, MODULE_PATH: MODULE + body})
    folder = root / "content/curriculum"
    for name, colour in (("pic.png", (0, 120, 0)), ("other pic.png", (120, 0, 0)), ("third.png", (0, 0, 120))):
        (folder / name).write_bytes(png(*colour))
    assert lint_json() == []
    code, output = build()
    shown = ["IMG-REF alt", "Shortcut", "Collapsed", "Same file again"]
    assert code == 0, output
    pdf = pypdf.PdfReader(root / "build/participant.pdf")
    assert [str(node["/Alt"]) for node in pdf_structure(pdf.trailer["/Root"]["/StructTreeRoot"])
            if node.get("/S") == "/Figure"] == shown
    assert "![" not in " ".join(page.extract_text() for page in pdf.pages)
    assert len(docx.Document(str(root / "build/participant.docx")).inline_shapes) == 4
    assert html_pictures(root / "build/participant.html") == [
        (alt, "data:image/png;base64,") for alt in shown]


def test_pictures_from_the_web_or_written_as_data_are_errors_at_their_place(repo):
    """typst fetches nothing, and cannot read data: text as a picture: the PDF would fail."""
    data = "data:image/png;base64," + base64.b64encode(png(200, 0, 0)).decode()
    body = (f"\n![Remote](https://example.com/remote.png)\n\n![Inline]({data})\n\n![No scheme](//example.com/x.png)\n\n"
            "![By name][remote]\n\n![Anchor](#top)\n\n[remote]: http://example.com/r.png\n")
    root = repo({"aotext.yaml": ALL_FORMATS, MODULE_PATH: MODULE + body})
    text = MODULE + body
    found = problems()
    assert [(line, column, rule) for line, column, rule, _ in found] == [
        (line_of(text, "![Remote]"), len("![Remote](") + 1, "picture-not-a-file"),
        (line_of(text, "![Inline]"), len("![Inline](") + 1, "picture-not-a-file"),
        (line_of(text, "![No scheme]"), len("![No scheme](") + 1, "picture-not-a-file"),
        (line_of(text, "![Anchor]"), len("![Anchor](") + 1, "picture-not-a-file"),
        (line_of(text, "[remote]: "), len("[remote]: ") + 1, "picture-not-a-file")]
    web = ("aotext does not fetch pictures from the web: download it into the repository, beside this document, "
           "and give its file name")
    assert [message.startswith(web) for *_, message in found] == [True, False, True, False, True]
    assert found[1][3].startswith("this picture is written out as data: text, which the PDF cannot print: save it "
                                  "as a file beside this document")
    assert found[3][3].startswith("'#top' is not the name of a picture file:")

    # Done as told, every format prints the pictures.
    (root / "content/curriculum/remote.png").write_bytes(png(200, 0, 0))
    (root / MODULE_PATH).write_text(MODULE + "\n![Remote](remote.png)\n\n![By name][remote]\n\n[remote]: remote.png\n",
                                    encoding="utf-8")
    assert lint_json() == []
    code, output = build()
    assert code == 0, output
    pdf = pypdf.PdfReader(root / "build/participant.pdf")
    assert [str(node["/Alt"]) for node in pdf_structure(pdf.trailer["/Root"]["/StructTreeRoot"])
            if node.get("/S") == "/Figure"] == ["Remote", "By name"]
    assert len(docx.Document(str(root / "build/participant.docx")).inline_shapes) == 2
    assert html_pictures(root / "build/participant.html") == [
        ("Remote", "data:image/png;base64,"), ("By name", "data:image/png;base64,")]
