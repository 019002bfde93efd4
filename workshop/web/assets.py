"""Static files under fingerprinted names, minified, pre-compressed and cached by phones for a year.

A venue's Wi-Fi gives a phone ~50 KB/s and 400 ms of round trip: every byte and every round trip counts. So
the files under ``static/`` are read once per process and each is served under a name that carries a hash of
its content (``js/participant.3f2a9c1b7e.js``) with ``Cache-Control: immutable``: a reload sends no request at
all, and a new version of a file has a new name, so no phone runs last week's code. For that to hold through
ES module imports, each module's relative imports are rewritten to the fingerprinted names of their targets
before the module is hashed (so a changed dependency changes its importers' names too), and style sheets'
``url()``s likewise. Scripts and styles are minified (rjsmin, rcssmin) and kept compressed with brotli and gzip
at their best levels: once per process, not per request. A page's module comes with everything it imports as
one bundle (``bundled_modules``): one request instead of one round trip per level of imports, and brotli finds
the repetitions across modules (the phone's scripts: 22 kB compressed one by one, 16 kB bundled).

Asked by its plain name (``js/participant.js``) a file is still served (with ``no-cache``), so a bookmarked or
hand-written address keeps working. The table is built from the files as they are when the process starts:
restart the server after editing a file.
"""
from __future__ import annotations

import gzip
import hashlib
import mimetypes
import posixpath
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

import brotli
import rcssmin
import rjsmin
from flask import Flask, Response, abort, current_app, request
from flask import url_for as flask_url_for

from ..domain.profiles import PROFILE_TAGS

IMMUTABLE = "public, max-age=31536000, immutable"
# File kinds served; anything else under static/ (READMEs, scripts, licences' sources) is not.
SERVED_SUFFIXES = {".js", ".css", ".woff2", ".svg", ".png", ".ico", ".txt", ".json"}
COMPRESSIBLE_SUFFIXES = {".js", ".css", ".svg", ".txt", ".json"}
# `import x from "./y.js"`, `import "./y.js"`, `export { x } from "./y.js"`: the specifier is group 2.
MODULE_IMPORT = re.compile(r"""(\b(?:import|export)\b[^;"'`]*?\bfrom\s*|\bimport\s*)(["'])(\.{1,2}/[^"'\s]+)\2""")
STYLE_URL = re.compile(r"""url\(\s*(["']?)(\.{0,2}/?[^"')\s:]+)\1\s*\)""")
HASH_LENGTH = 10


@dataclass
class Asset:
    path: str                 # "js/participant.js", relative to static/
    served_path: str          # "js/participant.3f2a9c1b7e.js"
    mimetype: str
    body: bytes
    imports: tuple[str, ...] = ()          # the modules it imports, as paths
    source: str = ""                        # a module's text as written (the bundler's input)
    _encoded: dict[str, bytes] = field(default_factory=dict)

    @property
    def etag(self) -> str:
        return self.served_path.rsplit(".", 2)[-2]

    def encoded(self, encoding: str) -> bytes:
        """The body compressed once with ``encoding`` ("br" or "gzip"), or the body if that does not shrink it."""
        if encoding not in self._encoded:
            if encoding == "br":
                packed = brotli.compress(self.body, quality=11)
            else:
                packed = gzip.compress(self.body, compresslevel=9, mtime=0)
            self._encoded[encoding] = packed if len(packed) < len(self.body) else self.body
        return self._encoded[encoding]

    @property
    def compressible(self) -> bool:
        return posixpath.splitext(self.path)[1] in COMPRESSIBLE_SUFFIXES


class AssetTable:
    """Every servable file under one static folder, by plain and by fingerprinted path."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.by_path: dict[str, Asset] = {}
        self._references: dict[str, tuple[frozenset[str], tuple[str, ...]]] = {}
        sources = {path.relative_to(root).as_posix(): path for path in sorted(root.rglob("*"))
                   if path.is_file() and path.suffix in SERVED_SUFFIXES}
        for name in sources:
            self._build(name, sources, ())
        self.by_served = {asset.served_path: asset for asset in self.by_path.values()}

    def _build(self, name: str, sources: dict[str, Path], chain: tuple[str, ...]) -> Asset:
        if name in self.by_path:
            return self.by_path[name]
        if name in chain:
            raise ValueError(f"static files import each other in a cycle: {' → '.join((*chain, name))}")
        if name not in sources:
            raise ValueError(f"{chain[-1]} refers to {name}, which is not under static/")
        source = sources[name]
        body = source.read_bytes()
        imports: list[str] = []
        folder = posixpath.dirname(name)

        def fingerprinted(reference: str) -> str:
            target = posixpath.normpath(posixpath.join(folder, reference))
            dependency = self._build(target, sources, (*chain, name))
            return "./" + posixpath.relpath(dependency.served_path, folder or ".")

        module_source = ""
        if source.suffix == ".js":
            text = module_source = body.decode("utf-8")

            def rewrite_import(match: re.Match[str]) -> str:
                target = posixpath.normpath(posixpath.join(folder, match.group(3)))
                imports.append(target)
                return f"{match.group(1)}{match.group(2)}{fingerprinted(match.group(3))}{match.group(2)}"

            text = MODULE_IMPORT.sub(rewrite_import, text)
            body = (text if source.name.endswith(".min.js") else rjsmin.jsmin(text)).encode("utf-8")
        elif source.suffix == ".css":
            text = STYLE_URL.sub(lambda match: f"url({fingerprinted(match.group(2))})", body.decode("utf-8"))
            body = rcssmin.cssmin(text).encode("utf-8")
        digest = hashlib.sha256(body).hexdigest()[:HASH_LENGTH]
        stem, suffix = posixpath.splitext(name)
        mimetype = mimetypes.guess_type(name)[0] or "application/octet-stream"
        if suffix == ".js":
            mimetype = "text/javascript"
        asset = Asset(path=name, served_path=f"{stem}.{digest}{suffix}", mimetype=mimetype, body=body,
                      imports=tuple(dict.fromkeys(imports)), source=module_source)
        self.by_path[name] = asset
        return asset

    def bundle(self, name: str) -> Asset:
        """A page's module and everything it imports as one file (``js/participant.bundle.js``), built once."""
        with _TABLES_LOCK:
            bundle_path = name.removesuffix(".js") + ".bundle.js"
            if bundle_path not in self.by_path:
                body = rjsmin.jsmin(bundled_modules(self, name)).encode("utf-8")
                stem = bundle_path.removesuffix(".js")
                digest = hashlib.sha256(body).hexdigest()[:HASH_LENGTH]
                asset = Asset(path=bundle_path, served_path=f"{stem}.{digest}.js", mimetype="text/javascript",
                              body=body)
                self.by_path[bundle_path] = asset
                self.by_served[asset.served_path] = asset
            return self.by_path[bundle_path]

    def string_references(self, name: str) -> tuple[frozenset[str], tuple[str, ...]]:
        """What a page's bundle can pass to ``t()``: every quoted identifier in it, and the prefixes of its
        template keys (`` `phase_${…}` ``). Conservative: a word quoted for another purpose keeps a string."""
        with _TABLES_LOCK:
            if name not in self._references:
                source = bundled_modules(self, name)
                literals = frozenset(match.group(2) for match in re.finditer(r"""(["'])([a-z][a-z0-9_]*)\1""", source))
                prefixes = tuple(sorted(set(re.findall(r"`([a-z][a-z0-9_]*_)\$\{", source))))
                self._references[name] = (literals, prefixes)
            return self._references[name]

    def prepare(self) -> None:
        """Bundle every page's module (the modules under js/ that no module imports) and compress every file,
        at start-up rather than on the first phone's request."""
        imported = {name for asset in self.by_path.values() for name in asset.imports}
        pages = [name for name in self.by_path if re.fullmatch(r"js/[^/]+\.js", name) and name not in imported]
        for name in pages:
            self.bundle(name)
        # Modules one by one are only asked for by hand (pages load bundles): those are compressed on demand.
        for asset in list(self.by_path.values()):
            if asset.compressible and asset.path not in imported and asset.path not in pages:
                asset.encoded("br")


# The bundler understands the module syntax this code base writes, and refuses anything else (at start-up, so
# a test fails rather than a phone): `import {a, b as c} from "./x.js";`, `import x from "./x.js";`,
# `export function|async function|const|class name`, `export default <expression>;`, `export {a, b as c};`.
BUNDLE_IMPORT = re.compile(r"""^import\s+(?:(\w+)\s*,?\s*)?(?:\{([^}]*)\})?\s*from\s*(["'])([^"']+)\3\s*;?""", re.M)
BUNDLE_EXPORT_DECLARATION = re.compile(r"^export\s+((?:async\s+)?function\*?|const|class)\s+([\w$]+)", re.M)
BUNDLE_EXPORT_DEFAULT = re.compile(r"^export\s+default\s+", re.M)
BUNDLE_EXPORT_LIST = re.compile(r"(?:^|(?<=[;}]))\s*export\s*\{([^}]*)\}\s*;?", re.M)
BUNDLE_UNSUPPORTED = re.compile(r"^\s*(?:import\s*\*|import\s*\(|export\s+(?:let|var|\*)|export\s+default\s+"
                                r"(?:async\s+)?function)|\bimport\.meta\b", re.M)


def _renamed(specifiers: str, *, exporting: bool) -> list[tuple[str, str]]:
    """``a, b as c`` → [("a", "a"), ("b", "c")]: (local or exported name, name on the other side)."""
    pairs = []
    for item in filter(None, (part.strip() for part in specifiers.split(","))):
        inner, _, outer = item.partition(" as ")
        pairs.append((inner.strip(), (outer or inner).strip()))
    return pairs if exporting else [(outer, inner) for inner, outer in pairs]


def bundled_modules(table: AssetTable, entry: str) -> str:
    """The modules ``entry`` needs, dependencies first, each in its own function scope (so their top-level
    names never collide; the bundle's own names start with ``__``), imports turned into reads of the modules
    already evaluated. ES modules evaluate each imported module once, before its importer, in this same
    depth-first order."""
    order: list[str] = []

    def visit(name: str) -> None:
        if name not in order:
            for dependency in table.by_path[name].imports:
                visit(dependency)
            order.append(name)

    visit(entry)
    index = {name: number for number, name in enumerate(order)}
    parts = ["const __bundledModules = [];"]
    for name in order:
        text = table.by_path[name].source
        folder = posixpath.dirname(name)
        if unsupported := BUNDLE_UNSUPPORTED.search(text):
            raise ValueError(f"{name}: the bundler does not handle {unsupported.group(0).strip()!r}")

        def read_import(match: re.Match[str]) -> str:
            target = index[posixpath.normpath(posixpath.join(folder, match.group(4)))]
            reads = []
            if match.group(1):
                reads.append(f"const {match.group(1)} = __bundledModules[{target}].default;")
            if match.group(2):
                names = ", ".join(f"{imported}: {local}" if imported != local else local
                                  for local, imported in _renamed(match.group(2), exporting=False))
                reads.append(f"const {{ {names} }} = __bundledModules[{target}];")
            return " ".join(reads)

        exported: list[tuple[str, str]] = []

        def declaration(match: re.Match[str]) -> str:
            exported.append((match.group(2), match.group(2)))
            return f"{match.group(1)} {match.group(2)}"

        def export_list(match: re.Match[str]) -> str:
            exported.extend(_renamed(match.group(1), exporting=True))
            return ";"

        text = BUNDLE_IMPORT.sub(read_import, text)
        text = BUNDLE_EXPORT_DECLARATION.sub(declaration, text)
        text = BUNDLE_EXPORT_LIST.sub(export_list, text)
        text = BUNDLE_EXPORT_DEFAULT.sub("__moduleExports.default = ", text)
        if re.search(r"^\s*(?:import|export)\b", text, re.M):
            raise ValueError(f"{name}: an import or export the bundler does not handle is left")
        names = ", ".join(f"{outer}: {inner}" if inner != outer else inner for inner, outer in exported)
        parts.append(f"// {name}\n__bundledModules.push((() => {{ const __moduleExports = {{}};\n{text}\n;"
                     f"return Object.assign(__moduleExports, {{ {names} }}); }})());")
    return "\n".join(parts) + "\n"


_TABLES: dict[Path, AssetTable] = {}
_TABLES_LOCK = threading.Lock()


def asset_table(root: Path) -> AssetTable:
    """One table per static folder and process: tests build many apps, the files are read once."""
    with _TABLES_LOCK:
        if root not in _TABLES:
            _TABLES[root] = AssetTable(root)
        return _TABLES[root]


def preferred_encoding(asset: Asset) -> str | None:
    if not asset.compressible:
        return None
    accepted = request.accept_encodings
    for encoding in ("br", "gzip"):
        if accepted[encoding]:
            return encoding
    return None


def serve_asset(table: AssetTable, filename: str) -> Response:
    asset = table.by_served.get(filename)
    immutable = asset is not None
    asset = asset or table.by_path.get(filename)
    if asset is None:
        abort(404)
    encoding = preferred_encoding(asset)
    body = asset.encoded(encoding) if encoding else asset.body
    response = Response(body, mimetype=asset.mimetype)
    if encoding and body is not asset.body:
        response.headers["Content-Encoding"] = encoding
    if asset.compressible:
        response.headers["Vary"] = "Accept-Encoding"
    if immutable:
        response.headers["Cache-Control"] = IMMUTABLE
    else:
        response.headers["Cache-Control"] = "no-cache"
        response.set_etag(asset.etag)
        response.make_conditional(request)
    return response


def strings_used_by(script: str, strings: dict[str, str]) -> dict[str, str]:
    """The page strings ``script`` (a page's module, with its imports) can show: its quoted keys, its template
    keys' prefixes, and the profile's codes (`` `${tag}_${value}` ``: PROFILE_TAGS). The phone's data island
    goes from all the pages' strings (21 kB) to its own (~9 kB): a third of its compressed HTML on a slow link.
    A key missing here shows as the bare key and is logged as "missing client string" (the browser tests fail
    on that)."""
    literals, prefixes = current_app.extensions["workshop_assets"].string_references(f"js/{script}")
    prefixes = (*prefixes, *(f"{tag}_" for tag in PROFILE_TAGS))
    return {key: text for key, text in strings.items() if key in literals or key.startswith(prefixes)}


def install_assets(app: Flask) -> AssetTable:
    """Serve ``static/`` from the table and make ``url_for('static', …)`` in templates name fingerprinted files."""
    assert app.static_folder is not None
    table = asset_table(Path(app.static_folder).resolve())
    app.view_functions["static"] = lambda filename: serve_asset(table, filename)

    def url_for(endpoint: str, **values: object) -> str:
        if endpoint == "static" and values.get("filename") in table.by_path:
            values["filename"] = table.by_path[str(values["filename"])].served_path
        return flask_url_for(endpoint, **values)

    def page_module_url(script: str) -> str:
        """A page's module: its bundle (one request on a 400 ms link instead of one per level of imports)."""
        return flask_url_for("static", filename=table.bundle(f"js/{script}").served_path)

    app.jinja_env.globals.update(url_for=url_for, page_module_url=page_module_url)
    app.extensions["workshop_assets"] = table
    return table
