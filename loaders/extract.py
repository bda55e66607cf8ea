"""A document becomes resolutions with statements."""

from __future__ import annotations

import re
from pathlib import Path

from loaders.clauses import matter
from loaders.documents import Document, read_document
from loaders.errors import DocumentError
from loaders.mentions import ActorRegistry
from loaders.metadata import read_metadata, references
from loaders.records import Resolution, Source, Statement
from loaders.statements import Context, extract_sentence
from loaders.structure import Paragraph, Sentence, layout, paragraphs, split_items, split_sentences


def _home(issuer, header: list[Paragraph]):
    return issuer


def extract_resolution(doc: Document, header_common: list[Paragraph],
                       pars: list[Paragraph]) -> Resolution:
    """One resolution from its paragraphs; the common header gives shared metadata."""
    registry = ActorRegistry()
    lay = layout(doc.text, pars)
    header = header_common + [p for p in lay.header if p not in header_common]
    res = read_metadata(header, registry)
    if res.issuer is not None:
        registry.issuer = res.issuer
        town = next((a for a in res.issuer.aliases if re.match(r"(Stadt|Gemeinde) ", a)), None)
        registry.home = registry.new_body(town, "gemeinde") if town else res.issuer
    span_text = doc.text[pars[0].start:pars[-1].end] if pars else ""
    body_text = span_text
    if lay.attachments:
        body_text = re.split(r"\n\s*Anlagen?:", span_text)[0]
    res.references = references(body_text, registry)
    res.attachments = lay.attachments
    ctx = Context(document=doc.path, issuer=res.issuer, title=res.title, registry=registry,
                  last_subject=res.issuer)
    for sent in lay.sentences:
        if sent.section == "points" and sent.point is None and not lay.sentences[0].point:
            pass
        extract_sentence(ctx, sent)
    for declarer, par in lay.declarations:
        land = registry.gazetteer.resolve(declarer) if declarer else None
        if land is None:
            found = registry.gazetteer.find_all(par.text)
            land = found[0].actor if found else None
        if land is None:
            continue
        from loaders.mentions import to_ref

        subject = to_ref(land)
        obj = matter(f"Protokollerklärung {land.name}: {par.text}")
        if obj is not None:
            obj = type(obj)(id=obj.id, name=f"Protokollerklärung {land.name}",
                            aliases=(par.text,))
        spans = split_sentences(par)
        ctx.statements.append(Statement(
            subject=subject, predicate="DECLARES", object=obj, action=par.text,
            source=Source(doc.path, None, par.text, par.start, par.end)))
        for s, e in spans:
            extract_sentence(ctx, Sentence(s, e, doc.text[s:e], None, "declaration"),
                             default_subject=subject)
    res.statements = ctx.statements
    res.document = doc.path
    res.checksum = doc.checksum
    return res


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


def extract_file(path: str | Path) -> list[Resolution]:
    """Read a file and extract its resolutions; bad input raises DocumentError."""
    return extract_document(read_document(path))
