"""`lang: es`: the dashboard page, full and shareable (build/dashboard.html,
as `make handouts` writes it), written by the real CLI for a small Spanish
project, reads in Spanish (its headings, notices, statuses, notes,
follow-ups, organizing chart, charts and script), says it is Spanish, and
keeps its privacy rules; `aotext followups` stays English for the programs
that read it (test_languages.py checks `aotext summary`). The English
page's words are those of test_dashboard.py."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from helpers import AS_OF, CONVERSATION, GOOD_REPO, invoke
from test_languages import REPORT_FILES, english_words, printed

# The Spanish benchmark report's plan (a benchmark behind, one overdue, one met, a month's record), and the
# people of its scenario: one due by their cadence and with no owner, one due today, not assessed (those two
# notes lack a key lint requires: the page still shows them, and says it may miss something), and one whose
# follow-up is days away.
NOTE = CONVERSATION.replace("scenario: bus-drivers", "scenario: barrio").replace(
    "ask: Come to the Tuesday meeting.", "ask: Venir a la reunión del martes.").replace(
    "commitment: Will come if her sister can watch the kids.", "commitment: Vendrá si su hermana cuida a los niños.")
NOTES = {
    "content/conversations/rosa.md": NOTE.replace("id: talk-nia", "id: charla-rosa").replace(
        "pseudonym: Nia", "pseudonym: Rosa").replace("owner: Sam\n", "").replace(
        "assessment: supporter", "assessment: leader").replace("date: 2026-11-14", "date: 2026-10-01").replace(
        "follow_up:\n  date: 2026-11-21\n  how: coffee\n", ""),
    "content/conversations/luz.md": NOTE.replace("id: talk-nia", "id: charla-luz").replace(
        "pseudonym: Nia", "pseudonym: Luz").replace("owner: Sam", "owner: Dolores").replace(
        "assessment: supporter\n", "").replace("date: 2026-11-21", "date: 2026-11-24").replace("coffee", "café"),
    "content/conversations/ana.md": NOTE.replace("id: talk-nia", "id: charla-ana").replace(
        "pseudonym: Nia", "pseudonym: Ana").replace("owner: Sam", "owner: Dolores").replace(
        "date: 2026-11-21", "date: 2026-11-27").replace("coffee", "café"),
}
# Only Spanish documents: the good repository's English ones are left out, so that no English is theirs.
FILES = {**dict.fromkeys(GOOD_REPO), **REPORT_FILES, **NOTES}
PRIVATE_PAGE, SHARED_PAGE = Path("private/dashboard.html"), Path("build/dashboard.html")


class _Reading(HTMLParser):
    """What a reader reads, or a screen reader says: the text and the labels of the page, not its styles, its
    script, nor the commands it quotes (as `aotext lint`), which are typed as they are in any language."""

    UNREAD = ("style", "script", "code")
    INLINE = ("a", "strong", "span", "code")  # inside a line of text; any other element stands apart

    def __init__(self) -> None:
        super().__init__()
        self.said: list[str] = []
        self.lang: str | None = None
        self._unread = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "html":
            self.lang = dict(attrs).get("lang")
        self._unread += tag in self.UNREAD
        self.said += [f" {value} " for name, value in attrs if name == "aria-label" and value]
        if tag not in self.INLINE:
            self.said.append(" ")

    def handle_endtag(self, tag: str) -> None:
        self._unread -= tag in self.UNREAD
        if tag not in self.INLINE:
            self.said.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._unread:
            self.said.append(data)


def reading(path: Path) -> tuple[str, str | None]:
    """The page's words as one line, and the language it says it is in."""
    reader = _Reading()
    reader.feed(path.read_text(encoding="utf-8"))
    return " ".join("".join(reader.said).split()), reader.lang


def script(path: Path) -> str:
    return re.search(r"<script>(.*)</script>", path.read_text(encoding="utf-8"), re.DOTALL).group(1)


# The words of the page, by their labels: its own (aotext/dashboard/labels.py), and those it shares with the
# benchmark report (statuses, the facts of a benchmark, the notes and charts).
SHARED_KEYS = ("as of", "ended", "target", "progress", "expected", "trend", "last measured", "celebrate", "met",
               "on track", "behind", "overdue", "no data", "up", "down", "flat", "contents", "of the target",
               "nothing measured", "progress so far", "expected by now", "over time", "not met", "per period",
               "need in days", "need by date", "move to level", "record", "missed", "this period:month",
               "last periods:month", "why:due", "benchmark met", "unit:day", "unit:days")


def english_on_the_page() -> dict[str, str]:
    from aotext.dashboard.labels import ENGLISH

    return english_words((), (*ENGLISH, *SHARED_KEYS))


@pytest.mark.parametrize("shareable", [False, True])
def test_a_spanish_project_gets_a_spanish_dashboard(repo, tmp_path, shareable):
    repo(FILES)
    result = invoke("dashboard", "--as-of", AS_OF, *(["--shareable"] if shareable else []))
    assert result.exit_code == 1, result.output
    # The command's own messages are English, as every command's are.
    assert "the dashboard leaves out what it could not read" in result.stderr
    page = tmp_path / (SHARED_PAGE if shareable else PRIVATE_PAGE)
    text, lang = reading(page)
    assert lang == "es"
    spanish = [
        "Colectivo de Prueba · al 2026-11-24",
        "Falta algo. 2 documentos no se pudieron leer completos, así que puede que a esta página le falte lo que "
        "dicen. Ejecuta para ver dónde", "Contenido", "De un vistazo: los indicadores de cada plan",
        "Seguimientos: cuántos tocan" if shareable else "Seguimientos: a quién llamar", "Cuadro de organización",
        "Plan Cumplidos En camino Atrasados Vencidos Sin datos Próxima reflexión",
        "Al 2026-11-24; el plan termina el 2026-12-31.", "Cuántos indicadores hay en cada estado",
        "1 cumplido 2 en camino 1 atrasado 1 vencido 0 sin datos",  # the word agrees with its count
        "Última reflexión: 2026-11-20 (hace 4 días). El grupo reflexiona cada 2 semanas: la próxima reflexión toca "
        "el 2026-12-04.",
        "Qué celebrar", "Atrasados o vencidos: lo que dijimos que haríamos", "Indicadores",
        "Meta 2 madres por mes Ahora 1", "Esperado a la fecha", "Tendencia", "Última medición",
        "este mes: noviembre de 2026; cumplido en 0 de los últimos 2 meses; necesitamos 1 más en los 6 días que "
        "quedan",
        "no cumplido: la meta no se alcanzó para el 2026-10-31, su fecha límite",
        "Avance: 50% de la meta", "El avance frente a la meta (la línea continua)",
        "Las mediciones en el tiempo; la línea de puntos es la meta de cada mes.",
        "Los números Mes Contado Meta Cumplido septiembre de 2026 0 2 no", "Contado el Respuesta Registro de reflexión",
        "La última evaluación de cada persona, y con quién hubo contacto en los últimos 30 días.",
        "Grupo Líderes Simpatizantes Indecisos No interesados Personas Con contacto en los últimos 30 días "
        "Sin contacto desde hace más Pasado su plazo de contacto",
    ]
    if shareable:
        title = "Panel de coordinación para compartir, al 2026-11-24"
        spanish += [
            "Cualquier número de personas menor que 3 aparece como “menos de 3”",
            "menos de 3 atrasados menos de 3 para hoy o los próximos 7 días",
            "Todas las personas " + " ".join(["menos de 3"] * 8),  # every count of everyone's row is under 3
            "La última reflexión celebra 1 cosa; el panel privado la muestra.",
        ]
    else:
        title = "Panel de coordinación al 2026-11-24"
        spanish += [
            "Privado. Esta página nombra a las personas que organizas",
            "1 atrasado 2 para hoy o los próximos 7 días",
            "(sin responsable) Quién Evaluación Qué se le pidió Cuándo Rosa líder Venir a la reunión del martes. "
            "40 días de retraso, 2026-10-15 (54 días sin contacto; a los líderes, cada 14 días)",
            "Luz sin evaluar Venir a la reunión del martes. toca hoy, 2026-11-24 — café",
            "Ana simpatizante Venir a la reunión del martes. toca dentro de 3 días, 2026-11-27 — café",
            "Organiza: (sin responsable) 1 0 0 0 1 0 1 (Rosa) 1", "Escenario: barrio 1 1 0 0 2 2 1 (Rosa) 1",
            "Todas las personas 1 1 0 0 2 2 1 (Rosa) 1",
            "Indicador cumplido: Una primera reunión en una cocina",
        ]
    assert text.startswith(f"{title} Colectivo de Prueba · al 2026-11-24 {title} ")  # its title, then its heading
    for words in spanish:
        assert words in text, words
    for words, key in english_on_the_page().items():
        assert not printed(words, text), (key, words)
    # The button the script adds says what it does in Spanish too.
    said = script(page)
    assert '"Mostrar solo lo atrasado, vencido o sin datos"' in said and '"Mostrar todos los indicadores"' in said
    assert "Show" not in said
    if shareable:  # nobody named, nor what they were asked, in Spanish as in English
        assert not {"Rosa", "Luz", "Ana", "Dolores", "Venir", "café"} & set(text.split())


def test_a_spanish_projects_followups_stay_english_for_programs(repo):
    repo(FILES)
    followups = json.loads(invoke("followups", "--as-of", AS_OF, "--format", "json").stdout)["followups"]
    rosa = next(item for item in followups if item["pseudonym"] == "Rosa")
    assert (rosa["owner"], rosa["cadence"]) == (None, "no contact for 54 days; leaders every 14")


def test_the_dashboard_has_words_for_every_status_and_assessment():
    from aotext.documents.types.conversation import ASSESSMENTS
    from aotext.handouts.labels import LABELS
    from aotext.summary_model import STATUSES

    def family(prefix: str) -> list[str]:
        return [key.removeprefix(f"{prefix}:") for key in LABELS["en"] if key.startswith(f"{prefix}:")]

    assert family("benchmark") == family("benchmarks") == list(STATUSES)
    assert family("assessed") == family("assessments") == family("cadence of") == list(ASSESSMENTS)
