"""Who leads, who works with whom, and which initiative a statement is about."""

from __future__ import annotations

import re

from loaders.clauses import addressees, matter
from loaders.mentions import Mention
from loaders.records import ActorRef, MatterRef, slug

FOR_PP = re.compile(
    r"\b[Ff]ür\s+(?P<obj>(?:die|den|das)\s+[^,;]+?)(?=\s+(?:hat|haben|ist|sind|"
    r"wird|werden|liegt|übernimmt|als)\b|,|;|$)"
)
COOP = re.compile(r"\b(?:gemeinsam\s+mit|in\s+(?:enger\s+)?(?:Abstimmung|Zusammenarbeit)\s+mit|"
                  r"(?:Zweck|Kooperations|Verwaltungs)vereinbarung(?:en)?\s+mit)\s+")
# Head words of programmes, plans, funds, platforms and projects.
INITIATIVE_HEAD = (r"(?:plan|programm|fonds|plattform|projekt|kompetenzzentrum|pakt|strategie|"
                   r"initiative|offensive|netzwerk)")
INITIATIVE = re.compile(
    r"(?<![\w\-])(?P<adj>[A-ZÄÖÜ][a-zäöü]+e\s+)?(?P<head>[A-ZÄÖÜ][\w\-]*?(?i:" + INITIATIVE_HEAD
    + r"))(?P<end>e|es|s|en|n)?(?![\w\-])(?P<name>\s+„[^“”]{2,80}[“”]|(?:\s+(?!Euro\b)"
    r"[A-ZÄÖÜ][\w\-.]*)+)?"
)
ADJ_NOT_NAME = {"Die", "Der", "Das", "Eine", "Diese", "Seine", "Ihre", "Beide", "Keine"}


def _lemma(head: str) -> str:
    return head.lower()


def find_initiatives(text: str) -> dict[str, MatterRef]:
    """Initiatives a text names, by the lower-cased head word: "Stufenplan" -> Stufenplan
    „Smarte Städte und Regionen“ (the fullest name the text gives it)."""
    out: dict[str, MatterRef] = {}
    for m in INITIATIVE.finditer(text):
        head = m.group("head")
        if len(head) < 6:
            continue
        adj = m.group("adj") or ""
        if adj.strip() in ADJ_NOT_NAME:
            adj = ""
        tail = (m.group("name") or "").rstrip(".")
        if not tail.strip().startswith("„"):  # a quoted name may itself hold "und"
            tail = re.split(r"\s+(?:und|sowie|oder)\b", tail)[0]
        words = tail.split()
        if words and not tail.strip().startswith("„"):
            words = [w for w in words[:4] if not w.endswith(",")] or words[:1]
            tail = " " + " ".join(words)
        name = f"{adj}{head}{tail}".strip() if tail.strip().startswith("„") or words else \
            f"{adj}{head}".strip()
        key = _lemma(head)
        old = out.get(key)
        if old is None or len(name) > len(old.name) and "„" in name:
            out[key] = MatterRef(id=slug(name)[:80], name=name, type_key="initiative")
    return out


def concerned(obj: MatterRef, initiatives: dict[str, MatterRef]) -> MatterRef | None:
    """The initiative an object names or refers to ("Begleitung des Stufenplans")."""
    low = obj.name.lower()
    best = None
    for key, initiative in initiatives.items():
        named = re.search(re.escape(key) + r"(?:e|es|s|en|n)?\b", low)
        if named and (best is None or len(key) > len(best[0])):
            best = (key, initiative)
    return best[1] if best else None


def as_initiative(obj: MatterRef, initiatives: dict[str, MatterRef]) -> MatterRef:
    """An object that is itself a named initiative becomes that initiative."""
    for initiative in initiatives.values():
        if slug(obj.name) == initiative.id or obj.name == initiative.name:
            return initiative
    return obj


def leaders(sentence: str, pos: int, mentions: list[Mention]) -> list[ActorRef]:
    """The coordinated actors named right after a LEADS wording."""
    return [m.actor for m in addressees(sentence, pos, mentions) if not m.pronoun]


def led_object(sentence: str, title: str | None, established: ActorRef | None,
               subject: Mention | None, region: str = "",
               task: str | None = None) -> ActorRef | MatterRef | None:
    """What is led: a "für das Vorhaben" phrase, the body just set up, the committee that
    meets under the chair, else the resolution's subject."""
    pp = FOR_PP.search(region) or FOR_PP.search(sentence)
    if pp and re.search(r"\bFederführung\s+für\b", sentence + " " + region):
        obj = matter(pp.group("obj"), title)
        if obj is not None:
            return obj
    if subject is not None and subject.actor.type_key == "committee":
        return subject.actor
    if established is not None:
        return established
    if pp:
        obj = matter(re.sub(r"^\s*für\s+", "", pp.group("obj")), title)
        if obj is not None:
            return obj
    if task:  # "X wird beauftragt, eine Strategie vorzulegen. Die Federführung obliegt Y."
        obj = matter(task, title)
        if obj is not None:
            return obj
    return matter(title) if title else None


def partners_after(sentence: str, mentions: list[Mention]) -> tuple[int, list[ActorRef]]:
    """Position of "gemeinsam mit" and the actors it names, or (-1, [])."""
    m = COOP.search(sentence)
    if not m:
        return -1, []
    found = addressees(sentence, m.end(), mentions)
    return m.start(), [x.actor for x in found if not x.pronoun]
