"""German wordings of the scored predicates, as patterns over one sentence.

Each pattern names the predicate, how its object is found (`kind`) and, for separable or
perfect verbs, the object region between the verb and its closing part (group `obj`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# kind: address = actors right after the verb, the rest is the action (requests, tasks);
# passive = "X wird gebeten": the issuer speaks, X is the addressee;
# thing = an object phrase after the verb (welcomes, adopts, supports, finances ...).
PATTERNS: list[tuple[str, str, str]] = [
    (
        "REQUESTS",
        "passive",
        r"\b(?:wird|werden|soll|sollen)\b(?P<obj>[^,.;]{0,80}?)\b"
        r"(?:gebeten|ersucht|aufgefordert)\b(?:\s+werden)?",
    ),
    (
        "TASKS",
        "passive",
        r"\b(?:wird|werden|soll|sollen)\b(?P<obj>[^,.;]{0,80}?)\bbeauftragt\b"
        r"(?:\s+werden)?",
    ),
    (
        "INVITES",
        "passive",
        r"\b(?:wird|werden|soll|sollen)\b(?P<obj>[^,.;]{0,80}?)\beingeladen\b"
        r"(?:\s+werden)?",
    ),
    (
        "ESTABLISHES",
        "passive",
        r"\b(?:wird|werden)\b(?P<obj>[^;]{1,200}?)\b(?:eingerichtet|eingesetzt|errichtet|"
        r"gebildet|gegründet)\b(?!\s+(?:hat|haben|ist|sind|wurde|wurden))",
    ),
    (
        "REQUESTS",
        "address",
        r"\b(?:bittet|bitten|ersucht|ersuchen|appelliert\s+an|appellieren\s+an)\b",
    ),
    ("REQUESTS", "address", r"\b(?:fordert|fordern)\b(?P<obj>.{1,120}?)\bauf\b"),
    ("TASKS", "address", r"\b(?:beauftragt|beauftragen)\b"),
    ("INVITES", "address", r"\b(?:lädt|laden)\b(?P<obj>.{1,120}?)\bein\b"),
    ("INFORMS", "dative", r"\b(?:hat|haben)\b(?P<obj>.{1,160}?)\b(?:übermittelt|zugeleitet|"
     r"unterrichtet|informiert)\b"),
    ("INFORMS", "address", r"\b(?:unterrichtet|unterrichten|informiert|informieren|"
     r"berichtet|berichten)\b"),
    ("COOPERATES_WITH", "dative", r"\b(?:bezieht|beziehen)\b(?P<obj>.{1,200}?)\bein\b"),
    ("INFORMS", "dative", r"\b(?:übermittelt|übermitteln)\b(?P<obj>(?:(?!\s+und\s+(?!(?:den|die|"
     r"der|dem|das|des|einen?|einem)\s)[a-zäöü]+(?:t|en)\s)[^.;]){1,160})"),
    ("RECOMMENDS", "address", r"\b(?:empfiehlt|empfehlen)\b"),
    ("RECOMMENDS", "address", r"\b(?:hat|haben)\b(?P<obj>.{0,160}?)\bempfohlen\b"),
    (
        "TAKES_NOTE",
        "thing",
        r"\b(?:nimmt|nehmen)\b(?P<obj>.{1,200}?)\b(?:zur\s+Kenntnis|z\.\s?K\.)",
    ),
    ("WELCOMES", "thing", r"\b(?:begrüßt|begrüßen)\b"),
    ("ADOPTS", "thing", r"\b(?:beschließt|beschließen|verabschiedet|verabschieden|billigt|billigen|"
     r"genehmigt|genehmigen)\b(?!\s*:)"),
    ("ADOPTS", "thing", r"\b(?:stimmt|stimmen)\b(?P<obj>.{1,160}?)\bzu\b(?=[\s.,;]|$)"),
    ("ADOPTS", "thing", r"\b(?:hat|haben)\b(?P<obj>.{1,160}?)\bbeschlossen\b(?!\s*:)"),
    ("ADOPTS", "thing", r"(?P<obj>)\bbeschlossen\s+(?:hat|haben)\b"),
    ("ESTABLISHES", "thing", r"(?P<obj>)\b(?:eingesetzt|eingerichtet|errichtet|gegründet)\s+"
     r"(?:hat|haben)\b"),
    ("SUPPORTS", "thing", r"\b(?:unterstützt|unterstützen)\b"),
    ("SUPPORTS", "thing", r"\b(?:erklärt|erklären)\b.{0,80}?\b(?:Bereitschaft|Unterstützung)\b"),
    ("RESPONSIBLE_FOR", "thing", r"\b(?:übernimmt|übernehmen)\b.{0,80}?\bVerantwortung\b"),
    ("RESPONSIBLE_FOR", "inverted", r"^\s*Zuständig\b(?P<obj>.{1,160}?)\b(?:ist|sind)\b"),
    ("LEADS", "lead", r"\bunter\s+(?:der\s+|dem\s+)?(?:gemeinsamen\s+)?(?:Federführung|Vorsitz|"
     r"Leitung)\s+(?:von\s+|des\s+|der\s+)?"),
    ("LEADS", "lead", r"\bFederführung\b(?P<obj>.{0,120}?)\b(?:liegt|liegen)\s+(?:bei|beim)\s+"),
    ("LEADS", "lead", r"\b(?:Federführung|Leitung|Vorsitz)\b(?P<obj>.{0,120}?)\b"
     r"(?:obliegt|obliegen)\s+"),
    ("LEADS", "lead", r"\b(?:Den\s+Vorsitz|Die\s+Leitung|Die\s+Federführung)\s+(?:führt|führen|hat|"
     r"haben|übernimmt|übernehmen)\s+"),
    ("LEADS", "lead", r"\bfederführend\s+(?:von|vom|durch)\s+"),
    ("LEADS", "lead", r"\b(?:leitet|leiten|übernimmt|übernehmen)\b(?P<obj>.{0,80}?)\b(?:den\s+"
     r"Vorsitz|die\s+Federführung|die\s+Leitung)\b"),
    (
        "RESPONSIBLE_FOR",
        "thing",
        r"\b(?:ist|sind|sieht\s+sich|sehen\s+sich)\b(?P<obj>.{0,120}?)"
        r"\bzuständig\b",
    ),
    ("FINANCES", "thing", r"(?<!zu )\b(?:fördert|finanziert|finanzieren)\b"),
    ("FINANCES", "thing", r"\bsich\b(?P<obj>[^;]{1,160}?(?:Euro|€|%|Prozent)[^;]{0,80}?)"
     r"\b(?:beteiligt|beteiligen)\b"),
    ("FINANCES", "thing", r"\b(?:beteiligt|beteiligen)\s+sich\b"
     r"(?=[^.;]{0,120}?(?:Euro|€|%|Prozent))"),
    (
        "FINANCES",
        "passive",
        r"\b(?:wird|werden)\b(?P<obj>[^;]{1,200}?)\b(?:bereitgestellt|zur\s+Verfügung\s+gestellt)"
        r"(?!\s+(?:hat|haben|ist|sind|wurde|wurden))",
    ),
    (
        "FINANCES",
        "thing",
        r"\b(?:stellt|stellen)\b(?P<obj>.{1,160}?)\b(?:bereit|zur\s+Verfügung)\b",
    ),
    ("FINANCES", "thing", r"\b(?:trägt|tragen)\b(?=[^.;]{0,80}?(?:\b(?:Kosten|Eigenanteil|Anteil|"
     r"Hälfte|Prozent|Drittel|Viertel|Euro|\w*[Bb]eitrag)\b|\d\s*%|€))"),
    (
        "ESTABLISHES",
        "thing",
        r"\b(?:setzt|setzen|richtet|richten)\b(?P<obj>.{1,160}?)\bein\b"
        r"(?=[\s.,;]|$)",
    ),
    ("ESTABLISHES", "thing", r"\b(?:errichtet|errichten)\b"),
    (
        "ESTABLISHES",
        "thing",
        r"\b(?:hat|haben)\b(?P<obj>.{1,160}?)\b(?:eingesetzt|eingerichtet|"
        r"errichtet)\b",
    ),
]
COMPILED = [(p, k, re.compile(rx)) for p, k, rx in PATTERNS]
OBLIGATIONS = {"REQUESTS", "TASKS", "RECOMMENDS", "INVITES", "INFORMS"}
NEGATION = re.compile(r"\b(?:nicht|keine[nmrs]?|weder|abgelehnt)\b|\blehnt\b.*\bab\b")
SUBJUNCTIVE = re.compile(r"\b(?:würde[nt]?|wäre[nt]?|könnte[nt]?|hätte[nt]?|müsste[nt]?)\b")


@dataclass
class Trigger:
    predicate: str
    kind: str
    start: int
    end: int
    obj_start: int | None
    obj_end: int | None


def find_triggers(sentence: str) -> list[Trigger]:
    """Predicate wordings in a sentence, earliest first, overlapping matches dropped."""
    found: list[Trigger] = []
    for predicate, kind, pattern in COMPILED:
        for m in pattern.finditer(sentence):
            has_obj = "obj" in pattern.groupindex and m.group("obj") is not None
            found.append(
                Trigger(
                    predicate,
                    kind,
                    m.start(),
                    m.end(),
                    m.start("obj") if has_obj else None,
                    m.end("obj") if has_obj else None,
                )
            )
    found.sort(key=lambda t: (t.start, -(t.end - t.start)))
    result: list[Trigger] = []
    for trig in found:
        if trig.kind != "lead" and any(
            t.kind != "lead" and (t.start <= trig.start < t.end or trig.start <= t.start < trig.end)
            for t in result
        ):
            continue
        result.append(trig)
    # A chair or lead named inside another wording ("setzt … unter Vorsitz von X ein") is
    # read after it, when the body it leads is known.
    return [t for t in result if t.kind != "lead"] + [t for t in result if t.kind == "lead"]
