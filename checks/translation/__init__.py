"""Translation family (TR): damage that machine translation leaves in the text."""
from .tr101_no_finite_verb import NoFiniteVerb
from .tr102_attribution_residue import AttributionResidue
from .tr103_quote_without_saying_verb import QuoteWithoutSayingVerb
from .tr104_empty_report import EmptyReport
from .tr110_impossible_word_pair import ImpossibleWordPair
from .tr201_stray_capital import StrayCapital
from .tr301_mangled_term import MangledFixedTerm
from .tr401_foreign_script import ForeignScript
from .tr402_doubled_word import DoubledWord
from .tr403_mojibake import Mojibake
from .tr404_unbalanced_quotes import UnbalancedQuotes
from .tr405_quote_marker_word import QuoteMarkerWord
from .tr406_untranslated_words import UntranslatedWords
from .tr501_readability_outlier import ReadabilityOutlier
from .tr601_fact_mismatch import FactMismatch
from .tr602_polarity_mismatch import PolarityMismatch
from .tr603_wording_mismatch import WordingMismatch

CHECKS = [NoFiniteVerb, AttributionResidue, QuoteWithoutSayingVerb, EmptyReport, ImpossibleWordPair,
          StrayCapital, MangledFixedTerm, ForeignScript, DoubledWord, Mojibake, UnbalancedQuotes,
          QuoteMarkerWord, UntranslatedWords, ReadabilityOutlier, FactMismatch, PolarityMismatch,
          WordingMismatch]
