"""Fragments: sentences of the article body that lack what every English sentence has.

Machine translation drops verbs ("Russian action."), leaves the residue of an attribution it could
not attach ("Quote According to Kyodo News.") and glues a speaker to a quotation without a verb of
saying ("The ministry statement Russia “it is impossible …”")."""
from __future__ import annotations

import re

from auditor.api import Check, Finding, Option

from ._common import (AUXILIARIES, MONTHS, OPEN_QUOTES, body_sentences, clip, has_finite_verb,
                      load_json, norm, words)


def _is_dateline(tokens: list[str]) -> bool:
    """'TOKYO, June 16.' and similar: an all-capitals place or a month with a day."""
    return bool(tokens) and (tokens[0].isupper() and len(tokens[0]) > 1
                             or any(norm(t) in MONTHS for t in tokens))


class NoFiniteVerb(Check):
    """A sentence inside a body paragraph (one with other sentences) that has no finite verb.

    Headlines, captions, datelines and calls to action are legitimately verbless, so only
    sentences that follow another sentence of the paragraph, in a paragraph with a long sentence
    of prose, are judged, and only short ones, where the verb test
    (auxiliaries, -ed and -s forms, irregular verbs, pronoun subjects) is reliable. Quoted speech
    is left alone."""

    code = "TR101"
    family = "translation"
    summary = "Sentence without a finite verb in a body paragraph"
    severity = "warning"
    options = {"max_words": Option(12, "judge only sentences of at most this many words"),
               "min_words": Option(2, "and of at least this many words")}

    def check(self, doc):
        by_para: dict[int, list] = {}
        for s in body_sentences(doc):
            by_para.setdefault(s.paragraph, []).append(s)
        for sents in by_para.values():
            if "|" in doc.paragraphs[sents[0].paragraph].text:
                continue  # a footer or menu line, not prose
            verbless = [v for v in self._verbless(doc, sents) if v is not sents[0]]
            if verbless and len(verbless) < len(sents) and any(
                    _is_full_sentence(s.text) for s in sents if s not in verbless):
                yield from (self._finding(s) for s in verbless)

    def _verbless(self, doc, sents):
        for s in sents:
            text = s.text
            if not text.endswith(".") or text[:1] in OPEN_QUOTES or doc.in_quote(s.start, s.end):
                continue
            if any(q in text for q in OPEN_QUOTES + "”:(),"):
                continue  # quotations, labels and lists
            if text.split(None, 1)[0].lower() in _DISCOURSE_OPENERS:
                continue  # a deliberate stylistic fragment ("And yet.", "Not the same.")
            tokens = [m.group() for m in words(text)]
            if not self.opts.min_words <= len(tokens) <= self.opts.max_words:
                continue
            if _is_dateline(tokens) or has_finite_verb(tokens) or re.search(r"\d", text):
                continue
            if all(t[:1].isupper() or t in _SMALL_WORDS for t in tokens):
                continue  # a name or heading in title case ("All Rights Reserved.")
            yield s

    @staticmethod
    def _finding(s):
        text = s.text
        return Finding(s.start, s.end,
                       f"'{clip(text)}' has no finite verb: a fragment in a body paragraph, "
                       "typical of a machine translation that dropped the verb")


_DISCOURSE_OPENERS = frozenset("and but or so yet then not no also maybe just sorry perhaps "
                               "still even".split())
_SMALL_WORDS = frozenset("a an the of and or in on at to for by with from".split())


def _is_full_sentence(text: str) -> bool:
    """A sentence of news prose: twelve words or more, with a finite verb, no label colon."""
    tokens = [m.group() for m in words(text)]
    return len(tokens) >= 12 and ":" not in text[:30] and has_finite_verb(tokens)


_ATTRIBUTION = re.compile(
    r"^(?:(?:quote|unquote|end quote)[.,:]?\s{1,5})?"
    r"(?:according to|as reported by|reported by|as stated by|citing|source:|via)\s{1,5}"
    r"[^\s.,;:]{1,40}(?:\s{1,5}[^\s.,;:]{1,40}){0,6}\.?$", re.I)


class AttributionResidue(Check):
    """A sentence that is nothing but an attribution ("According to Kyodo News.", often led by a
    stray "Quote"): the clause it belonged to was lost or split off in translation."""

    code = "TR102"
    family = "translation"
    summary = "Sentence that is only an attribution residue"
    severity = "warning"

    def check(self, doc):
        for s in body_sentences(doc):
            if len(s.text) > 300 or not _ATTRIBUTION.match(s.text):
                continue
            yield Finding(s.start, s.end,
                          f"'{clip(s.text)}' is only an attribution, detached from the statement "
                          "it attributes: residue of a garbled translation")


class QuoteWithoutSayingVerb(Check):
    """A subject followed by a quotation with no verb of saying, colon or comma between them
    ("The ministry statement Russia “it is impossible …”"): the verb was lost in translation.
    Only quotations that run to the end of the sentence and hold a clause (four words or more)
    count, so scare quotes and titles inside a noun phrase are left alone."""

    code = "TR103"
    family = "translation"
    summary = "Speaker followed by a quotation without a verb of saying"
    severity = "warning"

    def check(self, doc):
        for s in doc.sentences:
            text = s.text
            m = _OPENING_QUOTE.search(text)
            if not m or m.start() < 3:
                continue
            lead = text[: m.start()].rstrip()
            if lead[-1:] in ",:;—–-(" or not lead[:1].isupper():
                continue
            quoted = text[m.end():]
            close = re.search(r"[”»\"“]", quoted)
            if close and quoted[close.end():].strip(" .,!?…"):
                continue  # the sentence goes on after the quotation: not a bare speaker + quote
            tokens = [t.group() for t in words(lead)]
            if len(tokens) < 2 or len(words(quoted[: close.start()] if close else quoted)) < 4:
                continue
            if has_finite_verb(tokens) or any(norm(t) in _SPEECH_NOUNS for t in tokens[-1:]):
                continue
            yield Finding(s.start, s.start + min(len(text), m.start() + 20),
                          f"'{clip(lead, 60)}' is followed by a quotation with no verb of saying: "
                          "the verb was probably lost in translation")


class EmptyReport(Check):
    """Reported speech that reports nothing: a verb of saying whose clause holds only pronouns,
    auxiliaries and light verbs ("He said he had to ask.", "She told them they would."). News
    copy reports a proposition; an empty one means the translation lost what was said.
    Sentences with quotation marks, questions and exclamations are left alone."""

    code = "TR104"
    family = "translation"
    summary = "Reported speech with nothing reported"
    severity = "warning"

    def check(self, doc):
        for s in body_sentences(doc):
            text = s.text
            if not text.endswith(".") or any(q in text for q in OPEN_QUOTES + "”"):
                continue
            tokens = [norm(m.group()) for m in words(text)]
            if len(tokens) >= 3 and any(t in _SAYING_VERBS for t in tokens) and all(
                    t in _SAYING_VERBS or t in _EMPTY_WORDS or t in AUXILIARIES for t in tokens):
                yield Finding(s.start, s.end,
                              f"'{clip(text)}' reports speech but says nothing: only pronouns and "
                              "auxiliaries follow the verb of saying; what was said was lost in "
                              "translation")


_SAYING_VERBS = frozenset("say says said tell tells told add adds added state states stated "
                          "explain explains explained note notes noted claim claims claimed "
                          "reply replies replied answer answers answered insist insists insisted".split())
# Words that carry no content of their own: pronouns, particles and light verbs.
_EMPTY_WORDS = frozenset(
    "i we they you he she it him her them us me his their its our my your himself herself "
    "themselves itself that so to not never then also just only too there this "
    "have has had having do did does get got go went come came want wanted need needed know knew "
    "think thought see saw ask asked try tried agree agreed".split())


# An opening mark: curly or guillemet, or a straight one after a space and before a word.
_OPENING_QUOTE = re.compile(r"[“«„]|(?<=\s)\"(?=\w)")
# A lead ending in these introduces the quotation legitimately ("the slogan “…”").
_SPEECH_NOUNS = frozenset("slogan motto headline title caption phrase words word term "
                          "banner sign message inscription hashtag".split())


class ImpossibleWordPair(Check):
    """Two adjacent words that English grammar does not allow together, from the data table
    `word_pairs.json`: pronoun-case errors ("Him research shows", "in he thirties"), a
    determiner before a verb or preposition ("the of advice") and word salad. Each entry lists
    the first and second words, why the pair is impossible and an example."""

    code = "TR110"
    family = "translation"
    summary = "Grammatically impossible pair of adjacent words"
    severity = "warning"

    def check(self, doc):
        table = _pair_table()
        for s in doc.sentences:
            if not doc.in_quote(s.start, s.end):
                yield from self._sentence(s, table)

    def _sentence(self, s, table):
        text = s.text
        ms = words(text)
        if not ms:
            return
        tokens = ["^"] + [m.group() for m in ms]
        if text[ms[-1].end():].strip() in (".", ".”", '."'):
            tokens.append("$")
        statement = text.rstrip("”\"’' ").endswith(".")
        opens = text[:ms[0].start()].strip(" \"“‘'(«") == ""  # no number or symbol before word 1
        for i in range(len(tokens) - 1):
            first, second = tokens[i], tokens[i + 1]
            gap = text[ms[i - 1].end(): ms[i].start()] if 0 < i < len(ms) else " "
            if gap.strip() == "," and gap.startswith(","):
                second = ","
            elif gap.strip():
                continue  # punctuation between the words: not a pair
            if not _lower_enough(first, i) or not _lower_enough(second, i + 1):
                continue
            entry = table.get((norm(first), norm(second)))
            if entry is None or (i > 1 and norm(tokens[i - 1]) in entry[1]):
                continue
            if entry[3] and not _preceded_by(text, ms, tokens, i, entry[3]):
                continue
            if (entry[2] and not statement) or (i == 0 and not opens):
                continue
            a = ms[max(i - 1, 0)].start()
            b = ms[min(i, len(ms) - 1)].end() if second not in ("$", ",") else ms[i - 1].end() + 1
            yield Finding(s.start + a, s.start + b,
                          f"'{text[a:b]}' is not English: {entry[0]} (garbled machine translation)")
            return


def _preceded_by(text: str, ms, tokens: list[str], i: int, allowed: frozenset[str]) -> bool:
    """Whether the word before tokens[i] (or '^', or a comma right before it) is in `allowed`."""
    if i < 1:
        return False
    if i >= 2 and "," in allowed and text[ms[i - 2].end(): ms[i - 1].start()].strip() == ",":
        return True
    return norm(tokens[i - 1]) in allowed


def _lower_enough(token: str, index: int) -> bool:
    """Sentence markers, lowercase words, and the capitalised first word of the sentence."""
    return token in ("^", "$", ",") or token.islower() or (index == 1 and (token[1:].islower() or len(token) == 1))


_PAIR_CACHE: dict = {}


def _pair_table() -> dict[tuple[str, str], tuple[str, frozenset[str], bool, frozenset[str]]]:
    """{(first, second): (why, words that make the pair grammatical just before it,
    whether it holds in statements only, the words one of which must come just before it)}."""
    if not _PAIR_CACHE:
        for entry in load_json("word_pairs.json")["pairs"]:
            unless = frozenset(entry.get("not_after", "").split())
            only = frozenset(entry.get("only_after", "").split())
            for a in entry["first"].split():
                for b in entry["second"].split():
                    _PAIR_CACHE.setdefault((a, b), (entry["why"], unless,
                                                    entry.get("statements_only", False), only))
    return _PAIR_CACHE


CHECKS = [NoFiniteVerb, AttributionResidue, QuoteWithoutSayingVerb, EmptyReport, ImpossibleWordPair]
