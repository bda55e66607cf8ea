"""Layout of a resolution text: header, numbered points, sections, sentences."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders.sentences import sentence_spans

POINT = re.compile(r"^(\d{1,2})(?:[.)]\s+(?=\S)|\s+(?=[A-ZÄÖÜ]))")
ROMAN = re.compile(r"^(?P<roman>[IVX]{1,5})\.(?:\s+|$)")
LETTER = re.compile(r"^(?P<letter>[a-h])\)\s+(?=\S)")
# Lines that record a vote ("Abstimmungsergebnis: 12 Ja, 3 Nein"): never statements.
VOTE = re.compile(r"^(?:Abstimmung(?:sergebnis)?|Ergebnis\s+der\s+Abstimmung|Stimmergebnis)\b"
                  r"|^(?:einstimmig|mehrheitlich)\s+(?:beschlossen|angenommen|abgelehnt)\b", re.I)
SECTION = re.compile(
    r"^(?:(?P<kind>Begründung|Sachdarstellung|Sachverhalt|Sachvortrag|Erläuterungen?|Hintergrund|"
    r"Protokollerklärung(?:en)?|Protokollnotiz(?:en)?|Anlagen?|Beschluss(?:vorschlag)?|Antrag|"
    r"Beschlussvorschlag)(?P<rest>[^:\n]{0,80})?:\s*(?P<inline>.*)"
    r"|(?P<bare>Begründung|Sachdarstellung|Sachverhalt|Sachvortrag|Protokollerklärung(?:en)?|"
    r"Protokollnotiz(?:en)?|Anlagen?))$"
)
ONE_SENTENCE_BREAK = re.compile(r"[.!?:;…]")
# A decision wording in a long line that does not end like a sentence.
DECIDING = re.compile(r"\b(?:wird|werden)\s+(?:gebeten|beauftragt|ersucht|aufgefordert)\b|"
                      r"\b(?:beschließt|bittet|beauftragt|empfiehlt)\s+(?:der|die|den|das|dem)\b")
ITEM_HEADING = re.compile(
    r"^(?:TOP|Tagesordnungspunkt)\s+(?:\d+[a-z]?\b|[IVX]{1,5}\.\d+)"
    r"|^Beschluss\s+(?:Nr\.\s*)?\d{4}/\d+"
    r"|^Beschluss(?:nummer\s*\(?|\s*:\s*)\d{4}/\d+\)?\s*$", re.I)
# A heading that is only the decision's number ("Beschlussnummer (2023/16)"): its title is the
# line before it.
BARE_NUMBER = re.compile(r"^Beschluss(?:nummer\s*\(?|\s*:\s*)\d{4}/\d+\)?\s*$", re.I)
BARE_POINT = re.compile(r"^(\d{1,2})[.)]$")


@dataclass
class Paragraph:
    start: int
    end: int
    text: str


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    point: str | None
    section: str


@dataclass
class Layout:
    header: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    declarations: list[tuple[str, Paragraph]] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)


def paragraphs(text: str, start: int = 0, end: int | None = None) -> list[Paragraph]:
    """Non-empty lines of the normalised text with their offsets."""
    end = len(text) if end is None else end
    out = []
    for m in re.finditer(r"[^\n]+", text[start:end]):
        if m.group().strip():
            out.append(Paragraph(start + m.start(), start + m.end(), m.group()))
    return out


def split_sentences(par: Paragraph, skip: int = 0) -> list[tuple[int, int]]:
    """Sentence spans (absolute offsets) in a paragraph, from `skip` characters on."""
    body = par.text[skip:]
    if not ONE_SENTENCE_BREAK.search(body.rstrip()[:-1]):
        # No sentence-final mark before the last character: the tokenizer would give one
        # sentence from the first to the last non-space character; skip its cost.
        lead = len(body) - len(body.lstrip())
        if not body.strip():
            return []
        return [(par.start + skip + lead, par.start + skip + len(body.rstrip()))]
    return [(par.start + skip + first, par.start + skip + last)
            for first, last in sentence_spans(body)]


def split_items(pars: list[Paragraph]) -> list[tuple[int, int]]:
    """Index ranges of paragraphs per resolution when a file holds several TOPs/decisions."""
    heads = [i for i, p in enumerate(pars) if ITEM_HEADING.match(p.text)]
    if len(heads) < 2:
        return [(0, len(pars))]
    heads = [h - 1 if h > 0 and BARE_NUMBER.match(pars[h].text) and title_line(pars[h - 1])
             and h - 1 not in heads else h for h in heads]
    bounds = heads + [len(pars)]
    return [(bounds[k], bounds[k + 1]) for k in range(len(heads))]


# The report of a sitting (Niederschrift, Protokoll, "Aus der Gemeinderatssitzung"): its
# decisions stand in the past tense ("Die Niederschrift wurde genehmigt").
MINUTES = re.compile(r"\b(?:\w*[Nn]iederschrift|\w*[Pp]rotokoll|Sitzungsbericht)\b|\bAus\s+der\s+"
                     r"(?:\w+\s+)?\w*[Ss]itzung\b|\bBericht\s+(?:aus|über)\s+der\s+\w*[Ss]itzung\b")
MINUTES_HEAD = 1500  # characters: where a report says what it is


def is_minutes(text: str) -> bool:
    """Whether a document is the report of a sitting, by what its beginning calls it."""
    return MINUTES.search(text[:MINUTES_HEAD]) is not None


def title_line(par: Paragraph) -> bool:
    """A short line that does not end like a sentence: a decision's title."""
    return len(par.text) < 160 and not re.search(r"[.:;]$", par.text.strip())


def _body_start(pars: list[Paragraph]) -> int:
    for i, p in enumerate(pars):
        m = POINT.match(p.text)
        if m and m.group(1).lstrip("0") == "1" and len(p.text) > 40:
            return i
        bare = BARE_POINT.match(p.text.strip())
        if bare and bare.group(1) == "1" and i + 1 < len(pars):
            return i  # "1." on a line of its own, the point's text on the next
        roman = ROMAN.match(p.text)
        if roman and roman.group("roman") == "I" and i + 1 < len(pars):
            return i
        s = SECTION.match(p.text)
        if s and (s.group("kind") or "").startswith(("Beschluss", "Antrag")) \
                and not s.group("inline"):
            return i
    for i, p in enumerate(pars):
        if len(p.text) > 80 and re.search(r"[.]$", p.text) and not p.text.endswith(":"):
            return i
        if len(p.text) > 80 and DECIDING.search(p.text):
            return i  # a council page's run-on line: "… Betreff: … Der Magistrat wird gebeten, …"
        if re.match(r"(?:Die|Der|Das)\s", p.text) and p.text[-1] in ".:" and (
                len(p.text) > 40 or DECIDING.search(p.text)):
            return i  # "Der Oberbürgermeister wird beauftragt:", the task on the next line
    return len(pars)


def _roman(numeral: str) -> int:
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for k, ch in enumerate(numeral):
        value = values[ch]
        total += -value if k + 1 < len(numeral) and values[numeral[k + 1]] > value else value
    return total


def _is_body(par: Paragraph) -> bool:
    """A numbered point or a long sentence: resolution text, not an attachment's name."""
    m = POINT.match(par.text)
    sentence = par.text.rstrip().endswith(".") and " " in par.text.strip()
    return sentence and (bool(m and m.group(1).lstrip("0") == "1" and len(par.text) > 60)
                         or len(par.text) > 160)


def layout(text: str, pars: list[Paragraph], body_start: int | None = None) -> Layout:
    """Sort paragraphs into header, points, reasoning, declarations and attachments;
    `body_start` says where the body begins when the caller knows (0: no header)."""
    result = Layout()
    start = _body_start(pars) if body_start is None else body_start
    result.header = pars[:start]
    annex = next((i for i, p in enumerate(result.header) if re.fullmatch(r"Anlagen?:?", p.text)),
                 None)
    if annex is not None:  # "Anlage" before the text it attaches (a Bundesrat Entschließung)
        result.attachments = [p.text for p in result.header[annex + 1:]]
        result.header = result.header[:annex]
    section, point, expected = "points", None, 1
    declarer = ""
    for par in pars[start:]:
        heading = SECTION.match(par.text)
        if heading:
            kind = heading.group("kind") or heading.group("bare")
            section = {"Anlage": "attachments", "Anlagen": "attachments"}.get(kind, kind)
            if kind.startswith(("Protokollerklärung", "Protokollnotiz")):
                section, declarer = "declaration", (heading.group("rest") or "").strip()
            elif kind.startswith(("Beschluss", "Antrag")):
                section = "points"
            elif section != "attachments":
                section = "reasoning"
            inline = (heading.group("inline") or "").strip()
            if not inline:
                continue
            par = Paragraph(par.start + heading.start("inline"), par.end, inline)
        if VOTE.match(par.text):
            continue
        if section == "attachments" and _is_body(par):
            # "Anlage" followed by the text it attaches (a Bundesrat Entschließung): read on.
            section, point, expected = "points", None, 1
        if section == "attachments":
            result.attachments.append(re.sub(r"^(?:[-•–·*]|\d+[.)])\s*", "", par.text).strip())
            continue
        if section == "declaration":
            result.declarations.append((declarer, par))
            continue
        bare = BARE_POINT.match(par.text.strip())
        if section == "points" and bare and int(bare.group(1)) == expected:
            point, expected = str(expected), expected + 1
            continue
        skip = 0
        m = POINT.match(par.text)
        roman = ROMAN.match(par.text)
        if section == "points" and m and int(m.group(1)) == expected:
            point, expected, skip = str(int(m.group(1))), expected + 1, m.end()
        elif section == "points" and roman and _roman(roman.group("roman")) == expected:
            point, expected, skip = str(expected), expected + 1, roman.end()
            if skip >= len(par.text):
                continue
        elif section == "points" and point and LETTER.match(par.text):
            skip = LETTER.match(par.text).end()  # type: ignore[union-attr]
        for s, e in split_sentences(par, skip):
            result.sentences.append(Sentence(s, e, text[s:e], point if section == "points"
                                             else None, section))
    return result
