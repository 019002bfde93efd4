"""The before/after figure of a training: per question, the share of right answers before and after, side by side.

A scene (exports/charts.py), printed as PNG in the report: two bars per question on a 0–100 axis, a legend below.
"""
from __future__ import annotations

from collections.abc import Sequence

from .charts import GREY, Line, Rect, Scene, Shape, Text, mirrored

BEFORE_COLOUR, AFTER_COLOUR = "#9AA5B1", "#1F4E79"
LABEL_WIDTH, PLOT, BAR, GROUP_GAP = 230, 380, 15, 14


def _short(text: str, limit: int = 30) -> str:
    """A question's label cut to fit beside the bars (the table under the figure has it whole)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def before_after_scene(questions: Sequence[str], before: Sequence[float | None], after: Sequence[float | None], *,
                       title: str, before_name: str, after_name: str, rtl: bool = False) -> Scene:
    """Two bars per question (before, then after), each with its value; a missing share draws no bar and « – »."""
    shapes: list[Shape] = []
    y = 8.0
    for question, moments in zip(questions, zip(before, after)):
        shapes.append(Text(LABEL_WIDTH - 10, y + BAR, _short(question), 12, "right"))
        for value, colour, name in zip(moments, (BEFORE_COLOUR, AFTER_COLOUR), (before_name, after_name)):
            length = PLOT * (value or 0.0) / 100
            if value is not None and length > 0:
                shapes.append(Rect(LABEL_WIDTH, y, length, BAR - 3, colour, label=f"{question} — {name}: {value:.0f} %"))
            shapes.append(Text(LABEL_WIDTH + length + 6, y + BAR / 2 - 1,
                               "–" if value is None else f"{value:.0f} %", 11, "left"))
            y += BAR
        y += GROUP_GAP
    shapes.append(Line(LABEL_WIDTH, 4, LABEL_WIDTH, y - GROUP_GAP + 4, GREY, 1.2))
    legend_x = float(LABEL_WIDTH)
    for colour, name in ((BEFORE_COLOUR, before_name), (AFTER_COLOUR, after_name)):
        shapes.append(Rect(legend_x, y + 2, 12, 12, colour))
        shapes.append(Text(legend_x + 16, y + 8, name, 11))
        legend_x += 150
    scene = Scene(LABEL_WIDTH + PLOT + 60, y + 22, title, f"{before_name} / {after_name}", tuple(shapes),
                  "before-after-chart")
    return mirrored(scene) if rtl else scene
