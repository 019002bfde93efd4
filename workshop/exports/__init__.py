"""Exports: one builder reads the database into a report (plain dataclasses); renderers turn reports into bytes.

Renderers never query the database and never call gettext: every text they print, headings included,
is in the report, already translated by the builder in the language asked for.
"""
