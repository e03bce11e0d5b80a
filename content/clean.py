"""Make text from outside safe to show in a terminal: articles, and notes, tags and
anything else read from files, other programs or the command line.

Rich and Textual pass ESC straight through, even with markup off, so an article could
otherwise write to the user's clipboard (OSC 52) or clear their screen. Cleaning runs once,
at load, before any offset is computed, so every span refers to the cleaned text.
"""

from __future__ import annotations

import re

# String sequences run until ST (ESC \ or 0x9C); OSC may also end with BEL.
# An unterminated one is removed up to the end of its line, so it cannot eat the article.
_STRING_SEQUENCE = r"(?:\x1b[\]P_^X]|[\x90\x98\x9d\x9e\x9f])[^\n\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
_CSI = r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?"
_OTHER_ESCAPE = r"\x1b[\x20-\x2f]*[\x30-\x7e]"
ESCAPE_SEQUENCE = re.compile(f"{_STRING_SEQUENCE}|{_CSI}|{_OTHER_ESCAPE}")

_BIDI_NAMES = {
    "\u202a": "LRE",
    "\u202b": "RLE",
    "\u202c": "PDF",
    "\u202d": "LRO",
    "\u202e": "RLO",
    "\u2066": "LRI",
    "\u2067": "RLI",
    "\u2068": "FSI",
    "\u2069": "PDI",
}

# Lone surrogates (from undecodable command-line bytes or a JSON "\ud800") cannot be encoded
# for the terminal or a file; they become U+FFFD like any other undecodable byte.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _stand_in(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␀ … ␟
    if code == 0x7F:
        return "\u2421"  # ␡
    if char in _BIDI_NAMES:
        return f"\u27e8{_BIDI_NAMES[char]}\u27e9"  # ⟨RLO⟩
    return "\ufffd"  # C1 controls and lone surrogates have no pictures of their own


def clean_text(text: str) -> str:
    """Normalise line endings, drop escape sequences and make other controls visible."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _CONTROL.search(text) is None:
        return text
    text = ESCAPE_SEQUENCE.sub("", text)
    return _CONTROL.sub(_stand_in, text)


def clean_line(text: str) -> str:
    """Clean text meant for one line, such as a title or a file name."""
    return " ".join(clean_text(text).split())
