"""Word-cloud images (PNG for the deck, SVG for the writers) drawn with the committed DejaVu Sans, Latin and Arabic.

Arabic letters change shape with their neighbours and read right to left. Pillow does both itself when it has
libraqm (``PIL.features.check("raqm")``: Debian's Pillow and Linux wheels do); reshaping the words beforehand would
then break them. Without raqm (Windows and macOS wheels, unless FriBiDi is installed) Pillow draws letters one by
one, left to right, so Arabic words are reshaped (arabic-reshaper) and put in display order (python-bidi) first.
"""
from __future__ import annotations

import base64
import io
import logging
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Literal
from xml.sax import saxutils

from PIL import Image, ImageDraw, ImageFont, features

from .typography import ARABIC, FONT_FILES, clean_text

FONT_PATH = FONT_FILES[True]  # bold reads better from the back of the room; same Arabic coverage
PLACEHOLDER_FONT_PATH = FONT_FILES[False]
SEED = 20261210  # any fixed number: the same frequencies always give the same picture
MAX_WORDS = 80
BACKGROUND = "#FFFFFF"
# Deep, high-contrast colours that survive a washed-out projector, from the deck's palette; the most frequent
# words take the first ones.
PALETTE = ("#0B4F6C", "#0E7C7B", "#C8642A", "#4E7D32", "#6B3F8C", "#A23B52", "#1F6F9E", "#7A5C14")
PLACEHOLDER_COLOUR = "#8A969C"

RAQM = features.check("raqm")

log = logging.getLogger(__name__)

Frequencies = Iterable[tuple[str, int | float]] | Mapping[str, int | float]


def displayed(text: str, *, raqm: bool | None = None) -> str:
    """The string to hand Pillow: as it is with raqm; Arabic reshaped and in display order without it."""
    if (RAQM if raqm is None else raqm) or not ARABIC.search(text):
        return text
    try:
        import arabic_reshaper
        from bidi import get_display
    except ImportError:  # the image stays readable for Latin words; Arabic ones come out as separate letters
        log.warning("Pillow has no raqm and arabic-reshaper/python-bidi are missing: Arabic words will not be joined")
        return text
    return str(get_display(arabic_reshaper.reshape(text)))


def _words(frequencies: Frequencies) -> dict[str, float]:
    pairs = frequencies.items() if isinstance(frequencies, Mapping) else frequencies
    words: dict[str, float] = {}
    for word, count in pairs:
        text = " ".join(clean_text(str(word)).split())
        if text and count > 0:
            words[text] = words.get(text, 0) + float(count)
    return dict(sorted(words.items(), key=lambda pair: (-pair[1], pair[0]))[:MAX_WORDS])


class _Colours:
    """Colour by rank: the first word gets the first colour, and so on round the palette."""

    def __init__(self, ranked_words: Iterable[str]) -> None:
        self.rank = {word: rank for rank, word in enumerate(ranked_words)}

    def __call__(self, word: str, **_: object) -> str:
        return PALETTE[self.rank.get(word, 0) % len(PALETTE)]


def _layout(words: dict[str, float], width: int, height: int):  # type: ignore[no-untyped-def]
    """The wordcloud object with its layout computed on display strings (see module docstring)."""
    from wordcloud import WordCloud  # numpy and the layout code load only when a cloud is drawn

    shown = {displayed(word): count for word, count in words.items()}
    original = {displayed(word): word for word in words}
    # Large pictures are laid out at half size and drawn at full size: the layout costs one pass over the
    # picture per word, and half the side is a quarter of the work.
    scale = 2 if width * height > 500_000 else 1
    cloud = WordCloud(font_path=str(FONT_PATH), width=max(width // scale, 1), height=max(height // scale, 1),
                      scale=scale, background_color=BACKGROUND, mode="RGB", random_state=SEED,
                      prefer_horizontal=1.0,  # no vertical words: Arabic cannot be read sideways
                      max_words=MAX_WORDS, margin=8, relative_scaling=0.5, min_font_size=max(8 // scale, 4),
                      # without a maximum, one word starts at the picture's height and shrinks a point at a time
                      max_font_size=max(height // scale // 3, 10), collocations=False,
                      color_func=_Colours(shown))
    cloud.generate_from_frequencies(shown)
    return cloud, original


def _placeholder_png(text: str, direction: str, width: int, height: int) -> Image.Image:
    image = Image.new("RGB", (width, height), BACKGROUND)
    draw = ImageDraw.Draw(image)
    if text:
        size = max(min(height // 10, width // max(len(text), 1) * 2, 48), 8)
        font = ImageFont.truetype(str(PLACEHOLDER_FONT_PATH), size)
        kwargs = {"direction": direction} if RAQM else {}
        draw.text((width / 2, height / 2), displayed(text), fill=PLACEHOLDER_COLOUR, font=font, anchor="mm", **kwargs)
    return image


def render_wordcloud_image(frequencies: Frequencies, direction: Literal["ltr", "rtl"] = "ltr", width: int = 1600,
                           height: int = 800, *, empty_text: str = "") -> Image.Image:
    """The cloud as a Pillow image of exactly width × height; a quiet placeholder when there are no words."""
    width, height = max(int(width), 16), max(int(height), 16)
    words = _words(frequencies)
    if not words:
        return _placeholder_png(empty_text, direction, width, height)
    cloud, _ = _layout(words, width, height)
    image = cloud.to_image()
    if image.size != (width, height):  # an odd side laid out at half size comes back a pixel short
        canvas = Image.new("RGB", (width, height), BACKGROUND)
        canvas.paste(image, (0, 0))
        image = canvas
    return image


def render_wordcloud_png(frequencies: Frequencies, direction: Literal["ltr", "rtl"] = "ltr", width: int = 1600,
                         height: int = 800, *, empty_text: str = "") -> bytes:
    """PNG bytes of the word cloud; ``empty_text`` (e.g. the report's "no words yet" label) when there are none."""
    buffer = io.BytesIO()
    # zlib's default level: the same pixels, a file a few per cent larger than Pillow's optimize=True (level 9 and
    # more passes), encoded about three times faster; each deck carries one picture per word cloud.
    render_wordcloud_image(frequencies, direction, width, height, empty_text=empty_text).save(buffer, "PNG",
                                                                                                compress_level=6)
    return buffer.getvalue()


@lru_cache(maxsize=1)
def _font_family() -> str:
    return ImageFont.truetype(str(FONT_PATH), 12).getname()[0] or "DejaVu Sans"


def render_wordcloud_svg(frequencies: Frequencies, direction: Literal["ltr", "rtl"] = "ltr", width: int = 1600,
                         height: int = 800, *, empty_text: str = "", embed_font: bool = True) -> bytes:
    """SVG bytes of the same cloud, words as text (searchable, editable), the font subset embedded by default.

    The SVG holds the words in reading order: the reader's renderer shapes Arabic, whatever Pillow could do.
    """
    width, height = max(int(width), 16), max(int(height), 16)
    words = _words(frequencies)
    if not words:
        family = saxutils.quoteattr(_font_family())
        anchor = 'text-anchor="middle" dominant-baseline="middle"'
        text = (f'<text x="{width / 2}" y="{height / 2}" {anchor} font-family={family} '
                f'font-size="{max(height // 10, 8)}" fill="{PLACEHOLDER_COLOUR}" direction="{direction}">'
                f'{saxutils.escape(empty_text)}</text>') if empty_text else ""
        return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
                f'viewBox="0 0 {width} {height}"><rect width="100%" height="100%" fill="{BACKGROUND}"/>{text}</svg>'
                ).encode("utf-8")
    cloud, original = _layout(words, width, height)
    # Back to reading order: the SVG reader lays the words out itself.
    cloud.layout_ = [((original.get(word, word), count), *rest) for (word, count), *rest in cloud.layout_]
    svg = cloud.to_svg(embed_font=False)
    if embed_font:
        # wordcloud can embed the font itself, but leaves the font file open; this subset is closed after use.
        head, separator, rest = svg.partition(">")
        svg = head + separator + _font_face("".join(word for (word, _), *_ in cloud.layout_)) + rest
    return svg.encode("utf-8")


def _font_face(characters: str) -> str:
    """A CSS @font-face holding the glyphs the words need (WOFF, base64), so the SVG looks the same everywhere."""
    from fontTools import subset

    options = subset.Options()
    options.flavor = "woff"
    options.hinting = False
    options.desubroutinize = True
    options.ignore_missing_glyphs = True
    subset_log = logging.getLogger("fontTools.subset")
    level = subset_log.level
    subset_log.setLevel(logging.ERROR)  # it reports, for every cloud, that it drops a table FontForge left in the font
    font = subset.load_font(str(FONT_PATH), options)
    try:
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=characters)
        subsetter.subset(font)
        buffer = io.BytesIO()
        subset.save_font(font, buffer, options)
    finally:
        font.close()
        subset_log.setLevel(level)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return (f"<style>@font-face{{font-family:{_font_family()!r};font-weight:bold;font-style:normal;"
            f'src:url("data:font/woff;base64,{data}") format("woff");}}</style>')
