"""Charts as pictures (the table beside them carries the numbers): horizontal bars, stacked when the chart says so,
drawn with the body's font, right to left when the document is."""
from __future__ import annotations

import io
from typing import Any

from ...domain.languages import decimal_number
from ..report import Chart
from ..typography import ARABIC, clean_text, ellipsized_prefix, picture_font
from .style import CHART_COLOURS, GREY, INK

CHART_MAX_CATEGORIES = 25  # beyond this a picture is unreadable; the table carries the numbers
CHART_WIDTH_PX = 1500  # drawn for 15 cm: 254 dpi


def _fit(draw: Any, text: str, font: Any, width: float) -> str:
    """The text, cut with an ellipsis so it fits the width (the table beside the chart has it whole)."""
    return ellipsized_prefix(" ".join(clean_text(text).split()),
                             lambda candidate: draw.textlength(candidate, font=font) <= width)


def chart_png(chart: Chart, rtl: bool, language: str = "en") -> tuple[bytes, float] | None:
    """Horizontal bars (stacked if the chart says so): PNG bytes and height/width ratio, or None if it can't be drawn."""
    try:
        from PIL import Image, ImageDraw, features
    except ImportError:
        return None
    if not chart.categories or not chart.series or len(chart.categories) > CHART_MAX_CATEGORIES:
        return None
    texts = [*chart.categories, *(series.name for series in chart.series), chart.title]
    arabic = rtl or any(ARABIC.search(text) for text in texts)
    if arabic and not features.check("raqm"):  # without raqm Pillow cannot join Arabic letters
        return None
    font, bold = picture_font(30, arabic), picture_font(30, arabic, True)
    if font is None or bold is None:
        return None
    stacked = chart.kind == "stacked_bar" and len(chart.series) > 1
    series = chart.series if stacked else chart.series[:1]
    values = [[max(0.0, series_item.values[index]) if index < len(series_item.values) else 0.0 for series_item in series]
              for index in range(len(chart.categories))]
    top = max((sum(row) for row in values), default=0.0) or 1.0
    decimals = sum(1 for character in chart.number_format.partition(".")[2] if character == "0")

    row_height, bar_height, margin = 62, 38, 16
    legend_height = 60 if stacked else 0
    height = margin * 2 + row_height * len(chart.categories) + legend_height
    image = Image.new("RGB", (CHART_WIDTH_PX, height), "white")
    draw = ImageDraw.Draw(image)
    label_width = min(max(draw.textlength(" ".join(clean_text(text).split()), font=font) for text in chart.categories) + 20,
                      CHART_WIDTH_PX * 0.38)
    value_width = 0 if stacked else draw.textlength(f"{top:,.{decimals}f}", font=bold) + 24
    plot = CHART_WIDTH_PX - label_width - value_width - margin * 2

    def x(position: float) -> float:  # from the start edge: left in LTR, right in RTL
        return CHART_WIDTH_PX - margin - position if rtl else margin + position

    for index, category in enumerate(chart.categories):
        middle = margin + row_height * index + row_height / 2
        label = _fit(draw, category, font, label_width - 20)
        draw.text((x(label_width - 20), middle), label, font=font, fill=f"#{INK}", anchor="lm" if rtl else "rm")
        start = label_width
        for series_index, value in enumerate(values[index]):
            length = plot * value / top
            if length > 0:
                left, right = sorted((x(start), x(start + length)))
                draw.rectangle((left, middle - bar_height / 2, right, middle + bar_height / 2),
                               fill=f"#{CHART_COLOURS[series_index % len(CHART_COLOURS)]}")
                if stacked and length > 40:
                    text = decimal_number(f"{value:.{decimals}f}", language)
                    if draw.textlength(text, font=font) < length - 8:
                        draw.text(((left + right) / 2, middle), text, font=font, fill="white", anchor="mm")
            start += length
        if not stacked:
            text = decimal_number(f"{values[index][0]:.{decimals}f}", language)
            draw.text((x(start + 12), middle), text, font=bold, fill=f"#{INK}", anchor="rm" if rtl else "lm")
    axis_left, axis_right = sorted((x(label_width), x(label_width)))
    draw.line((axis_left, margin, axis_right, margin + row_height * len(chart.categories)), fill=f"#{GREY}", width=2)
    if stacked:
        legend_y = margin + row_height * len(chart.categories) + legend_height / 2
        position = label_width
        for series_index, series_item in enumerate(series):
            colour = f"#{CHART_COLOURS[series_index % len(CHART_COLOURS)]}"
            left, right = sorted((x(position), x(position + 28)))
            draw.rectangle((left, legend_y - 14, right, legend_y + 14), fill=colour)
            name = _fit(draw, series_item.name, font, 260)
            draw.text((x(position + 40), legend_y), name, font=font, fill=f"#{INK}", anchor="rm" if rtl else "lm")
            position += 40 + draw.textlength(name, font=font) + 40
    output = io.BytesIO()
    image.save(output, format="PNG")
    return output.getvalue(), height / CHART_WIDTH_PX
