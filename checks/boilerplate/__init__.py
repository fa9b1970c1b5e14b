"""Boilerplate family (BP): text spliced into the article that is not the article.

BP1xx phrase families from data files, BP2xx shape and position, BP3xx duplicates, BP4xx
off-topic splices and corpus repetition. One pass (line_verdicts.py) gives each line to at most
one of the per-document rules.
"""
from .bp101_widget_phrase import WidgetPhrase
from .bp102_credit_line import CreditLine
from .bp103_mandated_notice import MandatedNotice
from .bp104_attribution_line import AttributionLine
from .bp201_edge_line import EdgeLine
from .bp202_stray_token import StrayToken
from .bp203_section_label import SectionLabel
from .bp204_glued_widget import GluedWidget
from .bp301_repeated_headline import RepeatedHeadline
from .bp302_repeated_paragraph import RepeatedParagraph
from .bp401_off_topic_splice import OffTopicSplice
from .bp402_corpus_repetition import CorpusRepetition

CHECKS = [WidgetPhrase, CreditLine, MandatedNotice, AttributionLine, EdgeLine, StrayToken,
          SectionLabel, GluedWidget, RepeatedHeadline, RepeatedParagraph, OffTopicSplice,
          CorpusRepetition]
