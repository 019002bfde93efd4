"""Charts as small vector scenes, printed two ways from the same shapes: SVG for pages, PNG for documents.

A scene is rectangles, lines, polygons, circles and texts in pixel coordinates. ``to_svg`` makes an accessible
inline SVG (``role="img"``, title, description, a hatch pattern); ``to_png`` draws the same shapes with Pillow at a
higher resolution (Arabic shaped by raqm where Pillow has it), so the projector and the report show one picture.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import Literal, Union

ASSETS = Path(__file__).parent / "assets"
INK, GREY, RULE, PAPER = "#222B36", "#5F6B7A", "#C9D1DA", "#FFFFFF"
HATCH_ID = "hatch-low-n"


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    fill: str
    stroke: str = ""
    hatch: bool = False  # low n: diagonal stripes over the fill
    label: str = ""  # the shape's own tooltip and accessible name
    css_class: str = ""


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    stroke: str = RULE
    width: float = 1.0
    dashed: bool = False


@dataclass(frozen=True)
class Polygon:
    points: tuple[tuple[float, float], ...]
    fill: str
    stroke: str
    opacity: float = 0.25  # of the fill
    width: float = 2.0


@dataclass(frozen=True)
class Circle:
    x: float
    y: float
    radius: float
    fill: str


@dataclass(frozen=True)
class Text:
    x: float
    y: float  # the text's vertical middle
    text: str
    size: float = 12
    anchor: Literal["left", "middle", "right"] = "left"
    bold: bool = False
    fill: str = INK


Shape = Union[Rect, Line, Polygon, Circle, Text]


@dataclass(frozen=True)
class Scene:
    width: float
    height: float
    title: str
    description: str
    shapes: tuple[Shape, ...]
    css_class: str = ""


def mirrored(scene: Scene) -> Scene:
    """The scene read right to left: every x flipped, text anchors swapped (for Arabic bars and tables)."""
    width = scene.width
    flip = {"left": "right", "right": "left", "middle": "middle"}
    shapes: list[Shape] = []
    for shape in scene.shapes:
        if isinstance(shape, Rect):
            shapes.append(Rect(width - shape.x - shape.width, shape.y, shape.width, shape.height, shape.fill,
                               shape.stroke, shape.hatch, shape.label, shape.css_class))
        elif isinstance(shape, Line):
            shapes.append(Line(width - shape.x1, shape.y1, width - shape.x2, shape.y2, shape.stroke, shape.width,
                               shape.dashed))
        elif isinstance(shape, Polygon):
            shapes.append(Polygon(tuple((width - x, y) for x, y in shape.points), shape.fill, shape.stroke,
                                  shape.opacity, shape.width))
        elif isinstance(shape, Circle):
            shapes.append(Circle(width - shape.x, shape.y, shape.radius, shape.fill))
        else:
            shapes.append(Text(width - shape.x, shape.y, shape.text, shape.size, flip[shape.anchor],  # type: ignore[arg-type]
                               shape.bold, shape.fill))
    return Scene(scene.width, scene.height, scene.title, scene.description, tuple(shapes), scene.css_class)


# --- SVG ------------------------------------------------------------------------------------------------------

_SVG_ANCHORS = {"left": "start", "middle": "middle", "right": "end"}


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def to_svg(scene: Scene, element_id: str) -> str:
    """Inline SVG markup; ``element_id`` keeps title, description and pattern ids unique on the page."""
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_number(scene.width)} {_number(scene.height)}" '
             f'role="img" aria-labelledby="{element_id}-title {element_id}-desc" direction="ltr" '
             f'class="chart {escape(scene.css_class)}" id="{element_id}">',
             f'<title id="{element_id}-title">{escape(scene.title)}</title>',
             f'<desc id="{element_id}-desc">{escape(scene.description)}</desc>',
             f'<defs><pattern id="{element_id}-{HATCH_ID}" patternUnits="userSpaceOnUse" width="8" height="8" '
             f'patternTransform="rotate(45)"><rect width="8" height="8" fill="none"/>'
             f'<line x1="0" y1="0" x2="0" y2="8" stroke="#222B36" stroke-width="3" stroke-opacity="0.55"/>'
             f'</pattern></defs>']
    for shape in scene.shapes:
        parts.append(_svg_shape(shape, element_id))
    parts.append("</svg>")
    return "".join(parts)


def _svg_shape(shape: Shape, element_id: str) -> str:
    if isinstance(shape, Rect):
        common = (f'x="{_number(shape.x)}" y="{_number(shape.y)}" width="{_number(shape.width)}" '
                  f'height="{_number(shape.height)}"')
        stroke = f' stroke="{shape.stroke}"' if shape.stroke else ""
        css = f' class="{escape(shape.css_class)}"' if shape.css_class else ""
        tooltip = f"<title>{escape(shape.label)}</title>" if shape.label else ""
        markup = f'<rect {common} fill="{shape.fill}"{stroke}{css}>{tooltip}</rect>'
        if shape.hatch:
            markup += (f'<rect {common} fill="url(#{element_id}-{HATCH_ID})" class="hatch" data-low-n="1">'
                       f'{tooltip}</rect>')
        return markup
    if isinstance(shape, Line):
        dash = ' stroke-dasharray="6 4"' if shape.dashed else ""
        return (f'<line x1="{_number(shape.x1)}" y1="{_number(shape.y1)}" x2="{_number(shape.x2)}" '
                f'y2="{_number(shape.y2)}" stroke="{shape.stroke}" stroke-width="{_number(shape.width)}"{dash}/>')
    if isinstance(shape, Polygon):
        points = " ".join(f"{_number(x)},{_number(y)}" for x, y in shape.points)
        return (f'<polygon points="{points}" fill="{shape.fill}" fill-opacity="{shape.opacity}" '
                f'stroke="{shape.stroke}" stroke-width="{_number(shape.width)}"/>')
    if isinstance(shape, Circle):
        return f'<circle cx="{_number(shape.x)}" cy="{_number(shape.y)}" r="{_number(shape.radius)}" fill="{shape.fill}"/>'
    weight = ' font-weight="bold"' if shape.bold else ""
    return (f'<text x="{_number(shape.x)}" y="{_number(shape.y)}" font-size="{_number(shape.size)}" '
            f'text-anchor="{_SVG_ANCHORS[shape.anchor]}" dominant-baseline="central" fill="{shape.fill}"{weight} '
            f'dir="auto">{escape(shape.text)}</text>')


# --- PNG ------------------------------------------------------------------------------------------------------

@lru_cache(maxsize=16)
def _font(size: int, bold: bool):  # type: ignore[no-untyped-def]
    from PIL import ImageFont

    return ImageFont.truetype(str(ASSETS / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")), size)


def _rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)


def to_png(scene: Scene, scale: float = 2.5, *, optimize: bool = True) -> bytes:
    """The same scene as a PNG, ``scale`` pixels per SVG unit (2.5: a 640-unit chart prints 16 cm at 254 dpi);
    ``optimize=False`` trades a larger file for a much faster encoding (documents with many figures)."""
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (round(scene.width * scale), round(scene.height * scale)), PAPER)
    draw = ImageDraw.Draw(image)

    def at(value: float) -> float:
        return value * scale

    for shape in scene.shapes:
        if isinstance(shape, Rect):
            box = (at(shape.x), at(shape.y), at(shape.x + shape.width), at(shape.y + shape.height))
            draw.rectangle(box, fill=_rgb(shape.fill), outline=_rgb(shape.stroke) if shape.stroke else None,
                           width=max(1, round(scale)))
            if shape.hatch:
                _hatch(image, box, scale)
                draw = ImageDraw.Draw(image)
        elif isinstance(shape, Line):
            if shape.dashed:
                _dashed(draw, shape, scale)
            else:
                draw.line((at(shape.x1), at(shape.y1), at(shape.x2), at(shape.y2)), fill=_rgb(shape.stroke),
                          width=max(1, round(shape.width * scale)))
        elif isinstance(shape, Polygon):
            overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
            points = [(at(x), at(y)) for x, y in shape.points]
            ImageDraw.Draw(overlay).polygon(points, fill=(*_rgb(shape.fill), round(255 * shape.opacity)))
            image.alpha_composite(overlay)
            draw = ImageDraw.Draw(image)
            draw.line([*points, points[0]], fill=_rgb(shape.stroke), width=max(1, round(shape.width * scale)))
        elif isinstance(shape, Circle):
            radius = at(shape.radius)
            draw.ellipse((at(shape.x) - radius, at(shape.y) - radius, at(shape.x) + radius, at(shape.y) + radius),
                         fill=_rgb(shape.fill))
        else:
            anchor = {"left": "lm", "middle": "mm", "right": "rm"}[shape.anchor]
            draw.text((at(shape.x), at(shape.y)), shape.text, font=_font(round(shape.size * scale), shape.bold),
                      fill=_rgb(shape.fill), anchor=anchor)
    output = io.BytesIO()
    image.convert("RGB").save(output, format="PNG", optimize=optimize, compress_level=9 if optimize else 3)
    return output.getvalue()


def _hatch(image, box: tuple[float, float, float, float], scale: float) -> None:  # type: ignore[no-untyped-def]
    """Diagonal stripes inside the box, like the SVG pattern."""
    from PIL import Image, ImageDraw

    left, top, right, bottom = (round(value) for value in box)
    width, height = right - left, bottom - top
    if width <= 0 or height <= 0:
        return
    mask = Image.new("L", (width, height), 0)
    pen = ImageDraw.Draw(mask)
    step = max(4, round(8 * scale * 1.41))
    for offset in range(-height, width + height, step):
        pen.line((offset, height, offset + height, 0), fill=140, width=max(2, round(2.2 * scale)))
    image.paste(Image.new("RGBA", (width, height), _rgb(INK)), (left, top), mask)


def _dashed(draw, shape: Line, scale: float) -> None:  # type: ignore[no-untyped-def]
    length = ((shape.x2 - shape.x1) ** 2 + (shape.y2 - shape.y1) ** 2) ** 0.5
    if length == 0:
        return
    position = 0.0
    while position < length:
        end = min(length, position + 6)
        start_x = shape.x1 + (shape.x2 - shape.x1) * position / length
        start_y = shape.y1 + (shape.y2 - shape.y1) * position / length
        end_x = shape.x1 + (shape.x2 - shape.x1) * end / length
        end_y = shape.y1 + (shape.y2 - shape.y1) * end / length
        draw.line((start_x * scale, start_y * scale, end_x * scale, end_y * scale), fill=_rgb(shape.stroke),
                  width=max(1, round(shape.width * scale)))
        position += 10
