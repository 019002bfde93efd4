"""CSV files of one activity, for French-locale Excel: UTF-8 with a BOM, ';' between cells, formulas defused.

The rule both data exports share lives here too: ``escape_formula`` (a cell that a spreadsheet would run as a
formula); characters no Office file may hold are cleaned by typography.clean_text.
"""
from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterable, Mapping, Sequence

from .labels import Labels
from .report import ActivityReport, IdeaRecord, RoomReport, VoteRecord
from .typography import clean_text

ENCODING = "utf-8-sig"  # the BOM tells Excel the file is UTF-8; without it, French Excel reads Windows-1252
DELIMITER = ";"  # French Excel splits on ';' (',' is the decimal separator)

# A cell starting with one of these is run as a formula by Excel and LibreOffice (OWASP "CSV injection"): a tab
# or carriage return also counts, because Excel strips it and then reads what follows.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def escape_formula(text: str) -> str:
    """A leading apostrophe for text a spreadsheet would read as a formula: Excel shows it, and runs nothing."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _cell(value: object) -> str:
    if isinstance(value, (int, float)):
        return str(value)
    return escape_formula(clean_text("" if value is None else str(value)))


def write_csv(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """One table as CSV bytes: every text cell cleaned and escaped, numbers as they are."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=DELIMITER, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([_cell(header) for header in headers])
    for row in rows:
        writer.writerow([_cell(value) for value in row])
    return buffer.getvalue().encode(ENCODING)


def idea_headers(labels: Mapping[str, str]) -> tuple[str, ...]:
    return (labels["data_idea_id"], labels["idea"], labels["cluster"], labels["hidden"], labels["data_merged_into"],
            labels["data_participant"], labels["data_created_at"])


def idea_row(idea: IdeaRecord, labels: Mapping[str, str]) -> tuple[object, ...]:
    return (idea.id, idea.text, idea.cluster or labels["unclustered"], labels["yes"] if idea.hidden else labels["no"],
            idea.merged_into if idea.merged_into is not None else "", idea.participant, idea.created_at)


def vote_headers(labels: Mapping[str, str]) -> tuple[str, ...]:
    return (labels["data_participant"], labels["item"], labels["data_criterion"], labels["points"],
            labels["organisation_type"], labels["region"])


def vote_row(vote: VoteRecord) -> tuple[object, ...]:
    """One vote with its voter's organisation type and region, so any group view can be rebuilt from the data."""
    return vote.participant, vote.item, vote.criterion, vote.points, vote.organisation_type, vote.region


def visible_ideas(activity: ActivityReport, include_hidden: bool) -> tuple[IdeaRecord, ...]:
    return tuple(idea for idea in activity.ideas if include_hidden or not idea.hidden)


def with_fallback(labels: Mapping[str, str] | None) -> Labels:
    """The report's labels over the untranslated English ones (see ``Labels``)."""
    return Labels(labels)


def render_csv(activity: ActivityReport, include_hidden: bool = False, labels: Mapping[str, str] | None = None) -> bytes:
    """The activity's ideas, one row per idea; hidden ideas only when asked for. Pass ``report.labels``."""
    labels = with_fallback(labels)
    return write_csv(idea_headers(labels), (idea_row(idea, labels) for idea in visible_ideas(activity, include_hidden)))


def render_votes_csv(activity: ActivityReport, labels: Mapping[str, str] | None = None) -> bytes:
    """The activity's ballots, one row per allocation (participant, item, criterion, points)."""
    return write_csv(vote_headers(with_fallback(labels)), (vote_row(vote) for vote in activity.votes))


def render_result_csv(activity: ActivityReport) -> bytes | None:
    """The activity's result table as it is shown (ranks, scores), or None when it has none."""
    if activity.table is None:
        return None
    return write_csv(activity.table.headers, activity.table.rows)


def csv_name(activity: ActivityReport, suffix: str) -> str:
    """A file name that sorts in running order and survives every file system: ``03-dot_voting-votes.csv``."""
    kind = re.sub(r"[^a-z0-9_]+", "_", activity.type.lower()).strip("_") or "activity"
    return f"{activity.id:03d}-{kind}-{suffix}.csv"


def render_room_csv_zip(room: RoomReport, include_hidden: bool = False, labels: Mapping[str, str] | None = None) -> bytes:
    """Every activity of a room as CSV files in one zip: ideas, votes and result table, when each has any."""
    labels = with_fallback(labels)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for activity in room.activities:
            if activity.ideas:
                archive.writestr(csv_name(activity, "ideas"), render_csv(activity, include_hidden, labels))
            if activity.votes:
                archive.writestr(csv_name(activity, "votes"), render_votes_csv(activity, labels))
            result = render_result_csv(activity)
            if result is not None:
                archive.writestr(csv_name(activity, "results"), result)
    return buffer.getvalue()
