"""auditor: source-quality and translation-artifact auditor for news text."""

__version__ = "0.1.0"

# Before any module of the package defines a dataclass: its generated methods come from the user
# cache instead of being compiled at each start (compiled.py).
from . import compiled as _compiled

_compiled.keep_dataclass_code()
