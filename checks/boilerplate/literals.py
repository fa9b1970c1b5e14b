"""What a regular expression needs before it can match: the literal strings one of which must occur
in the text (a prefilter), and whether it fails at once on most lines (it starts with a literal).

Python's `re` has no literal prefilter for case-insensitive alternations: a pattern searched along
a line tries every branch at every position. Most phrase patterns need a word ("foreign", "cookie",
"rights") somewhere in the line; looking for those words first with `in` (a fast substring search)
skips the regex on almost every line. The needles are read from the pattern itself (its parse
tree), so they cannot drift from it: a mandatory literal run, a mandatory alternation of them, the
content of a group or a repetition of at least one, a small class of literal characters ("[(\\[]");
of the candidates in a sequence the most selective is kept: the one whose least selective needle
is rarest in prose (`_rarity`). Needles are lower case; look for them in the lower-cased line.
"""
from __future__ import annotations

import re

from auditor import compiled

try:  # Python 3.11+
    import re._parser as _parser
    from re._constants import (ASSERT, ASSERT_NOT, AT, AT_BEGINNING, AT_BEGINNING_STRING, AT_END, AT_END_STRING,
                               ATOMIC_GROUP, BRANCH, CATEGORY, CATEGORY_DIGIT, CATEGORY_NOT_DIGIT,
                               CATEGORY_NOT_SPACE, CATEGORY_NOT_WORD, CATEGORY_SPACE, CATEGORY_WORD, IN,
                               LITERAL, MAX_REPEAT, MAXREPEAT, MIN_REPEAT, NEGATE, NOT_LITERAL,
                               POSSESSIVE_REPEAT, RANGE, SUBPATTERN)
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _parser  # type: ignore[no-redef]
    from sre_constants import (ASSERT, ASSERT_NOT, AT, AT_BEGINNING, AT_BEGINNING_STRING,  # type: ignore
                               AT_END, AT_END_STRING, BRANCH, CATEGORY, CATEGORY_DIGIT, CATEGORY_NOT_DIGIT,
                               CATEGORY_NOT_SPACE, CATEGORY_NOT_WORD, CATEGORY_SPACE, CATEGORY_WORD, IN,
                               LITERAL, MAX_REPEAT, MAXREPEAT, MIN_REPEAT, NEGATE, NOT_LITERAL, RANGE,
                               SUBPATTERN)
    ATOMIC_GROUP = POSSESSIVE_REPEAT = object()

_REPEATS = (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT)
#: The kept needles' kind (compiled.derived), with the version of the rules that find them: a new
#: rule must not read needles kept by an older one.
NEEDLES_KIND = "needles 3"


#: What a punctuation mark or a symbol counts for in a needle's rarity (a letter counts 1): a line
#: of prose holds "ap", "said" or "mon" somewhere ("happen", "month") far more often than a "/",
#: a ":" or a "(", so a pattern that needs both an agency name and a slash is gated on the slash.
SYMBOL_RARITY = 4
#: ... but for the marks that most lines of prose hold: they count as a letter (a class of
#: sentence stops, "[.!?]", would otherwise win over any word).
PROSE_PUNCTUATION = frozenset(".,'’-")


def _rarity(needle: str) -> int:
    return sum(1 if ch.isalpha() or ch.isspace() or ch in PROSE_PUNCTUATION else SYMBOL_RARITY
               for ch in needle)


def _selective(needles: frozenset[str]) -> tuple[int, int]:
    """How selective a set of needles is: the rarity of its least rare needle, then (of two sets
    as rare) the one of fewer needles."""
    return min(_rarity(n) for n in needles), -len(needles)


def _sequence(seq) -> frozenset[str] | None:
    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            candidates.append(frozenset({"".join(run)}))
            run.clear()

    for op, av in seq:
        if op is LITERAL:
            run.append(chr(av).lower())
            continue
        if op is AT:           # ^, $, \b: no character
            continue
        flush()
        inner: frozenset[str] | None = None
        if op is BRANCH:
            alternatives = [_sequence(a) for a in av[1]]
            if all(alternatives):
                inner = frozenset().union(*alternatives)
        elif op is SUBPATTERN:
            inner = _sequence(av[-1])
        elif op in _REPEATS and av[0] >= 1:
            inner = _sequence(av[2])
        elif op is ASSERT and av[0] == 1:    # a lookahead must find its text too
            inner = _sequence(av[1])
        elif op is ATOMIC_GROUP:
            inner = _sequence(av)
        elif op is IN and len(av) <= SMALL_CLASS and all(item is LITERAL for item, _ in av):
            inner = frozenset(chr(c).lower() for _, c in av)
        if inner:
            candidates.append(inner)
    flush()
    return max(candidates, key=_selective) if candidates else None


def needles(source: str, flags: int = 0) -> frozenset[str] | None:
    """Lower-case strings one of which occurs in every text the pattern matches (case aside);
    None when the pattern needs none that can be told. (Kept between runs: parsing is slow; the
    kind names the version of the rules above, so a value kept by older rules is not read.)"""
    return compiled.derived(NEEDLES_KIND, (source, int(flags)), lambda: _sequence(_parser.parse(source, flags)))


#: A class of at most this many characters ("[-–—]", "[©(]") starts a pattern as a literal does
#: (and, made of literals only, is a needle set of its characters).
SMALL_CLASS = 4


def _class_size(items) -> int:
    size = 0
    for op, av in items:
        if op is LITERAL:
            size += 1
        elif op is RANGE:
            size += av[1] - av[0] + 1
        else:                       # a category (\w, \s), a negation: most characters
            return SMALL_CLASS + 1
    return size


def _first_is_literal(seq) -> bool:
    """Whether every way the sequence can start is a literal (or a small class of characters)."""
    seq = list(seq)
    for i, (op, av) in enumerate(seq):
        if op is AT:
            continue
        if op is LITERAL:
            return True
        if op is IN:
            return _class_size(av) <= SMALL_CLASS
        if op is BRANCH:
            return all(_first_is_literal(list(a) + seq[i + 1:]) for a in av[1])
        if op is SUBPATTERN:
            return _first_is_literal(list(av[-1]) + seq[i + 1:])
        if op in _REPEATS:
            if not _first_is_literal(av[2]):
                return False
            # An optional part: what follows it may start the match as well.
            return av[0] >= 1 or _first_is_literal(seq[i + 1:])
        return False
    return False


def fails_fast(source: str, flags: int = 0) -> bool:
    """Whether the pattern is anchored at the line start and starts with a literal (or a small set
    of characters): on most lines it fails at the first character, and no prefilter pays."""
    if not source.startswith("^"):
        return False
    return compiled.derived("fails-fast", (source, int(flags)),
                            lambda: _first_is_literal(_parser.parse(source, flags)))


def anchored_at_start(source: str, flags: int = 0) -> bool:
    """Whether every match of the pattern starts where the text does (^ or \\A, not in MULTILINE
    mode): it need only be tried there."""
    tree = _parser.parse(source, flags)
    return not tree.state.flags & _parser.SRE_FLAG_MULTILINE and _at_start(list(tree))


def _at_start(seq) -> bool:
    for op, av in seq:
        if op is AT:
            return av is AT_BEGINNING or av is AT_BEGINNING_STRING
        if op is SUBPATTERN:
            return not av[1] & _parser.SRE_FLAG_MULTILINE and _at_start(av[-1])
        if op is BRANCH:
            return all(_at_start(alternative) for alternative in av[1])
        return False
    return False


def end_reach(source: str, flags: int = 0) -> int | None:
    """When every match of the pattern ends where the text does ($ or \\Z, not in MULTILINE mode)
    and spans a bounded number of characters: how many characters from the end of a text a
    search needs (one more than that number: $ may stand before a final line break); else None.
    (Look-behinds see the text before where a search starts.)"""
    tree = _parser.parse(source, flags)
    if tree.state.flags & _parser.SRE_FLAG_MULTILINE or not _at_end(list(tree)):
        return None
    longest = tree.getwidth()[1]
    return None if longest >= MAXREPEAT else longest + 1


def _at_end(seq) -> bool:
    if not seq:
        return False
    op, av = seq[-1]
    if op is AT:
        return av is AT_END or av is AT_END_STRING
    if op is SUBPATTERN:
        return not av[1] & _parser.SRE_FLAG_MULTILINE and _at_end(list(av[-1]))
    if op is BRANCH:
        return all(_at_end(list(alternative)) for alternative in av[1])
    return False


def _tagged(seq, icase: bool) -> list:
    return [(op, av, icase) for op, av in seq]


#: How deep `_heads` follows groups and repetitions before it gives up (a repetition of what
#: may match nothing would unroll for ever).
HEADS_DEPTH = 40


def _heads(seq, n: int, depth: int = 0) -> list | None:
    """The ways a match of the sequence (of (op, av, ignore case) items: a group's flags apply
    inside it only) may start: each a list of at most `n` classes, (ignore case, class items),
    that its first characters match in turn (shorter where what comes next cannot be told);
    None when its first character cannot be told."""
    if depth > HEADS_DEPTH:
        return None
    for i, (op, av, icase) in enumerate(seq):
        rest = seq[i + 1:]
        if op is AT:
            continue
        if op is LITERAL or op is IN:
            if op is IN and _class_size(av) > SMALL_CLASS:
                return None
            head = (icase, ((op, av),) if op is LITERAL else tuple(av))
            tails = _heads(rest, n - 1, depth + 1) if n > 1 else None
            return [[head]] if tails is None else [[head] + tail for tail in tails]
        if op is BRANCH:
            return _each_branch(av[1], icase, rest, lambda seq_, depth_: _heads(seq_, n, depth_), depth)
        if op is SUBPATTERN:
            return _heads(_tagged(av[-1], _group_icase(av, icase)) + rest, n, depth + 1)
        if op in _REPEATS:
            low, high, body = av
            if high == 0:
                return _heads(rest, n, depth + 1)
            # Once, then the repetition less one, then the rest; or (when it may be left out)
            # the rest alone.
            again = [] if high == 1 else [(op, (max(low - 1, 0), high if high == MAXREPEAT else high - 1, body), icase)]
            ways = _heads(_tagged(body, icase) + again + rest, n, depth + 1)
            if low >= 1 or ways is None:
                return ways
            without = _heads(rest, n, depth + 1)
            return None if without is None else ways + without
        return None
    return None


def _each_branch(alternatives, icase: bool, rest, walk, depth: int) -> list | None:
    """`walk(sequence, depth)` (`_heads` or `_firsts`) over each alternative of a branch followed
    by the rest, the ways joined; None when one alternative's cannot be told."""
    out: list = []
    for alternative in alternatives:
        ways = walk(_tagged(alternative, icase) + rest, depth + 1)
        if ways is None:
            return None
        out += ways
    return out


def _group_icase(av, icase: bool) -> bool:
    """Whether a group's contents ignore case: its own flags (added, removed) on the outer case."""
    return (icase or bool(av[1] & _parser.SRE_FLAG_IGNORECASE)) and not av[2] & _parser.SRE_FLAG_IGNORECASE


def _firsts(seq, depth: int = 0) -> list | None:
    """The classes (ignore case, class items) one of which the first character of every match
    of the sequence (of (op, av, ignore case) items, as _heads reads them) is in; None when that
    cannot be told, or when the sequence may match nothing. Look-arounds and anchors consume no
    character: what follows them tells."""
    if depth > HEADS_DEPTH:
        return None
    for i, (op, av, icase) in enumerate(seq):
        rest = seq[i + 1:]
        if op is AT or op is ASSERT or op is ASSERT_NOT:
            continue
        if op is LITERAL:
            return [(icase, ((LITERAL, av),))]
        if op is NOT_LITERAL:
            return [(icase, ((NEGATE, None), (LITERAL, av)))]
        if op is IN:
            return [(icase, tuple(av))]
        if op is BRANCH:
            return _each_branch(av[1], icase, rest, _firsts, depth)
        if op is SUBPATTERN:
            return _firsts(_tagged(av[-1], _group_icase(av, icase)) + rest, depth + 1)
        if op is ATOMIC_GROUP:
            return _firsts(_tagged(av, icase) + rest, depth + 1)
        if op in _REPEATS:
            low, high, body = av
            if high == 0:
                continue
            ways = _firsts(_tagged(body, icase) + rest, depth + 1)
            if low >= 1 or ways is None:
                return ways
            without = _firsts(rest, depth + 1)
            return None if without is None else ways + without
        return None
    return None


#: The class escapes a first character's class may hold, as a regex writes them.
_CATEGORIES = {CATEGORY_DIGIT: r"\d", CATEGORY_NOT_DIGIT: r"\D", CATEGORY_SPACE: r"\s",
               CATEGORY_NOT_SPACE: r"\S", CATEGORY_WORD: r"\w", CATEGORY_NOT_WORD: r"\W"}


def _first_source(sources: tuple[str, ...], flags: int) -> str | None:
    brackets: dict[bool, list[str]] = {}   # ignore case -> the items of its one bracket
    negated: set[str] = set()             # negated classes, each a bracket of its own
    for source in sources:
        found = _firsts(_tagged(_parser.parse(source, flags), bool(flags & _parser.SRE_FLAG_IGNORECASE)))
        if found is None:
            return None
        for icase, items in found:
            inner = []
            for op, av in items:
                if op is NEGATE:
                    inner.append("^")
                elif op is LITERAL:
                    inner.append(_escape(chr(av)))
                elif op is RANGE:
                    inner.append(f"{_escape(chr(av[0]))}-{_escape(chr(av[1]))}")
                elif op is CATEGORY and av in _CATEGORIES:
                    inner.append(_CATEGORIES[av])
                else:
                    return None
            if inner[:1] == ["^"]:
                negated.add(f"(?{'i' if icase else '-i'}:[{''.join(inner)}])")
            else:
                brackets.setdefault(icase, []).extend(inner)
    parts = sorted(f"(?{'i' if icase else '-i'}:[{''.join(sorted(set(inner)))}])" for icase, inner in brackets.items())
    return f"(?={'|'.join(parts + sorted(negated))})"


def first_chars(sources: tuple[str, ...], flags: int = 0) -> str | None:
    """A look-ahead that the character where any match of one of the patterns starts passes
    ("(?=(?i:[(.v\\s]))"), each pattern's case rule kept; None when that cannot be told (a pattern
    may start with any character, or match nothing). Put before their alternation, it lets a
    search go past most characters of a line on one test instead of a try of every branch."""
    return compiled.derived(f"first characters ({NEEDLES_KIND})", (sources, int(flags)),
                            lambda: _first_source(sources, flags))


def _class_source(items) -> str:
    return "".join(_escape(chr(av)) if op is LITERAL else f"{_escape(chr(av[0]))}-{_escape(chr(av[1]))}"
                   for op, av in items)


def _escape(ch: str) -> str:
    return "\\" + ch if ch in "\\]^-[" else ch


#: How many characters of a line's start head_class() tells (three sort out the families far
#: better than two: "Sha" starts a share bar, "Sh" most of "She said ...").
HEAD_CHARS = 3


def _head_source(sources: tuple[str, ...], flags: int) -> str | None:
    ways: set[str] = set()
    for source in sources:
        found = _heads(_tagged(_parser.parse(source, flags), bool(flags & _parser.SRE_FLAG_IGNORECASE)), HEAD_CHARS)
        if found is None:
            return None
        ways.update("".join(f"(?{'i' if icase else '-i'}:[{_class_source(items)}])" for icase, items in way)
                    for way in found)
    return "|".join(sorted(ways))


def head_class(sources: tuple[str, ...], flags: int = 0) -> str | None:
    """A regex that the first HEAD_CHARS characters of every line some of the patterns match (each at
    the line start) match at their start, each pattern's case rule kept; None when that cannot
    be told. A line whose start it refuses fails all of them: they need not be tried."""
    return compiled.derived(f"head class ({NEEDLES_KIND}, {HEAD_CHARS} characters)", (sources, int(flags)),
                            lambda: _head_source(sources, flags))


# --- looking for many needles at once ----------------------------------------------------------

#: Letters from the most to the least frequent in English text, and marks that most lines hold:
#: a needle is looked for by its rarest character (its anchor), so that the scan of a line stops
#: at few of its characters. (Only the speed depends on it: every needle is found.)
LETTERS_BY_FREQUENCY = " etaoinsrhldcumfpgwybvkxjqz"
COMMON_MARKS = frozenset(".,'’\"-")


def _char_rarity(ch: str) -> int:
    if ch in COMMON_MARKS:
        return -1
    rank = LETTERS_BY_FREQUENCY.find(ch)
    return len(LETTERS_BY_FREQUENCY) if rank < 0 else rank


def by_anchor(needles) -> dict[str, list[tuple[str, int]]]:
    """Anchor character -> (needle, the anchor's place in it), of non-empty needles, sorted."""
    out: dict[str, list[tuple[str, int]]] = {}
    for needle in sorted(needles):
        at = max(range(len(needle)), key=lambda k: _char_rarity(needle[k]))
        out.setdefault(needle[at], []).append((needle, at))
    return out


def anchored_source(anchored: dict[str, list[tuple[str, int]]]) -> str:
    """A regex that matches at an anchor character where one of its needles stands: the anchor,
    the rest of the needle, then the whole needle looked behind (what comes before the anchor).
    It starts with the anchors alone, so `re` skips the other characters of a text in C, and
    the rest of a needle starts with a character, which `re` compares before it tries more.
    (A search of a text finds a match if and only if the text holds one of the needles: a
    search for each needle in turn cost as many scans of the text.)"""
    branches = []
    for anchor, needles in sorted(anchored.items()):
        ways = [re.escape(needle[k + 1:]) + (f"(?<={re.escape(needle)})" if k else "") for needle, k in needles]
        if "" in ways:   # the anchor is a needle by itself
            branches.append(re.escape(anchor))
        else:
            branches.append(re.escape(anchor) + (ways[0] if len(ways) == 1 else f"(?:{'|'.join(ways)})"))
    return "|".join(branches)


def _aligned(a: str, ka: int, b: str, kb: int) -> bool:
    """Whether needles a and b may both stand at one anchor (a's at ka, b's at kb): they agree
    wherever they overlap."""
    lo, hi = max(-ka, -kb), min(len(a) - ka, len(b) - kb)
    return all(a[d + ka] == b[d + kb] for d in range(lo, hi))


class NeedleScan:
    """Which of many needles a text holds, as the OR of the values (bits) of those it holds.

    A regex stops at each anchor character (by_anchor) where one of its needles stands, the
    first of them in the regex's order, the longest first (_ordered_source: it matches the
    anchor and the rest of that needle); the search goes on from the next character. The text it
    matched tells which needle stood there (of those with that anchor and rest, the first whose
    start is there too). A needle holds the needles that are parts of it, so its value includes
    theirs; a needle after it in the order that agrees with it where they overlap may stand at
    the same anchor as well, and is looked at there (few have any). Looking at each stop at every
    needle of its anchor was most of the time of the phrase families' prefilters."""

    def __init__(self, values: dict[str, int]):
        # Kept between runs: a scan for the needles of all the families took 5 ms to plan.
        source, stops = compiled.derived(NEEDLE_SCAN_KIND, tuple(sorted(values.items())), lambda: _plan(values))
        self._search = compiled.regex(source).search if source else None
        #: what a stop matched (an anchor and the rest of a needle) -> for each needle it may be, in
        #: the regex's order: its start before the anchor, the needle, its value, and what else
        #: may stand at the anchor with it (needle, start, value)
        self._stops: dict[str, list[tuple[int, str, int, tuple[tuple[str, int, int], ...]]]] = stops

    def __call__(self, text: str) -> int:
        """The OR of the values of the needles that occur in `text`."""
        found = 0
        search = self._search
        m = search(text) if search is not None else None
        while m is not None:
            at = m.start()
            for k, needle, value, also in self._stops[m.group()]:
                if k == 0 or at >= k and text.startswith(needle, at - k):
                    found |= value
                    for other, j, bits in also:
                        if at >= j and text.startswith(other, at - j):
                            found |= bits
                    break
            m = search(text, at + 1)
        return found


#: The kept plans' kind (compiled.derived): a new way of planning must not read older plans.
NEEDLE_SCAN_KIND = "needle scan 1"


def _plan(values: dict[str, int]) -> tuple[str, dict[str, list]]:
    """The regex of a NeedleScan and what each of its stops tells (see the class)."""
    anchored = {a: sorted(ns, key=lambda nk: (-len(nk[0]), nk[0]))
                for a, ns in by_anchor(n for n in values if n).items()}
    stops: dict[str, list] = {}
    for needles in anchored.values():
        for i, (needle, k) in enumerate(needles):
            also = tuple((n, kn, _with_parts(n, values)) for n, kn in needles[i + 1:]
                         if n not in needle and _aligned(needle, k, n, kn))
            stops.setdefault(needle[k:], []).append((k, needle, _with_parts(needle, values), also))
    return (_ordered_source(anchored) if anchored else ""), stops


def _ordered_source(anchored: dict[str, list[tuple[str, int]]]) -> str:
    """anchored_source() with the needles of each anchor tried in the order given (there, an
    anchor that is a needle by itself stands for all of its needles)."""
    branches = []
    for anchor, needles in sorted(anchored.items()):
        ways = [re.escape(needle[k + 1:]) + (f"(?<={re.escape(needle)})" if k else "") for needle, k in needles]
        branches.append(re.escape(anchor) + (ways[0] if len(ways) == 1 else f"(?:{'|'.join(ways)})"))
    return "|".join(branches)


def _with_parts(needle: str, values: dict[str, int]) -> int:
    """The needle's value with the values of the needles that are parts of it."""
    out = 0
    for other, v in values.items():
        if other and other in needle:
            out |= v
    return out
