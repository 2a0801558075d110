"""Turning names into search keys, the same way for what is stored and what is searched.

Three keys per name word: the exact word, its Metaphone sound, and a consonant skeleton (first
letter, then the remaining consonants sorted) which survives transposed and doubled letters.
A search matches a person when every word searched shares at least one key with the person's
names, in any order; nickname groups widen the searched word before its keys are made."""

import re
import unicodedata

import jellyfish

from .nicknames import equivalent_names

_SILENT = set("aeiouhwy")
# Letters that Unicode does not decompose into a base letter plus an accent, so NFKD alone would
# drop them ("Łukasz" would become "ukasz").
_UNDECOMPOSED = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
                               "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i", "þ": "th", "ð": "d"})


def name_words(*names: str) -> list[str]:
    text = " ".join(n for n in names if n).translate(_UNDECOMPOSED)
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return [w for w in re.split(r"[^a-z]+", plain) if w]


def skeleton(word: str) -> str:
    rest = sorted({c for c in word[1:] if c not in _SILENT})
    return word[0] + "".join(rest)


def word_keys(word: str) -> set[str]:
    keys = {f"x:{word}"[:40], f"s:{skeleton(word)}"[:40]}
    sound = jellyfish.metaphone(word)
    if sound:
        keys.add(f"m:{sound}"[:40])
    return keys


def keys_for_person(first_name: str, middle_names: str, last_name: str, known_as: str) -> set[str]:
    keys: set[str] = set()
    for word in name_words(first_name, middle_names, last_name, known_as):
        keys |= word_keys(word)
    return keys


def keys_for_search_word(word: str) -> set[str]:
    keys: set[str] = set()
    for variant in equivalent_names(word):
        keys |= word_keys(variant)
    return keys


def closeness(searched: list[str], person_words: list[str]) -> float:
    """0..1: how well each searched word matches the person's best name word."""
    if not searched or not person_words:
        return 0.0
    total = 0.0
    for word in searched:
        variants = equivalent_names(word)
        best = 0.0
        for candidate in person_words:
            score = 1.0 if candidate == word else 0.97 if candidate in variants else (
                jellyfish.jaro_winkler_similarity(word, candidate)
            )
            best = max(best, score)
        total += best
    return total / len(searched)
