"""`lang:` in the project file: the words aotext itself prints in a handout
(the agenda, the facilitators' label, page numbers, the report's headings,
statuses, notes and months, the trainer's kit and the one-page plan) come
in that language, and the PDF, the web page and the Word file say it is
their language. Read back from real pandoc and typst output, on a sample
Spanish module and a small Spanish kit (tests, not shipped content)."""

from __future__ import annotations

import json
import re
import zipfile

import pypdf

from helpers import AS_OF, GOOD_REPO, built_tree, invoke, pdf_structure
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


def structure(root) -> list[tuple[str, str | None]]:
    """(role, language) of every element of a PDF's structure tree; None where it has the file's language."""
    return [(str(node["/S"]), str(node["/Lang"]) if "/Lang" in node else None)
            for node in pdf_structure(root) if "/S" in node]


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
        tagged = structure(guide.trailer["/Root"]["/StructTreeRoot"])
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


def test_the_spanish_and_english_words_fill_each_others_places():
    """Every label in both languages (the registry test checks the keys), with the same blanks to fill."""
    from string import Formatter

    from aotext.handouts.labels import LABELS

    def blanks(text: str) -> set[str]:
        return {name for _, name, _, _ in Formatter().parse(text) if name}

    for key, english in LABELS["en"].items():
        assert blanks(LABELS["es"][key]) == blanks(english), key
    # Only words that are the same in both are left as they are (a year is its number in both): a label copied
    # and not translated is caught.
    assert [key for key, english in LABELS["en"].items() if LABELS["es"][key] == english] == [
        "agenda", "period:year", "min", "letter:tactic", "plan", "no"]


# A small Spanish project of the trainer's kit, written in Spanish as such a
# collective would write it: the labels around it must be Spanish too.
KIT_PROJECT = """collective: Colectivo de Prueba
lang: es
workshop:
  days:
    - date: 2027-03-06
      start: "10:00"
      end: "11:00"
handouts:
  - {name: tarjetas, title: Tarjetas de práctica, layout: cards, audience: facilitator, formats: [pdf, docx, html]}
  - {name: escenarios, title: Escenarios, layout: scenarios, audience: participant, formats: [html]}
  - {name: hojas, title: Hojas del taller, layout: sheet, audience: facilitator, formats: [html]}
  - {name: plan, title: Plan en una página, layout: plan, audience: coordinator, formats: [html]}
  - {name: informe, title: Informe, layout: report, audience: coordinator, formats: [html]}
"""
KIT_MODULE = """---
type: module
id: hablar-de-politica
section: V
order: 1
title: Hablar de política
minutes: 60
activities:
  - id: practica-en-parejas
    title: Práctica en parejas
    kind: pair-practice
    minutes: 20
---
Hablamos de política con la gente.
"""
KIT_CARD = """---
type: role-card
id: {id}
title: {title}
module: hablar-de-politica
activity: practica-en-parejas
played_by: Quien hace de Kei.
situation: Vives en el barrio con tus hijos.
already_does:
  - Esperas a la salida de la escuela con otras madres.
sees_it:
  - No odias a la policía.
contradictions:
  - Dices que no tienes tiempo, y viniste a la marcha.
fears:
  - Que te paren más en la calle.
steps:
  - Entrar por la puerta.
how_to_play:
  - Ábrete cuando te pregunten por tu historia.
---
"""
KIT_SCENARIO = """---
type: scenario
id: barrio
title: Un barrio con patrullas
setting: Un barrio obrero.
people: Las vecinas y los vecinos.
began_from: a-mix
terrain:
  networks: Las madres se ven a la salida de la escuela.
  adapting_and_resisting: Se avisan por mensajes.
  identities: Familias trabajadoras.
  enemies: [la alcaldía]
  allies: [la asociación de inquilinos]
  research: Cuántas paradas hace la patrulla.
  history: Una marcha en 2019.
  understanding_of_oppression: Algunos creen que son unos pocos policías malos.
  ideas_for_fighting_back: Grabar las paradas.
  repression: Más paradas a quienes hablen.
---
"""
KIT_SHEETS = {
    "content/kit/materiales.md": """---
type: sheet
id: materiales
title: Materiales
checklist:
  - item: Un cronómetro
    why: La práctica en parejas.
---
""",
    "content/kit/lecturas.md": """---
type: sheet
id: lecturas
title: Lecturas
references:
  - title: Hablar de política
    by: Stan Weir
    what: De donde vienen los cinco pasos.
    used_in:
      - V. Hablar de política
---
""",
    "content/kit/firmas.md": """---
type: sheet
id: firmas
title: Hoja de firmas
table:
  columns: [Nombre, Teléfono]
  rows: 3
---
""",
}
KIT_PLAN = """---
type: plan
id: plan-barrio
title: Plan del barrio
scenario: barrio
started: 2026-09-01
ends: 2026-12-31
reflect_every: 2 weeks
goals:
  - id: seguridad
    title: Calles seguras para los niños
strategies:
  - id: redes
    title: Unir a las madres de la escuela
    serves: [seguridad]
tactics:
  - id: reuniones
    title: Reuniones en las cocinas
    serves: [redes]
benchmarks:
  - id: nuevas
    title: Dos madres nuevas cada mes
    kind: numeric
    measures: [reuniones]
    target: 2
    unit: madres
    combine: sum
    every: month
    if_missed: Pedir ayuda a una organizadora con experiencia.
  - id: confianza
    title: ¿Se sienten parte del grupo?
    kind: qualitative
    measures: [redes]
    question: ¿Se sienten parte del grupo?
    scale: [nada, un poco, mucho]
    target_level: mucho
    start: 2026-10-01
    due: 2026-12-31
    if_missed: Hablar con cada una.
---
"""
KIT_LOG = """---
type: reflection
id: reunion-2026-11-20
plan: plan-barrio
date: 2026-11-20
measurements:
  - benchmark: nuevas
    value: 1
  - benchmark: confianza
    level: un poco
---
"""
KIT_FILES = {"aotext.yaml": KIT_PROJECT, "content/curriculum/hablar.md": KIT_MODULE,
             "content/roles/a-kei.md": KIT_CARD.format(id="kei", title="Eres Kei"),
             "content/roles/b-organizadora.md": KIT_CARD.format(id="organizadora", title="Eres la organizadora"),
             "content/scenarios/barrio.md": KIT_SCENARIO, **KIT_SHEETS, "content/plans/plan-barrio.md": KIT_PLAN,
             "content/logs/reunion-2026-11-20.md": KIT_LOG}
# The labels of the kit's layouts and the one-page plan, by the families and
# names labels.py gives them; and those of the report's charts (its notes: below).
KIT_FAMILIES = ("card:", "terrain:", "begins:", "combine:", "unit:")
KIT_KEYS = ("role cards", "played by", "cut here", "activity minutes", "kind:pair-practice", "contents",
            "scenarios subtitle", "setting", "people", "begins", "model answers", "not answered", "enemies", "allies",
            "ready", "what", "where used", "written by",
            "plan scenario", "plan started", "plan runs to", "plan reflects", "goals", "strategies", "tactics",
            "benchmarks", "serves", "benchmark", "measures", "target", "when", "if we miss it", "on scale",
            "each period", "from date", "by date", "every period", "for participants", "for facilitators",
            "for coordinators", "file:.html", "file:.pdf", "file:.docx", "index title")
CHART_KEYS = ("target mark", "nothing measured", "of the target", "expected share", "chart words", "progress so far",
              "expected by now", "over time", "not met", "per period", "on track", "behind", "charts")


def english_fragments(families: tuple[str, ...], names: tuple[str, ...]) -> dict[str, str]:
    """The English words of these labels that must not reach a Spanish handout, each with its key: every
    stretch between its blanks long enough to say something (not "G1", "of"), where Spanish says it otherwise."""
    import re

    from aotext.handouts.labels import ENGLISH, LABELS

    keys = [key for key in ENGLISH if key.startswith(families) or key in names] if families else list(names)
    assert set(names) <= set(keys)
    found = {}
    for key in keys:
        if ENGLISH[key] == LABELS["es"][key]:
            continue
        for fragment in re.split(r"\{\w+\}", ENGLISH[key]):
            fragment = fragment.strip(" ,.:;")
            if len(fragment) >= 4:
                found[fragment] = key
    return found


def english_words(families: tuple[str, ...], names: tuple[str, ...]) -> dict[str, str]:
    """Every word of these English labels, each with its key, that their Spanish does not use too (as "plan"
    and "lint" are): word by word, so that "need" is caught in "need 2 more" as in "need more"."""
    from aotext.handouts.labels import ENGLISH, LABELS

    def words(text: str) -> list[str]:
        return re.findall(r"[^\W\d_]{3,}", re.sub(r"\{\w+\}", " ", text))  # not the blanks' names

    keys = [key for key in ENGLISH if key.startswith(families) or key in names]
    assert set(names) <= set(keys)
    spanish = {word for key in keys for word in words(LABELS["es"][key])}
    return {word: key for key in keys for word in words(ENGLISH[key]) if word not in spanish}


def printed(words: str, text: str) -> bool:
    """Whether `words` stand in `text` as words (not "from" inside "fromage")."""
    import re

    return re.search(rf"(?<!\w){re.escape(words)}(?!\w)", text) is not None


def page_text(path) -> str:
    """What a reader of a web page reads: its text, without its markup, styles or scripts."""
    import html
    import re

    page = path.read_text(encoding="utf-8")
    page = re.sub(r"<(style|script)\b.*?</\1>", " ", page, flags=re.DOTALL)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def test_a_spanish_kit_prints_every_word_of_aotexts_own_in_spanish(tmp_path):
    with built_tree(tmp_path, KIT_FILES, "--as-of", AS_OF) as root:
        pages = {name: page_text(root / f"build/{name}.html")
                 for name in ("tarjetas", "escenarios", "hojas", "plan-plan-barrio", "informe-plan-barrio", "index")}
        cards_pdf = " ".join(pdf_text(root / "build/tarjetas.pdf").split())
        with zipfile.ZipFile(root / "build/tarjetas.docx") as document:
            cards_docx = document.read("word/document.xml").decode()
    spanish = {
        "tarjetas": ["Práctica en parejas", "práctica en parejas, 20 minutos", "Quién lee esta tarjeta:",
                     "Lo que ya haces", "Cómo lo ves", "Dónde se contradice tu historia", "Lo que te da miedo",
                     "Los pasos", "Cómo interpretar el papel", "Contenido"],
        "escenarios": ["Para los grupos: el lugar, la gente y la historia de cada escenario", "Lugar.", "La gente.",
                       "Dónde empieza la organización: una mezcla: algo de espontaneidad",
                       "El terreno: respuestas modelo", "Enemigos:", "Posibles aliados:",
                       "¿Cómo se relaciona la gente entre sí? ¿Qué infraestructuras orgánicas o redes existen ya?",
                       "¿Qué ideas tiene la gente ahora mismo sobre cómo contraatacar?",
                       "¿Qué necesitamos saber sobre nosotros mismos? Este escenario aún no responde a esta pregunta."],
        "hojas": ["Listo Qué Dónde lo usa el taller", "Hablar de política , de Stan Weir", "Nombre Teléfono"],
        "plan-plan-barrio": ["Escenario: Un barrio con patrullas · empezó el 2026-09-01 · hasta el 2026-12-31 · "
                             "reflexionamos cada 2 semanas", "Objetivos: lo que esperamos lograr",
                             "Estrategias: cómo queremos lograrlo", "Tácticas: lo concreto para llegar ahí",
                             "Indicadores: cómo sabemos que vamos por buen camino", "O1", "(sirve a O1)",
                             "(sirve a E1)", "Indicador Mide Meta Cuándo Si no lo logramos",
                             "2 madres cada mes (acumulado)", "cada mes", "mucho en la escala: nada · un poco · mucho",
                             "desde el 2026-10-01, para el 2026-12-31"],
        "informe-plan-barrio": ["2 madres por mes", "Avance:", "esperado a la fecha:", "Mediciones en el tiempo:",
                                "meta"],
        "index": ["Para facilitadores", "Para coordinadores", "Para participantes", "página web"],
    }
    for name, wanted in spanish.items():
        for words in wanted:
            assert words in pages[name], (name, words)
    for words in ("cortar por esta línea", "Lo que ya haces", "Quién lee esta tarjeta:", "20 minutos"):
        assert words in cards_pdf, words
    assert "cortar por esta línea" in cards_docx
    kit = {**pages, "tarjetas.pdf": cards_pdf}
    report = kit.pop("informe-plan-barrio")
    for english, key in english_fragments(KIT_FAMILIES, KIT_KEYS).items():
        for name, text in kit.items():
            assert not printed(english, text), (name, key, english)
    for english, key in english_fragments((), CHART_KEYS).items():
        assert not printed(english, report), (key, english)


# A Spanish benchmark report whose notes say all they can: a month's record
# and the days left in it, a step up a scale, a benchmark overdue, one behind
# with weeks to go, and one met, to celebrate.
REPORT_PROJECT = KIT_PROJECT.split("handouts:\n")[0] + """handouts:
  - {name: informe, title: Informe, layout: report, audience: coordinator, formats: [pdf, html]}
"""
REPORT_PLAN = KIT_PLAN.removesuffix("---\n") + """\
  - id: asamblea
    title: Una asamblea abierta en octubre
    kind: numeric
    measures: [reuniones]
    target: 1
    unit: asambleas
    combine: sum
    start: 2026-10-01
    due: 2026-10-31
    if_missed: Fijar la fecha en la próxima reunión.
  - id: casas
    title: Visitar cien casas
    kind: numeric
    measures: [reuniones]
    target: 100
    unit: casas
    combine: sum
    due: 2026-12-31
    if_missed: Salir a visitar en parejas.
  - id: cocina
    title: Una primera reunión en una cocina
    kind: numeric
    measures: [reuniones]
    target: 1
    unit: reuniones
    combine: sum
    due: 2026-12-31
    if_missed: Ofrecer la nuestra.
---
"""
REPORT_LOG = KIT_LOG.replace("    level: un poco\n", """\
    level: un poco
  - benchmark: casas
    value: 30
  - benchmark: cocina
    value: 1
""")
REPORT_FILES = {"aotext.yaml": REPORT_PROJECT, "content/scenarios/barrio.md": KIT_SCENARIO,
                "content/plans/plan-barrio.md": REPORT_PLAN, "content/logs/reunion-2026-11-20.md": REPORT_LOG}
# The words of the notes the summary keeps as facts, and of the names of periods and months.
NOTE_FAMILIES = ("this period:", "last period:", "last periods:", "why:", "unreadable:", "period:", "month:")
NOTE_KEYS = ("need in days", "need by date", "move to level", "part of period", "record", "met last", "missed last",
             "missed", "missed period", "and", "cannot judge", "too long", "benchmark met")


def test_a_spanish_report_writes_its_notes_and_months_in_spanish_and_its_json_stays_english(tmp_path):
    from aotext.handouts.labels import ENGLISH

    with built_tree(tmp_path, REPORT_FILES, "--as-of", AS_OF) as root:
        report = {"html": page_text(root / "build/informe-plan-barrio.html"),
                  "pdf": " ".join(pdf_text(root / "build/informe-plan-barrio.pdf").split())}
        summary = invoke("summary", "--format", "json", "--as-of", AS_OF)
    for name, text in report.items():
        for words in ("este mes: noviembre de 2026; cumplido en 0 de los últimos 2 meses; necesitamos 1 más en los "
                      "6 días que quedan", "pasar de",
                      "no cumplido: la meta no se alcanzó para el 2026-10-31, su fecha límite",
                      "necesitamos 70 más para el 2026-12-31, unos 13.2 por semana",
                      "Indicador cumplido: Una primera reunión en una cocina", "01 sep 2026", "24 nov 2026"):
            assert words in text, (name, words)
        # pandoc sets the quotes of the scale's answers as the language has them.
        assert re.search("pasar de .un poco. a .mucho. para el 2026-12-31", text), name
    # The chart's words, for whoever cannot see it, name the months too.
    assert "septiembre de 2026: 0 (no cumplido); octubre de 2026: 0 (no cumplido)" in report["html"]
    # No English word of the notes, no English month (nor its short name on the charts).
    english = english_words(NOTE_FAMILIES, NOTE_KEYS)
    assert {"need", "more", "left", "met", "the", "last", "months", "November"} <= set(english)
    english.update({ENGLISH[f"month:{month}"][:3]: f"month:{month}" for month in range(1, 13)})
    for name, text in report.items():
        for words, key in english.items():
            assert not printed(words, text), (name, key, words)

    # The same project's summary for programs: English, whatever the handouts' language.
    assert summary.exit_code == 0, summary.output
    [plan] = json.loads(summary.stdout)["plans"]
    notes = {b["id"]: b for b in plan["benchmarks"]}
    assert (notes["nuevas"]["period"], notes["nuevas"]["record"], notes["nuevas"]["needed"]) == (
        "November 2026", "met 0 of the last 2 months", "need 1 more in the 6 days left")
    assert [period["period"] for period in notes["nuevas"]["history"]] == [
        "September 2026", "October 2026", "November 2026"]
    assert notes["confianza"]["needed"] == "move from 'un poco' to 'mucho' by 2026-12-31"
    assert notes["asamblea"]["missed"] == "missed: the target was not reached by 2026-10-31, its due date"
    assert notes["casas"]["needed"] == "need 70 more by 2026-12-31, about 13.2 a week"
    assert plan["celebrate"] == ["Benchmark met: Una primera reunión en una cocina"]
