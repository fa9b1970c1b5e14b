"""The family's data tables (`data/*.json`), loaded once per process. Each table documents its
own format in its "about" field; every entry carries an example and a counter-example, which the
checks reading it list in `data_examples()`."""
from __future__ import annotations

import json
import os
from functools import lru_cache

from auditor.datafiles import beside

DATA = beside(__file__, "data")


@lru_cache(maxsize=None)
def load_json(name: str):
    """The parsed table `data/<name>` (shared: do not modify it)."""
    with open(os.path.join(DATA, name), encoding="utf-8") as fh:
        return json.load(fh)
