"""Which language a stretch of text is in: a seeded language detector (langdetect, imported on
first use) for a run of words, and the languages' names. (Single words are looked up in the
English word frequencies of auditor.lexicon directly.)"""
from __future__ import annotations

from functools import lru_cache

# The detector's language codes, named as an editor would say them.
LANGUAGE_NAMES = {
    "af": "Afrikaans", "ca": "Catalan", "cs": "Czech", "cy": "Welsh", "da": "Danish", "de": "German",
    "es": "Spanish", "et": "Estonian", "fi": "Finnish", "fr": "French", "hr": "Croatian",
    "hu": "Hungarian", "id": "Indonesian", "it": "Italian", "lt": "Lithuanian", "lv": "Latvian",
    "nl": "Dutch", "no": "Norwegian", "pl": "Polish", "pt": "Portuguese", "ro": "Romanian",
    "sk": "Slovak", "sl": "Slovenian", "so": "Somali", "sq": "Albanian", "sv": "Swedish",
    "sw": "Swahili", "tl": "Tagalog", "tr": "Turkish", "vi": "Vietnamese", "ru": "Russian",
    "uk": "Ukrainian", "bg": "Bulgarian", "mk": "Macedonian", "el": "Greek", "ja": "Japanese",
    "ko": "Korean", "zh-cn": "Chinese", "zh-tw": "Chinese", "ar": "Arabic", "fa": "Persian",
    "he": "Hebrew", "hi": "Hindi", "ur": "Urdu", "th": "Thai",
}


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, "another language")


@lru_cache(maxsize=None)
def _detector():
    from langdetect import DetectorFactory, detect_langs
    DetectorFactory.seed = 0
    return detect_langs


def detect_language(text: str) -> tuple[str, float]:
    """(language code, probability), seeded so that results repeat; ('', 0) when the detector
    finds nothing to go on."""
    try:
        from langdetect import DetectorFactory
        detect = _detector()
        DetectorFactory.seed = 0
        best = detect(text)[0]
        return best.lang, best.prob
    except Exception:  # noqa: BLE001 - langdetect raises on text without features
        return "", 0.0
