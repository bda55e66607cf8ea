"""`python -m loaders FILE`: print the contract JSON of a file's resolutions."""

from __future__ import annotations

import json
import sys

from loaders.contract import to_contract
from loaders.errors import DocumentError
from loaders.extract import extract_file


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m loaders FILE", file=sys.stderr)
        return 2
    try:
        resolutions = extract_file(argv[0])
    except DocumentError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(json.dumps(to_contract(resolutions), ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
