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
