"""Names family (NM): inconsistent or wrongly romanized names.

NM101 within one article, NM102 across the corpus, NM103 non-standard romanization,
NM104 a rare spelling of a well-known name, NM105 the house list.
"""
from .nm101_within_file_variant import WithinFileVariant
from .nm102_corpus_variant import CorpusVariant
from .nm103_romanization import NonStandardRomanization
from .nm104_rare_twin import RareTwin
from .nm105_house_list import HouseList

CHECKS = [WithinFileVariant, CorpusVariant, NonStandardRomanization, RareTwin, HouseList]
