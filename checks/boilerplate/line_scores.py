"""One decision for each line that no phrase family and no duplicate test claimed, from the
evidence around it, weighed by one scorer.

The rules before it (line_verdicts.py) claim lines on strong evidence: a phrase of a widget's
grammar, a duplicate, a shape rule of its own (BP201-BP204, BP401). What is left is decided here
from weaker clues, none of which is enough alone where it could be wrong:

- wording: a link teaser ("Learn about …", "See how …"), a call to action (a question and a
  command, "Ready to …?"), sales wording (promo codes, free trials, demos), author-bio wording
  away from the closing run (data/bios.txt);
- shape: a teaser or call to action with no paragraph under it (a subheading has one, and the
  paragraph takes up its words);
- position: after the body (the English body: a footer in another language is not part of it),
  between the markers of a reader-comment thread, under an about-the-author heading;
- language: a line in another language or script inside an English text (function words of the
  language, reference/function_words.txt, then the detector; a neighbour in the same language,
  and so along a run); in a text in another language, a run of headlines after its body in a
  third language or in English (the related stories of the original page);
- structure: the entries of a table of contents (repeated below, in order, as headings, or
  Markdown links to sections of the page);
- neighbours: widget text claimed within three lines above and below; teasers in a run;
- overlap: whether the line's content words occur in the article's own paragraphs (a line about
  the story is not residue; a line sharing none is more likely residue).

Each clue is an `Evidence` with a weight (hand-set: each weight's reason is beside it); the line
is residue when the weights add up to `THRESHOLD`. The finding names the evidence that decided.
The weights were set by reading the dev sets' lines, not fitted to them: no site's wording is in
them, only the shapes of widgets.
"""
from __future__ import annotations

import re
from functools import lru_cache
from collections import Counter
from itertools import chain, islice

from auditor import compiled
from auditor.datafiles import beside, read_text
from auditor.records import record
from auditor.text import FOLD_EXCEPTIONS, STOPWORDS, is_title_case

from .layout import Layout, Line

#: A line is residue when its evidence adds up to this.
THRESHOLD = 1.0
#: The message names this many pieces of evidence, the strongest (it stays under 200 characters).
MESSAGE_EVIDENCE = 4

# --- weights: why each has its value -----------------------------------------------------------
#: A link teaser's wording alone is not enough: a how-to subheading can start "Learn how …".
W_TEASER = 0.6
#: ... and less when it ends a sentence.
W_TEASER_SENTENCE = 0.4
#: ... but a teaser stands alone: the line after it is not the paragraph it would head.
W_NOT_HEADING = 0.4
#: A line followed by a paragraph is a subheading: strong evidence against.
W_HEADS_PARAGRAPH = -0.6
#: A paragraph whose next paragraph takes up this many of its content words leads on to it: it
#: is not standing alone (a standfirst that asks a question and promises the article's answer).
LEADS_ON_SHARED_STEMS = 2
#: A call to action (a question that sells, a "contact us") is widget wording, but an article
#: may ask a question too: it needs its position or shape besides.
W_CALL_TO_ACTION = 0.6
#: A selling question alone ("Ready to get started?") may be a subheading of a guide.
W_SELLING_QUESTION = 0.3
#: Author-bio wording ("X is a freelance writer …") away from the closing run: the family claims
#: it only there (a sentence about a journalist may be news) ...
W_BIO = 0.6
#: ... under an about-the-author heading ("About the author", "Who curated this article?"), or
#: after the body, it is the bio.
W_UNDER_BIO_HEADING = 0.5
#: The line between an about-the-author heading and the bio (the author's name) ...
W_AUTHOR_BOX = 1.0
#: ... is a name: a few words.
AUTHOR_NAME_MAX_WORDS = 6
#: Sales wording (promo code, free trial, book a demo) in a short line.
W_SALES = 0.5
#: After the last paragraph of the body, where widgets collect.
W_AFTER_BODY = 0.4
#: Inside the comment thread of the page (between its markers): decisive alone.
W_COMMENT_THREAD = 1.0
#: Another language or script than the article's, in a short line: a widget of the original
#: page (its label, its button) or an untranslated caption; with the shape of a widget, enough.
W_FOREIGN = 0.7
W_FOREIGN_SHAPE = 0.3
#: An entry of a table of contents: repeated below as a heading of the text. Not decisive: an
#: article may list what it will cover ("Squats, Push-ups, Planks") and then cover it ...
W_CONTENTS = 0.6
#: ... decisive under a contents heading ("Table of contents", "In this article").
W_CONTENTS_HEADING = 0.5
#: A line whose every link points into the page itself ("- [Prices](#prices)"): an entry of a
#: table of contents, whatever its words; with a neighbour of the same kind, decisive.
W_PAGE_ANCHORS = 0.7
#: A line between two lines claimed as widget text, of a listed or headline shape.
W_SANDWICHED = 0.4
#: ... within this many lines either way ...
SANDWICH_LINES = 3
#: ... every line between them a widget's length (a teaser's blurb, not a paragraph).
SANDWICH_MAX_WORDS = 30
#: A neighbour of the same (teaser) shape: teasers come in runs.
W_RUN = 0.3
#: None of the content words of the line occurs in the article's paragraphs.
W_OFF_TOPIC = 0.3
#: Most of them do: the line is about the story (for lines other than teasers and calls to
#: action, which link to stories of the same topic).
W_ON_TOPIC = -0.4
#: A list item or a table row inside the body is body.
W_LISTED_IN_BODY = -0.6
#: ... and so is an item of a list without marks: a short unpunctuated line between two others
#: inside the body ("Save your progress", "See what changed", "Roll back a change").
W_UNMARKED_ITEM_IN_BODY = -0.6
#: A line in brackets is an aside of the text ("(Pat on the back for us.)"), which a widget
#: never is.
W_ASIDE = -0.5

# --- shapes -----------------------------------------------------------------------------------
#: A teaser or a call to action is a short line: a few words to a dozen and a half.
TEASER_MIN_WORDS, TEASER_MAX_WORDS = 3, 18
#: A text is English when English function words are this share of its prose words (0.45 in
#: English news and web text, 0.22 at the lowest in 600 dev pages; a few hundredths in other
#: languages, whose function words English lacks) ...
ENGLISH_FUNCTION_SHARE = 0.15
#: ... counted over this many words (enough to tell), this many from a line at most ...
ENGLISH_SAMPLE_WORDS = 2000
ENGLISH_SAMPLE_LINE_WORDS = 40
#: ... and a text with fewer prose words is not judged (nothing to compare a line with).
ENGLISH_MIN_WORDS = 20
#: A call to action or a sales pitch is a short paragraph at most (its blurb included).
SALES_MAX_WORDS = 50
#: A line in another language inside the body counts only when short (longer: a quotation or a
#: paragraph that another check, untranslated text, reports) ...
FOREIGN_MAX_WORDS = 15
#: After the body, where the original site's footer stands, a line of this many words (a
#: paragraph about the site).
FOREIGN_TAIL_MAX_WORDS = 150
#: A line longer than this many characters a word is not looked at (bounded detector input).
FOREIGN_MAX_CHARS_PER_WORD = 14
#: ... and when it has enough letters to tell the language.
FOREIGN_MIN_LETTERS = 6
#: ... and enough words to be a phrase (one word is a name or a term).
FOREIGN_MIN_WORDS = 3
#: The detector must be this sure of a language other than English ...
FOREIGN_MIN_PROBABILITY = 0.9
#: ... and the line must have this many of the language's own function words.
FOREIGN_MIN_FUNCTION_WORDS = 1
#: A table of contents has this many entries at least ...
CONTENTS_MIN_ENTRIES = 3
#: ... each a short line.
CONTENTS_MAX_WORDS = 14
#: A comment thread has this many markers (comment headers, reply links, counters) at least.
THREAD_MIN_MARKERS = 2
#: The last comment runs to the end of the text when at most this many lines follow the last
#: marker ...
THREAD_TAIL_MAX_LINES = 8
#: ... each of them comment-sized.
THREAD_COMMENT_MAX_WORDS = 120
#: The content words of a line are compared by their first letters ('flood' meets 'flooded').
STEM_CHARS = 6
#: Shorter words are function words or too ambiguous to compare.
MIN_WORD_CHARS = 4
#: A line shares "most" of its content words with the article from this share.
ON_TOPIC_SHARE = 0.5
#: Lines shorter than this say too little for overlap to mean something.
OVERLAP_MIN_STEMS = 2
#: An item of a list without marks: a line of this many words, without a final stop ...
UNMARKED_ITEM_MIN_WORDS, UNMARKED_ITEM_MAX_WORDS = 2, 15
#: ... with such items on both sides, this many in a row on one side at least (a label and a
#: blurb of a product card are one line each side).
UNMARKED_LIST_MIN_RUN = 2

_TEASER = compiled.regex(
    r"^(?:learn (?:about|how|why|what|more)|find out|see (?:how|why|what|if|whether|the|our|all|more)"
    r"|check out|explore|discover|read (?:about|how|why|what|our|more)|get (?:more|the latest|tips)"
    r"|watch (?:the|our|how|now)|listen (?:to|now)|take (?:a look|the quiz|our)|view (?:the|our|all)"
    r"|browse|download (?:the|our|a|your))\b", re.I)
_SENTENCE_END = compiled.regex(r"[.!:;…][\"'”’)\]]{0,3}$")
#: A call to action: a question that sells ("Ready to …?", "Want to …?") standing alone, or any
#: short question followed by a command to act ("Worried about X? Book a …").
_ACT = (r"(?:learn|get|sign up|contact|call|book|try|click|find out|start|see how|request|schedule|"
        r"talk to|reach out|let us|join|download|shop|order|subscribe|discover|explore|visit|claim)")
_CALL_TO_ACTION = compiled.regex(r"^[^?.!]{3,100}\?\s{1,3}" + _ACT + r"\b[^?]{0,100}$", re.I)
#: A command that opens a line ("Try X free for 30 days"): with sales wording, a call to action.
_COMMAND = compiled.regex(r"^(?:try|get|start|book|join|download|sign up|claim|shop|order|subscribe|grab|"
                          r"save|request|schedule|contact)\b", re.I)
#: A selling question that names a purchase ("Ready to book a move …?") is a call to action.
_PURCHASE = compiled.regex(r"\b(?:buy|book|order|shop|subscribe|sign up|get started|try|hire|upgrade|"
                           r"switch|download|join)\b", re.I)
_SELLING_QUESTION = compiled.regex(
    r"^(?:want|ready|looking|interested|need|have (?:a )?questions?|got (?:a )?questions?|thinking)\b"
    r"[^?]{0,120}\?$", re.I)
_SALES = compiled.regex(
    r"\b(?:promo code|coupon code|use (?:the )?code|discount code|free trial|start (?:your|a) free|"
    r"book a (?:demo|call|consultation)|request a (?:demo|quote)|get a (?:free )?quote|"
    r"schedule a (?:demo|call|consultation)|limited[- ]time offer|\d{1,2}% off|money-back guarantee|"
    r"sign up (?:now|today|for free)|try (?:it )?(?:for )?free|(?:for )?free for \d{1,3} days|no credit card required|"
    r"talk to (?:an expert|sales|our team)|contact (?:our team|sales|us today))\b", re.I)
_ASIDE = compiled.regex(r"^\([^()]{1,300}\)$")
_STEM_WORD = compiled.regex(r"[^\W\d_]{%d,}" % MIN_WORD_CHARS)
_LATIN = compiled.regex(r"[A-Za-zÀ-ɏ]")
#: Letters of the scripts below (_SCRIPTS): a line without one is in a Latin script.
_NON_LATIN = compiled.regex(r"[\u0370-\u03FF\u0400-\u04FF\u0590-\u06FF\u0900-\u097F\u0E00-\u0E7F"
                            r"\u3040-\u30FF\u4E00-\u9FFF\uAC00-\uD7AF]")
_LETTER = compiled.regex(r"[^\W\d_]")


@record(frozen=True)
class Evidence:
    name: str
    weight: float


@record(frozen=True)
class Decision:
    score: float
    evidence: tuple[Evidence, ...]

    @property
    def residue(self) -> bool:
        return self.score >= THRESHOLD

    def says(self) -> str:
        """The evidence for the verdict, strongest first, as the message names it."""
        pro = sorted((e for e in self.evidence if e.weight > 0), key=lambda e: -e.weight)
        return ", ".join(e.name for e in pro[:MESSAGE_EVIDENCE])


def stems(ln: Line) -> frozenset[str]:
    """The content stems of a line, computed once a line: the rules compare most lines with the
    body and with their neighbours."""
    out = ln.memo.get("stems")
    if out is None:
        out = ln.memo["stems"] = frozenset(
            low[:STEM_CHARS] for w, low in zip(ln.words, ln.lowered) if len(w) >= MIN_WORD_CHARS and low not in STOPWORDS)
    return out


def decide(lay: Layout, claimed: dict, families_of: dict[int, str]) -> dict[int, Decision]:
    """Line index -> the decision on it, for every line no earlier rule claimed (the headline
    aside); only the lines whose decision is residue are returned."""
    lines = lay.lines
    if len(lines) < 3:
        return {}
    body_counts: dict[str, int] | None = None   # counted when a line with evidence needs it (few do)
    thread = _comment_thread(lay, families_of)
    contents = _contents_entries(lay, claimed, families_of)
    teaser = [_teaser(ln) for ln in lines]
    bios = _bio_wording(lay, claimed)
    # Lines in another language; the English body ends at its last English paragraph (a footer
    # of the original site in its own language is prose too, but not the article's).
    foreign_lines = _foreign_lines(lay, claimed)
    text_language = "English"
    if foreign_lines and not english_text(lay, foreign_lines):
        foreign_lines = {}
    if not foreign_lines and not english_text(lay):
        # A text in another language: only a run of headlines in a third language (or English)
        # after its body is looked for (the related stories of the original page).
        text_language, foreign_lines = _other_language_run(lay, claimed)
    last_body = max((ln.index for ln in lines if ln.prose and ln.index not in claimed
                     and ln.index not in foreign_lines), default=-1)
    out: dict[int, Decision] = {}
    for ln in lines[1:]:
        i = ln.index
        if i in claimed:
            continue
        ev: list[Evidence] = []
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if i in thread:
            ev.append(Evidence("inside the reader-comment thread", W_COMMENT_THREAD))
        if i in contents:
            ev.append(Evidence("an entry of a table of contents (repeated below as a heading)", W_CONTENTS))
            if contents[i]:
                ev.append(Evidence("under a contents heading", W_CONTENTS_HEADING))
        if ln.anchors:
            ev.append(Evidence("links to sections of the page (a table of contents)", W_PAGE_ANCHORS))
            if (i > 1 and lines[i - 1].anchors) or (nxt is not None and nxt.anchors):
                ev.append(Evidence("among links of the same kind", W_RUN))
        if teaser[i]:
            ev.append(Evidence("worded like a link teaser", teaser[i]))
            if (i > 1 and teaser[i - 1]) or (nxt is not None and teaser[i + 1]):
                ev.append(Evidence("among teasers of the same shape", W_RUN))
        sales = _sales(ln)
        cta = _call_to_action(ln, sales)
        if cta:
            ev.append(Evidence("a call to action", cta))
        if sales:
            ev.append(Evidence("sales wording", W_SALES))
        if (families_of.get(i - 1) == "byline" and families_of.get(i + 1) == "author bio"
                and ln.n_words <= AUTHOR_NAME_MAX_WORDS):
            ev.append(Evidence("between an about-the-author heading and the bio", W_AUTHOR_BOX))
        if i in bios:
            ev.append(Evidence("worded like an author bio", W_BIO))
            if i - 1 in families_of and families_of[i - 1] == "byline":
                ev.append(Evidence("under an about-the-author heading", W_UNDER_BIO_HEADING))
        foreign = foreign_lines.get(i, ("", ""))[0]
        if foreign and (i > last_body or ln.n_words <= FOREIGN_MAX_WORDS):
            ev.append(Evidence(f"in {foreign} inside a text in {text_language}", W_FOREIGN))
            if not ln.prose and not ln.ends_sentence:
                ev.append(Evidence("the shape of a widget label", W_FOREIGN_SHAPE))
        if not ev:
            continue
        if teaser[i] or cta:
            # A subheading announces the paragraph under it: that paragraph takes up its words.
            heads_paragraph = (nxt is not None and nxt.prose and not ln.prose and nxt.index not in claimed
                               and not stems(ln).isdisjoint(stems(nxt)))
            # A paragraph of the article that the next one goes on from (it takes up two of its
            # words) is neither a subheading nor a teaser standing alone: no evidence either way.
            leads_on = (nxt is not None and nxt.prose and ln.prose and nxt.index not in claimed
                        and len(stems(ln) & stems(nxt)) >= LEADS_ON_SHARED_STEMS)
            if heads_paragraph:
                ev.append(Evidence("heads a paragraph", W_HEADS_PARAGRAPH))
            elif not leads_on:
                ev.append(Evidence("no paragraph under it", W_NOT_HEADING))
        if i > last_body:
            ev.append(Evidence("after the body", W_AFTER_BODY))
        elif lay.zone(i) == "body" and ln.listed and not ln.anchors:
            ev.append(Evidence("a list item inside the body", W_LISTED_IN_BODY))
        elif lay.zone(i) == "body" and _unmarked_item(ln) and _in_unmarked_list(i, lines, claimed, teaser):
            ev.append(Evidence("an item of a list inside the body", W_UNMARKED_ITEM_IN_BODY))
        if _ASIDE.match(ln.text.strip()):
            ev.append(Evidence("an aside in brackets", W_ASIDE))
        if _sandwiched(i, lines, families_of):
            ev.append(Evidence("between two lines of widget text", W_SANDWICHED))
        own = stems(ln)
        if len(own) >= OVERLAP_MIN_STEMS and i not in thread:
            if body_counts is None:
                body_counts = body_stems(lay, claimed)
            itself = 1 if ln.prose else 0   # a prose line counted its own words in the body's
            shared = sum(1 for s in own if body_counts.get(s, 0) - itself > 0)
            if shared == 0:
                ev.append(Evidence("shares no word with the article", W_OFF_TOPIC))
            elif shared / len(own) >= ON_TOPIC_SHARE and not (teaser[i] or cta or ln.anchors):
                # (teasers, calls to action and contents entries link to the same topic: their
                # overlap says nothing)
                ev.append(Evidence("about the story (shares most words with it)", W_ON_TOPIC))
        d = Decision(round(sum(e.weight for e in ev), 3), tuple(ev))
        if d.residue:
            out[i] = d
    return out


def body_stems(lay: Layout, claimed) -> dict[str, int]:
    """How many of the article's prose lines (not claimed as residue) use each content stem."""
    # (counted in C by Counter, a tenth faster than a loop a stem)
    return Counter(chain.from_iterable(stems(ln) for ln in lay.lines if ln.prose and ln.index not in claimed))


def _unmarked_item(ln: Line) -> bool:
    """A short line without a final stop that no mark makes a list item."""
    return (not ln.prose and not ln.listed and not ln.ends_sentence
            and UNMARKED_ITEM_MIN_WORDS <= ln.n_words <= UNMARKED_ITEM_MAX_WORDS)


def _in_unmarked_list(i: int, lines: list[Line], claimed, teaser: list[float]) -> bool:
    """Line i stands among items of a list without marks: such items on both sides, a run of
    UNMARKED_LIST_MIN_RUN on one side. The items must not be teasers (teasers come in runs too),
    headings or labels in Title Case (a product card's), or lines claimed as widget text."""
    def run(step: int) -> int:
        j, n = i + step, 0
        while (0 < j < len(lines) and n < UNMARKED_LIST_MIN_RUN and j not in claimed and not teaser[j]
               and _unmarked_item(lines[j]) and not is_title_case(lines[j].words)):
            n += 1
            j += step
        return n

    above, below = run(-1), run(1)
    return min(above, below) >= 1 and max(above, below) >= UNMARKED_LIST_MIN_RUN


def _teaser(ln: Line) -> float:
    """The weight of teaser wording: a link's text has no full stop; with one, it may also be a
    sentence of advice ("Learn how to breathe."), so it counts less."""
    text = ln.text.strip()
    if not (TEASER_MIN_WORDS <= ln.n_words <= TEASER_MAX_WORDS and not ln.listed and _TEASER.match(text)):
        return 0.0
    return W_TEASER_SENTENCE if _SENTENCE_END.search(text) else W_TEASER


def call_to_action_or_teaser(ln: Line) -> bool:
    """Whether a line is worded as a call to action or a link teaser (or a question that sells)."""
    sales = _sales(ln)
    return bool(_teaser(ln) or _call_to_action(ln, sales) or _SELLING_QUESTION.match(ln.text.split("?")[0] + "?"))


def _sales(ln: Line) -> bool:
    """Sales wording (_SALES) in a line short enough for a widget's. The pattern may start
    anywhere in the line and is tried at every position (a sixth of the time of BP205's decisions):
    it is searched only in the lines that hold one of the literals every match holds (in lower case:
    exact in a line without FOLD_EXCEPTIONS), which most lines of prose do not."""
    if ln.n_words > SALES_MAX_WORDS:
        return False
    find = _sales_needles()
    if find is not None and not any(c in ln.text for c in FOLD_EXCEPTIONS):
        if find(ln.text.lower()) is None:
            return False
    return bool(_SALES.search(ln.text))


@lru_cache(maxsize=1)
def _sales_needles():
    """A search that finds, in lower case, one of the literals that every line _SALES matches
    holds (all of them looked for at once); None when none can be told."""
    from .literals import anchored_source, by_anchor, needles

    found = needles(_SALES.pattern, _SALES.flags)
    return compiled.regex(anchored_source(by_anchor(found))).search if found else None


def _call_to_action(ln: Line, sales: bool) -> float:
    """The weight of a call to action: a question followed by a command, a command that sells
    (with sales wording), a selling question that names a purchase; a selling question alone
    (it may also be a subheading: less)."""
    if ln.n_words > SALES_MAX_WORDS:
        return 0.0
    text = ln.text.strip()
    if _CALL_TO_ACTION.match(text) or (sales and _COMMAND.match(text)):
        return W_CALL_TO_ACTION
    if _SELLING_QUESTION.match(text):
        # (in Title Case it is a subheading of a buyer's guide: "Ready to Buy the Right One?")
        if _PURCHASE.search(text) and not is_title_case(ln.words):
            return W_CALL_TO_ACTION
        return W_SELLING_QUESTION
    return 0.0


def _bio_wording(lay: Layout, claimed) -> set[int]:
    """Lines the author-bio family (data/bios.txt) would claim wherever they stand: it claims
    them itself only in the closing run; elsewhere its wording is evidence."""
    from . import phrase_families

    fams = [f for f in phrase_families.families() if f.name == "author bio"]
    matcher = phrase_families.matcher()
    return {ln.index for ln in lay.lines[1:] if ln.index not in claimed and not ln.listed
            for f in fams if matcher.claims(f, ln) is not None}


def _sandwiched(i: int, lines: list[Line], families_of: dict[int, str]) -> bool:
    """Widget text claimed within SANDWICH_LINES lines above and below, and every line between
    short enough to be a widget's."""
    above = next((j for j in range(i - 1, max(0, i - SANDWICH_LINES) - 1, -1) if j in families_of), None)
    below = next((j for j in range(i + 1, min(len(lines), i + SANDWICH_LINES + 1)) if j in families_of), None)
    if above is None or below is None or above == 0:
        return False
    return all(lines[j].n_words <= SANDWICH_MAX_WORDS for j in range(above + 1, below))

#: Families whose lines mark a reader-comment thread.
THREAD_FAMILIES = frozenset({"comment form"})


def _comment_thread(lay: Layout, families_of: dict[int, str]) -> set[int]:
    """The lines of the reader-comment thread: from the first comment marker after the body's
    start to the last one (at least THREAD_MIN_MARKERS of them), the lines that are not markers,
    and the few comment-sized lines after the last marker when nothing else follows."""
    markers = [i for i, fam in sorted(families_of.items())
               if fam in THREAD_FAMILIES and i > lay.first_body]
    if len(markers) < THREAD_MIN_MARKERS:
        return set()
    first, last = markers[0], markers[-1]
    # The last comment follows the last marker (a reply link or a comment's header) when only
    # comment-sized lines and comment-form lines come after it, to the end of the text.
    end = last
    rest = lay.lines[last + 1:]
    if rest and len(rest) <= THREAD_TAIL_MAX_LINES and all(
            families_of.get(ln.index, "comment form") in THREAD_FAMILIES and ln.n_words <= THREAD_COMMENT_MAX_WORDS
            for ln in rest):
        end = len(lay.lines)
    return {i for i in range(first + 1, end) if i not in families_of}


def _contents_entries(lay: Layout, claimed, families_of: dict[int, str]) -> dict[int, bool]:
    """Entries of a table of contents: a run of CONTENTS_MIN_ENTRIES or more short lines, each
    of which occurs once more, later in the text, as a heading: the headings come in the order
    of the entries, after the run, each with text between it and the next (a block pasted twice
    is a duplicate, not a table of contents). Index -> whether the run stands under a line of
    widget text (a contents heading)."""
    lines, keys = lay.lines, lay.keys
    where: dict[str, list[int]] = {}
    for ln in lines:
        if keys[ln.index]:
            where.setdefault(keys[ln.index], []).append(ln.index)
    out: dict[int, bool] = {}
    run: list[tuple[int, int]] = []

    def close():
        if len(run) >= CONTENTS_MIN_ENTRIES and run[0][1] > run[-1][0]:
            headed = families_of.get(run[0][0] - 1) == "navigation"
            out.update((i, headed) for i, _ in run)
        run.clear()

    for ln in lines[1:]:
        seen = where.get(keys[ln.index], ())
        entry = (len(seen) == 2 and seen[0] == ln.index and ln.n_words <= CONTENTS_MAX_WORDS
                 and not ln.prose and ln.index not in claimed)
        if entry and run and not seen[1] > run[-1][1] + 1:
            close()   # out of order, or right under the previous heading: not this table
        if entry:
            run.append((ln.index, seen[1]))
        else:
            close()
    close()
    return out


@lru_cache(maxsize=1)
def function_words() -> dict[str, frozenset[str]]:
    """Language code -> its most frequent words that English does not use (reference/function_words.txt,
    built from wordfreq by scripts/build_boilerplate_function_words.py)."""
    out = {}
    for line in read_text(beside(__file__, "reference", "function_words.txt")).splitlines():
        if line.strip() and not line.startswith("#"):
            code, _, ws = line.partition(":")
            out[code.strip()] = frozenset(ws.split())
    return out


@lru_cache(maxsize=1)
def _all_function_words() -> frozenset[str]:
    return frozenset().union(*function_words().values())


@lru_cache(maxsize=4096)
def _detect(text: str) -> tuple[str, float]:
    try:
        from langdetect import DetectorFactory, detect_langs
        DetectorFactory.seed = 0
        best = detect_langs(text)[0]
        return best.lang, best.prob
    except Exception:  # noqa: BLE001 - langdetect raises on text without features
        return "", 0.0


_SCRIPTS = (("Cyrillic", compiled.regex(r"[\u0400-\u04FF]")), ("Arabic", compiled.regex(r"[\u0600-\u06FF]")),
            ("Chinese or Japanese", compiled.regex(r"[\u3040-\u30FF\u4E00-\u9FFF]")),
            ("Korean", compiled.regex(r"[\uAC00-\uD7AF]")), ("Greek", compiled.regex(r"[\u0370-\u03FF]")),
            ("Hebrew", compiled.regex(r"[\u0590-\u05FF]")), ("Thai", compiled.regex(r"[\u0E00-\u0E7F]")),
            ("Devanagari", compiled.regex(r"[\u0900-\u097F]")))
LANGUAGE_NAMES = {"es": "Spanish", "pt": "Portuguese", "fr": "French", "de": "German", "it": "Italian",
                  "pl": "Polish", "tr": "Turkish", "vi": "Vietnamese", "id": "Indonesian", "nl": "Dutch",
                  "sv": "Swedish", "da": "Danish", "no": "Norwegian", "fi": "Finnish", "cs": "Czech",
                  "ro": "Romanian", "hu": "Hungarian", "hr": "Croatian", "sk": "Slovak", "ca": "Catalan"}


def _foreign_language(ln: Line, beside: str = "") -> tuple[str, str]:
    """(name, code) of the language (or script) of a line when it is not English; ('', '')
    otherwise. A line in a Latin script needs one of the language's function words, or (when
    `beside` names the language of a neighbouring foreign line) only the detector's word."""
    none = ("", "")
    if ln.n_words > FOREIGN_TAIL_MAX_WORDS or len(ln.text) > FOREIGN_MAX_CHARS_PER_WORD * FOREIGN_TAIL_MAX_WORDS:
        return none
    text = ln.text
    if not text.isascii() and _NON_LATIN.search(text):
        letters = _LETTER.findall(text)
        if len(letters) < FOREIGN_MIN_LETTERS:
            return none
        latin = sum(1 for c in letters if _LATIN.match(c))
        if latin * 2 < len(letters):
            for name, script in _SCRIPTS:
                if len(script.findall(text)) * 2 >= len(letters):
                    return f"{name} script", name
            return none
    # Cheap first: the line must hold a function word of some language other than English
    # (names, products and binomials hold none) before the detector is asked.
    lowered = ln.lowered
    if len(lowered) < FOREIGN_MIN_WORDS:
        return none
    if not beside:
        # More function words of other languages than English ones ('the', 'of', 'and'): an
        # English line with a stray 'que' or 'les' is not asked about.
        # (counted by map() in C, the function words looked up once a line, not once a word)
        theirs = sum(map(_all_function_words().__contains__, lowered))
        if not theirs or theirs <= sum(map(STOPWORDS.__contains__, lowered)):
            return none
    lang, prob = _detect(text)
    if lang not in LANGUAGE_NAMES or prob < FOREIGN_MIN_PROBABILITY:
        return none
    if beside:
        return (LANGUAGE_NAMES[lang], lang) if lang == beside else none
    # A sentence or a label of the language has its function words; a name, a product or a
    # Latin binomial has none.
    own = function_words().get(lang, frozenset())
    if sum(map(own.__contains__, lowered)) < FOREIGN_MIN_FUNCTION_WORDS:
        return none
    return LANGUAGE_NAMES[lang], lang


def _foreign_lines(lay: Layout, claimed) -> dict[int, tuple[str, str]]:
    """The lines in another language than English, and the lines beside them that the detector
    gives the same language (a footer of the original site: 'Relaunch Checklisten')."""
    # Short lines anywhere; longer ones only in the run that ends the text (inside the body a
    # long line in another language is a quotation, not counted here).
    out = {ln.index: f for ln in lay.lines[1:] if ln.index not in claimed and ln.n_words <= FOREIGN_MAX_WORDS
           for f in [_foreign_language(ln)] if f[0]}
    for ln in reversed(lay.lines[1:]):
        if ln.index in claimed or ln.n_words <= FOREIGN_MAX_WORDS:
            continue
        f = _foreign_language(ln)
        if not f[0]:
            break
        out[ln.index] = f
    # A neighbour in the same language needs only the detector's word, and so on along the run
    # (a list of headlines of other stories: not every one has a function word).
    todo = sorted(out.items())
    while todo:
        i, (_, code) = todo.pop()
        for j in (i - 1, i + 1):
            if 0 < j < len(lay.lines) and j not in out and j not in claimed:
                f = _foreign_language(lay.lines[j], code)
                if f[0]:
                    out[j] = f
                    todo.append((j, f))
    # A short line between two lines of one language, without an English function word, is of
    # their language too (three words are too few for the detector: "Sismo sacude Oaxaca").
    for ln in lay.lines[1:-1]:
        i = ln.index
        above, below = out.get(i - 1), out.get(i + 1)
        if (above and below and above[1] == below[1] and i not in out and i not in claimed
                and not ln.prose and ln.n_words <= FOREIGN_MAX_WORDS
                and not any(w in STOPWORDS for w in ln.lowered)):
            out[i] = above
    return out


#: A run of headlines in another language after the body of a text that is not English: this
#: many lines at least (one line may be a name or a quotation) ...
OTHER_RUN_MIN_LINES = 2
#: ... each of a headline's length.
OTHER_RUN_MIN_WORDS, OTHER_RUN_MAX_WORDS = 3, 20
#: The text's language is told from this many words of its prose.
TEXT_SAMPLE_WORDS = 300


def _other_language_run(lay: Layout, claimed) -> tuple[str, dict[int, tuple[str, str]]]:
    """(the text's language, its closing lines in another language) for a text that is not
    English: the headline-shaped lines after its last paragraph that the detector gives another
    language (English included) and that hold that language's function words, in runs of
    OTHER_RUN_MIN_LINES or more. ('', {}) when the text's language is not told."""
    prose = [ln for ln in lay.lines if ln.prose and ln.index not in claimed]
    if not prose:
        return "", {}
    sample = " ".join(w for ln in prose for w in ln.words)
    sample = " ".join(sample.split()[:TEXT_SAMPLE_WORDS])
    own, prob = _detect(sample)
    if not own or prob < FOREIGN_MIN_PROBABILITY:
        return "", {}
    names = {**LANGUAGE_NAMES, "en": "English"}
    run: list[tuple[int, tuple[str, str]]] = []
    out: dict[int, tuple[str, str]] = {}

    def close():
        if len(run) >= OTHER_RUN_MIN_LINES:
            out.update(run)
        run.clear()

    for ln in lay.lines[prose[-1].index + 1:]:
        if ln.index in claimed:
            continue
        f = ("", "")
        if OTHER_RUN_MIN_WORDS <= ln.n_words <= OTHER_RUN_MAX_WORDS and not ln.prose and not ln.ends_sentence:
            lang, p = _detect(ln.text)
            if lang != own and lang in names and p >= FOREIGN_MIN_PROBABILITY:
                fw = STOPWORDS if lang == "en" else function_words().get(lang, frozenset())
                if any(w in fw for w in ln.lowered):
                    f = (names[lang], lang)
        if f[0] and (not run or run[-1][1][1] == f[1]):
            run.append((ln.index, f))
        else:
            close()
            if f[0]:
                run.append((ln.index, f))
    close()
    return names.get(own, own), out


def english_text(lay: Layout, besides=()) -> bool:
    """Whether the document is English: English function words ('the', 'of', 'and') make up a
    good share of the words of its prose lines, the lines `besides` aside (a set lookup a word:
    cheap)."""
    # (the words gathered by chain() and islice() in C: a comprehension a word was half of this)
    ws = list(islice(chain.from_iterable(ln.lowered[:ENGLISH_SAMPLE_LINE_WORDS] for ln in lay.lines
                                         if ln.prose and ln.index not in besides), ENGLISH_SAMPLE_WORDS))
    if len(ws) < ENGLISH_MIN_WORDS:
        return False
    # (counted by map() in C: a generator a word was most of the time)
    return sum(map(STOPWORDS.__contains__, ws)) >= ENGLISH_FUNCTION_SHARE * len(ws)
