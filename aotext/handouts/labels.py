"""Every word aotext itself prints in a handout or on the dashboard, in
each language a project can choose with `lang:` (English and Spanish ship).
The documents' own text is the collective's to write in their language;
these are the rest: the agenda's headings, the facilitators' label, the page
numbers, the list of contents, the report's headings, status words, notes on
each benchmark and charts, the names of months, the headings of a role card,
the workshop's questions about the terrain that the scenarios answer, the
one-page plan's headings, the columns aotext adds to a sheet, the front page
of the build folder, and the dashboard (its own words are kept by its page,
in aotext/dashboard/labels.py, and added here). The English notes on
benchmarks are also what `aotext summary` prints, whatever the language
(programs read them in its JSON).

A key with a colon is one of a family the layouts look up by a name from
the documents or the summary (`kind:skit`, `card:fears`, `terrain:history`,
`unit:weeks`, `period:month`, `month:11`)."""

from __future__ import annotations

from collections.abc import Mapping

from aotext.agenda import PRESENTATION
from aotext.dashboard import labels as dashboard
from aotext.project import Language
from aotext.words import plural

ENGLISH = {
    # The workshop: its agenda, module timings and objectives; the title block and footer of every handout.
    "agenda": "Agenda", "day": "Day", "time": "Time", "minutes": "Minutes", "what": "What",
    "end of day": "End of day", "unplanned time": "Unplanned time", "presentation": PRESENTATION,
    "overrun": "This day runs {minutes} minutes past its end at {end}.",
    "in hand": "The modules end at {finish}, {minutes} minutes before the day's end at {end}: time in hand for "
               "questions, a longer break, or running over.",
    "for facilitators": "For facilitators", "objectives": "What you will take away", "page of": "of",
    "contents": "Contents", "continued": "continued",
    "other questions": "Other questions", "as of": "As of", "ended": ", the plan's last day (it has ended)",
    # The benchmark report.
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
    "per period": "a {period}", "not met": "not met",
    # What the report did not count, for one measurement (":1") and for more.
    "left out unknown:1": "Left out 1 measurement that names a benchmark the plan does not have; run aotext lint "
                          "to see it.",
    "left out unknown": "Left out {count} measurements that name a benchmark the plan does not have; run aotext "
                        "lint to see them.",
    "left out after end:1": "Left out 1 measurement counted after the plan ended on {ends}; run aotext lint to see "
                            "it.",
    "left out after end": "Left out {count} measurements counted after the plan ended on {ends}; run aotext lint "
                          "to see them.",
    "left out before start:1": "Left out 1 measurement counted before its benchmark started; run aotext lint to "
                               "see it.",
    "left out before start": "Left out {count} measurements counted before their benchmarks started; run aotext "
                             "lint to see them.",
    # The report's notes on each benchmark (aotext/summary_notes.py writes them), in the words `aotext summary`
    # prints too: what it still needs, how it did in its last periods, why it was missed or cannot be judged.
    "need in days": "need {remaining} more in the {days} days left",
    "need on the last day": "need {remaining} more on the last day",
    "need today": "need {remaining} more today, the last day",
    "after due:1": "1 measurement counted after its due date does not count",
    "after due": "{count} measurements counted after its due date do not count",
    "need by date": "need {remaining} more by {date}, about {rate} a week",
    "move to level": "move from '{current}' to '{goal}' by {date}",
    "this period:week": "this week: {period}", "this period:month": "this month: {period}",
    "this period:quarter": "this quarter: {period}", "this period:year": "this year: {period}",
    "part of period": "{first} to {last}: {target}",
    "record": "met {met} of {periods}", "met last": "met {period}", "missed last": "missed {period}",
    "last period:week": "last week", "last period:month": "last month", "last period:quarter": "last quarter",
    "last period:year": "last year",
    "last periods:week": "the last {count} weeks", "last periods:month": "the last {count} months",
    "last periods:quarter": "the last {count} quarters", "last periods:year": "the last {count} years",
    "missed": "missed: the target was not reached by {date}, {why}",
    "missed period": "missed: the target for {period} was not reached by {date}, {why}",
    "why:due": "its due date", "why:ends": "the plan's last day", "and": "and",
    "cannot judge": "cannot judge: {why}; fix it in the plan (aotext lint shows the line)",
    "unreadable:no target": "it has no 'target'",
    "unreadable:target not a number": "its 'target' is not a number (0 or more)",
    "unreadable:no scale": "it has no 'scale' of at least two answers",
    "unreadable:no target_level": "it has no 'target_level'",
    "unreadable:target_level off the scale": "its 'target_level' is not one of the answers on its scale ({scale})",
    "too long": "cannot judge: it would run from {start} to {end}; is a year mistyped? (aotext lint shows the line)",
    "benchmark met": "Benchmark met: {title}",
    # The names of periods and months, in the notes and on the charts.
    "period:week": "week of {date}", "period:month": "{month} {year}", "period:quarter": "{year}-Q{quarter}",
    "period:year": "{year}",
    **{f"month:{number}": name for number, name in enumerate(
        ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
         "November", "December"), start=1)},
    # The report's charts: the words on them, and what they show, for whoever cannot see them.
    "target mark": "target", "nothing measured": "nothing measured yet", "of the target": "{progress} of the target",
    "expected share": "{share} expected by now",
    "chart words": "Each benchmark's progress against its target: {benchmarks}.",
    "progress so far": "Progress: {progress}", "expected by now": "expected by now: {share}",
    "over time": "Measurements over time: {measurements}.",
    "module minutes": "{minutes} minutes.", "activities": "Activities", "min": "min",
    "activity minutes": "{minutes} minutes",
    "kind:group-activity": "group activity", "kind:report-back": "report back", "kind:question": "question",
    "kind:skit": "skit", "kind:whole-room-activity": "whole room activity", "kind:pair-practice": "pair practice",
    "kind:presentation": "presentation", "kind:break": "break",
    # The role cards.
    "role cards": "Role cards", "played by": "Who reads this card:", "cut here": "cut along this line",
    "card:already_does": "What you already do", "card:sees_it": "How you see it",
    "card:contradictions": "Where your story contradicts itself", "card:fears": "What you are afraid of",
    "card:steps": "The steps", "card:how_to_play": "How to play it",
    # The scenarios: the workshop's questions about the terrain of a struggle (section IV, Planning), in its
    # words (the scenario schema's descriptions start with them: a test checks), and where organizing begins.
    "scenarios subtitle": "For the groups: each scenario's setting, people and story, and model answers to the "
                          "questions about its terrain",
    "setting": "Setting.", "people": "People.", "begins": "Where the organizing begins:",
    "begins:spontaneous-activity": "spontaneous activity around a workplace, neighborhood or community",
    "begins:deplorable-conditions": "deplorable conditions that we see and feel there's potential to get organized "
                                    "to resist",
    "begins:a-mix": "a mix: some level of spontaneity, and also some existing relationships and history of struggle",
    "model answers": "The terrain: model answers", "not answered": "Not answered in this scenario yet.",
    "enemies": "Enemies", "allies": "Potential allies",
    "terrain:networks": "How do people relate to each other? What organic infrastructures or networks exist already?",
    "terrain:adapting_and_resisting": "How have people either adapted to or resisted their conditions?",
    "terrain:identities": "What are the identities and social statuses of people affected?",
    "terrain:enemies_and_allies": "Who are the enemies and potential allies in the struggle?",
    "terrain:research": "What kind of research will help us better understand the terrain?",
    "terrain:history": "What's the history of struggle in the area?",
    "terrain:understanding_of_oppression": "How do people understand their oppression?",
    "terrain:ideas_for_fighting_back": "What ideas do people have right now about how to fight back?",
    "terrain:repression": "What kind of repression might we face?",
    "terrain:ourselves": "What do we need to know about ourselves?",
    # The one-page plan.
    "plan scenario": "Scenario: {scenario}", "plan started": "started {date}", "plan runs to": "runs to {date}",
    "plan reflects": "we reflect every {every}",
    "goals": "Goals: what we hope to achieve", "strategies": "Strategies: how we want to achieve it",
    "tactics": "Tactics: the nuts and bolts to get there", "benchmarks": "Benchmarks: how we know we're on our way",
    "letter:goal": "G", "letter:strategy": "S", "letter:tactic": "T", "serves": "serves {parts}",
    "measures": "Measures", "when": "When", "if we miss it": "If we miss it", "on scale": "on:",
    "combine:sum": "counted up", "combine:latest": "latest count",
    "each period": "each {period}", "from date": "from {date}", "by date": "by {date}",
    "every period": "every {period}",
    "unit:day": "day", "unit:days": "days", "unit:week": "week", "unit:weeks": "weeks", "unit:month": "month",
    "unit:months": "months", "unit:quarter": "quarter", "unit:year": "year",
    # The kit's sheets: the checklist's columns and the readings.
    "ready": "Ready", "where used": "Where the workshop uses it", "written by": ", by",
    # build/index.html, the front page of the build folder.
    "index title": "{collective}: handouts", "for participants": "For participants",
    "for coordinators": "For coordinators", "shareable dashboard": "How the plans are doing",
    "counts only": "counts of people only", "nothing built": "Nothing has been built yet: run `make handouts`.",
    "file:.html": "web page", "file:.pdf": "PDF, to print", "file:.docx": "Word document, to edit",
    "file:.pptx": "PowerPoint slides",
    **dashboard.ENGLISH,
}
_SPANISH = {
    "agenda": "Agenda", "day": "Día", "time": "Hora", "minutes": "Minutos", "what": "Qué",
    "end of day": "Fin del día", "unplanned time": "Tiempo sin planificar",
    "presentation": "Presentación y discusión",
    "overrun": "Este día se pasa {minutes} minutos de su hora de cierre, las {end}.",
    "in hand": "Los módulos terminan a las {finish}, {minutes} minutos antes del cierre del día a las {end}: "
               "tiempo de reserva para preguntas, un descanso más largo o para alargarse.",
    "for facilitators": "Para facilitadores", "objectives": "Lo que te llevarás", "page of": "de",
    "contents": "Contenido", "continued": "continuación",
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
    "per period": "por {period}", "not met": "no cumplido",
    "left out unknown:1": "Se dejó fuera 1 medición que nombra un indicador que el plan no tiene; ejecuta "
                          "aotext lint para verla.",
    "left out unknown": "Se dejaron fuera {count} mediciones que nombran un indicador que el plan no tiene; ejecuta "
                        "aotext lint para verlas.",
    "left out after end:1": "Se dejó fuera 1 medición contada después de que el plan terminara el {ends}; ejecuta "
                            "aotext lint para verla.",
    "left out after end": "Se dejaron fuera {count} mediciones contadas después de que el plan terminara el "
                          "{ends}; ejecuta aotext lint para verlas.",
    "left out before start:1": "Se dejó fuera 1 medición contada antes de que empezara su indicador; ejecuta "
                               "aotext lint para verla.",
    "left out before start": "Se dejaron fuera {count} mediciones contadas antes de que empezaran sus indicadores; "
                             "ejecuta aotext lint para verlas.",
    "need in days": "necesitamos {remaining} más en los {days} días que quedan",
    "need on the last day": "necesitamos {remaining} más en el último día",
    "need today": "necesitamos {remaining} más hoy, el último día",
    "after due:1": "1 medición contada después de su fecha límite no cuenta",
    "after due": "{count} mediciones contadas después de su fecha límite no cuentan",
    "need by date": "necesitamos {remaining} más para el {date}, unos {rate} por semana",
    "move to level": "pasar de '{current}' a '{goal}' para el {date}",
    "this period:week": "esta semana: {period}", "this period:month": "este mes: {period}",
    "this period:quarter": "este trimestre: {period}", "this period:year": "este año: {period}",
    "part of period": "del {first} al {last}: {target}",
    "record": "cumplido en {met} de {periods}", "met last": "cumplido {period}", "missed last": "no cumplido {period}",
    "last period:week": "la semana pasada", "last period:month": "el mes pasado",
    "last period:quarter": "el trimestre pasado", "last period:year": "el año pasado",
    "last periods:week": "las últimas {count} semanas", "last periods:month": "los últimos {count} meses",
    "last periods:quarter": "los últimos {count} trimestres", "last periods:year": "los últimos {count} años",
    "missed": "no cumplido: la meta no se alcanzó para el {date}, {why}",
    "missed period": "no cumplido: la meta de {period} no se alcanzó para el {date}, {why}",
    "why:due": "su fecha límite", "why:ends": "el último día del plan", "and": "y",
    "cannot judge": "no se puede evaluar: {why}; corrígelo en el plan (aotext lint muestra la línea)",
    "unreadable:no target": "no tiene 'target'",
    "unreadable:target not a number": "su 'target' no es un número (0 o más)",
    "unreadable:no scale": "no tiene una 'scale' de al menos dos respuestas",
    "unreadable:no target_level": "no tiene 'target_level'",
    "unreadable:target_level off the scale": "su 'target_level' no es una de las respuestas de su escala ({scale})",
    "too long": "no se puede evaluar: iría del {start} al {end}; ¿hay un año mal escrito? (aotext lint muestra la "
                "línea)",
    "benchmark met": "Indicador cumplido: {title}",
    "period:week": "semana del {date}", "period:month": "{month} de {year}",
    "period:quarter": "trimestre {quarter} de {year}", "period:year": "{year}",
    **{f"month:{number}": name for number, name in enumerate(
        ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
         "noviembre", "diciembre"), start=1)},
    "target mark": "meta", "nothing measured": "nada medido todavía", "of the target": "{progress} de la meta",
    "expected share": "{share} esperado a la fecha",
    "chart words": "El avance de cada indicador frente a su meta: {benchmarks}.",
    "progress so far": "Avance: {progress}", "expected by now": "esperado a la fecha: {share}",
    "over time": "Mediciones en el tiempo: {measurements}.",
    "module minutes": "{minutes} minutos.", "activities": "Actividades", "min": "min",
    "activity minutes": "{minutes} minutos",
    "kind:group-activity": "actividad en grupos", "kind:report-back": "puesta en común", "kind:question": "pregunta",
    "kind:skit": "escena", "kind:whole-room-activity": "actividad con toda la sala",
    "kind:pair-practice": "práctica en parejas", "kind:presentation": "presentación", "kind:break": "descanso",
    "role cards": "Tarjetas de rol", "played by": "Quién lee esta tarjeta:", "cut here": "cortar por esta línea",
    "card:already_does": "Lo que ya haces", "card:sees_it": "Cómo lo ves",
    "card:contradictions": "Dónde se contradice tu historia", "card:fears": "Lo que te da miedo",
    "card:steps": "Los pasos", "card:how_to_play": "Cómo interpretar el papel",
    "scenarios subtitle": "Para los grupos: el lugar, la gente y la historia de cada escenario, y respuestas "
                          "modelo a las preguntas sobre su terreno",
    "setting": "Lugar.", "people": "La gente.", "begins": "Dónde empieza la organización:",
    "begins:spontaneous-activity": "actividad espontánea en torno a un lugar de trabajo, un barrio o una comunidad",
    "begins:deplorable-conditions": "condiciones deplorables que vemos, y sentimos que hay potencial para "
                                    "organizarse y resistirlas",
    "begins:a-mix": "una mezcla: algo de espontaneidad, y también algunas relaciones existentes e historia de lucha",
    "model answers": "El terreno: respuestas modelo",
    "not answered": "Este escenario aún no responde a esta pregunta.",
    "enemies": "Enemigos", "allies": "Posibles aliados",
    "terrain:networks": "¿Cómo se relaciona la gente entre sí? ¿Qué infraestructuras orgánicas o redes existen "
                        "ya?",
    "terrain:adapting_and_resisting": "¿Cómo se ha adaptado la gente a sus condiciones, o cómo las ha resistido?",
    "terrain:identities": "¿Cuáles son las identidades y la posición social de las personas afectadas?",
    "terrain:enemies_and_allies": "¿Quiénes son los enemigos y los posibles aliados en la lucha?",
    "terrain:research": "¿Qué tipo de investigación nos ayudará a entender mejor el terreno?",
    "terrain:history": "¿Cuál es la historia de lucha en la zona?",
    "terrain:understanding_of_oppression": "¿Cómo entiende la gente su opresión?",
    "terrain:ideas_for_fighting_back": "¿Qué ideas tiene la gente ahora mismo sobre cómo contraatacar?",
    "terrain:repression": "¿Qué tipo de represión podríamos enfrentar?",
    "terrain:ourselves": "¿Qué necesitamos saber sobre nosotros mismos?",
    "plan scenario": "Escenario: {scenario}", "plan started": "empezó el {date}", "plan runs to": "hasta el {date}",
    "plan reflects": "reflexionamos cada {every}",
    "goals": "Objetivos: lo que esperamos lograr", "strategies": "Estrategias: cómo queremos lograrlo",
    "tactics": "Tácticas: lo concreto para llegar ahí",
    "benchmarks": "Indicadores: cómo sabemos que vamos por buen camino",
    "letter:goal": "O", "letter:strategy": "E", "letter:tactic": "T", "serves": "sirve a {parts}",
    "measures": "Mide", "when": "Cuándo", "if we miss it": "Si no lo logramos", "on scale": "en la escala:",
    "combine:sum": "acumulado", "combine:latest": "último recuento",
    "each period": "cada {period}", "from date": "desde el {date}", "by date": "para el {date}",
    "every period": "cada {period}",
    "unit:day": "día", "unit:days": "días", "unit:week": "semana", "unit:weeks": "semanas", "unit:month": "mes",
    "unit:months": "meses", "unit:quarter": "trimestre", "unit:year": "año",
    "ready": "Listo", "where used": "Dónde lo usa el taller", "written by": ", de",
    "index title": "{collective}: materiales", "for participants": "Para participantes",
    "for coordinators": "Para coordinadores", "shareable dashboard": "Cómo van los planes",
    "counts only": "solo el número de personas",
    "nothing built": "Todavía no se ha preparado nada: ejecuta `make handouts`.",
    "file:.html": "página web", "file:.pdf": "PDF, para imprimir", "file:.docx": "documento de Word, para editar",
    "file:.pptx": "diapositivas de PowerPoint",
    **dashboard.SPANISH,
}
LABELS: dict[Language, dict[str, str]] = {"en": ENGLISH, "es": _SPANISH}


def labels(lang: str) -> Mapping[str, str]:
    """The words of `lang`; English for a language aotext does not ship (lint reports it)."""
    return next((words for language, words in LABELS.items() if language == lang), ENGLISH)


def kind_words(words: Mapping[str, str], kind: str | None) -> str:
    """An activity's kind in words; one the labels lack (lint reports it) as it is spelt."""
    return words.get(f"kind:{kind}", (kind or "").replace("-", " "))


def days_words(days: int, words: Mapping[str, str], none: str, before: str, after: str) -> str:
    """A day `days` before a date (after it when negative) in words: the label `none`
    on the day itself, else `before` or `after` with its {time} ('3 days ago', 'in 1 day')."""
    if days == 0:
        return words[none]
    time = plural(abs(days), words["unit:day"], words["unit:days"])
    return words[before if days > 0 else after].format(time=time)


def period_words(words: Mapping[str, str], every: str) -> str:
    """A span a plan states in English units ('2 weeks', 'month'), in the handout's words; anything else
    (lint reports it) as it is written."""
    count, _, unit = every.rpartition(" ")
    return " ".join(part for part in (count, words.get(f"unit:{unit}", unit)) if part)
