"""`decode`: which bytes are text, how they are read, and what is refused."""

from __future__ import annotations

import codecs
import re

import pytest

from reader.article import Outliner
from reader.decoding import WINDOWS_1252_NOTICE, Decoded, DecodingError, decode

C1 = re.compile("[\x80-\x9f]")
BODY = "# Heading\n\nCafé, naïve, 日本語, 🙂.\n"


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [
        (b"", "utf-8"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_unicode_with_a_bom_is_read_and_the_bom_dropped(
    bom: bytes, encoding: str
) -> None:
    decoded = decode(bom + BODY.encode(encoding))
    assert decoded == Decoded(BODY)
    article = Outliner(decoded.text, name="x.md").run()
    assert article.title == "Heading"  # the first line is still a heading


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (codecs.BOM_UTF16_LE + b"a\x00b", "not valid UTF-16 at byte 4"),
        (codecs.BOM_UTF16_BE + b"\xd8\x00\x00a", "not valid UTF-16 at byte 2"),
        (codecs.BOM_UTF32_LE + b"\x00\x00\x11\x00", "not valid UTF-32 at byte 4"),
        (codecs.BOM_UTF8 + b"ok \xff", "not valid UTF-8 at byte 6"),
    ],
)
def test_a_bom_with_broken_text_names_the_byte(data: bytes, message: str) -> None:
    with pytest.raises(DecodingError, match=message):
        decode(data)


def test_invalid_utf8_names_the_byte_and_line() -> None:
    data = ("# Café\n\nrésumé\n" * 3).encode() + b"bad \xc3\x28\n"
    with pytest.raises(DecodingError) as raised:
        decode(data)
    assert str(raised.value) == (
        "not valid UTF-8 at byte 58 (line 10); save it as UTF-8 to read it"
    )


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"%PDF-1.4\n# text", "a PDF document"),
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\x7fELF\x02\x01", "an executable (ELF)"),
        (b"\x1f\x8b\x08", "gzip data"),
        (b"PK\x03\x04", "a zip archive"),
        (b"GIF89a", "a GIF image"),
        (b"\xff\xd8\xff\xe0", "a JPEG image"),
        (b"# text\n\x00", "it contains NUL bytes"),
        ("# UTF-16 without a BOM".encode("utf-16-le"), "it contains NUL bytes"),
    ],
)
def test_binary_is_not_text(data: bytes, what: str) -> None:
    with pytest.raises(DecodingError, match=re.escape(f"not a text file ({what})")):
        decode(data)


def test_line_endings_become_newlines() -> None:
    assert decode(b"a\r\nb\rc\nd\r\n\r\n").text == "a\nb\nc\nd\n\n"


def test_unicode_line_separators_are_not_line_breaks() -> None:
    text = decode("# One\u2028two\n\nthree\u2029four\n".encode()).text
    assert text == "# One two\n\nthree four\n"
    assert Outliner(text, name="x").run().title == "One two"


def test_controls_are_made_visible() -> None:
    assert decode(b"\x1b]0;x\x07 \xc2\x9b2J").text == "␛]0;x␇ \ufffd2J"


# Windows-1252: read when it plainly is, with a notice; refused otherwise.

WESTERN = {
    "french": "« Voilà », dit-il — c’était l’été à Paris. Les élèves, la façade.\n",
    "german": "Über die Brücke gehen wir morgen früh. Das Mädchen heißt Jürgen.\n",
    "portuguese": "INFORMAÇÕES sobre as ações da nação. Não há razões; São Paulo.\n",
    "spanish": "El niño comió paella en la montaña. ¿Qué tal? ¡Olé! Año nuevo.\n",
    "english": "He said “it’s fine”—and left… then paid €5 for a café.\n",
}


@pytest.mark.parametrize("language", WESTERN)
def test_western_text_in_windows_1252_is_read_with_a_notice(language: str) -> None:
    text = "# Notes\n\n" + WESTERN[language] * 5
    decoded = decode(text.encode("cp1252"))
    assert decoded == Decoded(text, WINDOWS_1252_NOTICE)


def test_latin_1_text_is_read_as_windows_1252() -> None:
    text = "# Año\n\n" + WESTERN["spanish"]
    assert decode(text.encode("latin-1")).text == text


OTHER = {
    "shift-jis": ("# 日本語\n\nこれは日本語の文章です。\n", "shift_jis"),
    "shift-jis, one word": (
        "Long English text, one word 日本 only.\n" * 4,
        "shift_jis",
    ),
    "gbk": ("# 中文标题\n\n这是一个中文的段落。\n", "gbk"),
    "gbk, one word": (
        "English text with one word 中文 in it, the rest English.\n",
        "gbk",
    ),
    "big5": ("English text with Chinese 中文字 in the middle, to dilute.\n", "big5"),
    "euc-kr": ("# 제목\n\n한국어 텍스트입니다.\n", "euc_kr"),
    "koi8-r": ("# Заголовок\n\nЭто русский текст.\n", "koi8_r"),
    "koi8-r, one word": (
        "English with a Russian word Привет, then English.\n",
        "koi8_r",
    ),
    "greek": ("# Τίτλος\n\nΑυτό είναι ελληνικό κείμενο.\n", "cp1253"),
}


@pytest.mark.parametrize("name", OTHER)
def test_other_encodings_are_refused_not_misread(name: str) -> None:
    text, encoding = OTHER[name]
    with pytest.raises(DecodingError, match="not valid UTF-8 at byte"):
        decode(text.encode(encoding))


def test_damaged_utf8_is_refused_not_misread() -> None:
    data = ("Café, résumé, déjà vu, crème brûlée.\n" * 5).encode() + b"stray \xe9\n"
    with pytest.raises(DecodingError, match="not valid UTF-8"):
        decode(data)


def test_random_bytes_are_refused() -> None:
    data = bytes((index * 151 + 7) % 255 + 1 for index in range(4096))
    with pytest.raises(DecodingError):
        decode(data)


@pytest.mark.parametrize("byte", range(0x80, 0x100))
def test_no_high_byte_becomes_a_c1_control(byte: int) -> None:
    data = b"# Plain English text, long enough to read as Western.\n\n" + bytes([byte])
    try:
        text = decode(data).text
    except DecodingError:
        assert byte in (0x81, 0x8D, 0x8F, 0x90, 0x9D)  # undefined in Windows-1252
        return
    assert not C1.search(text)
