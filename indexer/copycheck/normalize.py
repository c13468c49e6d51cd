"""Text as the checker reads it, with a map back to the original offsets.

Copy pasted from web pages and word processors carries characters a reader never sees: soft
hyphens ("keta\u00admine"), zero-width spaces and joiners, byte-order marks, and sometimes Cyrillic
or Greek letters that look Latin ("kеtamine" with a Cyrillic е), and trademark signs ("Spravato™"). Left in, they split words and hide
claims. `normalize` applies NFKC per character, drops format characters, folds the common
look-alikes, and records for every output character the offset of the character it came from, so
reported spans point into the text the user gave.
"""
from __future__ import annotations

import bisect
import unicodedata
from dataclasses import dataclass

# Cyrillic and Greek letters that render like Latin ones (Unicode confusables, the common subset).
CONFUSABLES = str.maketrans({
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s",
    "һ": "h", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ӏ": "l",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T",
    "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S",
    "ο": "o", "ν": "v", "ι": "i", "κ": "k", "α": "a", "ρ": "p", "τ": "t", "υ": "u",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O",
    "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
})
# Trademark signs glued to a brand: NFKC would spell "Spravato™" as one word, "SpravatoTM"; a registered sign ("SPRAVATO®")
# would stand between the brand and the next word of a phrase ("an approved SPRAVATO® Treatment Center").
MARKS = {"™", "℠", "®"}
# Typographic quotes become plain ones so the rules and the analyzer see one apostrophe.
QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‐": "-", "‑": "-"})


@dataclass(frozen=True)
class Normalized:
    text: str
    original: str
    origin: tuple[int, ...]  # origin[i] = offset in `original` of text[i]; one extra entry = len(original)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original span covering normalized text[start:end]."""
        if end <= start:
            o = self.origin[start]
            return o, o
        return self.origin[start], self.origin[end - 1] + 1 if end - 1 < len(self.text) else len(self.original)

    def from_original(self, offset: int) -> int:
        """The normalized offset of the first character at or after an original offset."""
        return bisect.bisect_left(self.origin, offset, 0, len(self.text))


def _invisible(ch: str) -> bool:
    # Cf: soft hyphen, zero-width space/joiners, word joiner, BOM, bidi marks.
    return unicodedata.category(ch) == "Cf"


def normalize(original: str) -> Normalized:
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(original):
        if ord(ch) < 128:
            out.append(ch)
            origin.append(i)
            continue
        if _invisible(ch) or ch in MARKS:
            continue
        folded = unicodedata.normalize("NFKC", ch).translate(CONFUSABLES).translate(QUOTES)
        for piece in folded:
            out.append(piece)
            origin.append(i)
    origin.append(len(original))
    return Normalized("".join(out), original, tuple(origin))
