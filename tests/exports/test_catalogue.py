"""The one list of downloads agrees with what builds them: composers, renderers, command line."""
from __future__ import annotations

from click import Choice

from workshop.cli import events_commands  # noqa: F401  (registers the event subcommands)
from workshop.cli.commands import cli
from workshop.exports.catalogue import EVENT_DOWNLOADS, MIMETYPES, ROOM_DOWNLOADS
from workshop.exports.documents import COMPOSERS


def test_every_word_document_of_the_catalogue_has_a_composer_and_every_composer_a_download() -> None:
    documents = {download.document for download in (*ROOM_DOWNLOADS, *EVENT_DOWNLOADS) if download.document}
    assert documents == set(COMPOSERS)
    assert all(download.extension == "docx" for download in (*ROOM_DOWNLOADS, *EVENT_DOWNLOADS) if download.document)


def test_keys_are_unique_within_a_scope_and_every_extension_has_a_mimetype() -> None:
    for downloads in (ROOM_DOWNLOADS, EVENT_DOWNLOADS):
        keys = [download.key for download in downloads]
        assert len(keys) == len(set(keys))
        assert all(download.extension in MIMETYPES for download in downloads)


def test_the_command_line_offers_the_catalogue() -> None:
    def choices(command: str, option: str) -> list[str]:
        parameter = next(parameter for parameter in cli.commands[command].params if parameter.name == option)
        assert isinstance(parameter.type, Choice)
        return list(parameter.type.choices)

    assert choices("export", "export_format") == [download.key for download in ROOM_DOWNLOADS]
    # The archive is JSON data (--format archive); --document offers the files.
    assert choices("export-event", "document") == [download.key for download in EVENT_DOWNLOADS
                                                   if download.key != "archive"]
