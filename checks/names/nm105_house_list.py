"""NM105: a variant the house list names."""
from __future__ import annotations

from auditor.api import SAFE, Check, Edit, Finding

from .house_list import SETTINGS, house_list, shaped_canonical


class HouseList(Check):
    """A spelling the house list (`house-names` in the config) marks as a variant of a canonical
    name. The list is one canonical name per line, known variants after it; the canonical names
    themselves are never flagged by any NM check. The fix is the canonical spelling shaped like
    the variant found: a surname alone gets the canonical surname, not the full name."""

    code = "NM105"
    family = "names"
    settings = SETTINGS
    summary = "Variant of a name on the house list"
    severity = "error"

    def check(self, doc):
        for s, e, canonical in house_list(self.settings).variants_in(doc.text):
            found = doc.text[s:e]
            yield Finding(s, e, f"'{found}' is a variant of '{canonical}' in the house list",
                          (Edit(s, e, shaped_canonical(found, canonical)),), SAFE)
