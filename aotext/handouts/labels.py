"""Every word aotext itself prints in a handout, in each language a project
can choose with `lang:` (English and Spanish ship). The documents' own text
is the collective's to write in their language; these are the rest: the
agenda's headings, the facilitators' label, the page numbers, the report's
headings and status words."""

from __future__ import annotations

from collections.abc import Mapping

from aotext.agenda import PRESENTATION
from aotext.project import Language

ENGLISH = {
    "agenda": "Agenda", "day": "Day", "time": "Time", "minutes": "Minutes", "what": "What",
    "end of day": "End of day", "unplanned time": "Unplanned time", "presentation": PRESENTATION,
    "overrun": "This day runs {minutes} minutes past its end at {end}.",
    "in hand": "The modules end at {finish}, {minutes} minutes before the day's end at {end}: time in hand for "
               "questions, a longer break, or running over.",
    "for facilitators": "For facilitators", "objectives": "What you will take away", "page of": "of",
    "other questions": "Other questions", "as of": "As of", "ended": ", the plan's last day (it has ended)",
    "benchmark": "Benchmark", "target": "Target", "current": "Current", "progress": "Progress",
    "expected": "Expected by now", "status": "Status", "trend": "Trend", "last measured": "Last measured",
    "notes": "Notes", "celebrate": "What to celebrate", "if missed": "What we said we would do if we missed",
    "charts": "Each benchmark's charts",
    "chart caption": "Each benchmark's progress (the bar) against the pace expected by now (the dashed line), and "
                     "its measurements over time against the target (the dotted line).",
    "chart continued": "The chart, continued.",
    "charts explained": "The bar is the progress so far against the target (the solid line), the dashed line the "
                        "pace expected by now; beside it, the measurements over time against the target (the "
                        "dotted line).",
    "met": "met", "on track": "on track", "behind": "behind", "overdue": "overdue", "no data": "no data",
    "not started": "not started", "up": "up", "down": "down", "flat": "flat",
    "module minutes": "{minutes} minutes.", "activities": "Activities", "min": "min",
    "kind:group-activity": "group activity", "kind:report-back": "report back", "kind:question": "question",
    "kind:skit": "skit", "kind:whole-room-activity": "whole room activity", "kind:pair-practice": "pair practice",
    "kind:presentation": "presentation", "kind:break": "break",
}
_SPANISH = {
    "agenda": "Agenda", "day": "Día", "time": "Hora", "minutes": "Minutos", "what": "Qué",
    "end of day": "Fin del día", "unplanned time": "Tiempo sin planificar",
    "presentation": "Presentación y discusión",
    "overrun": "Este día se pasa {minutes} minutos de su hora de cierre, las {end}.",
    "in hand": "Los módulos terminan a las {finish}, {minutes} minutos antes del cierre del día a las {end}: "
               "tiempo de reserva para preguntas, un descanso más largo o para alargarse.",
    "for facilitators": "Para facilitadores", "objectives": "Lo que te llevarás", "page of": "de",
    "other questions": "Otras preguntas", "as of": "Al", "ended": ", último día del plan (ya terminó)",
    "benchmark": "Indicador", "target": "Meta", "current": "Actual", "progress": "Avance",
    "expected": "Esperado a la fecha", "status": "Estado", "trend": "Tendencia", "last measured": "Última medición",
    "notes": "Notas", "celebrate": "Qué celebrar", "if missed": "Qué dijimos que haríamos si no lo lográbamos",
    "charts": "Los gráficos de cada indicador",
    "chart caption": "El avance de cada indicador (la barra) frente al ritmo esperado a la fecha (la línea de "
                     "trazos), y sus mediciones en el tiempo frente a la meta (la línea de puntos).",
    "chart continued": "El gráfico, continuación.",
    "charts explained": "La barra es el avance hasta ahora frente a la meta (la línea continua), la línea de "
                        "trazos el ritmo esperado a la fecha; al lado, las mediciones en el tiempo frente a la "
                        "meta (la línea de puntos).",
    "met": "cumplido", "on track": "en camino", "behind": "atrasado", "overdue": "vencido", "no data": "sin datos",
    "not started": "sin empezar", "up": "sube", "down": "baja", "flat": "igual",
    "module minutes": "{minutes} minutos.", "activities": "Actividades", "min": "min",
    "kind:group-activity": "actividad en grupos", "kind:report-back": "puesta en común", "kind:question": "pregunta",
    "kind:skit": "escena", "kind:whole-room-activity": "actividad con toda la sala",
    "kind:pair-practice": "práctica en parejas", "kind:presentation": "presentación", "kind:break": "descanso",
}
LABELS: dict[Language, dict[str, str]] = {"en": ENGLISH, "es": _SPANISH}


def labels(lang: str) -> Mapping[str, str]:
    """The words of `lang`; English for a language aotext does not ship (lint reports it)."""
    return next((words for language, words in LABELS.items() if language == lang), ENGLISH)
