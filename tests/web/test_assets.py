"""Static files: fingerprinted, bundled, compressed, cached for good; fonts subset to what the rooms write."""
from __future__ import annotations

import json
import re

import brotli
import pytest
from fontTools.ttLib import TTFont

from workshop.services.events import create_event
from workshop.web import fonts
from workshop.web.assets import IMMUTABLE, AssetTable, bundled_modules


@pytest.fixture
def code(app) -> str:  # type: ignore[no-untyped-def]
    return create_event(app.extensions["workshop"], title="Rencontre", room_names=["Plénière"]).rooms[0][1]


def page_links(html: str) -> list[str]:
    return re.findall(r'(?:href|src)="(/static/[^"]+)"', html)


def test_pages_name_fingerprinted_files_served_compressed_and_immutable(app, code) -> None:  # type: ignore[no-untyped-def]
    client = app.test_client()
    html = client.get(f"/j/{code}").get_data(as_text=True)
    links = page_links(html)
    assert any(re.fullmatch(r"/static/js/participant\.bundle\.[0-9a-f]{10}\.js", link) for link in links), links
    assert any(re.fullmatch(r"/static/css/app\.[0-9a-f]{10}\.css", link) for link in links), links
    for link in links:
        response = client.get(link, headers={"Accept-Encoding": "gzip, deflate, br"})
        assert response.status_code == 200, link
        assert response.headers["Cache-Control"] == IMMUTABLE
        assert response.headers["Content-Encoding"] == "br"
        assert response.headers["Vary"] == "Accept-Encoding"
        plain = client.get(link, headers={"Accept-Encoding": "identity"})
        assert "Content-Encoding" not in plain.headers
        assert brotli.decompress(response.get_data()) == plain.get_data()


def test_the_page_itself_is_compressed_when_the_browser_asks(app, code) -> None:  # type: ignore[no-untyped-def]
    response = app.test_client().get(f"/j/{code}?lang=ar", headers={"Accept-Encoding": "gzip, br"})
    assert response.headers["Content-Encoding"] == "br"
    html = brotli.decompress(response.get_data()).decode()
    assert "العربية" in html and "\\u06" not in html  # Arabic travels as UTF-8, not as escapes three times longer


def test_a_file_asked_by_its_plain_name_is_revalidated_not_kept(app) -> None:  # type: ignore[no-untyped-def]
    client = app.test_client()
    response = client.get("/static/css/app.css")
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-cache"
    again = client.get("/static/css/app.css", headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304
    assert client.get("/static/js/no-such-file.js").status_code == 404
    assert client.get("/static/vendor/README.md").status_code == 404  # only web files are served


def test_modules_import_their_dependencies_by_fingerprinted_name(app) -> None:  # type: ignore[no-untyped-def]
    table: AssetTable = app.extensions["workshop_assets"]
    participant = table.by_path["js/participant.js"].body.decode()
    imported = re.findall(r'from\s*"([^"]+)"', participant)
    assert imported and all(re.search(r"\.[0-9a-f]{10}\.js$", name) for name in imported), imported
    # A dependency that changes changes the name of every module that imports it.
    dom = table.by_path["js/dom.js"]
    assert dom.served_path.split("/")[-1] in participant


def test_a_page_bundle_holds_every_module_it_imports_and_no_import(app) -> None:  # type: ignore[no-untyped-def]
    table: AssetTable = app.extensions["workshop_assets"]
    source = bundled_modules(table, "js/participant.js")
    modules = re.findall(r"^// (\S+)$", source, re.M)
    assert modules[-1] == "js/participant.js" and "vendor/socket.io/socket.io.esm.min.js" in modules
    assert {"js/dom.js", "js/socket.js", "js/activities/index.js", "js/activities/brainstorm.js"} <= set(modules)
    assert not re.search(r"^\s*(import|export)\b", source, re.M)


def test_the_bundler_refuses_what_it_does_not_understand(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "js").mkdir()
    (tmp_path / "js" / "page.js").write_text('import * as dom from "./dom.js";\n')
    (tmp_path / "js" / "dom.js").write_text("export let counter = 0;\n")
    with pytest.raises(ValueError, match="does not handle"):
        AssetTable(tmp_path).bundle("js/page.js")


def test_a_module_importing_a_missing_file_stops_the_start(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "js").mkdir()
    (tmp_path / "js" / "page.js").write_text('import { h } from "./missing.js";\n')
    with pytest.raises(ValueError, match="missing.js"):
        AssetTable(tmp_path)


def test_the_committed_fonts_are_the_declared_subsets() -> None:
    """`python -m workshop.web.fonts` regenerates static/fonts/; the files there must be its output."""
    assert (fonts.OUTPUT / "fonts.css").read_text(encoding="utf-8") == fonts.style_sheet()
    for face in fonts.FACES:
        assert (fonts.OUTPUT / face.filename).read_bytes() == fonts.subset(face), face.filename


@pytest.mark.parametrize(("source", "text"), [
    ("noto-sans-latin-400-normal.woff2", "Œuvre à l'hôpital : « ça coûte 20 € » — bghina lwra9, 3lach ?"),
    ("noto-sans-arabic-arabic-400-normal.woff2", "بغينا الوراق، ڤيزا، ڭاع، گاع، پ، چ؟ ٣٤٪"),
])
def test_the_subsets_draw_what_the_rooms_write(source: str, text: str) -> None:
    face = next(face for face in fonts.FACES if face.source == source)
    cmap = TTFont(str(fonts.OUTPUT / face.filename)).getBestCmap()
    declared = fonts.codepoints(face.ranges)
    assert set(cmap) <= declared  # the style sheet's unicode-range tells the browser the truth
    own_script = [char for char in text if not char.isspace() and (face.family == "Noto Sans" or ord(char) > 0x7F)]
    assert [char for char in own_script if ord(char) not in cmap] == []


def test_the_phone_gets_the_strings_its_scripts_can_show_and_not_the_consoles(app, code) -> None:  # type: ignore[no-untyped-def]
    html = app.test_client().get(f"/j/{code}").get_data(as_text=True)
    strings = json.loads(html.split('id="page-data">')[1].split("</script>")[0])["strings"]
    assert {"sent", "send", "phase_open", "results", "offline"} <= set(strings)  # quoted and template keys
    assert any(key.startswith("organisation_type_") for key in strings)  # the profile's codes
    assert not any(key.startswith(("ax_", "col_", "log_", "national_")) for key in strings)  # axe editor, board
    console_strings = app.extensions["workshop_assets"].string_references("js/moderator.js")[0]
    assert "suggest_clusters" in console_strings and "suggest_clusters" not in strings
