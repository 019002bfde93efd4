"""Fill the edition's XLSForm as a field team would, and write the export KoboToolbox gives back (XLSX or CSV)."""
from __future__ import annotations

import csv
import io
import random
from collections.abc import Iterator, Sequence

from openpyxl import Workbook, load_workbook

# Respondents per region: a few big regions, several under the minimum n of 30, some with nobody.
SAMPLE_SIZES = {"casablanca_settat": 90, "rabat_sale_kenitra": 70, "oriental": 55, "tanger_tetouan_al_hoceima": 40,
                "fes_meknes": 32, "souss_massa": 24, "marrakech_safi": 18, "beni_mellal_khenifra": 6}
PERCEPTION = ("tres_facile", "facile", "difficile", "tres_difficile", "nsp")


def read_form(content: bytes) -> tuple[list[dict], dict[str, list[str]]]:
    """The survey rows and the choice names per list of an XLSForm."""
    workbook = load_workbook(io.BytesIO(content))
    survey_rows = list(workbook["survey"].iter_rows(values_only=True))
    survey = [dict(zip(survey_rows[0], row)) for row in survey_rows[1:]]
    choices: dict[str, list[str]] = {}
    choice_rows = list(workbook["choices"].iter_rows(values_only=True))
    for row in choice_rows[1:]:
        record = dict(zip(choice_rows[0], row))
        choices.setdefault(record["list_name"], []).append(record["name"])
    return survey, choices


def question_paths(survey: list[dict]) -> Iterator[tuple[str, dict]]:
    """(Kobo's header: group path joined by "/", survey row) for each question."""
    groups: list[str] = []
    for row in survey:
        if row["type"] == "begin_group":
            groups.append(row["name"])
        elif row["type"] == "end_group":
            groups.pop()
        else:
            yield "/".join([*groups, row["name"]]), row


def fill(form: bytes, sizes: dict[str, int] | None = None, seed: int = 7) -> tuple[list[str], list[list[object]]]:
    """Headers and rows of an export: every question answered by choice name, usage skipped without the need."""
    survey, _choices = read_form(form)
    rng = random.Random(seed)
    questions = list(question_paths(survey))
    headers = ["start", "end", *(path for path, _row in questions), "_id", "_uuid", "_submission_time", "_index"]
    rows: list[list[object]] = []
    number = 0
    for region, count in (sizes or SAMPLE_SIZES).items():
        for _ in range(count):
            number += 1
            values: dict[str, object] = {}
            for path, row in questions:
                name, kind = row["name"], row.get("ws_kind")
                if name == "region":
                    values[path] = region
                elif name == "status":
                    values[path] = rng.choice(["regularise", "irregulier", "refugie", "demandeur_asile", "non_dit"])
                elif name == "sex":
                    values[path] = rng.choice(["femme", "homme", "femme", "homme", "non_dit"])
                elif name.startswith("besoin_"):
                    values[path] = "oui" if rng.random() < 0.7 else "non"
                elif kind == "perception":
                    # Health a little easier than justice, so sectors differ.
                    weights = {"sante": (2, 4, 3, 1, 1), "education": (2, 3, 3, 2, 1), "justice": (1, 2, 4, 3, 2)}
                    values[path] = rng.choices(PERCEPTION, weights=weights[row["ws_sector"]])[0]
                elif kind == "usage":
                    need = next(p for p, r in questions if r["name"] == f"besoin_{row['ws_sector']}")
                    values[path] = (("oui" if rng.random() < 0.6 else "non") if values[need] == "oui" else None)
                elif kind == "knowledge":
                    values[path] = "oui" if rng.random() < 0.45 else "non"
            rows.append(["2026-10-01T09:00:00", "2026-10-01T09:12:00", *(values.get(path) for path, _row in questions),
                         number, f"uuid-{seed}-{number:05d}", "2026-10-01T09:13:00", number])
    return headers, rows


def as_xlsx(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(headers))
    for row in rows:
        sheet.append(list(row))
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def as_csv(headers: Sequence[str], rows: Sequence[Sequence[object]], delimiter: str = ";") -> bytes:
    output = io.StringIO()
    writer = csv.writer(output, delimiter=delimiter)
    writer.writerow(headers)
    writer.writerows([["" if value is None else value for value in row] for row in rows])
    return output.getvalue().encode("utf-8-sig")
