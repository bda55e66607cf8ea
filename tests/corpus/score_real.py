"""Score the extractor on the real-resolutions corpus (`make score-real`).

The gold files live in `tests/corpus/real/` (development part) and `tests/corpus/real/sealed/`
(a fifth set aside before anyone looked at the output, scored only at the end); the texts are
third-party and live in the git-ignored `.cache/corpus-real/NAME.txt`, fetched again through
each gold file's `source_url` and `query`. Missing texts are named, not fatal.

Each text is extracted with its page's address (`skg extract --source-url`), as a loader
that fetched the page knows it; `--text-only` scores the text alone.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "corpus" / "real"
TEXTS = ROOT / ".cache" / "corpus-real"
SCORER = ROOT.parent / "shared" / "tools" / "score_extraction.py"
SKG = ROOT / ".venv" / "bin" / "skg"
CMD = f"{SKG} extract --format json {{file}}"
CMD_WITH_URL = f"{sys.executable} {Path(__file__).resolve()} --extract {{file}}"


def sealed_by_rule(name: str) -> bool:
    """The fifth set aside: chosen by a hash of the name, before any output is seen."""
    return int(hashlib.sha256(name.encode()).hexdigest(), 16) % 5 == 0


def seal() -> list[str]:
    """Move the gold files the rule seals into the sealed folder; their names."""
    moved = []
    for gold in sorted(GOLD.glob("*.gold.toml")):
        name = gold.name.removesuffix(".gold.toml")
        if sealed_by_rule(name):
            gold.rename(GOLD / "sealed" / gold.name)
            moved.append(name)
    return moved


def gather(part: Path, into: Path) -> tuple[int, list[str]]:
    """Copy each gold file with its text into `into`; the names whose text is missing."""
    have, missing = 0, []
    for gold in sorted(part.glob("*.gold.toml")):
        name = gold.name.removesuffix(".gold.toml")
        texts = sorted(TEXTS.glob(f"{name}.*"))
        if not texts:
            missing.append(name)
            continue
        shutil.copy(gold, into / gold.name)
        shutil.copy(texts[0], into / texts[0].name)
        have += 1
    return have, missing


def extract_with_url(text: Path) -> int:
    """`skg extract` of a gathered text with the `source_url` of the gold file beside it."""
    gold = text.with_name(text.name.rsplit(".", 1)[0] + ".gold.toml")
    url = tomllib.loads(gold.read_text(encoding="utf-8")).get("source_url")
    cmd = [str(SKG), "extract", "--format", "json", str(text)]
    return subprocess.run(cmd + (["--source-url", url] if url else []), check=False).returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sealed", action="store_true", help="score the sealed part")
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and extras")
    parser.add_argument("--seal", action="store_true",
                        help="move newly annotated files that the rule seals into sealed/")
    parser.add_argument("--text-only", action="store_true",
                        help="extract without the pages' addresses")
    parser.add_argument("--extract", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.extract is not None:
        return extract_with_url(args.extract)
    if args.seal:
        for name in seal():
            print(f"sealed: {name}")
        return 0
    part = GOLD / "sealed" if args.sealed else GOLD
    if not SCORER.exists():
        print(f"score-real: the scorer {SCORER} is not here; nothing scored")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        have, missing = gather(part, Path(tmp))
        label = "sealed" if args.sealed else "development"
        print(f"real corpus, {label} part: {have} texts, {len(missing)} not fetched")
        for name in missing:
            print(f"  not fetched: {name} (see source_url and query in its gold file;"
                  f" save the text as .cache/corpus-real/{name}.txt)")
        if not have:
            return 0
        extract = CMD if args.text_only else CMD_WITH_URL
        cmd = [sys.executable, str(SCORER), tmp, "--cmd", extract]
        cmd += ["-v"] if args.verbose else []
        return subprocess.run(cmd, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
