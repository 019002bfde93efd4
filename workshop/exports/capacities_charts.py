"""The capacity assessment's charts as scenes (charts.py): the heatmap organisations × domains and one radar per
organisation (initial against follow-up, with the target). The console prints them as SVG, the documents as PNG."""
from __future__ import annotations

import math

from .capacities_report import CapacityReport, Profile
from .charts import GREY, INK, RULE, Line, Polygon, Rect, Scene, Shape, Text, mirrored

EMPTY = "#E6E9ED"
# Rust (1, emerging) → sand → teal (4, mature): reads in grey print and for red-green colour blindness.
LOW, MIDDLE, HIGH = (0xB5, 0x54, 0x3C), (0xF2, 0xE3, 0xB3), (0x1F, 0x7A, 0x8C)
INITIAL, FOLLOW_UP, TARGET = "#1F7A8C", "#E0A526", "#7A8794"


def level_colour(score: float | None) -> str:
    if score is None:
        return EMPTY
    share = max(0.0, min(1.0, (score - 1) / 3))
    start, end, local = (LOW, MIDDLE, share * 2) if share < 0.5 else (MIDDLE, HIGH, share * 2 - 1)
    return "#" + "".join(f"{round(a + (b - a) * local):02X}" for a, b in zip(start, end))


def _ink(score: float | None) -> str:
    return "#FFFFFF" if score is not None and (score < 1.7 or score > 3.3) else INK


def _short(text: str, length: int) -> str:
    return text if len(text) <= length else text[:length - 1] + "…"


def heatmap(report: CapacityReport) -> Scene:
    """One row per organisation, one column per domain, the latest round's score in each cell."""
    label_width, cell_width, cell_height, head = 250, 74, 34, 84
    shapes: list[Shape] = []
    for column, (_key, name) in enumerate(report.domains):
        x = label_width + column * cell_width + cell_width / 2
        words = _short(name, 26).split(" ")
        lines, line = [], ""
        for word in words:
            if len(line) + len(word) > 11 and line:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}".strip()
        lines.append(line)
        for number, text in enumerate(lines[-4:]):
            shapes.append(Text(x, head - 12 - (len(lines[-4:]) - 1 - number) * 12, text, 9, "middle", bold=True))
    for row, profile in enumerate(report.profiles):
        y = head + row * cell_height
        shapes.append(Text(label_width - 8, y + cell_height / 2, _short(profile.name, 32), 11, "right", bold=True))
        for column, domain in enumerate(profile.domains):
            x = label_width + column * cell_width
            shapes.append(Rect(x + 1, y + 1, cell_width - 2, cell_height - 2, level_colour(domain.score),
                               label=f"{profile.name} — {domain.name} — {report.number(domain.score)}"))
            shapes.append(Text(x + cell_width / 2, y + cell_height / 2, report.number(domain.score, 1), 12,
                               "middle", bold=domain.need, fill=_ink(domain.score)))
    width = label_width + cell_width * len(report.domains) + 10
    height = head + cell_height * max(1, len(report.profiles)) + 10
    scene = Scene(width, height, report.word("cap_heatmap_title"), report.word("cap_heatmap_note"), tuple(shapes),
                  "capacity-heatmap")
    return mirrored(scene) if report.direction == "rtl" else scene


def radar(report: CapacityReport, profile: Profile) -> Scene:
    """The domains around a circle, 1 at the centre and 4 at the edge: target (grey), initial, follow-up."""
    centre_x, centre_y, radius = 330, 250, 160
    count = len(profile.domains)
    angles = [-math.pi / 2 + 2 * math.pi * index / count for index in range(count)]

    def point(angle: float, level: float) -> tuple[float, float]:
        share = (level - 1) / 3 * 0.85 + 0.15  # level 1 is a small ring, not a dot
        return centre_x + radius * share * math.cos(angle), centre_y + radius * share * math.sin(angle)

    shapes: list[Shape] = []
    for level in (1, 2, 3, 4):
        shapes.append(Polygon(tuple(point(angle, level) for angle in angles), "#FFFFFF", RULE, 0.0, 1.0))
        shapes.append(Text(centre_x + 4, point(-math.pi / 2, level)[1] - 7, str(level), 9, fill=GREY))
    for angle, domain in zip(angles, profile.domains):
        shapes.append(Line(*point(angle, 1), *point(angle, 4), RULE, 1.0))
        x, y = point(angle, 4.75)
        anchor = "middle" if abs(math.cos(angle)) < 0.3 else ("left" if math.cos(angle) > 0 else "right")
        shapes.append(Text(x, y, _short(domain.name, 24), 10, anchor, bold=domain.need))  # type: ignore[arg-type]
    shapes.append(Polygon(tuple(point(angle, domain.target) for angle, domain in zip(angles, profile.domains)),
                          "#FFFFFF", TARGET, 0.0, 1.4))
    for values, colour, opacity in (([domain.initial for domain in profile.domains], INITIAL, 0.22),
                                    ([domain.follow_up for domain in profile.domains], FOLLOW_UP, 0.08)):
        if any(value is not None for value in values):
            # A domain nobody scored sits at the centre, so the polygon stays closed and honest about it.
            shapes.append(Polygon(tuple(point(angle, value if value is not None else 1)
                                        for angle, value in zip(angles, values)), colour, colour, opacity, 2.2))
    legend_y = 2 * centre_y - 10
    for index, (colour, key) in enumerate(((INITIAL, "cap_col_initial"), (FOLLOW_UP, "cap_col_follow_up"),
                                           (TARGET, "cap_col_target"))):
        shapes.append(Rect(150 + index * 140, legend_y - 6, 12, 12, colour))
        shapes.append(Text(166 + index * 140, legend_y, report.word(key), 11))
    scene = Scene(2 * centre_x, 2 * centre_y + 10, report.word("cap_radar_title", organisation=profile.name),
                  report.word("cap_radar_note"), tuple(shapes), "capacity-radar")
    return mirrored(scene) if report.direction == "rtl" else scene
