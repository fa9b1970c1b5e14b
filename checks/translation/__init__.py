"""Translation family (TR): garbled machine translation."""
from . import renditions, single

CHECKS = single.CHECKS + renditions.CHECKS
