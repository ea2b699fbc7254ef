"""Bytes to text for the encodings Arabic news files come in: UTF-8, UTF-16 and Windows-1256.

The decision is made by explicit rules, in this order, so that a surprising result can be
explained from the bytes alone:

1. a byte order mark names the encoding (UTF-8, UTF-16 LE, UTF-16 BE);
2. UTF-16 without a mark shows as NUL bytes on one side of each 2-byte unit only (the high byte
   of every ASCII character: spaces, digits, newlines), and decodes cleanly as UTF-16;
3. strict UTF-8;
4. Windows-1256, if decoding with it gives text free of control characters whose non-ASCII
   letters are Arabic. Any single-byte file decodes with cp1256, so this check is what tells an
   Arabic file from a Latin-1 one or from random bytes.

Anything else is refused. charset-normalizer is asked only for a hint in that error message
(which encoding to convert from), never for the decision itself.
"""
from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from ..errors import UnsupportedEncoding

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Arabic prose is about one sixth spaces, so UTF-16 Arabic text has a NUL high byte in roughly
# every sixth unit; a tenth leaves room for long words and few digits.
_MIN_UTF16_NUL_SHARE = 0.10

# Share of the non-ASCII letters that must be Arabic for a cp1256 reading to be believed. In a
# Latin-1 file the high bytes are accented Latin letters (é, à, ç exist in cp1256 too); random
# bytes give about three Arabic letters in four.
_MIN_CP1256_ARABIC_SHARE = 0.90

# C0 control characters that never occur in text files (tab, newlines and form feed do).
_CONTROLS = frozenset(chr(c) for c in range(32)) - {"\t", "\n", "\r", "\f", "\v"}


def normalize_newlines(text: str) -> str:
    """Windows and old Mac line ends become ``\\n``: spans and line-based rules see one kind."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode(data: bytes, name: str) -> str:
    """Decode the bytes of the file ``name`` (used in error messages) and normalize newlines."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _finish(_strict(data[len(bom):], codec, name), data, name)
    codec = _bomless_utf16(data)
    if codec is not None:
        return _finish(_strict(data, codec, name), data, name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1256")  # defines all 256 bytes, so this cannot fail
        if not _looks_like_arabic(text):
            raise _unsupported(data, name, "it is not UTF-8, UTF-16 or Arabic Windows-1256 text")
    return _finish(text, data, name)


def _strict(data: bytes, codec: str, name: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise _unsupported(data, name, f"it looks like {codec.upper()} but byte {exc.start} is "
                                       f"invalid in that encoding") from exc


def _bomless_utf16(data: bytes) -> str | None:
    if len(data) < 2 or len(data) % 2 or b"\x00" not in data:
        return None
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    units = len(data) // 2
    if even == 0 and odd >= _MIN_UTF16_NUL_SHARE * units:
        return "utf-16-le"  # ASCII 'a' is 61 00
    if odd == 0 and even >= _MIN_UTF16_NUL_SHARE * units:
        return "utf-16-be"  # ASCII 'a' is 00 61
    return None


def _looks_like_arabic(text: str) -> bool:
    if any(c in _CONTROLS for c in text):
        return False
    letters = [c for c in text if c > "\x7f" and c.isalpha()]
    arabic = sum(1 for c in letters if "\u0600" <= c <= "\u06ff")
    return bool(letters) and arabic >= _MIN_CP1256_ARABIC_SHARE * len(letters)


def _finish(text: str, data: bytes, name: str) -> str:
    # A NUL left after decoding means a binary file, or UTF-32 read as UTF-16.
    if "\x00" in text:
        raise _unsupported(data, name, "it contains NUL characters (a binary file, or UTF-32)")
    return normalize_newlines(text)


def _unsupported(data: bytes, name: str, why: str) -> UnsupportedEncoding:
    best = from_bytes(data[:65536]).best()
    guess = best.encoding if best is not None else None
    hint = f" (charset-normalizer guesses {guess})" if guess else ""
    source = guess.upper() if guess else "ITS-ENCODING"
    return UnsupportedEncoding(
        f"Cannot decode {name}: {why}{hint}.",
        f"Convert it to UTF-8, e.g. iconv -f {source} -t UTF-8 '{name}' > converted.txt, and read "
        "the converted file.",
        source=name,
    )
