"""What a Cypher text costs Neo4j's parser and planner, measured before it gets there.

Neo4j's parser and planner recurse over the syntax tree and join every relationship of a
query part, and neither is bounded by the transaction's time limit everywhere: a `RETURN` of a
few hundred nested `[` overflows the server's stack while it builds the error, and the Bolt
connection then waits two minutes for an answer that never comes; 300 chained `.a` or 400
concatenated strings do the same, 20 relationships in one pattern take 14 s to plan, 200
`UNION`s overflow the driver's own recursion when it reads the plan. The limits below are far
beyond what an analyst writes (the cookbook's largest query has 222 tokens, depth 14, 15 items,
one UNION, 5 relationships in a part) and well below where the cost starts
(`tests/reliability/test_hostile_queries.py` holds the attacks).

The text measured is the one the keyword checks read: comments removed, strings emptied.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Tokens (words, numbers, parameters, strings, operators, brackets) in one query.
MAX_TOKENS = 5_000
#: Depth of an expression: each bracket or CASE counts one, each operator chained on the
#: way in one more (a left-deep chain `a + b + c …` is as deep as it is long).
MAX_DEPTH = 100
#: Items in one list, map, argument list or RETURN: a literal repeated a thousand times.
MAX_ITEMS = 1_000
#: `UNION`s in one query.
MAX_UNIONS = 20
#: Relationships in one query part (the planner joins them all; parts end at WITH, RETURN).
MAX_RELATIONSHIPS = 12

_TOKEN = re.compile(r"""
    [^\W\d]\w*                       # words: identifiers and keywords
  | \d[\w.]*                         # numbers (also 1..3 of a variable-length pattern)
  | \$\w+                            # parameters
  | ''                               # an emptied string literal
  | <>|<=|>=|=~|->|<-|\|\||::|\+=    # two-character operators
  | \S                               # any other character
""", re.VERBOSE)
_OPEN, _CLOSE = "([{", ")]}"
_KEYWORD_OPERATORS = frozenset({"AND", "OR", "XOR", "NOT", "IN", "IS", "CONTAINS", "STARTS",
                                "ENDS"})
#: Words that begin a new expression: clauses and the branches of CASE.
_EXPRESSION_STARTS = frozenset({
    "MATCH", "OPTIONAL", "WHERE", "WITH", "RETURN", "UNWIND", "ORDER", "BY", "SKIP", "LIMIT",
    "CALL", "YIELD", "UNION", "WHEN", "THEN", "ELSE", "AS", "DISTINCT"})
_PART_ENDS = frozenset({"WITH", "RETURN", "UNION"})


@dataclass(frozen=True)
class TextCost:
    """The measures of one query text that the limits apply to."""

    tokens: int
    depth: int
    items: int
    unions: int
    relationships: int


def tokenize(bare: str) -> list[str]:
    """The tokens of a query text whose comments are removed and strings emptied."""
    return _TOKEN.findall(bare)


def measure(tokens: list[str]) -> TextCost:
    """Measure a query's tokens (linear in their number)."""
    # One frame per open bracket or CASE: [opener, operators chained so far, items so far];
    # `chained` is the sum of the frames' operators, kept as it changes (linear time).
    stack: list[list] = [["", 0, 1]]
    chained = depth = items = unions = relationships = part_relationships = 0
    previous = ""
    for i, token in enumerate(tokens):
        word = token.upper() if token[0].isalpha() or token[0] == "_" else ""
        after_dot = previous == "."
        frame = stack[-1]
        if token in _OPEN or (word == "CASE" and not after_dot):
            stack.append([token, 0, 1])
        elif token in _CLOSE or (word == "END" and frame[0] == "CASE" and not after_dot):
            if len(stack) > 1:
                chained -= stack.pop()[1]
        elif token == ",":
            chained -= frame[1]
            frame[1] = 0
            frame[2] += 1
            items = max(items, frame[2])
        elif word and not after_dot and word in _EXPRESSION_STARTS:
            chained -= frame[1]
            frame[1] = 0
        elif _is_operator(token, word, after_dot, tokens, i):
            frame[1] += 1
            chained += 1
        if word == "UNION" and not after_dot:
            unions += 1
        if word in _PART_ENDS and not after_dot:
            part_relationships = 0
        if previous == ")" and token in ("-", "<-"):
            part_relationships += 1
            relationships = max(relationships, part_relationships)
        depth = max(depth, len(stack) - 1 + chained)
        previous = token
    return TextCost(tokens=len(tokens), depth=depth, items=max(items, 1), unions=unions,
                    relationships=relationships)


def _is_operator(token: str, word: str, after_dot: bool, tokens: list[str], i: int) -> bool:
    """Whether a token chains its operands one level deeper.

    A property access `n.name` is free; only the second and later dots of a chain
    `m.a.b.c` count, since that chain nests like any other.
    """
    if word:
        return word in _KEYWORD_OPERATORS and not after_dot
    if token == ".":
        return i >= 2 and tokens[i - 2] == "."
    return not (token[0].isdigit() or token[0] == "$" or token == "''" or token == ";")


def cost_refusal(bare: str) -> str | None:
    """Why the text is refused as too costly to parse or plan, or None when it is not."""
    tokens = tokenize(bare)
    if len(tokens) > MAX_TOKENS:
        return f"the query has {len(tokens)} tokens; at most {MAX_TOKENS} are allowed"
    cost = measure(tokens)
    if cost.depth > MAX_DEPTH:
        return (f"the query nests {cost.depth} levels deep (brackets, CASE and chained "
                f"operators count); at most {MAX_DEPTH} are allowed")
    if cost.items > MAX_ITEMS:
        return (f"the query repeats {cost.items} items in one list, map or argument list; "
                f"at most {MAX_ITEMS} are allowed (pass long lists as a parameter)")
    if cost.unions > MAX_UNIONS:
        return f"the query has {cost.unions} UNIONs; at most {MAX_UNIONS} are allowed"
    if cost.relationships > MAX_RELATIONSHIPS:
        return (f"the query matches {cost.relationships} relationships in one part; at most "
                f"{MAX_RELATIONSHIPS} are allowed (split it with WITH)")
    return None
