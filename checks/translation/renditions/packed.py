"""The renditions' summaries of a whole corpus, packed: held from the first document to the end
of the run, they were most of a large run's memory as Python objects (about 28 KB an article:
a frozenset of stems and of names for every sentence). Here every string (stem, name, number)
is an id into one vocabulary and each document is a few flat arrays; `finalize` decodes the
documents back to `DocSummary`s one at a time, as it reaches them."""
from __future__ import annotations

import sys
from array import array
from collections import OrderedDict

from .summary import _EMPTY, DocSummary, SentenceSummary

#: Ids and offsets: 32-bit unsigned (a vocabulary and a sentence offset fit: files are capped in
#: size far below 4 GB).
ID_TYPE = "I"
#: Decoded documents kept at once: more than the files of one story (`max_story_files`) and the
#: near neighbours in path order that story grouping compares, so each is decoded about once.
DECODED_CACHE = 256
_NEGATED, _QUOTED = 1, 2


class PackedCorpus:
    """The `Renditions` summary: a vocabulary and the packed documents, in the order added.

    A packed document is (path, title, texts, spans, fields): `texts` the sentences' texts
    joined, in UTF-8 (one character that is not Latin-1 would make a str of the whole
    document two or four bytes a character), `spans` per sentence (start, end, length of its text, flags), `fields` per sentence
    the counts and ids of its stems, names, numbers, then its poles (pair index * 2 + side)."""

    __slots__ = ("vocab", "docs", "_ids")

    def __init__(self):
        self.vocab: list[str] = []
        self.docs: list[tuple] = []
        self._ids: dict[str, int] = {}

    def __getstate__(self):
        return self.vocab, self.docs

    def __setstate__(self, state):
        self.vocab, self.docs = state
        self._ids = {w: i for i, w in enumerate(self.vocab)}

    def __len__(self) -> int:
        return len(self.docs)

    def _id(self, word: str) -> int:
        i = self._ids.get(word)
        if i is None:
            i = self._ids[word] = len(self.vocab)
            self.vocab.append(sys.intern(word))
        return i

    def add(self, doc: DocSummary) -> None:
        spans, fields, texts = array(ID_TYPE), array(ID_TYPE), []
        ids = self._id
        for s in doc.sentences:
            spans.extend((s.start, s.end, len(s.text), _NEGATED * s.negated + _QUOTED * s.quoted))
            for values in (s.stems, s.names, s.numbers):
                fields.append(len(values))
                fields.extend(map(ids, values))
            fields.append(len(s.poles))
            fields.extend(pair * 2 + side for pair, side in s.poles)
            texts.append(s.text)
        self.docs.append((doc.path, doc.title, "".join(texts).encode("utf-8", "surrogatepass"), spans, fields))

    def extend(self, other: "PackedCorpus") -> None:
        """Add the documents of `other`, their ids translated into this vocabulary."""
        if not self.docs and not self.vocab:  # copies: `other` (a document's summary) stays as it was
            self.vocab, self.docs, self._ids = list(other.vocab), list(other.docs), dict(other._ids)
            return
        ids = array(ID_TYPE, map(self._id, other.vocab))
        for path, title, texts, spans, fields in other.docs:
            out, i = array(ID_TYPE), 0
            while i < len(fields):
                for _ in range(3):  # stems, names, numbers: ids to translate
                    n = fields[i]
                    out.append(n)
                    out.extend(ids[x] for x in fields[i + 1:i + 1 + n])
                    i += 1 + n
                n = fields[i]  # poles: no ids
                out.extend(fields[i:i + 1 + n])
                i += 1 + n
            self.docs.append((path, title, texts, spans, out))

    def decode(self, k: int) -> DocSummary:
        return _decode(self.docs[k], self.vocab.__getitem__)

    def sentence_stems(self, k: int) -> tuple[frozenset, ...]:
        """The stems of each sentence of document `k`, as vocabulary ids: all that comparing two
        documents needs (ids stand one for one for stems), decoded without the rest."""
        spans, fields = self.docs[k][3], self.docs[k][4].tolist()
        out, i = [], 0
        for _ in range(len(spans) // 4):
            n = fields[i]
            out.append(frozenset(fields[i + 1:i + 1 + n]))
            i += 1 + n
            for _ in range(3):  # names, numbers, poles: skipped
                i += 1 + fields[i]
        return tuple(out)


def _decode(packed: tuple, word) -> DocSummary:
    """A packed document as a `DocSummary`; `word(id)` is the string of a vocabulary id."""
    path, title, texts, spans, fields = packed
    texts = texts.decode("utf-8", "surrogatepass")
    fields = fields.tolist()  # a list slices and indexes faster than an array
    sentences, i, at = [], 0, 0
    for j in range(0, len(spans), 4):
        start, end, length, flags = spans[j:j + 4]
        sets = []
        for _ in range(3):
            n = fields[i]
            sets.append(frozenset(map(word, fields[i + 1:i + 1 + n])) if n else _EMPTY)
            i += 1 + n
        n = fields[i]
        poles = frozenset((x >> 1, x & 1) for x in fields[i + 1:i + 1 + n]) if n else _EMPTY
        i += 1 + n
        sentences.append(SentenceSummary(start, end, texts[at:at + length], *sets, bool(flags & _NEGATED),
                                         poles, bool(flags & _QUOTED)))
        at += length
    return DocSummary(path, title, tuple(sentences))


class PackedStory:
    """Some documents of a `PackedCorpus` (one story's) with the words they use, and nothing
    else of the corpus: small to send to a worker process, which decodes them there."""

    __slots__ = ("docs", "words")

    def __init__(self, corpus: PackedCorpus, ks: list[int]):
        self.docs = [corpus.docs[k] for k in ks]
        vocab, size = corpus.vocab, len(corpus.vocab)
        # Every number of the fields, counts and poles included (a few words too many cost less
        # than walking the fields to pick the ids out).
        used = set().union(*(doc[4] for doc in self.docs))
        self.words = {i: vocab[i] for i in used if i < size}

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

    def sentence_stems(self, i: int) -> tuple[frozenset, ...]:
        """Document `i`'s sentences' stems as ids (see `PackedCorpus.sentence_stems`)."""
        return self.corpus.sentence_stems(self.order[i])

    def story(self, members: list[int]) -> PackedStory:
        """Documents `members` packed alone (`PackedStory.decode(n)` is `self[members[n]]`)."""
        return PackedStory(self.corpus, [self.order[i] for i in members])
