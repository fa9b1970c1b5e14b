"""The renditions' summaries of a whole corpus, packed: held from the first document to the end
of the run, they were most of a large run's memory as Python objects (about 28 KB an article:
a frozenset of stems and of names for every sentence). Here every string (stem, name, number)
is an id into one vocabulary and each document is a few flat arrays; `finalize` decodes the
documents back to `DocSummary`s one at a time, as it reaches them."""
from __future__ import annotations

import sys
from array import array
from collections import OrderedDict
from itertools import accumulate

from .summary import _EMPTY, DocSummary, SentenceSummary

#: Ids and offsets: 32-bit unsigned (a vocabulary and a sentence offset fit: files are capped in
#: size far below 4 GB).
ID_TYPE = "I"
#: Decoded documents kept at once: more than the files of one story (`max_story_files`) and the
#: near neighbours in path order that story grouping compares, so each is decoded about once.
DECODED_CACHE = 256
#: Documents whose sentences' texts `DecodedDocs.sentence` keeps decoded: a story's findings quote
#: its renditions' sentences over and over (a story has at most `max_story_files` files).
SENTENCE_TEXTS_KEPT = 64
_NEGATED, _QUOTED = 1, 2
#: Numbers a sentence has in `spans`: start, end, length of its text, flags, and how many stems,
#: names, numbers and poles it has.
SPAN_FIELDS = 8


class PackedCorpus:
    """The `Renditions` summary: a vocabulary and the packed documents, in the order added.

    A packed document is (path, title, texts, spans, words, poles): `texts` the sentences'
    texts joined, in UTF-8 (one character that is not Latin-1 would make a str of the whole
    document two or four bytes a character), `spans` SPAN_FIELDS numbers per sentence, `words`
    the ids of each sentence's stems, names and numbers, `poles` each sentence's poles (pair
    index * 2 + side). The ids are an array of their own, so that merging translates them in
    one pass."""

    __slots__ = ("vocab", "docs", "_ids")

    def __init__(self):
        self.vocab: list[str] = []
        self.docs: list[tuple] = []
        self._ids: dict[str, int] | None = {}

    def __getstate__(self):
        return self.vocab, self.docs

    def __setstate__(self, state):
        self.vocab, self.docs = state
        self._ids = None  # built when first needed: a document's summary is only merged from

    def __len__(self) -> int:
        return len(self.docs)

    def _index(self) -> dict[str, int]:
        """{word: its id}."""
        if self._ids is None:
            self._ids = {w: i for i, w in enumerate(self.vocab)}
        return self._ids

    def _id(self, word: str) -> int:
        i = self._index().get(word)
        if i is None:
            i = self._ids[word] = len(self.vocab)
            self.vocab.append(sys.intern(word))
        return i

    def add(self, doc: DocSummary) -> None:
        spans, poles, texts = array(ID_TYPE), array(ID_TYPE), []
        ids: list[int] = []
        index, vocab, intern = self._index(), self.vocab, sys.intern
        for s in doc.sentences:
            spans.extend((s.start, s.end, len(s.text), _NEGATED * s.negated + _QUOTED * s.quoted,
                          len(s.stems), len(s.names), len(s.numbers), len(s.poles)))
            # `_id` inlined: a call a word was a quarter of the time of packing a document
            for values in (s.stems, s.names, s.numbers):
                for word in values:
                    i = index.get(word)
                    if i is None:
                        i = index[word] = len(vocab)
                        vocab.append(intern(word))
                    ids.append(i)
            poles.extend(pair * 2 + side for pair, side in s.poles)
            texts.append(s.text)
        self.docs.append((doc.path, doc.title, "".join(texts).encode("utf-8", "surrogatepass"), spans,
                          array(ID_TYPE, ids), poles))

    def extend(self, other: "PackedCorpus") -> None:
        """Add the documents of `other`, their ids translated into this vocabulary."""
        if not self.docs and not self.vocab:  # copies: `other` (a document's summary) stays as it was
            self.vocab, self.docs, self._ids = list(other.vocab), list(other.docs), None
            return
        ids = self._index()
        for word in [w for w in other.vocab if w not in ids]:  # a vocabulary has no repeats
            self._id(word)
        translated = array(ID_TYPE, map(ids.__getitem__, other.vocab)).__getitem__
        for path, title, texts, spans, words, poles in other.docs:
            self.docs.append((path, title, texts, spans, array(ID_TYPE, map(translated, words)), poles))

    def decode(self, k: int) -> DocSummary:
        return _decode(self.docs[k], self.vocab.__getitem__)

    def sentence_stems(self, k: int) -> tuple[frozenset, ...]:
        """The stems of each sentence of document `k`, as vocabulary ids: all that comparing two
        documents needs (ids stand one for one for stems), decoded without the rest."""
        return sentence_stems(self.stem_arrays(k))

    def stem_arrays(self, k: int) -> tuple[array, array]:
        """Document `k`'s (spans, words): what `sentence_stems` reads, small to send elsewhere."""
        return self.docs[k][3], self.docs[k][4]


def sentence_stems(arrays: tuple[array, array]) -> tuple[frozenset, ...]:
    """The stems of each sentence of a packed document as ids, from its `stem_arrays`."""
    spans, words = arrays[0], arrays[1].tolist()
    out, w = [], 0
    for j in range(0, len(spans), SPAN_FIELDS):
        stems, names, numbers = spans[j + 4:j + 7]
        out.append(frozenset(words[w:w + stems]))
        w += stems + names + numbers  # names and numbers: skipped
    return tuple(out)


def _decode(packed: tuple, word) -> DocSummary:
    """A packed document as a `DocSummary`; `word(id)` is the string of a vocabulary id."""
    path, title, texts, spans, words, poles = packed
    texts = texts.decode("utf-8", "surrogatepass")
    words, poles = words.tolist(), poles.tolist()  # a list slices and indexes faster than an array
    sentences, w, p, at = [], 0, 0, 0
    fields = iter(spans)
    for start, end, length, flags, *counts, n_poles in zip(*[fields] * SPAN_FIELDS):  # a sentence's
        sets = []
        for n in counts:  # stems, names, numbers
            sets.append(frozenset(map(word, words[w:w + n])) if n else _EMPTY)
            w += n
        sentence_poles = frozenset((x >> 1, x & 1) for x in poles[p:p + n_poles]) if n_poles else _EMPTY
        p += n_poles
        sentences.append(SentenceSummary(start, end, texts[at:at + length], *sets, bool(flags & _NEGATED),
                                         sentence_poles, bool(flags & _QUOTED)))
        at += length
    return DocSummary(path, title, tuple(sentences))


class PackedStory:
    """Some documents of a `PackedCorpus` (one story's) with the words they use, and nothing
    else of the corpus: small to send to a worker process, which decodes them there."""

    __slots__ = ("docs", "words")

    def __init__(self, corpus: PackedCorpus, ks: list[int]):
        self.docs = [corpus.docs[k] for k in ks]
        vocab = corpus.vocab
        self.words = {i: vocab[i] for i in set().union(*(doc[4] for doc in self.docs))}

    def __getstate__(self):
        return self.docs, self.words

    def __setstate__(self, state):
        self.docs, self.words = state

    def decode(self, n: int) -> DocSummary:
        """The `n`th of its documents."""
        return _decode(self.docs[n], self.words.__getitem__)


class DecodedDocs:
    """The documents of a `PackedCorpus` in path order, as a sequence of `DocSummary`s decoded
    when read (the last DECODED_CACHE kept)."""

    def __init__(self, corpus: PackedCorpus):
        self.corpus = corpus
        self.order = sorted(range(len(corpus.docs)), key=lambda k: corpus.docs[k][0])
        self._cache: OrderedDict[int, DocSummary] = OrderedDict()
        self._texts: OrderedDict[int, tuple[str, list[int]]] = OrderedDict()  # see `sentence`

    def __len__(self) -> int:
        return len(self.order)

    def __getitem__(self, i: int) -> DocSummary:
        doc = self._cache.get(i)
        if doc is None:
            doc = self._cache[i] = self.corpus.decode(self.order[i])
            if len(self._cache) > DECODED_CACHE:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(i)
        return doc

    def __iter__(self):
        return (self[i] for i in range(len(self)))

    def path(self, i: int) -> str:
        """Document `i`'s path, without decoding it."""
        return self.corpus.docs[self.order[i]][0]

    def title(self, i: int) -> str:
        """Document `i`'s title, without decoding it."""
        return self.corpus.docs[self.order[i]][1]

    def sentence(self, i: int, k: int) -> tuple[int, int, str]:
        """(start, end, text) of document `i`'s sentence `k`, from its texts and spans alone: the
        findings of a large corpus, several checks' each, decoded their documents over and over.
        The last SENTENCE_TEXTS_KEPT documents' texts are kept decoded, with where each sentence
        starts (decoding them for each sentence was a fifth of TR601-TR604's time)."""
        _, _, texts, spans, _, _ = self.corpus.docs[self.order[i]]
        kept = self._texts.get(i)
        if kept is None:
            kept = self._texts[i] = (texts.decode("utf-8", "surrogatepass"),
                                     [0, *accumulate(spans[2::SPAN_FIELDS])])  # the sentences' lengths
            if len(self._texts) > SENTENCE_TEXTS_KEPT:
                self._texts.popitem(last=False)
        else:
            self._texts.move_to_end(i)
        text, starts = kept
        j = k * SPAN_FIELDS
        return spans[j], spans[j + 1], text[starts[k]:starts[k + 1]]

    def sentence_span(self, i: int, k: int) -> tuple[int, int]:
        """(start, end) of document `i`'s sentence `k`, without its text (a related place)."""
        spans, j = self.corpus.docs[self.order[i]][3], k * SPAN_FIELDS
        return spans[j], spans[j + 1]

    def sentence_stems(self, i: int) -> tuple[frozenset, ...]:
        """Document `i`'s sentences' stems as ids (see `PackedCorpus.sentence_stems`)."""
        return self.corpus.sentence_stems(self.order[i])

    def stem_arrays(self, i: int) -> tuple[array, array]:
        """Document `i`'s (see `PackedCorpus.stem_arrays`)."""
        return self.corpus.stem_arrays(self.order[i])

    def story(self, members: list[int]) -> PackedStory:
        """Documents `members` packed alone (`PackedStory.decode(n)` is `self[members[n]]`)."""
        return PackedStory(self.corpus, [self.order[i] for i in members])
