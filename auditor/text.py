"""Small text helpers every family uses: one clip for quoting text in messages, one stop-word
list, one title-case test, the letters that case-insensitive matching folds unlike `str.lower`."""
from __future__ import annotations

#: Longest excerpt a message quotes: messages stay under about 200 characters.
QUOTE_LIMIT = 60

#: English function words (and reporting verbs), which carry no content of their own: left out
#: when comparing what two lines or sentences are about.
STOPWORDS = frozenset("""
a about above after again against all also although am among an and any are as at be because
been before being below between both but by can could did do does doing down during each either
else even ever every few for from further had has have having he her here hers herself him
himself his how however i if in into is it its itself just least less let like made make many
may me might more most much must my myself neither no nor not now of off on once one only or
other others our ours ourselves out over own per rather same shall she should since so some such
than that the their theirs them themselves then there these they this those though through thus
to too toward towards under until up upon us very via was we were what whatever when where
whether which while who whom whose why will with within without would yet you your yours
yourself mr mrs ms said say says saying told added according stated noted
who's it's that's there's he's she's they're we're i'm don't doesn't didn't won't can't isn't
aren't wasn't weren't hasn't haven't hadn't couldn't wouldn't shouldn't cannot
""".split())

#: Letters that a case-insensitive pattern matches to an ASCII letter although their lowercase
#: is not that letter ('İ' and 'ı' match 'i', 'ſ' matches 's'; 'İ' also lowercases to two
#: characters). In a text without them, a pattern's literal matches only where its lowercase
#: occurs in the lowercased text: what makes a prefilter on lowercase words or needles exact.
FOLD_EXCEPTIONS = "İıſ"

#: Small words that stay lowercase inside a Title Case line ("Bank of the Year", "Rock and Roll").
TITLE_MINOR_WORDS = frozenset("a an the and or nor but of in on at to for by with from as vs via is "
                              "are de la le les du des von van der den di da y e et und".split())


def clip(text: str, limit: int = QUOTE_LIMIT) -> str:
    """`text` on one line, cut to `limit` characters with an ellipsis."""
    text = " ".join(text.replace("\xa0", " ").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def is_title_case(words: list[str]) -> bool:
    """Every significant word starts with a capital, the first word too ("Leave a Reply",
    "You May Also Like"): a heading, a title or widget text, not a sentence."""
    if not words or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() for w in words if w.lower() not in TITLE_MINOR_WORDS)


def is_headline_style(words: list[str]) -> bool:
    """Most words capitalised (a headline or a title run into the text), looser than
    `is_title_case`: "Russia And Japan World War II" counts."""
    if not words:
        return False
    caps = sum(w[:1].isupper() for w in words)
    return caps * 2 > len(words) or len(words) - caps < 4
