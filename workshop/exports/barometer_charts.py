"""The barometer's charts as scenes (charts.py): scoreboard, tile map, radar, law/perception/use gap, Likert bars,
trends and the policy timeline. The dashboard prints them as SVG, the reports as PNG: one drawing for both."""
from __future__ import annotations

import math

from .barometer_report import BarometerReport, ScoreCell
from .charts import GREY, INK, RULE, Circle, Line, Polygon, Rect, Scene, Shape, Text, mirrored

# A diverging scale that reads in grey print and for red-green colour blindness: rust (0) → sand (50) → teal (100).
LOW, MIDDLE, HIGH = (0xB5, 0x54, 0x3C), (0xF2, 0xE3, 0xB3), (0x1F, 0x7A, 0x8C)
EMPTY = "#E6E9ED"
SECTOR_COLOURS = {"sante": "#1F7A8C", "education": "#E0A526", "justice": "#6B4E9B"}
GAP_COLOURS = {"legal": "#1B3A5C", "perception": "#8FB8C4", "usage": "#E0A526"}
LIKERT_COLOURS = {"tres_facile": "#1F7A8C", "facile": "#8FC1CC", "difficile": "#E8A98F", "tres_difficile": "#B5543C",
                  "nsp": "#C9D1DA"}
UP, DOWN = "#2E7D32", "#B5543C"
# One tile per region, placed roughly as the regions lie (column, row); no border is drawn.
TILES = {
    "tanger_tetouan_al_hoceima": (1, 0), "oriental": (2, 0), "rabat_sale_kenitra": (0, 1), "fes_meknes": (1, 1),
    "casablanca_settat": (0, 2), "beni_mellal_khenifra": (1, 2), "draa_tafilalet": (2, 2), "marrakech_safi": (0, 3),
    "souss_massa": (1, 3), "guelmim_oued_noun": (0, 4), "laayoune_sakia_el_hamra": (0, 5),
    "dakhla_oued_ed_dahab": (0, 6),
}


def score_colour(score: float | None) -> str:
    if score is None:
        return EMPTY
    share = max(0.0, min(1.0, score / 100))
    start, end, local = (LOW, MIDDLE, share * 2) if share < 0.5 else (MIDDLE, HIGH, share * 2 - 1)
    return "#" + "".join(f"{round(a + (b - a) * local):02X}" for a, b in zip(start, end))


def ink_on(score: float | None) -> str:
    """White on the dark ends of the scale, ink in the middle."""
    return "#FFFFFF" if score is not None and (score < 22 or score > 72) else INK


def _maybe_mirror(report: BarometerReport, scene: Scene) -> Scene:
    return mirrored(scene) if report.direction == "rtl" else scene


def _cell_text(report: BarometerReport, cell: ScoreCell | None) -> str:
    if cell is None or cell.score is None:
        return report.word("flag_nd")
    text = report.number(cell.score, 0)
    return text + "‡" if cell.flag == "low_n" else text


def _cell_label(report: BarometerReport, region: str, sector: str, cell: ScoreCell | None) -> str:
    parts = [report.region_name(region), report.sector_name(sector), _cell_text(report, cell)]
    if cell is not None and cell.n is not None:
        parts.append(f"n = {cell.n}")
    if cell is not None and cell.change is not None:
        parts.append(report.number(cell.change, 1, signed=True))
    if cell is not None and cell.flag == "low_n":
        parts.append(report.word("flag_low_n"))
    return " — ".join(parts)


def scoreboard(report: BarometerReport) -> Scene:
    """Regions × sectors: the score, hatched under the minimum n, and its change since the last edition."""
    label_width, column, row, top = 210, 120, 30, 34
    sectors = report.sectors
    width = label_width + column * len(sectors) + 10
    shapes: list[Shape] = []
    for index, (key, name) in enumerate(sectors):
        shapes.append(Text(label_width + column * index + column / 2, top / 2, name, 13, "middle", bold=True))
    for row_index, (region, name) in enumerate(report.regions):
        y = top + row * row_index
        national = region == "national"
        if national:
            y += 8
            shapes.append(Line(0, y - 4, width, y - 4, INK, 1.5))
        shapes.append(Text(label_width - 10, y + row / 2, name, 12, "right", bold=national))
        for index, (sector, _name) in enumerate(sectors):
            cell = report.cell(region, sector)
            x = label_width + column * index
            score = cell.score if cell else None
            low_n = bool(cell and cell.flag == "low_n")
            shapes.append(Rect(x + 2, y + 2, column - 4, row - 4, score_colour(score), hatch=low_n,
                               label=_cell_label(report, region, sector, cell),
                               css_class=f"cell cell-{region}-{sector}" + (" low-n" if low_n else "")))
            text = _cell_text(report, cell)
            if cell is not None and cell.change is not None:
                arrow = "▲" if cell.change > 0.05 else "▼" if cell.change < -0.05 else "="
                text += f"  {arrow}{report.number(abs(cell.change), 0)}"
            if cell is not None and cell.flag == "low_n":  # the value stays readable over the stripes
                shapes.append(Rect(x + 16, y + 7, column - 32, row - 14, "#FFFFFF"))
            shapes.append(Text(x + column / 2, y + row / 2, text, 12, "middle", bold=True,
                               fill=INK if cell is not None and cell.flag == "low_n" else ink_on(score)))
    height = top + row * len(report.regions) + 14
    description = report.word("low_n_note", min_n=report.min_n)
    return _maybe_mirror(report, Scene(width, height, report.word("chart_scoreboard"), description, tuple(shapes),
                                       "scoreboard"))


def _tiles(report: BarometerReport, sector: str, left: float, top: float, size: float) -> list[Shape]:
    gap = 4
    shapes: list[Shape] = [Text(left + 2, top - 12, report.sector_name(sector), 13, "left", bold=True)]
    for region, (column, row) in TILES.items():
        cell = report.cell(region, sector)
        score = cell.score if cell else None
        low_n = bool(cell and cell.flag == "low_n")
        x, y = left + column * (size + gap), top + row * (size + gap)
        shapes.append(Rect(x, y, size, size, score_colour(score), hatch=low_n,
                           label=_cell_label(report, region, sector, cell), css_class=f"tile tile-{region}"))
        if low_n:
            shapes.append(Rect(x + 6, y + 5, size - 12, size - 10, "#FFFFFF"))
        ink = INK if low_n else ink_on(score)
        # « Tanger » for Tanger-Tétouan-Al Hoceïma: the tile's place says the rest, the tooltip has it whole.
        shapes.append(Text(x + size / 2, y + 16, report.word(f"region_short_{region}"), 9, "middle", fill=ink))
        shapes.append(Text(x + size / 2, y + 40, _cell_text(report, cell), 15, "middle", bold=True, fill=ink))
    return shapes


def tile_map(report: BarometerReport, sector: str) -> Scene:
    """One tile per region, coloured by the sector's score; no border is drawn, only the regions' places."""
    size, top = 64, 26
    return Scene(3 * (size + 4), top + 7 * (size + 4), f"{report.word('chart_map')} — {report.sector_name(sector)}",
                 report.word("low_n_note", min_n=report.min_n), tuple(_tiles(report, sector, 0, top, size)),
                 "tile-map")


def tile_maps(report: BarometerReport) -> Scene:
    """The three sectors' tile maps side by side."""
    size, top, spacing = 58, 26, 3 * 62 + 30
    shapes: list[Shape] = []
    for index, (sector, _name) in enumerate(report.sectors):
        shapes.extend(_tiles(report, sector, index * spacing, top, size))
    return Scene(spacing * len(report.sectors) - 30, top + 7 * 62, report.word("chart_map"),
                 report.word("low_n_note", min_n=report.min_n), tuple(shapes), "tile-maps")


def radar(report: BarometerReport, region: str) -> Scene:
    """The four dimensions of each sector in one region, one polygon per sector, national dashed behind."""
    size, centre, radius = 360, 280, 118
    dimensions = report.dimensions
    shapes: list[Shape] = []
    angles = [-math.pi / 2 + 2 * math.pi * index / len(dimensions) for index in range(len(dimensions))]

    def point(angle: float, score: float) -> tuple[float, float]:
        return centre + radius * score / 100 * math.cos(angle), 190 + radius * score / 100 * math.sin(angle)

    for level in (25, 50, 75, 100):
        ring = tuple(point(angle, level) for angle in angles)
        shapes.append(Polygon(ring, "#FFFFFF", RULE, 0.0, 1.0))
    for angle, (key, name) in zip(angles, dimensions):
        shapes.append(Line(*point(angle, 0), *point(angle, 100), RULE, 1.0))
        x, y = point(angle, 122)
        anchor = "middle" if abs(math.cos(angle)) < 0.3 else ("left" if math.cos(angle) > 0 else "right")
        lines = _two_lines(name.split(" (")[0], 16)
        for number, line in enumerate(lines):
            shapes.append(Text(x, y + (number - (len(lines) - 1) / 2) * 13, line, 11, anchor,  # type: ignore[arg-type]
                               bold=True))
    legend_y = size + 20
    for index, (sector, name) in enumerate(report.sectors):
        values = [report.cell(region, sector, key) for key, _name in dimensions]
        if all(cell is not None and cell.score is not None for cell in values):
            shapes.append(Polygon(tuple(point(angle, cell.score) for angle, cell in zip(angles, values)),  # type: ignore[union-attr,arg-type]
                                  SECTOR_COLOURS[sector], SECTOR_COLOURS[sector], 0.18, 2.2))
        else:
            for angle, cell in zip(angles, values):
                if cell is not None and cell.score is not None:
                    shapes.append(Circle(*point(angle, cell.score), 4, SECTOR_COLOURS[sector]))
        shapes.append(Rect(110 + index * 125, legend_y - 6, 12, 12, SECTOR_COLOURS[sector]))
        shapes.append(Text(126 + index * 125, legend_y, name, 11))
    title = report.word("chart_radar", region=report.region_name(region))
    return Scene(2 * centre, size + 40, title, report.word("legend_nd"), tuple(shapes), f"radar radar-{region}")


def gap_chart(report: BarometerReport) -> Scene:
    """Per sector: the law's score against perception and use — the distance between rights and access."""
    label_width, bar, group_gap, plot = 120, 16, 16, 380
    kinds = ("legal", "perception", "usage")
    shapes: list[Shape] = []
    y = 8
    for sector, name in report.sectors:
        shapes.append(Text(label_width - 10, y + bar * 1.5, name, 13, "right", bold=True))
        for kind in kinds:
            value = report.gaps.get(sector, {}).get(kind)
            if value is not None:
                shapes.append(Rect(label_width, y, plot * value / 100, bar - 3, GAP_COLOURS[kind],
                                   label=f"{name} — {report.word('gap_' + kind)}: {report.number(value, 0)}"))
            shapes.append(Text(label_width + (plot * value / 100 if value is not None else 0) + 6, y + bar / 2 - 1,
                               report.number(value, 0), 11, "left"))
            y += bar
        y += group_gap
    shapes.append(Line(label_width, 4, label_width, y - group_gap + 4, GREY, 1.2))
    legend_x = label_width
    for kind in kinds:
        shapes.append(Rect(legend_x, y + 2, 12, 12, GAP_COLOURS[kind]))
        shapes.append(Text(legend_x + 16, y + 8, report.word("gap_" + kind), 11))
        legend_x += 130
    scene = Scene(label_width + plot + 50, y + 22, report.word("chart_gap"), report.word("chart_gap"), tuple(shapes),
                  "gap-chart")
    return _maybe_mirror(report, scene)


def likert(report: BarometerReport, region: str = "national") -> Scene:
    """Each perception question's answers as one 100 % bar, from very easy to very difficult, then « don't know »."""
    label_width, plot, bar = 250, 340, 30
    order = ("tres_facile", "facile", "difficile", "tres_difficile", "nsp")
    shapes: list[Shape] = []
    y = 6
    rows = [(indicator, report.cell(region, indicator.sector, indicator.dimension, indicator.key))
            for indicator in report.indicators if indicator.kind == "perception"]
    for indicator, cell in rows:
        counts = dict(cell.distribution) if cell else {}
        total = sum(counts.values())
        for line_number, line in enumerate(_two_lines(indicator.label, 46)):
            shapes.append(Text(label_width - 8, y + 8 + line_number * 12, line, 9.5, "right"))
        x = float(label_width)
        for choice in order:
            count = counts.get(choice, 0)
            if total and count:
                length = plot * count / total
                shapes.append(Rect(x, y + 2, length, bar - 4, LIKERT_COLOURS[choice],
                                   label=f"{report.word('answer_' + choice)}: {count}/{total}"))
                if length > 26:
                    shapes.append(Text(x + length / 2, y + bar / 2, f"{round(100 * count / total)}", 10, "middle",
                                       fill="#FFFFFF" if choice in ("tres_facile", "tres_difficile") else INK))
                x += length
        shapes.append(Text(label_width + plot + 6, y + bar / 2, f"n = {total}", 10))
        y += bar
    legend_x = 10.0
    for choice in order:
        shapes.append(Rect(legend_x, y + 10, 12, 12, LIKERT_COLOURS[choice]))
        word = report.word("answer_" + choice)
        shapes.append(Text(legend_x + 16, y + 16, word, 10.5))
        legend_x += 30 + 6.5 * len(word)
    scene = Scene(label_width + plot + 60, y + 30, report.word("chart_likert"), report.word("chart_likert"),
                  tuple(shapes), "likert")
    return _maybe_mirror(report, scene)


def _two_lines(text: str, width: int) -> list[str]:
    """At most two lines of about ``width`` characters, cut at a space, the second ending in « … » if too long."""
    words, lines, current = text.split(), [], ""
    for word in words:
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
            if len(lines) == 2:
                break
        else:
            current = f"{current} {word}".strip()
    else:
        lines.append(current)
        return lines[:2] if len(lines) <= 2 else [lines[0], lines[1][: width - 1] + "…"]
    return [lines[0], (lines[1][: width - 1]).rstrip() + "…"]


def trend(report: BarometerReport) -> Scene:
    """National sector scores over the editions (a dot per edition; a line once there are two)."""
    left, top, plot_width, plot_height = 70, 14, 400, 180
    editions = report.trends
    shapes: list[Shape] = []
    for level in (0, 25, 50, 75, 100):
        y = top + plot_height * (1 - level / 100)
        shapes.append(Line(left, y, left + plot_width, y, RULE, 1))
        shapes.append(Text(left - 6, y, str(level), 10, "right", fill=GREY))
    step = plot_width / max(1, len(editions) - 1) if len(editions) > 1 else 0
    for index, (title, _scores) in enumerate(editions):
        x = left + (step * index if len(editions) > 1 else plot_width / 2)
        shapes.append(Text(x, top + plot_height + 14, title, 10, "middle"))
    for sector, name in report.sectors:
        points = []
        for index, (_title, scores) in enumerate(editions):
            value = scores.get(sector)
            if value is not None:
                x = left + (step * index if len(editions) > 1 else plot_width / 2)
                points.append((x, top + plot_height * (1 - value / 100)))
        for start, end in zip(points, points[1:]):
            shapes.append(Line(*start, *end, SECTOR_COLOURS[sector], 2.5))
        for x, y in points:
            shapes.append(Circle(x, y, 4.5, SECTOR_COLOURS[sector]))
    for index, (sector, name) in enumerate(report.sectors):
        shapes.append(Rect(left + index * 130, top + plot_height + 32, 12, 12, SECTOR_COLOURS[sector]))
        shapes.append(Text(left + index * 130 + 16, top + plot_height + 38, name, 11))
    return Scene(left + plot_width + 70, top + plot_height + 52, report.word("chart_trend"),
                 report.word("chart_trend"), tuple(shapes), "trend")


def timeline(report: BarometerReport) -> Scene:
    """Policy events on a time line: ▲ progress above, ▼ setback below, numbered as in the list beside it."""
    left, width, middle = 20, 600, 70
    events = report.timeline
    shapes: list[Shape] = [Line(left, middle, left + width, middle, GREY, 2)]
    if events:
        years = [int(event.date[:4]) for event in events]
        first, last = min(years), max(years) + 1
        span = max(1, last - first)
        for year in range(first, last + 1):
            x = left + width * (year - first) / span
            shapes.append(Line(x, middle - 5, x, middle + 5, GREY, 1))
            shapes.append(Text(x, middle + 16, str(year), 10, "middle", fill=GREY))
        for number, event in enumerate(events, start=1):
            year, month = int(event.date[:4]), int(event.date[5:7] or 1)
            x = left + width * (year - first + (month - 1) / 12) / span
            up = event.direction == "+"
            y = middle - 34 - (number % 2) * 16 if up else middle + 34 + (number % 2) * 16
            colour = UP if up else DOWN
            shapes.append(Line(x, middle, x, y, colour, 1.2))
            shapes.append(Circle(x, y, 9, colour))
            shapes.append(Text(x, y, str(number), 10, "middle", bold=True, fill="#FFFFFF"))
    return _maybe_mirror(report, Scene(left * 2 + width, 150, report.word("section_timeline"),
                                       report.word("method_events"), tuple(shapes), "timeline"))
