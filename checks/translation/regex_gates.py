"""Cheap necessary conditions read off a regular expression of the family's data (a calque
table's regex, a fingerprint cue), so that a text is searched only where the pattern can match.
The regular expression engine tries a pattern that opens with an assertion ('\\b', a
look-behind) at every position of the text; a substring search or a list of the text's numbers
tells the same far faster. Both conditions are exact: they never drop a match."""
from __future__ import annotations

import re
from collections.abc import Iterator

from auditor import compiled

try:  # the regular-expression parser of the standard library
    from re import _parser as _sre_parse  # Python 3.11+
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _sre_parse

# A run of digits (as '\d' reads them): where a pattern that opens on a number can start.
_NUMBER = compiled.regex(r"\d+")
#: The kind under which `tail` and `opens_on_number` keep their answers between runs (compiled.py):
#: parsing the fingerprint cues again took 2 ms of a one-file run. Change it with the rules below,
#: so that an answer kept by older rules is not read.
GATES_KIND = "regex gates 1"


def _parse(regex: str, flags: int):
    """The parsed pattern, or None when the parser cannot read it or its flags make a literal
    reading wrong (case-insensitive or verbose)."""
    try:
        tree = _sre_parse.parse(regex, flags)
    except Exception:  # noqa: BLE001 - a pattern the parser cannot read is simply not gated
        return None
    return None if tree.state.flags & (re.IGNORECASE | re.VERBOSE) else tree


def required_literal(regex: str, flags: int = 0) -> str:
    """The longest run of plain characters that every match of `regex` holds, as written (the
    pattern is case-sensitive), or '' when none is known: ' and so on.' of a pattern for lists
    ending in 'and so on.'. A text or a line without it cannot match."""
    tree = _parse(regex, flags)
    if tree is None:
        return ""
    best = run = ""
    for op, arg in tree:  # the top-level sequence: each of its items is in every match, in order
        if op is _sre_parse.LITERAL:
            run += chr(arg)
        else:
            best, run = max(best, run, key=len), ""
    return max(best, run, key=len)


#: A tail gate needs a literal of this many characters to open on: the engine searches for a
#: pattern's opening literal quickly, but a single character (a space) is everywhere, and then
#: the tail costs as much to search for as the pattern.
MIN_GATE_LITERAL = 2


def tail_gate(regex: str, flags: int = 0) -> re.Pattern | None:
    """`tail` of `regex`, compiled (and kept between runs), or None when it has none."""
    source = tail(regex, flags)
    return compiled.regex(source, flags) if source else None


def tail(regex: str, flags: int = 0) -> str:
    """`_tail`, kept between runs."""
    return compiled.derived(f"tail ({GATES_KIND})", (regex, int(flags)), lambda: _tail(regex, flags))


def _tail(regex: str, flags: int) -> str:
    """The part of `regex` from its longest run of plain characters (`required_literal`) to its
    end, when the pattern opens with something else ('\\b(?:on|of|by) the \\d{1,2}' gives
    ' the \\d{1,2}'): every match of `regex` holds a match of it, so a text where it finds
    nothing is not searched for `regex`, which the engine tries at every position (an opening
    assertion or alternation has no literal to look for). '' when there is no such part, or when
    it holds a group (numbered otherwise on its own, or referring back to the part left out)."""
    tree = _parse(regex, flags)
    if tree is None:
        return ""
    items = list(tree)
    best = (0, 0)  # (length, start) of the longest run of literals
    k = 0
    while k < len(items):
        j = k
        while j < len(items) and items[j][0] is _sre_parse.LITERAL:
            j += 1
        best = max(best, (j - k, -k))
        k = j + 1
    length, start = best[0], -best[1]
    if length < MIN_GATE_LITERAL or start == 0:
        return ""
    wanted = repr(_sre_parse.SubPattern(tree.state, items[start:]))
    first = chr(items[start][1])
    # the source of the tail: the end of `regex` from where it parses to the same items (the
    # first literal is written plain or escaped)
    for i in (i for i, ch in enumerate(regex) if ch == first and (i == 0 or regex[i - 1] != "\\")
              or ch == "\\" and regex[i + 1:i + 2] == first):
        sub = _parse(regex[i:], flags)
        if sub is not None and sub.state.groups == 1 and sub.state.flags == tree.state.flags \
                and repr(sub) == wanted:
            return regex[i:]
    return ""


def opens_on_number(regex: str, flags: int = 0) -> bool:
    """`_opens_on_number`, kept between runs."""
    return compiled.derived(f"opens on a number ({GATES_KIND})", (regex, int(flags)),
                            lambda: _opens_on_number(regex, flags))


def _opens_on_number(regex: str, flags: int) -> bool:
    """Every match of `regex` starts with the first digit of a run of digits: the pattern opens
    with a word boundary ('\\b', which a digit after it makes a non-word character before it)
    and then with a digit ('\\b\\d{1,3},\\d', '\\b(?:[012]?\\d|3[01])\\.'). Such a pattern is
    tried at the text's numbers only (`matches_at_numbers`)."""
    tree = _parse(regex, flags)
    if tree is None:
        return False
    items = list(tree)
    k = 0
    boundary = False
    while k < len(items) and items[k][0] in (_sre_parse.AT, _sre_parse.ASSERT, _sre_parse.ASSERT_NOT):
        boundary = boundary or items[k] == (_sre_parse.AT, _sre_parse.AT_BOUNDARY)
        k += 1
    return boundary and _opens_with_digit(items[k:])


def _opens_with_digit(items) -> bool:
    """Every match of the sequence `items` is non-empty and starts with a digit."""
    for op, arg in items:
        if op is _sre_parse.IN:
            return all(_digits_only(o, a) for o, a in arg)
        if op is _sre_parse.LITERAL:
            return _digits_only(op, arg)
        if op in (_sre_parse.MAX_REPEAT, _sre_parse.MIN_REPEAT):
            low, _, sub = arg
            if not _opens_with_digit(sub):
                return False
        elif op is _sre_parse.SUBPATTERN:
            sub = arg[-1]
            if not _opens_with_digit(sub):
                return False
            low = 1
        elif op is _sre_parse.BRANCH:
            if not all(_opens_with_digit(alt) for alt in arg[1]):
                return False
            low = 1
        else:
            return False
        if low >= 1:
            return True  # this item is always there, and opens with a digit
        # an optional item: what follows it may open the match instead
    return False


def _digits_only(op, arg) -> bool:
    if op is _sre_parse.LITERAL:
        return chr(arg).isdecimal()
    if op is _sre_parse.RANGE:
        return all(chr(c).isdecimal() for c in range(arg[0], arg[1] + 1))
    return op is _sre_parse.CATEGORY and arg is _sre_parse.CATEGORY_DIGIT


def numbers(text: str) -> list[int]:
    """Where the runs of digits of `text` start, in order."""
    return [m.start() for m in _NUMBER.finditer(text)]


def matches_at_numbers(pattern: re.Pattern, text: str, starts: list[int]) -> Iterator[re.Match]:
    """`pattern.finditer(text)` for a pattern that `opens_on_number`, `starts` being
    `numbers(text)`: the leftmost match at or after the end of the last one is the first of these
    starts where the pattern matches, so it is tried there only."""
    end = 0
    for i in starts:
        if i >= end:
            m = pattern.match(text, i)
            if m:
                yield m
                end = m.end()
