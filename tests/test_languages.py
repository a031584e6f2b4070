"""`lang:` in the project file: the words aotext itself prints in a handout
(the agenda, the facilitators' label, page numbers, the report's headings
and statuses) come in that language, and the PDF, the web page and the Word
file say it is their language. Read back from real pandoc and typst output,
on a sample Spanish module (a test, not shipped content)."""

from __future__ import annotations

import zipfile

import pypdf

from helpers import AS_OF, GOOD_REPO, built_tree, invoke
from test_build import PROJECT

SPANISH = PROJECT.replace("collective: Test Collective\n", "collective: Colectivo de Prueba\nlang: es\n").replace(
    "formats: [pdf, docx]", "formats: [pdf, docx, html]")
MODULE = """---
type: module
id: planificacion
section: IV
order: 1
title: Planificación
minutes: 30
objectives:
  - Escribir las metas de nuestro escenario.
activities:
  - id: metas
    title: Escribir metas
    kind: group-activity
    minutes: 20
    questions: [1]
---
Las metas son lo que esperamos lograr.

::: {.facilitator activity=metas}
Actividad en grupos, 20 minutos.
:::
"""


def pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def test_a_spanish_project_prints_aotexts_own_words_in_spanish(tmp_path):
    files = {**GOOD_REPO, "aotext.yaml": SPANISH, "content/curriculum/planning.md": MODULE,
             "content/worksheet/q01.md": GOOD_REPO["content/worksheet/q01.md"].replace("module: planning",
                                                                                      "module: planificacion")}
    with built_tree(tmp_path, files, "--as-of", AS_OF) as root:
        guide = pdf_text(root / "build/guide.pdf")
        for words in ("Agenda", "Hora", "Minutos", "Qué", "Fin del día", "Tiempo sin planificar",
                      "PARA FACILITADORES", "Lo que te llevarás", "30 minutos.", "actividad en grupos", "1 de 2"):
            assert words in guide, words
        for english in ("End of day", "FOR FACILITATORS", "What you will take away", "1 of 2"):
            assert english not in guide, english
        assert pypdf.PdfReader(root / "build/guide.pdf").trailer["/Root"]["/Lang"] == "es"
        report = " ".join(pdf_text(root / "build/report-bus-plan.pdf").split())
        for words in ("Al 2026-11-24", "Indicador", "Meta", "Estado", "cumplido", "en camino", "Qué celebrar",
                      "El avance de cada indicador"):
            assert words in report, words
        page = (root / "build/guide.html").read_text(encoding="utf-8")
        assert '<html lang="es">' in page and "Para facilitadores" in page
        with zipfile.ZipFile(root / "build/guide.docx") as document:
            assert "<dc:language>es</dc:language>" in document.read("docProps/core.xml").decode()


def test_a_language_aotext_does_not_ship_is_a_lint_error_at_its_line(repo):
    repo({"aotext.yaml": GOOD_REPO["aotext.yaml"].replace("collective: Test Collective\n",
                                                          "collective: Test Collective\nlang: fr\n")})
    result = invoke("lint", "--as-of", AS_OF)
    assert result.exit_code == 1
    assert 'aotext.yaml:2:1: error: lang: "fr" is not one of: en, es [schema]' in result.stdout


# A Spanish module in an English workshop: the handout is English (its
# labels, the file's language), the module's own part is marked Spanish.
SPANISH_MODULE = MODULE.replace("type: module\n", "type: module\nlang: es\n").replace("order: 1", "order: 2").replace(
    "    questions: [1]\n", "    questions: [2]\n") + "\n::: page-break\n:::\n\nMás texto, tras un salto de página.\n"
SPANISH_QUESTION = GOOD_REPO["content/worksheet/q01.md"].replace("q01-goals", "q02-metas").replace(
    "number: 1", "number: 2").replace("module: planning", "module: planificacion").replace(
    "prompt: What are your goals?", "prompt: ¿Cuáles son sus metas?").replace("type: question\n",
                                                                               "type: question\nlang: es\n")
MIXED = {**GOOD_REPO, "aotext.yaml": PROJECT.replace("formats: [pdf, docx]", "formats: [pdf, docx, html]"),
         "content/curriculum/planificacion.md": SPANISH_MODULE, "content/worksheet/q02.md": SPANISH_QUESTION}


def structure(node, found: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    """(role, language) of every element of a PDF's structure tree; None where it has the file's language."""
    from pypdf.generic import ArrayObject, DictionaryObject

    node = node.get_object()
    if isinstance(node, DictionaryObject):
        if "/S" in node:
            found.append((str(node["/S"]), str(node["/Lang"]) if "/Lang" in node else None))
        kids = node.get("/K")
        if kids is not None:
            kids = kids.get_object()
            for kid in kids if isinstance(kids, ArrayObject) else [kids]:
                structure(kid, found)
    return found


def runs(document_xml: str) -> list[tuple[str | None, str]]:
    """(w:lang, text) of every run of a Word document's body that has text."""
    import re

    found = []
    for run in re.findall(r"<w:r>.*?</w:r>", document_xml, re.DOTALL):
        lang = re.search(r'<w:lang w:val="([^"]+)"', run)
        text = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", run)).strip()
        if text:
            found.append((lang.group(1) if lang else None, text))
    return found


def test_a_document_in_another_language_is_marked_in_it_and_the_handouts_words_are_not(tmp_path):
    with built_tree(tmp_path, MIXED, "--as-of", AS_OF) as root:
        page = " ".join((root / "build/guide.html").read_text(encoding="utf-8").split())
        assert '<html lang="en">' in page
        assert '<section id="module-planificacion" class="level2" lang="es">' in page
        assert '<span lang="es">IV. Planificación</span>' in page  # its title in the agenda's row
        assert '<span lang="en">What you will take away</span>' in page  # aotext's words in its part
        assert '<div class="facilitator-label" lang="en">' in page
        worksheet = " ".join((root / "build/worksheet.html").read_text(encoding="utf-8").split())
        assert '<div lang="es"> <p><strong>2. ¿Cuáles son sus metas?</strong></p>' in worksheet

        guide = pypdf.PdfReader(root / "build/guide.pdf")
        assert guide.trailer["/Root"]["/Lang"] == "en"
        tagged = structure(guide.trailer["/Root"]["/StructTreeRoot"], [])
        assert ("/H1", "es") in tagged and ("/P", "es") in tagged and ("/L", "es") in tagged
        assert ("/H1", None) in tagged  # the English module's heading: the file's language
        text = pdf_text(root / "build/guide.pdf")
        assert "Más texto, tras un salto de página." in text and "What you will take away" in text

        with zipfile.ZipFile(root / "build/guide.docx") as document:
            marked = runs(document.read("word/document.xml").decode())
        assert ("es", "Las metas son lo que esperamos lograr.") in marked
        assert ("es", "Escribir las metas de nuestro escenario.") in marked
        assert ("en", "What you will take away") in marked and ("en", "For facilitators") in marked
        assert (None, "Goals are what you hope to achieve.") in marked  # English, as the whole file says


def test_a_language_a_document_cannot_say_is_a_lint_error_at_its_line(repo):
    module = GOOD_REPO["content/curriculum/planning.md"].replace("type: module\n", "type: module\nlang: espanol\n")
    repo({"content/curriculum/planning.md": module})
    result = invoke("lint", "--as-of", AS_OF)
    assert result.exit_code == 1
    assert 'content/curriculum/planning.md:3:1: error: lang: "espanol" is not one of: en, es [schema]' in result.stdout
