"""One pass over a document that decides, line by line, which boilerplate rule (if any) claims it.

Each line is claimed by at most one rule, in this order: phrase families (data files), lines under
a widget heading, duplicates, shape and position, off-topic splices. The BP check classes only
report the verdicts of their own code, so a line never gets two boilerplate findings.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .layout import Layout, is_all_caps, is_title_case, layout, normalize
from .phrases import families


# Lines that are only a URL, a time stamp or a bracketed tag.
_URL_ONLY = re.compile(r"^(?:https?://|www\.)\S{1,2000}$", re.I)
_TIME = r"\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\.?)?(?:\s?(?:GMT|UTC|MSK|JST|CET|EST|ET|PT)(?:[+-]\d{1,2})?)?"
_DATE = (r"(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}"
         r"|(?:\d{1,2}\s)?[A-Za-zА-Яа-яё]{3,10}\.?\s\d{1,2}(?:st|nd|rd|th)?,?(?:\s\d{4})?|\d{1,2}\s[A-Za-zА-Яа-яё]{3,10}\.?(?:\s\d{4})?)")
_TIMESTAMP_ONLY = re.compile(rf"^(?:(?:updated|published|posted|обновлено|опубликовано)\s?:?\s)?"
                             rf"(?:{_DATE}[,\s|–—-]{{0,4}})?{_TIME}(?:[,\s|–—-]{{0,4}}{_DATE})?$", re.I)
_TAG_ONLY = re.compile(r"^(?:[\[(【]\s?[\w+ ]{1,20}\s?[\])】]|\d{1,2}\+|(?:VIDEO|PHOTOS?|GALLERY|LIVE|UPDATED?|BREAKING|EXCLUSIVE|ВИДЕО|ФОТО)[:!]?)$")
_GLUE = re.compile(r"^(\S{1,30}(?:\s\S{1,30}){0,3}?)(?:\xa0\s?|\s\xa0| {2,4})(?=\S)")
_STOP = frozenset("""about above after again against also although among because been before being below
between both came come could does doing down during each even ever every from further have having
here into itself just like made make many more most much must only other over said same says should
since some such than that their them then there these they this those though through under until
very were what when where which while whom whose will with would your year years told week weeks
according""".split())


# Families whose heading line announces the lines under it, and how many lines it may claim.
_HEADING_FAMILIES = {"related links": 12, "navigation": 12, "advertisement": 2}


@dataclass
class Verdict:
    code: str
    family: str
    start: int
    end: int
    message: str
    related: tuple = ()   # (start, end, note) in the same document


def _quote(text: str, limit: int = 60) -> str:
    text = text.replace("\xa0", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _in_position(position: str, i: int, lay: Layout, tail_start: int) -> bool:
    if position == "tail":
        return i >= tail_start
    if position == "lead":
        return 0 < i < lay.first_body
    if position == "edges":
        return 0 < i < lay.first_body or i >= tail_start
    return True


def _match_line(fams, ln, lay: Layout, tail_start: int):
    if ln.index == 0 or len(ln.text) > 1200:
        return None, None
    text = ln.text.replace("\xa0", " ")
    for fam in fams:
        if ln.n_words > fam.max_words or not _in_position(fam.position, ln.index, lay, tail_start):
            continue
        pat = fam.match(text)
        if pat is not None:
            return fam, pat
    return None, None


def _tail_start(fams, lay: Layout) -> int:
    """Index where the tail run starts: from there on every line is short, or is widget text
    (a bio, a call to action, a sign-up box) by some phrase family, evidence on each line."""
    start = len(lay.lines)
    for ln in reversed(lay.lines[1:]):
        if ln.prose:
            fam, _ = _match_line(fams, ln, lay, ln.index)
            if fam is None:
                break
        start = ln.index
    return start


def _phrase_verdicts(lay: Layout, claimed: dict[int, Verdict]) -> None:
    fams = sorted(families(), key=lambda f: (f.code == "BP104", f.code, f.path))
    tail_start = _tail_start(fams, lay)
    headings: list[tuple[int, str, str]] = []
    for ln in lay.lines:
        fam, pat = _match_line(fams, ln, lay, tail_start)
        if fam is None:
            continue
        why = "widget heading" if pat.heading else "phrase"
        msg = (f"'{_quote(ln.text)}' is {fam.name} text ({why} rule of {fam.path}), not the article: "
               "remove the line")
        if fam.code == "BP104":
            msg = (f"'{_quote(ln.text)}' is an {fam.name} line ({fam.path}); it may stay in a "
                   "published article: remove it only if the house style drops it")
        claimed[ln.index] = Verdict(fam.code, fam.name, ln.start, ln.end, msg)
        if pat.heading or _looks_like_heading(ln):
            headings.append((ln.index, fam.name, ln.text))
    _reframe_body(lay, claimed)
    for index, name, head in headings:
        _claim_under_heading(lay, claimed, index, name, head)


def _looks_like_heading(ln) -> bool:
    return ln.n_words <= 5 and not ln.ends_sentence or ln.text.rstrip().endswith(":") and ln.n_words <= 6


def _claim_under_heading(lay: Layout, claimed: dict[int, Verdict], index: int, name: str, head: str) -> None:
    """Short non-prose lines right under a widget heading ('Related content') belong to the widget."""
    if name not in _HEADING_FAMILIES:
        return
    for ln in lay.lines[index + 1:index + 1 + _HEADING_FAMILIES[name]]:
        if ln.index in claimed:
            continue
        if ln.prose or ln.n_words > 25 or ln.n_words == 0:
            break
        if not (ln.index > lay.last_body or ln.listed):
            break
        claimed[ln.index] = Verdict(
            "BP101", name, ln.start, ln.end,
            f"'{_quote(ln.text)}' is listed under the {name} heading '{_quote(head, 40)}': "
            "remove the line")


def _duplicate_verdicts(lay: Layout, claimed: dict[int, Verdict]) -> None:
    lines = lay.lines
    if not lines:
        return
    head = next((ln for ln in lines[:4] if ln.index not in claimed and ln.n_words >= 3), lines[0])
    keys = [normalize(ln.text) for ln in lines]   # once a line: compared many times below
    head_key = keys[head.index]
    seen: dict[str, int] = {}
    blocks: _Blocks | None = None
    for ln in lines:
        key = keys[ln.index]
        if ln.index > head.index and key == head_key and len(head_key) >= 12 and ln.index not in claimed:
            claimed[ln.index] = Verdict(
                "BP301", "duplicate", ln.start, ln.end,
                f"the headline '{_quote(ln.text)}' is repeated: "
                "remove the repeat",
                ((head.start, head.end, "the headline"),))
            continue
        # Only paragraphs: repeated short lines are table-of-contents entries, subheadings, list items.
        if ln.index <= head.index or ln.listed or not (ln.prose or ln.n_words >= 12) or len(key) < 30:
            continue
        if key in seen:
            first = lines[seen[key]]
            if ln.index not in claimed:
                if blocks is None:
                    blocks = _Blocks(keys)
                block = blocks.size(seen[key], ln.index)
                what = f"a block of {block} paragraphs" if block > 1 else "a paragraph"
                claimed[ln.index] = Verdict(
                    "BP302", "duplicate", ln.start, ln.end,
                    f"'{_quote(ln.text)}' repeats an earlier paragraph ({what} pasted twice): "
                    "remove the second copy",
                    ((first.start, first.end, "first copy"),))
        else:
            seen[key] = ln.index


class _Blocks:
    """Sizes of repeated blocks of lines, each in O(1) after an O(L log² L) set-up.

    The size of the block around a repeated line is the longest run of equal lines through
    (`first`, `second`) on their diagonal, forwards and backwards, the two copies never
    overlapping: a longest common extension of two suffixes (forwards) and of two prefixes
    (backwards). Scanning it line by line cost O(L) a repeated line, O(L²) a file pasted many
    times over (a 1 MB file of one article 100 times: minutes); here a suffix array with its LCP
    array and a sparse table of minima answers each extension at once.
    """

    def __init__(self, keys: list[str]):
        ids: dict[str, int] = {}
        seq = [ids.setdefault(k, len(ids)) for k in keys]
        self.n = len(seq)
        self._forward = _Extensions(seq)
        self._backward = _Extensions(seq[::-1])

    def size(self, first: int, second: int) -> int:
        gap, n = second - first, self.n
        # Forward: lines first+1.. against second+1.., before the first copy reaches the second.
        ahead = min(gap - 1, n - 1 - second)
        if ahead > 0:
            ahead = min(ahead, self._forward.common(first + 1, second + 1))
        # Backward: lines first-1.. against second-1.., with second-k staying after first.
        behind = min(gap - 1, first)
        if behind > 0:
            behind = min(behind, self._backward.common(n - first, n - second))
        return 1 + max(ahead, 0) + max(behind, 0)


class _Extensions:
    """Longest common prefix of any two suffixes of a sequence of ints (suffix array, Kasai's
    LCP array, sparse table of range minima)."""

    def __init__(self, seq: list[int]):
        n = len(seq)
        rank = list(seq)
        order = sorted(range(n), key=rank.__getitem__)
        step = 1
        while n > 1:
            # Prefix doubling: sort by (rank of the first `step` items, rank of the next `step`).
            key = [rank[i] * (n + 2) + (rank[i + step] + 1 if i + step < n else 0) for i in range(n)]
            order.sort(key=key.__getitem__)
            new = [0] * n
            r = 0
            for j in range(1, n):
                if key[order[j]] != key[order[j - 1]]:
                    r += 1
                new[order[j]] = r
            rank = new
            if r == n - 1:
                break
            step *= 2
        # Kasai: rank[i] is the place of suffix i in `order`.
        lcp = [0] * n   # lcp[r]: common prefix of the suffixes ranked r-1 and r
        h = 0
        for i in range(n):
            r = rank[i]
            if r == 0:
                h = 0
                continue
            j = order[r - 1]
            while i + h < n and j + h < n and seq[i + h] == seq[j + h]:
                h += 1
            lcp[r] = h
            if h:
                h -= 1
        self._rank = rank
        self._table = [lcp]
        width = 1
        while 2 * width <= n:
            prev = self._table[-1]
            self._table.append([a if a < b else b for a, b in zip(prev, prev[width:])])
            width *= 2

    def common(self, a: int, b: int) -> int:
        """How many items are equal from positions a and b on (a != b)."""
        lo, hi = sorted((self._rank[a], self._rank[b]))
        lo += 1                      # minimum of lcp[lo+1 .. hi]
        level = (hi - lo + 1).bit_length() - 1
        row = self._table[level]
        x, y = row[lo], row[hi - (1 << level) + 1]
        return x if x < y else y


def _shape_verdicts(lay: Layout, claimed: dict[int, Verdict]) -> None:
    for ln in lay.lines:
        if ln.index in claimed or ln.index == 0:
            continue
        text = ln.text.replace("\xa0", " ").strip()
        zone = lay.zone(ln.index)
        if _URL_ONLY.match(text):
            claimed[ln.index] = Verdict("BP202", "stray URL", ln.start, ln.end,
                                        f"'{_quote(text)}' is a bare URL on a line of its own: remove the line")
        elif len(text) <= 60 and _TIMESTAMP_ONLY.match(text):
            claimed[ln.index] = Verdict("BP202", "time stamp", ln.start, ln.end,
                                        f"'{text}' is a bare time stamp left by the page: remove the line")
        elif len(text) <= 30 and _TAG_ONLY.match(text):
            claimed[ln.index] = Verdict("BP202", "tag", ln.start, ln.end,
                                        f"'{text}' is a bare tag or label left by the page: remove the line")
        elif ln.index == 1 and 1 <= ln.n_words <= 2 and not ln.ends_sentence and lay.first_body == 2 \
                and is_title_case(ln.words) and not any(c.isdigit() for c in text) \
                and _starts_upper(lay, 2) and lay.lines[0].n_words >= 4:
            claimed[ln.index] = Verdict("BP203", "section label", ln.start, ln.end,
                                        f"'{text}' stands between the headline and the first paragraph like a "
                                        "site section label: remove the line")
        elif zone in ("lead", "tail") and _edge_line(ln, text, lay):
            where = "after the last paragraph" if zone == "tail" else "between the headline and the body"
            claimed[ln.index] = Verdict("BP201", "edge residue", ln.start, ln.end,
                                        f"'{_quote(text)}' is a short {'ALL CAPS' if is_all_caps(text) else 'Title Case'} "
                                        f"line without final punctuation {where}, where page widgets "
                                        "collect: remove the line")
        elif zone == "body" and _glued(ln, text):
            claimed[ln.index] = Verdict("BP204", "glued widget", ln.start, ln.end,
                                        f"'{_quote(ln.text)}' starts with a short label glued to the text by a "
                                        "no-break or double space, as widgets are: remove the line")


def _edge_line(ln, text: str, lay: Layout) -> bool:
    if ln.ends_sentence or ln.listed or not 1 <= ln.n_words <= 6 or len(text) > 60:
        return False
    if any(c.isdigit() for c in text) or text[-1:] in ",;-–—(":
        return False
    if not (is_title_case(ln.words) or is_all_caps(text)):
        return False
    # Only the tail: before the body, kickers, decks and bylines are legitimate. A line that heads
    # a list or a continued sentence is a subheading, not residue.
    if ln.index <= lay.last_body or not _starts_upper(lay, ln.index + 1):
        return False
    nxt = lay.lines[ln.index + 1] if ln.index + 1 < len(lay.lines) else None
    return nxt is None or not nxt.listed


def _starts_upper(lay: Layout, i: int) -> bool:
    """The line at i (if any) does not continue a sentence: it starts with a capital or a symbol."""
    if i >= len(lay.lines):
        return True
    first = lay.lines[i].text[:1]
    return not first.islower()


def _glued(ln, text: str) -> bool:
    raw = ln.text
    if ln.ends_sentence or ln.n_words > 30 or ln.n_words < 4:
        return False
    m = _GLUE.match(raw)
    return bool(m) and ("\xa0" in m.group(0) or "  " in m.group(0))


def _content_stems(words) -> set[str]:
    return {w.lower()[:6] for w in words if len(w) >= 4 and w.lower() not in _STOP}


def _splice_verdicts(lay: Layout, claimed: dict[int, Verdict], min_overlap: float) -> None:
    body = [ln for ln in lay.lines if ln.index > 0]
    if len(body) < 4:
        return
    counts: dict[str, int] = {}
    stems_of = {}
    for ln in lay.lines:
        stems = _content_stems(ln.words)
        stems_of[ln.index] = stems
        for s in stems:
            counts[s] = counts.get(s, 0) + 1
    for ln in body:
        if ln.index in claimed or lay.zone(ln.index) != "body" or ln.ends_sentence or ln.listed:
            continue
        stems = stems_of[ln.index]
        if ln.n_words < 6 or ln.n_words > 30 or len(stems) < 5 or not ln.text[:1].isupper():
            continue
        # A splice sits between two paragraphs; inside a run of short lines it is a list item.
        if not (lay.lines[ln.index - 1].prose and ln.index + 1 < len(lay.lines)
                and lay.lines[ln.index + 1].prose):
            continue
        shared = sum(1 for s in stems if counts.get(s, 0) > 1)
        overlap = shared / len(stems)
        if overlap <= min_overlap:
            claimed[ln.index] = Verdict(
                "BP401", "off-topic splice", ln.start, ln.end,
                f"'{_quote(ln.text)}' shares {shared} of its {len(stems)} content words "
                f"({overlap:.0%}) with the rest of the article and reads like a headline: "
                "a spliced link to another story; remove the line")


def _reframe_body(lay: Layout, claimed: dict[int, Verdict]) -> None:
    """The body ends at the last prose line that no phrase rule claimed (a bio is prose too)."""
    prose = [ln.index for ln in lay.lines if ln.prose and ln.index > 0 and ln.index not in claimed]
    lay.first_body = prose[0] if prose else len(lay.lines)
    lay.last_body = prose[-1] if prose else -1


def verdicts(doc, min_overlap: float = 0.0) -> dict[int, Verdict]:
    """Line index -> the verdict of the rule that claims the line (cached on the document)."""
    return doc.memo("boilerplate.verdicts", lambda d: _verdicts(d, min_overlap))


def _verdicts(doc, min_overlap: float) -> dict[int, Verdict]:
    lay = layout(doc)
    claimed: dict[int, Verdict] = {}
    _phrase_verdicts(lay, claimed)
    _reframe_body(lay, claimed)
    _duplicate_verdicts(lay, claimed)
    _shape_verdicts(lay, claimed)
    _splice_verdicts(lay, claimed, min_overlap)
    return claimed
