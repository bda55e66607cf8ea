"""Bodies the gazetteer does not know: their head nouns, names and owner-scoped ids.

A named body ("Fachkommission Städtebau", "Arbeitsgruppe „KI in der Verwaltung“") gets a slug
of its full name. A bare generic head ("Beirat", "Verwaltung", "Vorsitz") means different
bodies in different documents, so its id is scoped to the body the text ties it to:
`BMWSB/beirat`, `ITPLR/vorsitz`, `stadt-ulm/verwaltung`.
"""

from __future__ import annotations

import re

from loaders.records import ActorRef, slug

# Head nouns of bodies the gazetteer does not know, with the class key they get.
HEADS = [
    ("konferenz", "conference"),
    (
        "beirat|ausschuss|kommission|arbeitsgemeinschaft|arbeitsgruppe|arbeitskreis|gremium|"
        "lenkungskreis|lenkungsgruppe|steuerungsgruppe|steuerungskreis|projektgruppe|"
        "taskforce|task\\s+force|gemeinderat|stadtrat|kreistag|kreisausschuss|landtag|rat|"
        "runde|kooperationsgruppe|expertengruppe|fachgruppe|aufbaustab",
        "committee",
    ),
    ("ministerium", "ministry"),
    (
        "vorsitzende[rn]?|vorsitz|oberbürgermeister(?:in)?|bürgermeister(?:in)?|landrat|"
        "landrätin|staatssekretär(?:in)?|beigeordnete[rn]?|dezernent(?:in)?|obleute|obmann|obfrau|"
        "bundesminister(?:in)?|staatsminister(?:in)?|federführer|themenpate|"
        "amtschefinnen\\s+und\\s+amtschefs|amtschef(?:in)?|projektleitung(?:en)?|vorsitzland",
        "office",
    ),
    (
        "verwaltung|stadtwerke|agentur|geschäftsstelle|behörde|bundesamt|landesamt|"
        "staatskanzlei|senatskanzlei|landesregierung|staatsregierung|transferstelle|dezernat|"
        "verkehrsverbund|zweckverband|gesellschaft|kompetenzstelle|koordinierungsstelle|"
        "stabsstelle|leitstelle|servicestelle|fachstelle|amt",
        "agency",
    ),
    ("vereinigung|verbände|verband|kammern|kammer", "association"),
    ("stadt|gemeinde|landkreis|kreis", "gemeinde"),
]
LEVELS = {"conference": "conference", "committee": "board", "ministry": "ministry",
          "land_ministry": "ministry",
          "office": "office", "agency": "agency", "association": "association",
          "gemeinde": "kommune", "kreis": "kommune"}
NOT_BODIES = {"vorrat", "unrat", "hausrat", "heirat", "verrat", "referat", "apparat", "großstadt",
              "innenstadt", "hauptstadt", "altstadt", "kleinstadt", "hansestadt",
              "zivilgesellschaft", "videokonferenz", "telefonkonferenz", "pressekonferenz",
              "schaltkonferenz", "landesverwaltung", "bundesverwaltung", "kommunalverwaltung",
              "justizverwaltung", "ehrenamt", "insgesamt", "gesamt", "beamt", "hauptamt",
              "nebenamt", "ehrenamte", "amt"}
HEAD_RE = re.compile(
    r"(?<![\w\-])(?:[A-ZÄÖÜ][\w]*-\s+und\s+)?(?P<head>(?=[A-ZÄÖÜ])(?i:[\w\-]*?)(?:"
    + "|".join(f"(?P<k{i}>(?i:{h[0]}))" for i, h in enumerate(HEADS))
    + r"))(?:e|es|s|en|n)?(?![\w\-])"
)
# Heads that are a body only with a name: "Kassenärztliche Vereinigung Sachsen-Anhalt".
NAMED_ONLY = {"gesellschaft", "verband", "rat", "kammer", "vereinigung", "agentur", "behörde"}
# Heads that name a function of some body rather than a body of their own.
GENERIC = {"verwaltung", "vorsitz", "oberbürgermeister", "oberbürgermeisterin", "bürgermeister",
           "bürgermeisterin", "geschäftsstelle", "landrat", "landrätin", "beirat", "arbeitsgruppe",
           "arbeitskreis", "projektgruppe", "steuerungsgruppe", "lenkungskreis", "lenkungsgruppe",
           "steuerungskreis", "ausschuss", "kommission", "gremium", "konferenz", "dezernat",
           "kreisausschuss", "stadtrat", "gemeinderat", "kreistag", "staatssekretär",
           "staatssekretärin", "beigeordneter", "beigeordnete", "beigeordneten", "dezernent",
           "dezernentin", "taskforce", "obleute", "obmann", "obfrau", "staatskanzlei",
           "senatskanzlei", "federführer", "themenpate", "themenpaten", "amtschef", "amtschefin",
           "amtschefinnen und amtschefs", "projektleitung", "projektleitungen", "vorsitzland",
           "stadtverwaltung", "gemeindeverwaltung", "kreisverwaltung"}
ADJECTIVE = re.compile(r"(?<![\w\-])(?P<adj>[A-ZÄÖÜ][a-zäöüß\-]+(?:e|er|en|es))\s+$")
ARTICLE_WORDS = {"Die", "Der", "Das", "Den", "Dem", "Des", "Eine", "Einer", "Einen", "Ein", "Diese",
                 "Dieser", "Diesen", "Seine", "Ihre", "Jede", "Alle", "Beide", "Sie",
                 "Seit", "Ende", "Rahmen", "Ebene", "Bereiche", "Länder", "Kommunen"}
QUOTED = re.compile(r"\s+[„\"‚]([^“”\"‘]{2,80})[“”\"‘]")
NAME_TAIL = re.compile(r"(?:\s+(?:[A-ZÄÖÜ][\w\-/]*|und\s+(?=[A-ZÄÖÜ])|für\s+(?=[A-ZÄÖÜ])))+")
STOP_TAIL = {"Euro", "Prozent", "Bund", "Ländern", "Länder", "Kommunen", "Beschluss", "Bericht"}
# A town's name: "Ulm", "Bad Waldstadt", "Sankt Augustin", "Neustadt an der Weinstraße",
# "Frankfurt (Oder)", "Halle (Saale)".
TOWN = (r"(?:(?:Bad|Sankt|St\.|Markt|Hansestadt|Lutherstadt)\s+)?[A-ZÄÖÜ][\w\-]+"
        r"(?:\s+(?:an|am|im|in|ob|vor|bei)\s+(?:der\s+|dem\s+)?[A-ZÄÖÜ][\w\-]+"
        r"|\s*\([A-ZÄÖÜ][\w\-]+\))?")
# A name part after a head: "Klima", "Allgemeine Verwaltung", "nukleare Sicherheit".
_PART = (r"(?:(?!(?:den|der|die|das|dem|des|eine[nmrs]?)\s)[A-Za-zäöüÄÖÜ]+e[nrs]?\s+)?"
         r"[A-ZÄÖÜ][\w\-]*")
# "für Klima, Umwelt, Wirtschaft und Allgemeine Verwaltung"
FOR_TAIL = re.compile(r"\s+für\s+" + _PART + r"(?:(?:,\s+|\s+und\s+(?:für\s+)?|\s+sowie\s+)"
                      + _PART + r")*")
# A ministry's portfolio: "des Innern und für Kommunales", "der Finanzen und für Europa".
MINISTRY_TAIL = re.compile(r"\s+(?:des|der|für)\s+" + _PART
                           + r"(?:(?:,\s+|\s+und\s+(?:für\s+)?|\s+sowie\s+)" + _PART + r")*")
# The Land of a Land ministry: "Sächsisches Staatsministerium", "… des Landes Brandenburg".
LAND_ADJECTIVES = {"Sächsisch": "DE-SN", "Bayerisch": "DE-BY", "Niedersächsisch": "DE-NI",
                   "Hessisch": "DE-HE", "Thüringer": "DE-TH", "Brandenburgisch": "DE-BB",
                   "Saarländisch": "DE-SL", "Hamburgisch": "DE-HH", "Bremisch": "DE-HB"}
LAND_GENITIVE = re.compile(r"\s+(?:des\s+(?:Landes|Freistaate?s)|der\s+(?:Freien\s+(?:und\s+)?"
                           r"Hansestadt|Landesregierung))\s+(?P<land>[A-ZÄÖÜ][\w\-]+)")
# A company or registered association: "SachsenEnergie AG", "Stadtwerke Musterstadt GmbH".
COMPANY = re.compile(r"(?<![\w\-])(?P<name>[A-ZÄÖÜ][\w\-&]*(?:\s+[A-ZÄÖÜ][\w\-&]*){0,3})\s+"
                     r"(?P<form>AG|GmbH|gGmbH|mbH|SE|eG|KG|AöR|e\.\s?V\.)(?![\w])")
# "AG Cloud", "AG Finanzgovernance": a working group by its short form.
WORKING_GROUP = re.compile(r"(?<![\w\-])AG\s+(?P<name>[A-ZÄÖÜ][\w\-]*(?:\s+und\s+[A-ZÄÖÜ]"
                           r"[\w\-]*(?:\s+[A-ZÄÖÜ][\w\-]*)?)?)")
ABBR = re.compile(r"\s*\((?P<abbr>[A-ZÄÖÜ][\w\-]{1,12}(?:\s[A-ZÄÖÜ][\w\-]{1,8})?)\)")


def head_key(match: re.Match[str]) -> str:
    return next(HEADS[i][1] for i in range(len(HEADS)) if match.group(f"k{i}"))


def canonical_head(head: str) -> str:
    """ "Vorsitzende" -> "Vorsitz", "Beigeordneten" -> "Beigeordneter", "Beirat" stays; the
    first letter upper-case."""
    low = head.lower()
    if low.startswith("vorsitzende"):
        return "Vorsitz"
    if re.fullmatch(r"(?:\w*-)?beigeordnete[nr]?", low):
        return head[:1].upper() + head[1:].rstrip("nr") + "r"
    return head[:1].upper() + head[1:]


def kommune_kind(name: str) -> str:
    return "kreis" if re.match(r"(?:Land)?[Kk]reis\b", name) else "gemeinde"


def genitive(actor: ActorRef) -> str:
    """ "der Bauministerkonferenz", "des IT-Planungsrats", "der Stadt Ulm", "des Landkreises
    Göttingen": a name as a genitive attribute."""
    name = actor.name
    kommune = re.match(r"(Stadt|Gemeinde|Samtgemeinde|Verbandsgemeinde|Landkreis|Kreis|Markt)"
                       r"\s+(.+)$", name)
    if kommune:
        kind, place = kommune.groups()
        if kind in {"Stadt", "Gemeinde", "Samtgemeinde", "Verbandsgemeinde"}:
            return f"der {name}"
        return f"des {kind}es {place}" if kind != "Markt" else f"des Marktes {place}"
    if actor.type_key in {"land", "bund"} and " " not in name:
        return name
    feminine = re.search(
        r"(konferenz|kommission|gruppe|verwaltung|stelle|regierung|ung|tät|schaft|e)$", name, re.I
    )
    if feminine:
        return f"der {name}"
    if re.search(r"(tag|rat|amt|kreis|ausschuss|verband|verbund|beirat|vorsitz)$", name, re.I):
        return f"des {name}{'es' if name[-1] in 'sxzß' else 's'}"
    return f"des {name}{'' if name[-1] in 'sxzß' else 's'}"


def short_name(actor: ActorRef) -> str:
    """ "Ulm" for "Stadt Ulm", the abbreviation for a known body, else its name."""
    kommune = re.match(r"(?:Stadt|Gemeinde|Landkreis|Kreis|Markt)\s+(.+)$", actor.name)
    if kommune:
        return kommune.group(1)
    return actor.abbr or actor.name


def scoped_body(head: str, key: str, owner: ActorRef, surface: str = "") -> ActorRef:
    """A generic head owned by a body: id `OWNER/head`, name as the text says."""
    name = canonical_head(head)
    aliases = [f"{name} {genitive(owner)}", f"{short_name(owner)}-{name}",
               f"{name} {short_name(owner)}", f"{name} {owner.name}"]
    if surface and surface != name:
        aliases.append(f"{surface} {genitive(owner)}")
    place = re.match(r"(Stadt|Gemeinde|Landkreis|Kreis)\s+(.+)$", owner.name)
    if place and name == "Verwaltung":
        prefix = "Kreis" if "reis" in place.group(1) else "Stadt"
        aliases += [f"{prefix}verwaltung {place.group(2)}", f"{prefix}verwaltung"]
    return ActorRef(id=f"{owner.id}/{slug(name)}", name=name, type_key=key,
                    aliases=tuple(dict.fromkeys(aliases)), known=False, level=LEVELS[key])


def named_body(name: str, key: str, abbr: str | None = None,
               owner: ActorRef | None = None) -> ActorRef:
    """A body with a name of its own; `owner` adds an alias ("Arbeitsgruppe X der AOLG")."""
    aliases: list[str] = []
    if abbr:
        aliases.append(abbr)
    short = re.sub(r"^Arbeitsgruppe\b", "AG", name)
    if short != name:
        aliases.append(short)
    if owner is not None:
        aliases += [f"{name} {genitive(owner)}", f"{short_name(owner)}-{name}"]
    return ActorRef(id=slug(name), name=name, type_key=key, aliases=tuple(aliases),
                    known=False, abbr=abbr, level=LEVELS[key])


def land_ministry(name: str, land: str | None, abbr: str | None) -> ActorRef:
    """A ministry of a Land: id scoped by the Land (`DE-BB/mik`), so that two Länder's
    "Ministerium des Innern" never collide."""
    key = slug(abbr) if abbr else slug(name)
    aliases = tuple(a for a in (abbr, f"{abbr} {land}" if abbr and land else None) if a)
    return ActorRef(id=f"{land}/{key}" if land else key, name=name, type_key="land_ministry",
                    aliases=aliases, known=False, abbr=abbr, level="ministry", land=land)


def company(name: str, form: str) -> ActorRef:
    """A company or registered association; its name without the legal form is an alias."""
    full = f"{name} {form}"
    return ActorRef(id=slug(full), name=full, type_key="agency", aliases=(name,), known=False,
                    level="agency")


# Groups of municipalities: "die Städte und Gemeinden im Kreisgebiet".
MUNICIPALITIES = re.compile(r"(?<![\w\-])(?:kreisangehörigen\s+)?(?:Städte\s+und\s+Gemeinden|"
                            r"Landkreise\s+und\s+kreisfreien?\s+Städte)(?![\w\-])")


def municipalities(surface: str, owner: ActorRef | None) -> ActorRef:
    """The Städte und Gemeinden of a Landkreis (or Land), as one plural actor."""
    name = re.sub(r"^kreisangehörigen\s+", "", " ".join(surface.split()))
    name = re.sub(r"kreisfreie\b", "kreisfreien", name)
    key = slug(name)
    return ActorRef(id=f"{owner.id}/{key}" if owner else key, name=name, type_key="gemeinde",
                    aliases=(re.sub(r"kreisfreien", "kreisfreie", name),), known=False,
                    level="kommune")


def kommune(name: str, land: str | None = None) -> ActorRef:
    """A Stadt, Gemeinde or (Land)kreis as an actor of class gemeinde or kreis."""
    place = name.split(None, 1)[1] if " " in name else name
    kind = kommune_kind(name)
    return ActorRef(id=slug(name), name=name, type_key=kind, aliases=(place,), known=False,
                    level="kommune", land=land)
