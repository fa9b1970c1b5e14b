"""NM106: one name written with and without its accents in the files of one story."""
from __future__ import annotations

from collections import defaultdict

from auditor.api import UNSAFE, CorpusCheck, Edit, Finding, Related
from auditor.text import clip

from .corpus_spellings import CorpusSpellings
from .house_list import SETTINGS
from .romanize import standard_spelling
from .variants import digraph_spelling, unaccent

#: Longest name a message quotes: two names and a reason must fit in about 200 characters.
NAME_LIMIT = 32
#: Fewest letters a name must have for its accents to be compared: in three letters an accent is
#: often what tells two names or words apart (Vietnamese tones: Thu, Thư and Thứ are three
#: names; Lê and Lệ two; a date line's "Thu" is Thursday).
MIN_LETTERS = 4
#: Fewest files that write both spellings before the two are taken for two names the renditions
#: agree on, when they are also most of the files that write either (Dien Bien Phu and Biên Hòa in
#: the renditions of one story): a rendition that dropped a name's accents in one place (Pedro
#: Sánchez, then Sanchez) is one of a few, and three files that each write both ways are not chance.
MIN_AGREEING_FILES = 3
#: Related places a finding lists: the first few files of the other spelling.
RELATED_FILES = 5
#: English words borrowed with accents that English writes with or without them (a closed class
#: of loanwords, unaccented lowercase): capitalised in a heading or a menu they are still words,
#: not names. Names of people and places (José, Zürich) are not listed.
LOANWORDS = frozenset("""cafe rose resume naive naivete cliche fiance fiancee decor facade protege creme
entree saute souffle touche uber deja jalapeno pinata senor senora senorita attache expose
pate puree soiree debut debutante melee fete cortege elite regime role blase negligee canape
consomme flambe frappe glace lame macrame matinee moire nee passe precis risque seance
toupee vicuna manana canon canyon doppelganger""".split())


class AccentVariant(CorpusCheck):
    """A name written with its accents in some files of a story and without them in others
    (Sánchez / Sanchez, Taishō / Taisho, Škoda / Skoda), or both ways in one article.

    Both spellings may be acceptable (many English newsrooms drop accents), so this is minor: the
    spelling fewer files use is reported with the other as the suggestion, for the editor to
    make the story consistent. Files count as one story when they share two other rare names
    (the `names` analysis). Between two spellings used by as many files (or as often in one
    article), the one with its accents is kept: the other lost the name's own letters (Turkish
    ş and ı, Polish ł, Vietnamese tones), except pinyin's tone marks (Zhōu / Zhou), which English
    never prints. Two accented spellings used as widely are left alone. A house-list spelling
    always wins; a pair a romanization scheme relates (Japanese macrons) is left to NM103 when it
    runs."""

    code = "NM106"
    family = "names"
    settings = SETTINGS
    summary = "Name with and without its accents"
    severity = "info"
    uses = (CorpusSpellings,)

    def finalize(self, summary):
        spellings = self.analysis(CorpusSpellings)
        by_key: dict[str, list[str]] = defaultdict(list)
        # a plain spelling that writes an accented one's umlauts as two letters (Mueller for
        # Müller) joins the accented spelling's group
        digraph_keys: dict[str, str] = {}
        for b in spellings.every:
            if not b.isascii() or any(not c.isascii() for c in unaccent(b)):
                by_key[unaccent(b).lower()].append(b)
                written_out = digraph_spelling(b)
                if written_out != unaccent(b):
                    digraph_keys.setdefault(written_out.lower(), unaccent(b).lower())
        for b in spellings.every:
            if b.isascii():
                by_key[digraph_keys.get(b.lower(), b.lower())].append(b)
        protected = spellings.house.protected
        leave_rules = self.is_selected("NM103")
        for key, bases in sorted(by_key.items()):
            bases = sorted(set(bases))
            if len(bases) < 2 or len(key) < MIN_LETTERS or not any(not b.isascii() for b in bases):
                continue
            if key in LOANWORDS:
                continue  # an English word written both ways (Café, Rosé), not a name
            # the most used first; between spellings used by as many files, the one with its
            # accents (the name's own letters: a rendition that dropped them lost something)
            ranked = sorted(bases, key=lambda b: (-(b in protected), -len(spellings.every[b]), _accent_rank(b),
                                                  -_uses(spellings, b), b))
            top = ranked[0]
            top_files = set(spellings.every[top])
            for b in ranked[1:]:
                if b.lower() == top.lower() and b.isascii() == top.isascii():
                    continue  # a difference of case is not an accent
                mine = set(spellings.every[b])
                both = mine & top_files
                if len(both) >= MIN_AGREEING_FILES and 2 * len(both) > len(mine | top_files):
                    continue  # most files write both ways: two names the renditions agree on
                if len(mine) > len(top_files) or len(mine) == len(top_files) and \
                        _accent_rank(b) <= _accent_rank(top) and top not in protected:
                    continue  # a tie between two accented spellings: both are in use
                if not b.isascii() and not top.isascii() and (_vietnamese(b) or _vietnamese(top)):
                    continue  # Thủy / Thúy: Vietnamese tones make two names, not one with two accents
                if leave_rules and standard_spelling(b, top, spellings.origins_of(mine | top_files)):
                    continue  # a romanization rule (Taishō -> Taisho): NM103 reports it
                for p in sorted(mine):
                    witnesses = spellings.same_story_files(p, top_files - {p}, {b, top}, RELATED_FILES)
                    if p in top_files and _how(b, top) == "accents":
                        # both in one article; but an American Mueller beside a German Müller
                        # are two people: umlauts written out count only between files
                        witnesses = (p,) + witnesses
                    if not witnesses:
                        continue
                    related = []
                    for q in witnesses:
                        there, s0, e0 = spellings.first_place(top, q)
                        related.append(Related(q, s0, e0, f"'{clip(there, NAME_LIMIT)}' here"))
                    n = len(top_files - {p})
                    where = "this article" if p in top_files and n == 0 else \
                        ("another file" if n == 1 else f"{n} other files")
                    for surface, spans in sorted(spellings.every[b][p].items()):
                        # the other files' form of this very word (Andrés for Andres: the spellings
                        # compared are bases, André and Andre, without a final s)
                        fix = top + surface[len(b):] if surface.startswith(b) else top
                        for s, e in spans:
                            yield p, Finding(
                                s, e, f"'{clip(surface, NAME_LIMIT)}' here and '{clip(fix, NAME_LIMIT)}' in {where} "
                                      f"differ only in {_how(b, top)}; both may be right, but one story should use one",
                                (Edit(s, e, fix),), UNSAFE, tuple(related))


# The vowels with a pinyin tone mark (and ü): Hanyu Pinyin's tones, which English news never prints.
_TONE_VOWELS = frozenset("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü")


def _accent_rank(b: str) -> int:
    """Which of two spellings used by as many files is kept: the one with the name's own accents
    (0: Sánchez, Škoda, a Turkish ş) before the plain one (1), and the plain one before a pinyin
    word with tone marks (2: Zhōu, Chén), which English text writes without them."""
    if b.isascii():
        return 1
    from .romanize import is_pinyin

    if all(c.isascii() or c in _TONE_VOWELS for c in b.lower()) and is_pinyin(unaccent(b).lower()):
        return 2
    return 0


# Marks only Vietnamese puts on Latin letters: the dot below, the hook above, the horn (and đ).
_VIETNAMESE_MARKS = frozenset("\u0323\u0309\u031b")


def _vietnamese(word: str) -> bool:
    """Whether the word carries a mark only Vietnamese writes (its tones: Thủy, Nguyễn, Đặng)."""
    import unicodedata

    return "đ" in word.lower() or any(c in _VIETNAMESE_MARKS for c in unicodedata.normalize("NFD", word))


def _how(b: str, top: str) -> str:
    """How two spellings of one name differ: accents dropped, or umlauts written as two letters."""
    return "accents" if unaccent(b).lower() == unaccent(top).lower() else "how the accented letters are written"


def _uses(spellings, b: str) -> int:
    """Occurrences of the spelling `b` in the corpus."""
    return sum(len(spans) for surfaces in spellings.every[b].values() for spans in surfaces.values())
