"""Boilerplate family (BP): text spliced into the article that is not the article.

BP1xx phrase families from data files, BP2xx shape and position, BP3xx duplicates,
BP4xx off-topic splices and corpus repetition.
"""
from .corpus import CorpusRepetition
from .rules import (AttributionLine, CreditLine, EdgeLine, GluedWidget, MandatedNotice,
                    OffTopicSplice, RepeatedHeadline, RepeatedParagraph, SectionLabel, StrayToken,
                    WidgetPhrase)

CHECKS = [WidgetPhrase, CreditLine, MandatedNotice, AttributionLine, EdgeLine, StrayToken,
          SectionLabel, GluedWidget, RepeatedHeadline, RepeatedParagraph, OffTopicSplice,
          CorpusRepetition]
