"""The dashboard page's own words, in each language aotext ships, besides
those it shares with the handouts (statuses, the report's headings, notes
and charts). aotext.handouts.labels adds them to its tables, so that
`labels(lang)` holds every word aotext writes; they are kept here, by the
page that prints them, so that the handouts' table stays one to read.

A key with a colon is one of a family looked up by a benchmark's status
(`benchmarks:on track`) or a conversation note's assessment
(`assessed:leader`). What follows a count has a word for one and one for
any other number ("benchmark:", "benchmarks:"; "call overdue", "calls
overdue"): Spanish says "1 atrasado" and "3 atrasados"."""

from __future__ import annotations

ENGLISH = {
    # The title, the notices at the top and the list of contents.
    "dashboard title": "Dashboard as of {date}", "shareable dashboard title": "Shareable dashboard as of {date}",
    "page as of": "as of {date}",
    "shareable notice": "A page to share: the plans in full, and people only as counts. Any count of people under "
                        "{count} is shown as “{fewer}”, and a count that with the others would tell one is not "
                        "shown, so nobody can be picked out.",
    "fewer than": "fewer than {count}",
    # A count left out so that, with the others and their total, it cannot tell a count under 3.
    "not shown": "not shown",
    "private": "Private.",
    "private notice": "This page names the people you organize and what they told you. Keep it on your own "
                      "computer: do not publish it, email it or copy it into build/. To share how the plans are "
                      "doing, run {command}.",
    "left out": "Something is left out.",
    "unread document": "{count} document could not be read in full, so this page may miss what it says. Run {lint} "
                       "to see where, fix it, and make this page again.",
    "unread documents": "{count} documents could not be read in full, so this page may miss what they say. Run "
                        "{lint} to see where, fix it, and make this page again.",
    "at a glance": "At a glance", "at a glance holds": "every plan's benchmarks",
    "follow-ups": "Follow-ups", "follow-ups hold": "who to call", "follow-ups count": "how many are due",
    "organizing chart": "Organizing chart", "each plan": "Each plan in full",
    "each plan holds": "what to celebrate, what we said we would do if we missed, every benchmark",
    # The plans at a glance, and each plan in full.
    "no plans": "There are no plans to show yet. Start one with {command}.",
    "glance intro": "How many of each plan's benchmarks are in each state, and when each group reflects next. A "
                    "plan's name leads to it in full.",
    "plan": "Plan", "next reflection": "Next reflection", "overdue since": "overdue since {date}",
    # How many benchmarks are in a status: "1 met", "3 behind"; the at-a-glance columns too.
    "benchmark:met": "met", "benchmark:on track": "on track", "benchmark:behind": "behind",
    "benchmark:overdue": "overdue", "benchmark:no data": "without data", "benchmark:not started": "not started yet",
    "benchmarks:met": "met", "benchmarks:on track": "on track", "benchmarks:behind": "behind",
    "benchmarks:overdue": "overdue", "benchmarks:no data": "without data", "benchmarks:not started": "not started yet",
    "today": "today", "ago": "{time} ago", "in time": "in {time}",
    "last reflection": "Last reflection: {date} ({ago}).", "no reflection yet": "No reflection log yet.",
    "reflection was due": "was due on {date} ({ago})", "hold a reflection": "hold one and add its log",
    "reflection is due": "is due on {date}",
    "reflects every": "The group reflects every {every}: the next reflection {when}.",
    "reflect_every unreadable": "The plan's {field} ({every}) cannot be read, so the next reflection's date is not "
                                "known: {lint} shows the line.",
    "no reflect_every": "The plan does not say how often the group reflects (add {example}, say).",
    "celebrates thing": "The latest reflection celebrates {count} thing; the private dashboard lists them.",
    "celebrates things": "The latest reflection celebrates {count} things; the private dashboard lists them.",
    "nothing to celebrate": "Nothing yet from the latest reflection.",
    "misses": "Behind or overdue: what we said we would do",
    "no if_missed": "the plan does not say what to do if it is missed; add {field} to it.",
    "plan ends on": "; the plan ends on {date}", "counts by state": "How many benchmarks are in each state",
    "benchmarks heading": "Benchmarks",
    "no benchmarks": "This plan has no benchmarks yet: how will you know you are on your way?",
    # A benchmark's card.
    "now": "Now",
    "progress caption": "Progress against the target (the solid line); the dashed line is the pace expected by now.",
    "history caption": "Measurements over time; the dotted line is the target.",
    "history caption each": "Measurements over time; the dotted line is the target for each {period}.",
    "the numbers": "The numbers", "counted": "Counted", "yes": "yes", "no": "no", "counted on": "Counted on",
    "answer": "Answer", "value": "Value", "reflection log": "Reflection log",
    # The follow-ups and the organizing chart.
    "assessed:leader": "leader", "assessed:supporter": "supporter", "assessed:undecided": "undecided",
    "assessed:pass": "pass", "not assessed": "not assessed",
    "assessments:leader": "Leaders", "assessments:supporter": "Supporters", "assessments:undecided": "Undecided",
    "assessments:pass": "Passes",
    "cadence of:leader": "leaders", "cadence of:supporter": "supporters", "cadence of:undecided": "undecided people",
    "cadence of:pass": "passes",
    "no contact for": "no contact for {days} days; {people} every {every}",
    "no owner": "(no owner)", "no scenario": "(no scenario)",
    "nobody due": "Nobody is due a follow-up in the next {days} days.",
    "who": "Who", "assessment": "Assessment", "asked": "Asked",
    "overdue by": "{time} overdue", "due today": "due today", "due in": "due in {time}",
    "only people met": "Only the people met in {scenarios}, {which}; notes that name another scenario, or none, are "
                       "left out here.",
    "scenario of plan": "the scenario of the plan shown", "scenario of plans": "the scenario of the plans shown",
    "scenarios of plan": "the scenarios of the plan shown", "scenarios of plans": "the scenarios of the plans shown",
    "call overdue": "overdue", "calls overdue": "overdue", "calls due soon": "due today or in the next {days} days",
    "chart intro": "Everyone's latest assessment, and who was contacted in the last {days} days.",
    "group": "Group", "people count": "People", "contacted recently": "Contacted in the last {days} days",
    "not contacted": "No contact for longer", "past cadence": "Past their cadence",
    "chart columns": "“No contact for longer”: how many people nobody has talked to in the last {days} days (on the "
                     "private page, who). “Past their cadence”: how many are due another conversation by their "
                     "latest assessment, a leader every 2 weeks say ({field} in aotext.yaml), and have not had it.",
    "organizer row": "Organizer: {group}", "scenario row": "Scenario: {group}", "everyone": "Everyone",
    # The page's script: its button that shows only what needs attention.
    "show attention": "Show only what is behind, overdue or without data", "show all": "Show every benchmark",
    "nothing needs attention": "Nothing is behind, overdue or without data.",
}
SPANISH = {
    "dashboard title": "Panel de coordinación al {date}",
    "shareable dashboard title": "Panel de coordinación para compartir, al {date}",
    "page as of": "al {date}",
    "shareable notice": "Una página para compartir: los planes completos y, de las personas, solo cuántas son. "
                        "Cualquier número de personas menor que {count} aparece como “{fewer}”, y no se muestra el "
                        "número que, con los demás, lo revelaría, para que no se pueda reconocer a nadie.",
    "fewer than": "menos de {count}",
    "not shown": "no se muestra",
    "private": "Privado.",
    "private notice": "Esta página nombra a las personas que organizas y lo que te contaron. Guárdala en tu propia "
                      "computadora: no la publiques, no la mandes por correo ni la copies en build/. Para compartir "
                      "cómo van los planes, ejecuta {command}.",
    "left out": "Falta algo.",
    "unread document": "{count} documento no se pudo leer completo, así que puede que a esta página le falte lo que "
                       "dice. Ejecuta {lint} para ver dónde, corrígelo y vuelve a crear esta página.",
    "unread documents": "{count} documentos no se pudieron leer completos, así que puede que a esta página le falte "
                        "lo que dicen. Ejecuta {lint} para ver dónde, corrígelos y vuelve a crear esta página.",
    "at a glance": "De un vistazo", "at a glance holds": "los indicadores de cada plan",
    "follow-ups": "Seguimientos", "follow-ups hold": "a quién llamar", "follow-ups count": "cuántos tocan",
    "organizing chart": "Cuadro de organización", "each plan": "Cada plan completo",
    "each plan holds": "qué celebrar, qué dijimos que haríamos si no lo lográbamos, cada indicador",
    "no plans": "Todavía no hay planes que mostrar. Empieza uno con {command}.",
    "glance intro": "Cuántos indicadores de cada plan hay en cada estado, y cuándo es la próxima reflexión de cada "
                    "grupo. El nombre de un plan lleva al plan completo.",
    "plan": "Plan", "next reflection": "Próxima reflexión", "overdue since": "atrasada desde el {date}",
    "benchmark:met": "cumplido", "benchmark:on track": "en camino", "benchmark:behind": "atrasado",
    "benchmark:overdue": "vencido", "benchmark:no data": "sin datos", "benchmark:not started": "sin empezar todavía",
    "benchmarks:met": "cumplidos", "benchmarks:on track": "en camino", "benchmarks:behind": "atrasados",
    "benchmarks:overdue": "vencidos", "benchmarks:no data": "sin datos",
    "benchmarks:not started": "sin empezar todavía",
    "today": "hoy", "ago": "hace {time}", "in time": "dentro de {time}",
    "last reflection": "Última reflexión: {date} ({ago}).",
    "no reflection yet": "Todavía no hay ningún registro de reflexión.",
    "reflection was due": "tocaba el {date} ({ago})", "hold a reflection": "convoca una y añade su registro",
    "reflection is due": "toca el {date}",
    "reflects every": "El grupo reflexiona cada {every}: la próxima reflexión {when}.",
    "reflect_every unreadable": "No se puede leer el {field} del plan ({every}), así que no se sabe la fecha de la "
                                "próxima reflexión: {lint} muestra la línea.",
    "no reflect_every": "El plan no dice cada cuánto reflexiona el grupo (añade, por ejemplo, {example}).",
    "celebrates thing": "La última reflexión celebra {count} cosa; el panel privado la muestra.",
    "celebrates things": "La última reflexión celebra {count} cosas; el panel privado las muestra.",
    "nothing to celebrate": "Todavía nada que celebrar de la última reflexión.",
    "misses": "Atrasados o vencidos: lo que dijimos que haríamos",
    "no if_missed": "el plan no dice qué hacer si no se cumple; añádele {field}.",
    "plan ends on": "; el plan termina el {date}", "counts by state": "Cuántos indicadores hay en cada estado",
    "benchmarks heading": "Indicadores",
    "no benchmarks": "Este plan todavía no tiene indicadores: ¿cómo sabremos que vamos por buen camino?",
    "now": "Ahora",
    "progress caption": "El avance frente a la meta (la línea continua); la línea de trazos es el ritmo esperado a la "
                        "fecha.",
    "history caption": "Las mediciones en el tiempo; la línea de puntos es la meta.",
    "history caption each": "Las mediciones en el tiempo; la línea de puntos es la meta de cada {period}.",
    "the numbers": "Los números", "counted": "Contado", "yes": "sí", "no": "no", "counted on": "Contado el",
    "answer": "Respuesta", "value": "Valor", "reflection log": "Registro de reflexión",
    "assessed:leader": "líder", "assessed:supporter": "simpatizante", "assessed:undecided": "indeciso",
    "assessed:pass": "no interesado", "not assessed": "sin evaluar",
    "assessments:leader": "Líderes", "assessments:supporter": "Simpatizantes", "assessments:undecided": "Indecisos",
    "assessments:pass": "No interesados",
    "cadence of:leader": "los líderes", "cadence of:supporter": "los simpatizantes",
    "cadence of:undecided": "los indecisos", "cadence of:pass": "los no interesados",
    "no contact for": "{days} días sin contacto; a {people}, cada {every} días",
    "no owner": "(sin responsable)", "no scenario": "(sin escenario)",
    "nobody due": "Nadie tiene un seguimiento pendiente en los próximos {days} días.",
    "who": "Quién", "assessment": "Evaluación", "asked": "Qué se le pidió",
    "overdue by": "{time} de retraso", "due today": "toca hoy", "due in": "toca dentro de {time}",
    "only people met": "Solo las personas que conocimos en {scenarios}, {which}; aquí se dejan fuera las notas de "
                       "otro escenario o sin escenario.",
    "scenario of plan": "el escenario del plan que se muestra",
    "scenario of plans": "el escenario de los planes que se muestran",
    "scenarios of plan": "los escenarios del plan que se muestra",
    "scenarios of plans": "los escenarios de los planes que se muestran",
    "call overdue": "atrasado", "calls overdue": "atrasados", "calls due soon": "para hoy o los próximos {days} días",
    "chart intro": "La última evaluación de cada persona, y con quién hubo contacto en los últimos {days} días.",
    "group": "Grupo", "people count": "Personas", "contacted recently": "Con contacto en los últimos {days} días",
    "not contacted": "Sin contacto desde hace más", "past cadence": "Pasado su plazo de contacto",
    "chart columns": "«Sin contacto desde hace más»: cuántas personas no han hablado con nadie en los últimos {days} "
                     "días (en la página privada, quiénes). «Pasado su plazo de contacto»: cuántas tocaba volver a "
                     "contactar según su última evaluación, un líder cada 2 semanas por ejemplo ({field} en "
                     "aotext.yaml), y no se ha hecho.",
    "organizer row": "Organiza: {group}", "scenario row": "Escenario: {group}", "everyone": "Todas las personas",
    "show attention": "Mostrar solo lo atrasado, vencido o sin datos", "show all": "Mostrar todos los indicadores",
    "nothing needs attention": "No hay nada atrasado, vencido ni sin datos.",
}
