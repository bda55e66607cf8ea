"""A document becomes resolutions with statements."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from loaders.clauses import matter
from loaders.documents import Document, read_document
from loaders.errors import DocumentError
from loaders.mentions import ActorRegistry, to_ref
from loaders.metadata import read_metadata, references, title_of
from loaders.records import ActorRef, Resolution, Source, Statement
from loaders.roles import find_initiatives
from loaders.sites import place_of_url
from loaders.statements import Context, extract_sentence, header_statements
from loaders.structure import (
    Layout,
    Paragraph,
    Sentence,
    is_minutes,
    layout,
    paragraphs,
    split_items,
    split_sentences,
)


def extract_resolution(doc: Document, header_common: list[Paragraph],
                       pars: list[Paragraph]) -> Resolution:
    """One resolution from its paragraphs; the common header gives shared metadata."""
    registry = ActorRegistry()
    lay = layout(doc.text, pars)
    header = header_common + [p for p in lay.header if p not in header_common]
    span_text = doc.text[pars[0].start:pars[-1].end] if pars else ""
    res = read_metadata(header, registry, span_text, doc.checksum or "",
                        place_of_url(doc.source_url))
    if header_common:  # a collection: each decision's own heading names it
        res.title = title_of([p for p in header if p not in header_common], registry) or res.title
    registry.issuer = res.issuer
    registry.home = registry.home or res.issuer
    for par in header:
        registry.mentions(par.text)
    body_text = span_text
    if lay.attachments:
        body_text = re.split(r"\n\s*Anlagen?:", span_text)[0]
    res.references = [r for r in references(body_text, registry)
                      if r.date is None or r.date != res.date]
    res.attachments = lay.attachments or _cited_attachments(body_text)
    return _read_statements(doc, res, registry, lay, header, span_text, pars)


def _read_statements(doc: Document, res: Resolution, registry: ActorRegistry, lay: Layout,
                     header: list[Paragraph], span_text: str,
                     pars: list[Paragraph]) -> Resolution:
    """The statements of a resolution whose issuer is settled, with `res.issuer` as the
    default speaker."""
    ctx = Context(document=doc.path, issuer=res.issuer, title=res.title, registry=registry,
                  last_subject=res.issuer, minutes=is_minutes(doc.text))
    ctx.initiatives = find_initiatives(span_text)
    header_statements(ctx, header)
    for sent in lay.sentences:
        extract_sentence(ctx, sent)
    for declarer, par in lay.declarations:
        declare(ctx, doc, declarer, par)
    res.statements = ctx.statements
    res.document = doc.path
    res.checksum = doc.checksum
    res.source_url = doc.source_url or res.source_url
    res.text_start, res.text = resolution_span(doc, pars, res.statements)
    return res


def resolution_span(doc: Document, pars: list[Paragraph],
                    statements: list[Statement]) -> tuple[int, str]:
    """Where the resolution stands in the document: its paragraphs, widened to cover every
    statement read for it (a collection's common header lies before the paragraphs)."""
    starts = [pars[0].start] if pars else []
    ends = [pars[-1].end] if pars else []
    for st in statements:
        if st.source is not None:
            starts.append(st.source.start)
            ends.append(st.source.end)
    if not starts:
        return 0, doc.text
    start, end = min(starts), max(ends)
    return start, doc.text[start:end]


def extract_decision(doc: Document, res: Resolution, home: ActorRef | None = None,
                     known: Sequence[ActorRef] = (), whole_text: bool = True) -> Resolution:
    """Statements of a decision whose metadata come from elsewhere (an OParl agenda item):
    `res.issuer` speaks, `home` is the Kommune its "Verwaltung" belongs to, `known` are
    bodies the text may name ("empfiehlt dem Gemeinderat"). With `whole_text` every
    paragraph is decision text (a bare resolutionText); otherwise the layout finds where a
    file's heading ends."""
    pars = paragraphs(doc.text)
    registry = ActorRegistry(issuer=res.issuer, home=home or res.issuer)
    for actor in [*known, res.issuer]:  # the issuer last: the latest the text refers to
        if actor is not None:
            registry.remember(actor)
    lay = layout(doc.text, pars, body_start=0 if whole_text else None)
    res.references = [r for r in references(doc.text, registry)
                      if r.date is None or r.date != res.date]
    res.attachments = lay.attachments or _cited_attachments(doc.text)
    return _read_statements(doc, res, registry, lay, lay.header, doc.text, pars)


ATTACHMENT_CITED = re.compile(r"\(\s*Anlage(?:\s+(?P<n>\d+))?\s*\)|\bin\s+der\s+Fassung\s+der\s+"
                              r"Anlage(?:\s+(?P<n2>\d+))?\b|\bals\s+Anlage(?:\s+(?P<n3>\d+))?\s+"
                              r"beigefügt")


def _cited_attachments(text: str) -> list[str]:
    """Without an Anlagen list: the attachments the text cites ("liegt vor (Anlage)")."""
    found = {m.group("n") or m.group("n2") or m.group("n3") or "" for m in
             ATTACHMENT_CITED.finditer(text)}
    return [f"Anlage {n}".strip() for n in sorted(found)]


def _declarers(ctx: Context, declarer: str, par: Paragraph) -> list[ActorRef]:
    """The Länder a Protokollerklärung names in its heading ("Bremen und Hamburg"), else the
    first actor its text names."""
    found = [m.actor for m in ctx.registry.gazetteer.find_all(declarer)] if declarer else []
    if not found:
        found = [m.actor for m in ctx.registry.gazetteer.find_all(par.text)][:1]
    if any(a.type_key == "land" and a.id != "DE-LAENDER" for a in found):
        found = [a for a in found if a.id != "DE-LAENDER"]  # "der Länder Bayern und Hessen"
    return [to_ref(a) for a in dict.fromkeys(found)]


def declare(ctx: Context, doc: Document, declarer: str, par: Paragraph) -> None:
    """A Protokollerklärung: a DECLARES statement per declaring actor, and the statements
    of its sentences with the (first) declarer as the default subject."""
    subjects = _declarers(ctx, declarer, par)
    for subject in subjects:
        obj = matter(f"Protokollerklärung {subject.name}: {par.text}")
        if obj is not None:
            obj = type(obj)(id=obj.id, name=f"Protokollerklärung {subject.name}",
                            aliases=(par.text,))
        ctx.statements.append(Statement(
            subject=subject, predicate="DECLARES", object=obj, action=par.text,
            source=Source(doc.path, None, par.text, par.start, par.end)))
    if subjects:
        for s, e in split_sentences(par):
            extract_sentence(ctx, Sentence(s, e, doc.text[s:e], None, "declaration"),
                             default_subject=subjects[0])


def extract_document(doc: Document) -> list[Resolution]:
    """All resolutions in a document (a collection yields one per TOP/decision)."""
    pars = paragraphs(doc.text)
    ranges = split_items(pars)
    common = pars[:ranges[0][0]]
    out = []
    for start, end in ranges:
        own = pars[start:end] if start > 0 or len(ranges) > 1 else pars
        out.append(extract_resolution(doc, common if len(ranges) > 1 else [], own))
    out = [r for r in out if r.statements or r.issuer]
    if not out:
        raise DocumentError(doc.path, "no resolution found in the text")
    return out


def extract_file(path: str | Path, source_url: str | None = None) -> list[Resolution]:
    """Read a file and extract its resolutions; bad input raises DocumentError.
    `source_url`, where the file was published, wins over the address the file states."""
    doc = read_document(path)
    if source_url:
        doc = replace(doc, source_url=source_url)
    return extract_document(doc)
