"""Sentence spans without SoMaJo are SoMaJo's spans: on every paragraph of the test corpora
and of generated documents, and on small texts of the constructions the shortcut decides."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from somajo import SoMaJo

from bench.generate import generate_corpus
from loaders import extract_file, sentences, structure

ROOT = Path(__file__).resolve().parents[2]
CORPORA = [ROOT / "tests" / "corpus" / "heldout", ROOT / "tests" / "corpus" / "heldout2",
           ROOT / "examples" / "resolutions"]


@cache
def plain_somajo() -> SoMaJo:
    return SoMaJo("de_CMC", split_camel_case=False, character_offsets=True)


def somajo(body: str) -> list[tuple[int, int]]:
    """SoMaJo's own spans, without any of our shortcuts."""
    return [(s[0].character_offset[0], s[-1].character_offset[1])
            for s in plain_somajo().tokenize_text([body])]


@pytest.fixture(scope="module")
def bodies(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Every paragraph text the extractor splits into sentences, over the corpora and 80
    generated documents."""
    generated = tmp_path_factory.mktemp("sentences")
    generate_corpus(generated, resolutions=80, seed=4, pdf_share=0.0)
    seen: list[str] = []
    original = structure.sentence_spans

    def remember(body: str) -> list[tuple[int, int]]:
        seen.append(body)
        return original(body)

    structure.sentence_spans = remember
    try:
        for folder in [*CORPORA, generated]:
            for path in sorted(folder.glob("*.txt")):
                extract_file(path)
    finally:
        structure.sentence_spans = original
    return seen


def test_the_shortcut_gives_somajos_spans_on_every_corpus_paragraph(bodies: list[str]) -> None:
    decided = [body for body in bodies if sentences.certain_spans(body) is not None]
    assert len(bodies) > 100 and len(decided) > 0.9 * len(bodies)
    for body in bodies:
        assert sentences.sentence_spans(body) == somajo(body), body


@pytest.mark.parametrize("text", [
    "Die KMK beschließt den Bericht. Sie bittet den Bund, ihn umzusetzen.",
    "Der Rat bittet die Verwaltung, bis zur 135. Sitzung zu berichten. Die Mittel stehen bereit.",
    "Die Stelle besteht seit 2015. Das Land fördert sie weiter.",
    "Gemäß Nr. 5 der Richtlinie wird gebeten, z. B. die Daten zu prüfen. Der Bund hilft.",
    "Die Frist endet am 31.12.2025. Danach entscheidet der Rat.",
    "Er fragt: Ist das so? Ja. Der Rat stimmt zu!",
    "Die Kommission (Anlage 2) berichtet. (Die Länder stimmen zu.)",
])
def test_constructions_the_shortcut_decides_split_as_somajo_does(text: str) -> None:
    assert sentences.certain_spans(text) in (None, somajo(text))
    assert sentences.sentence_spans(text) == somajo(text)


@pytest.mark.parametrize("text", [
    "Dafür werden Mittel usw. Die Länder stimmen zu.",  # "usw." may end a sentence
    "Die Länder haben berichtet (TOP 5). Der Bund folgt.",  # a bracket before the stop
    "Sie sagte „Ja.“ Dann ging sie.",  # quotes after the stop
    "Das Vorhaben… Der Bund prüft.",  # an ellipsis
])
def test_unclear_cases_go_to_somajo(text: str) -> None:
    assert sentences.certain_spans(text) is None
    assert sentences.sentence_spans(text) == somajo(text)
