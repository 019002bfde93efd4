"""Field forms: write an XLSForm for KoboToolbox / ODK, and read their exports of submissions back.

Independent of any feature of the product (the barometer and the capacity questionnaire both use it): no
database, no web, no translation; plain data in, bytes or plain data out.

Describe the form once, as a ``FormSpec``::

    from workshop.fieldforms import Choice, FormSpec, Group, Language, Question, read_submissions, write_xlsform

    FR, AR, EN = Language("fr", "Français"), Language("ar", "العربية"), Language("en", "English")
    spec = FormSpec(
        form_id="barometre_2026", title="Baromètre 2026", version="2026120701",
        languages=(FR, AR, EN), default_language="fr",
        choice_lists={"yes_no": (Choice("oui", {"fr": "Oui", "ar": "نعم", "en": "Yes"}),
                                 Choice("non", {"fr": "Non", "ar": "لا", "en": "No"}))},
        items=(Question("select_one", "region", {"fr": "Région", ...}, choices="regions", required=True),
               Group("sante", {"fr": "Santé", ...}, children=(
                   Question("select_one", "h1", {"fr": "…"}, choices="yes_no", extra={"ws_indicator": "h1"}),))),
        extra_columns=("ws_indicator",))

- ``write_xlsform(spec) -> bytes``: an .xlsx with sheets ``survey`` (type, name, ``label::Français (fr)`` per
  language, ``hint::…``, required, relevant, constraint, appearance, then the extra columns, which Kobo and ODK
  ignore and which carry your own keys), ``choices`` (list_name, name, labels) and ``settings`` (form_title,
  form_id, version, default_language). Groups become ``begin_group``/``end_group`` rows.
- ``read_submissions(content, spec) -> Submissions``: ``accepted`` (``Submission(row, uuid, submitted_at,
  started_at, values)``, values keyed by question name: a choice name for ``select_one``, a tuple of names for
  ``select_multiple``, int/float/ISO date/str for the other types, None when empty) and ``rejected``
  (``Rejection(row, code, question, value)`` with ``.reason`` in plain English). Rows are spreadsheet rows (the
  header is row 1). Headers may carry group paths joined by ``/``, ``.`` or ``-`` or none, or be labels; values
  may be names or labels in any of the form's languages; the submission's identity is ``_uuid`` (or ODK's
  ``meta/instanceID`` / ``KEY`` without its ``uuid:`` prefix). The reader never decides whether a uuid was
  imported before: the caller keeps those and skips them, which makes its import idempotent.
- ``read_table(content) -> list[list[str]]``: the first sheet of an XLSX, or a CSV table, as cell texts (for
  simple imports that are no form submissions); ``ValueError`` when it is neither.
- ``FormSpec.check()`` raises ``ValueError`` on what Kobo would refuse (repeated names, unknown choice lists…);
  ``write_xlsform`` calls it.
"""
from .spec import Choice, FormSpec, Group, Language, Question
from .submissions import Rejection, Submission, Submissions, read_submissions, read_table
from .xlsform import write_xlsform

__all__ = ["Choice", "FormSpec", "Group", "Language", "Question", "Rejection", "Submission", "Submissions",
           "read_submissions", "read_table", "write_xlsform"]
