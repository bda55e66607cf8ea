"""German noun phrases for gazetteer actors: article and case forms the extractor must read.

Only actors whose inflection is regular enough to write correctly are offered as addressees;
the gazetteer's patterns accept the case endings used here ("dem IT-Planungsrat",
"den Ländern", "des Bundes").
"""

from __future__ import annotations

from dataclasses import dataclass

from ontology.gazetteer import Actor

# nominative, accusative, dative, genitive article by grammatical gender ("p" = plural).
ARTICLES = {"f": ("die", "die", "der", "der"), "m": ("der", "den", "dem", "des"),
            "n": ("das", "das", "dem", "des"), "p": ("die", "die", "den", "der")}
CASES = ("nom", "acc", "dat", "gen")


@dataclass(frozen=True)
class Phrase:
    """How to write one actor in each case, and the names a reader may give it."""

    actor_id: str
    forms: tuple[str, str, str, str]
    plural: bool
    names: tuple[str, ...]
    pronoun: str  # nominative pronoun for a later point ("Sie", "Er")

    def case(self, case: str) -> str:
        return self.forms[CASES.index(case)]


def _alternatives(actor: Actor) -> tuple[str, ...]:
    names = [actor.id, actor.name, *(actor.aliases or ())]
    if actor.abbr:
        names.append(actor.abbr)
    return tuple(dict.fromkeys(names))


def phrase(actor: Actor, short: bool = False) -> Phrase | None:
    """Case forms for an actor, or None when it is not offered (irregular inflection).

    `short` writes the abbreviation (\"das BMI\", \"die DMK\") where the actor has one.
    """
    names = _alternatives(actor)
    key, name = actor.type_key, actor.name
    abbr = actor.abbr if short and actor.abbr and actor.abbr.isascii() else None
    if actor.id == "DE":
        return Phrase(actor.id, ("der Bund", "den Bund", "dem Bund", "des Bundes"),
                      False, names, "Er")
    if actor.id == "DE-LAENDER":
        return Phrase(actor.id, ("die Länder", "die Länder", "den Ländern", "der Länder"),
                      True, names, "Sie")
    if actor.id == "KSV":
        return Phrase(actor.id, ("die kommunalen Spitzenverbände",
                                 "die kommunalen Spitzenverbände",
                                 "den kommunalen Spitzenverbänden",
                                 "der kommunalen Spitzenverbände"), True, names, "Sie")
    if actor.id in {"DST", "DLT"}:
        stem = name.removeprefix("Deutscher ")
        return Phrase(actor.id, (f"der Deutsche {stem}", f"den Deutschen {stem}",
                                 f"dem Deutschen {stem}", f"des Deutschen {stem}es"),
                      False, names, "Er")
    if key == "land":
        return Phrase(actor.id, (f"das Land {name}", f"das Land {name}", f"dem Land {name}",
                                 f"des Landes {name}"), False, names, "Es")
    if key == "committee" and name.endswith("rat"):
        word = abbr or name
        return Phrase(actor.id, (f"der {word}", f"den {word}", f"dem {word}",
                                 f"des {word}{'' if abbr else 's'}"), False, names, "Er")
    if key == "conference" and (name.endswith("konferenz") or abbr):
        return _simple(actor.id, abbr or name, "f", names, "Sie")
    if key == "federal_ministry" and name.startswith("Bundesministerium"):
        if abbr:
            return _simple(actor.id, abbr, "n", names, "Es")
        first, _, rest = name.partition(" ")
        return Phrase(actor.id, (f"das {name}", f"das {name}", f"dem {name}",
                                 f"des {first}s {rest}"), False, names, "Es")
    if actor.id in {"FITKO", "KfW"}:
        return _simple(actor.id, abbr or name, "f", names, "Sie")
    if actor.id in {"BSI", "BBK"}:
        return _simple(actor.id, abbr or name, "n", names, "Es")
    return None


def _simple(actor_id: str, word: str, gender: str, names: tuple[str, ...],
            pronoun: str) -> Phrase:
    arts = ARTICLES[gender]
    return Phrase(actor_id, tuple(f"{a} {word}" for a in arts),  # type: ignore[arg-type]
                  gender == "p", names, pronoun)


def land_phrase(actor: Actor) -> Phrase:
    """A Land named bare ("Bayern"), as in submitter lists and Protokollerklärungen."""
    return Phrase(actor.id, (actor.name,) * 4, False, _alternatives(actor), "Es")


def coordinate(parts: list[str]) -> str:
    """'a', 'a und b', 'a, b und c'."""
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " und " + parts[-1]


def cap(text: str) -> str:
    """Capitalise the first letter (sentence start) without touching the rest."""
    return text[:1].upper() + text[1:]
