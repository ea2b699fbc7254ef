"""Decoding: every encoding Arabic news files come in gives the same text; others are refused."""
from __future__ import annotations

import codecs
import random

import pytest

from hadath.errors import UnsupportedEncoding
from hadath.ingest import decode

# Hand-written, with shadda and tanween (both exist in Windows-1256) and a Western digit.
PARAGRAPH = (
    "أعلنت وزارة الخارجية اليوم أن الوزير سيزور عمّان الأسبوع المقبل لبحث التعاون الاقتصادي.\n"
    "وقال المتحدث باسم الوزارة إن الزيارة تأتي في إطار تعزيز العلاقات، مشيراً إلى توقيع 3 "
    "اتفاقيات؟\n"
)

ENCODED = {
    "utf-8": PARAGRAPH.encode("utf-8"),
    "utf-8-bom": codecs.BOM_UTF8 + PARAGRAPH.encode("utf-8"),
    "utf-16-le-bom": codecs.BOM_UTF16_LE + PARAGRAPH.encode("utf-16-le"),
    "utf-16-be-bom": codecs.BOM_UTF16_BE + PARAGRAPH.encode("utf-16-be"),
    "utf-16-le": PARAGRAPH.encode("utf-16-le"),
    "utf-16-be": PARAGRAPH.encode("utf-16-be"),
    "cp1256": PARAGRAPH.encode("cp1256"),
    "cp1256-crlf": PARAGRAPH.replace("\n", "\r\n").encode("cp1256"),
    "utf-8-crlf": PARAGRAPH.replace("\n", "\r\n").encode("utf-8"),
}


@pytest.mark.parametrize("encoding", sorted(ENCODED))
def test_each_encoding_decodes_to_the_same_text(tmp_path, encoding):
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(ENCODED[encoding])
    assert decode(path.read_bytes(), str(path)) == PARAGRAPH


def test_old_mac_line_ends_become_newlines():
    assert decode("سطر\rسطر".encode("utf-8"), "x.txt") == "سطر\nسطر"


REFUSED = {
    "latin-1": "Le ministre a annoncé une visite à Amman: coopération économique, très "
               "attendue.\n".encode("latin-1"),
    "random": random.Random(0).randbytes(600),
    "utf-32": PARAGRAPH.encode("utf-32"),
}


@pytest.mark.parametrize("kind", sorted(REFUSED))
def test_other_bytes_are_refused_naming_the_file_and_the_fix(tmp_path, kind):
    path = tmp_path / f"{kind}.txt"
    path.write_bytes(REFUSED[kind])
    with pytest.raises(UnsupportedEncoding) as info:
        decode(path.read_bytes(), str(path))
    assert str(path) in str(info.value)
    assert "UTF-8" in info.value.fix and "iconv" in info.value.fix
    assert info.value.source == str(path)


def test_ascii_is_utf8():
    assert decode(b"plain ASCII text\n", "a.txt") == "plain ASCII text\n"
