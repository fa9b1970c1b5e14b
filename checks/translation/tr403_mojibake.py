"""TR403: mojibake, text decoded with the wrong encoding ('countryâ€™s' for 'country’s')."""
from __future__ import annotations

import re
from functools import lru_cache

from auditor import compiled
from auditor.api import SAFE, Check, Edit, Finding
from auditor.text import clip

# The telltale pairs of UTF-8 read as Latin-1 or Windows-1252: a lead byte as 'Ã', 'Â', 'Ð', 'Ñ'
# or 'â', then a continuation byte.
_MOJIBAKE_HINT = compiled.regex(r"[ÃÂÐÑâ][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]")
#: A garbled stretch runs from the start of the word of a telltale pair to the next space, at most
#: this many characters either side of the pair.
MAX_STRETCH_CHARS = 40


@lru_cache(maxsize=None)
def _ftfy():
    import ftfy
    return ftfy


class Mojibake(Check):
    """Text decoded with the wrong encoding ('countryâ€™s' for 'country’s', 'Ð¡' for Cyrillic),
    recognised by ftfy; only lines with the telltale character pairs are given to it. One
    finding per line, at its first garbled word; the fix repairs the encoding of every garbled
    word of the line (nothing else) and is safe: a mechanical repair."""

    code = "TR403"
    family = "translation"
    summary = "Mojibake (text decoded with the wrong encoding)"
    severity = "error"

    def check(self, doc):
        if not _MOJIBAKE_HINT.search(doc.text):
            return  # ftfy is imported only for a text with the telltale pairs
        fix_text, repair = _ftfy().fix_text, _ftfy().fix_encoding
        for line in doc.lines:
            if not _MOJIBAKE_HINT.search(line.text) or fix_text(line.text) == line.text:
                continue
            stretches = []  # (start, end, repaired) of each garbled stretch of the line
            for m in _MOJIBAKE_HINT.finditer(line.text):
                a = m.start()
                if stretches and a < stretches[-1][1]:
                    continue  # inside the stretch before
                floor = max(stretches[-1][1] if stretches else 0, a - MAX_STRETCH_CHARS)
                while a > floor and not line.text[a - 1].isspace():
                    a -= 1  # from the start of the word
                b = m.end()
                while b < len(line.text) and not line.text[b].isspace() and b - m.start() < MAX_STRETCH_CHARS:
                    b += 1
                stretches.append((a, b, repair(line.text[a:b])))
            a, b, repaired = stretches[0]
            edits = tuple(Edit(line.start + x, line.start + y, fixed)
                          for x, y, fixed in stretches if fixed != line.text[x:y])
            shown = f": it should read '{clip(repaired)}'" if repaired != line.text[a:b] else ""
            yield Finding(line.start + a, line.start + b,
                          f"'{clip(line.text[a:b])}' is garbled by a wrong text encoding{shown}",
                          edits=edits, applicability=SAFE)
