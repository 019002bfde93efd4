"""The strategy's two figures as scenes (exports/charts.py), for the documents: the power/interest grid of the actors
(as the deck draws it: four quadrants, numbered dots coloured by alignment, a key) and the problem tree of an axe
(its central problem as the trunk, causes as roots below, effects as branches above).

Texts are wrapped with the committed DejaVu Sans metrics (the font ``to_png`` draws with) and cut at a whole word with
an ellipsis when a box is full; right to left, the grid's key and the tree's boxes read from the right (the plot keeps
its axes: influence grows upwards, interest rightwards, as on every screen).
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from .charts import INK, RULE, Circle, Line, Rect, Scene, Shape, Text
from .report import ActorPoint
from .typography import ellipsized_line, normalise, text_width, wrap_lines

ALIGNMENT = {-2: "#A23B52", -1: "#D9782D", 0: "#8A969C", 1: "#7FA66A", 2: "#2E6B3A"}  # as on the slides
ALIGNMENT_KEYS = {2: "deck_alignment_strongly_supportive", 1: "deck_alignment_supportive", 0: "deck_alignment_neutral",
                  -1: "deck_alignment_opposed", -2: "deck_alignment_strongly_opposed"}
QUADRANTS = {(True, True): ("grid_manage_closely", "#F4D9CF"), (True, False): ("grid_keep_satisfied", "#F9ECCB"),
             (False, True): ("grid_keep_informed", "#DCEBE0"), (False, False): ("grid_monitor", "#E6EAEC")}
GREY = "#8A969C"
NAVY, TEAL = "#1B3A5C", "#1F7A8C"


def _lines(text: str, width: float, size: float, most: int, bold: bool = False) -> list[str]:
    """The text wrapped to ``width`` units at ``size``; past ``most`` lines, the last kept one ends in "…"."""
    lines = wrap_lines(normalise(text), width, size, bold)
    if len(lines) > most:
        lines = lines[:most]
        lines[-1] = ellipsized_line(lines[-1], lambda line: text_width(line, size, bold) <= width)
    return lines


def power_grid_scene(actors: Sequence[ActorPoint], labels: Mapping[str, str], *, rtl: bool = False) -> Scene | None:
    """The grid with every placed actor; None when no actor has both an influence and an interest."""
    placed = [actor for actor in actors if actor.influence is not None and actor.interest is not None]
    if not placed:
        return None
    plot, margin, key_width = 360.0, 44.0, 300.0
    width, height = margin + plot + 24 + key_width, plot + margin + 16
    shapes: list[Shape] = []
    left = margin if not rtl else key_width + 24 + 8
    top = 26.0
    height += 18
    cell = plot / 5

    def x_of(interest: float) -> float:
        return left + (interest - 0.5) * cell

    def y_of(influence: float) -> float:
        return top + plot - (influence - 0.5) * cell

    split = cell * 2  # 2.5 on the 0.5–5.5 scale: 3 and above is high (domain.axes)
    for (high_influence, high_interest), (key, fill) in QUADRANTS.items():
        x = left + (split if high_interest else 0)
        y = top + (0 if high_influence else plot - split)
        w = plot - split if high_interest else split
        h = plot - split if high_influence else split
        shapes.append(Rect(x, y, w, h, fill, "#FFFFFF"))
        shapes.append(Text(x + w / 2, y + 12, labels.get(key, key), 10, "middle", True, "#5F6B7A"))
    for tick in range(1, 6):
        shapes.append(Text(x_of(tick), top + plot + 12, str(tick), 9, "middle", fill="#5F6B7A"))
        shapes.append(Text(left - 10, y_of(tick), str(tick), 9, "right", fill="#5F6B7A"))
    shapes.append(Text(left + plot / 2, top + plot + 30, labels.get("interest", "interest") + " →", 11, "middle", True))
    shapes.append(Text(left - 26, top - 14, "↑ " + labels.get("influence", "influence"), 11, "left", True))
    # Several actors in one cell sit side by side.
    seen: dict[tuple[int, int], int] = {}
    key_lines: list[tuple[str, str, str]] = []
    number = 0
    for actor in actors:
        role = f" — {actor.role}" if actor.role else ""
        if actor.influence is None or actor.interest is None:
            key_lines.append(("", f"{actor.name}{role} — {labels.get('deck_not_placed', 'not placed')}", GREY))
            continue
        number += 1
        spot = (actor.interest, actor.influence)
        order = seen.get(spot, 0)
        seen[spot] = order + 1
        colour = ALIGNMENT.get(actor.alignment, GREY) if actor.alignment is not None else GREY
        cx = x_of(actor.interest) + (order % 3 - 1) * 20
        cy = y_of(actor.influence) + (order // 3) * 20
        shapes.append(Circle(cx, cy, 9, colour))
        shapes.append(Text(cx, cy, str(number), 9, "middle", True, "#FFFFFF"))
        key_lines.append((str(number), f"{actor.name}{role}", colour))
    # The key: numbers and names, then what the colours mean.
    key_left = left + plot + 24 if not rtl else 8
    y = top + 8
    for label, text, colour in key_lines[:18]:
        lines = _lines(text, key_width - 28, 10, 2)
        if rtl:
            if label:
                shapes.append(Circle(key_left + key_width - 10, y, 8, colour))
                shapes.append(Text(key_left + key_width - 10, y, label, 8, "middle", True, "#FFFFFF"))
            for index, line in enumerate(lines):
                shapes.append(Text(key_left + key_width - 24, y + index * 13, line, 10, "right"))
        else:
            if label:
                shapes.append(Circle(key_left + 8, y, 8, colour))
                shapes.append(Text(key_left + 8, y, label, 8, "middle", True, "#FFFFFF"))
            for index, line in enumerate(lines):
                shapes.append(Text(key_left + 24, y + index * 13, line, 10, "left"))
        y += 13 * len(lines) + 6
    if len(key_lines) > 18:
        shapes.append(Text(key_left + (key_width - 8 if rtl else 8), y, f"+{len(key_lines) - 18}", 10,
                           "right" if rtl else "left", True))
        y += 18
    y = max(y + 6, top + plot - 5 * 16)
    for alignment in (2, 1, 0, -1, -2):
        x = key_left + key_width - 8 if rtl else key_left + 8
        shapes.append(Circle(x, y, 5, ALIGNMENT[alignment]))
        shapes.append(Text(x - 14 if rtl else x + 14, y, labels.get(ALIGNMENT_KEYS[alignment], ""), 9,
                           "right" if rtl else "left", fill="#5F6B7A"))
        y += 16
    height = max(height, y + 8)
    names = ", ".join(f"{actor.name} ({actor.influence}/{actor.interest})" for actor in placed)
    return Scene(width, height, labels.get("deck_power_interest", "power/interest grid"), names, tuple(shapes))


def problem_tree_scene(problem: str, causes: Sequence[str], effects: Sequence[str], labels: Mapping[str, str], *,
                       rtl: bool = False) -> Scene | None:
    """Effects above, the central problem in the middle, causes below; None without a central problem."""
    if not normalise(problem):
        return None
    width = 640.0
    size = 10.0
    shapes: list[Shape] = []

    def row(texts: Sequence[str], top: float, fill: str, ink: str) -> float:
        """Boxes side by side (at most four a row, more rows below); returns the bottom."""
        shown = [text for text in texts if normalise(text)][:8]
        if not shown:
            return top
        per_row = min(4, len(shown))
        gap = 10.0
        box_width = (width - 20 - gap * (per_row - 1)) / per_row
        bottom = top
        for start in range(0, len(shown), per_row):
            chunk = shown[start:start + per_row]
            wrapped = [_lines(text, box_width - 12, size, 4) for text in chunk]
            box_height = 10 + 13 * max(len(lines) for lines in wrapped)
            for index, lines in enumerate(wrapped):
                position = index if not rtl else per_row - 1 - index
                x = 10 + position * (box_width + gap)
                shapes.append(Rect(x, bottom, box_width, box_height, fill))
                for number, line in enumerate(lines):
                    shapes.append(Text(x + box_width / 2, bottom + 11 + number * 13, line, size, "middle", fill=ink))
                centres.append((x + box_width / 2, bottom, bottom + box_height))
            bottom += box_height + gap
        return bottom - gap

    centres: list[tuple[float, float, float]] = []
    y = 8.0
    shapes.append(Text(10 if not rtl else width - 10, y + 6, labels.get("effects", "effects"), 10,
                       "left" if not rtl else "right", True, TEAL))
    y += 18
    effects_bottom = row(effects, y, "#DCEBE0", INK)
    effect_boxes = list(centres)
    centres.clear()
    trunk_top = effects_bottom + 26 if effect_boxes else y
    trunk_lines = _lines(problem, width - 120, 12, 4, True)
    trunk_height = 14 + 16 * len(trunk_lines)
    shapes.append(Rect(60, trunk_top, width - 120, trunk_height, NAVY))
    for number, line in enumerate(trunk_lines):
        shapes.append(Text(width / 2, trunk_top + 15 + number * 16, line, 12, "middle", True, "#FFFFFF"))
    for cx, _top, bottom in effect_boxes:
        shapes.append(Line(cx, bottom, width / 2, trunk_top, RULE, 1.5))
    causes_top = trunk_top + trunk_height + 26
    shapes.append(Text(10 if not rtl else width - 10, causes_top + 6, labels.get("causes", "causes"), 10,
                       "left" if not rtl else "right", True, TEAL))
    causes_bottom = row(causes, causes_top + 18, "#F9ECCB", INK)
    for cx, top, _bottom in centres:
        shapes.append(Line(cx, top, width / 2, trunk_top + trunk_height, RULE, 1.5))
    height = max(causes_bottom, causes_top + 18) + 10
    description = " — ".join(filter(None, [problem, "; ".join(causes), "; ".join(effects)]))
    return Scene(width, height, labels.get("problem_trees", "problem tree"), description, tuple(shapes))
