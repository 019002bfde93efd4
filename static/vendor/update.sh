#!/usr/bin/env bash
# Rebuild static/vendor/ from the npm registry with pinned versions.
#
# Usage:  bash static/vendor/update.sh
#
# What it does:
#   1. `npm pack` each pinned package into a fresh temp dir (no install scripts
#      run, no dependencies pulled) and checks the tarball's sha512 integrity
#      against the value pinned below.
#   2. Copies only the files the app needs into static/vendor/.
#   3. Generates fonts/fonts.css from fontsource's own CSS (unicode-range is
#      taken verbatim from the package) and regenerates manifest.json.
#
# The output is deterministic: running it twice gives byte-identical files.
# README.md and this script are maintained by hand and are not touched.
#
# To bump a version: change the version below, delete its integrity and run;
# the script prints the new integrity, paste it back in and run again.
set -euo pipefail

VENDOR_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

# name@version  sha512 integrity of the npm tarball (as in package-lock.json)
PACKAGES=(
  "socket.io-client@4.8.4 sha512-7wjKAvVXYOJsbmUgkWbnhPD4bFpkqrUR0++XOjpGFmqDqsqV1CI93VTraeExLxpjxEqrWgFoSRZu1ihjLWfkAA=="
  "wordcloud@1.2.3 sha512-9by77b7Sd9e1K75kSmVeAD+JnGpiLR1Z4EX1mYQL91jKrU1/4bHw4h4DExQ+dzfT+PvihDcH7OS7V4Y5UkbF2w=="
  "sortablejs@1.15.7 sha512-Kk8wLQPlS+yi1ZEf48a4+fzHa4yxjC30M/Sr2AnQu+f/MPwvvX9XjZ6OWejiz8crBsLwSq8GHqaxaET7u6ux0A=="
  "@fontsource/noto-sans@5.3.0 sha512-fBCog2PY7DiVVTEEqtI/Qdinx/knobHYfoGpjFXdfBX5RoJaBp1Prw2G75p0OIsdlMZg3cLo0c+YbIUYOxnQJw=="
  "@fontsource/noto-sans-arabic@5.3.0 sha512-i3t6GR0LOReyJVEk+YfYCnxv53wuIelg7Y9NGNvOq4Diq/EP0YszaGXkQwfQNigLjfO4POrLaPGM0sNliGYk7A=="
)

# asset-id | npm package | source path in the package | destination (relative to static/vendor)
FILES=(
  "socket.io|socket.io-client|dist/socket.io.esm.min.js|socket.io/socket.io.esm.min.js"
  "socket.io|socket.io-client|LICENSE|socket.io/LICENSE"
  "wordcloud2|wordcloud|src/wordcloud2.js|wordcloud2/wordcloud2.js"
  "wordcloud2|wordcloud|LICENSE|wordcloud2/LICENSE"
  "sortable|sortablejs|modular/sortable.esm.js|sortable/sortable.esm.js"
  "sortable|sortablejs|LICENSE|sortable/LICENSE"
  "noto-sans|@fontsource/noto-sans|files/noto-sans-latin-400-normal.woff2|fonts/noto-sans-latin-400-normal.woff2"
  "noto-sans|@fontsource/noto-sans|files/noto-sans-latin-700-normal.woff2|fonts/noto-sans-latin-700-normal.woff2"
  "noto-sans|@fontsource/noto-sans|files/noto-sans-latin-ext-400-normal.woff2|fonts/noto-sans-latin-ext-400-normal.woff2"
  "noto-sans|@fontsource/noto-sans|files/noto-sans-latin-ext-700-normal.woff2|fonts/noto-sans-latin-ext-700-normal.woff2"
  "noto-sans|@fontsource/noto-sans|LICENSE|fonts/OFL-noto-sans.txt"
  "noto-sans-arabic|@fontsource/noto-sans-arabic|files/noto-sans-arabic-arabic-400-normal.woff2|fonts/noto-sans-arabic-arabic-400-normal.woff2"
  "noto-sans-arabic|@fontsource/noto-sans-arabic|files/noto-sans-arabic-arabic-700-normal.woff2|fonts/noto-sans-arabic-arabic-700-normal.woff2"
  "noto-sans-arabic|@fontsource/noto-sans-arabic|LICENSE|fonts/OFL-noto-sans-arabic.txt"
)

# Directories/files under static/vendor that this script owns (replaced wholesale).
MANAGED=(socket.io wordcloud2 sortable fonts manifest.json)

for tool in npm python3 tar; do
  command -v "$tool" >/dev/null || { echo "update.sh: '$tool' not found" >&2; exit 1; }
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/vendor-build.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/tgz" "$WORK/pkg" "$WORK/out"

pkgdir() { # npm package name -> extraction dir
  printf '%s/pkg/%s' "$WORK" "$(printf '%s' "$1" | tr '/@' '__')"
}

: > "$WORK/packages.tsv"
for entry in "${PACKAGES[@]}"; do
  read -r spec want <<< "$entry"
  name="${spec%@*}"
  version="${spec##*@}"
  echo "==> npm pack $spec" >&2
  npm pack "$spec" --pack-destination "$WORK/tgz" --json --ignore-scripts \
    --no-fund --no-audit --loglevel=error > "$WORK/pack.json"
  read -r tgz got < <(python3 -c '
import json, sys
info = json.load(open(sys.argv[1]))[0]
print(info["filename"], info["integrity"])
' "$WORK/pack.json")
  if [[ "$got" != "$want" ]]; then
    echo "update.sh: integrity mismatch for $spec" >&2
    echo "  pinned: ${want:-<none>}" >&2
    echo "  got:    $got" >&2
    exit 1
  fi
  dest="$(pkgdir "$name")"
  mkdir -p "$dest"
  tar -xzf "$WORK/tgz/$tgz" -C "$dest" --no-same-owner
  # Sanity: the tarball must contain the version we asked for.
  python3 - "$dest/package/package.json" "$name" "$version" <<'PY'
import json, sys
meta = json.load(open(sys.argv[1]))
if (meta["name"], meta["version"]) != (sys.argv[2], sys.argv[3]):
    sys.exit(f"update.sh: {sys.argv[1]} is {meta['name']}@{meta['version']}, expected {sys.argv[2]}@{sys.argv[3]}")
PY
  printf '%s\t%s\t%s\t%s\n' "$name" "$version" "$got" "$dest/package" >> "$WORK/packages.tsv"
done

: > "$WORK/files.tsv"
for entry in "${FILES[@]}"; do
  IFS='|' read -r asset name src dst <<< "$entry"
  from="$(pkgdir "$name")/package/$src"
  [[ -s "$from" ]] || { echo "update.sh: missing or empty $name/$src" >&2; exit 1; }
  mkdir -p "$WORK/out/$(dirname "$dst")"
  cp "$from" "$WORK/out/$dst"
  printf '%s\t%s\t%s\t%s\n' "$asset" "$name" "$src" "$dst" >> "$WORK/files.tsv"
done

# Generate fonts.css + manifest.json into $WORK/out.
python3 - "$WORK" <<'PY'
import hashlib, json, os, re, sys

work = sys.argv[1]
out = os.path.join(work, "out")

packages = {}
for line in open(os.path.join(work, "packages.tsv"), encoding="utf-8"):
    name, version, integrity, root = line.rstrip("\n").split("\t")
    meta = json.load(open(os.path.join(root, "package.json"), encoding="utf-8"))
    packages[name] = {"version": version, "integrity": integrity, "root": root,
                      "license": meta.get("license")}

files = [line.rstrip("\n").split("\t")
         for line in open(os.path.join(work, "files.tsv"), encoding="utf-8")]

# ---- fonts.css -------------------------------------------------------------
# fontsource's per-subset CSS (e.g. latin-400.css) has no unicode-range; the
# per-weight CSS (400.css) has one block per subset, headed by a comment
# "/* <package>-<subset>-<weight>-normal */".  Take unicode-range from there.
FONTS = [  # (family, npm package, file prefix, subset, weight)
    ("Noto Sans", "@fontsource/noto-sans", "noto-sans", "latin-ext", 400),
    ("Noto Sans", "@fontsource/noto-sans", "noto-sans", "latin", 400),
    ("Noto Sans", "@fontsource/noto-sans", "noto-sans", "latin-ext", 700),
    ("Noto Sans", "@fontsource/noto-sans", "noto-sans", "latin", 700),
    ("Noto Sans Arabic", "@fontsource/noto-sans-arabic", "noto-sans-arabic", "arabic", 400),
    ("Noto Sans Arabic", "@fontsource/noto-sans-arabic", "noto-sans-arabic", "arabic", 700),
]

def unicode_range(pkg, prefix, subset, weight):
    css = open(os.path.join(packages[pkg]["root"], f"{weight}.css"), encoding="utf-8").read()
    tag = f"/* {prefix}-{subset}-{weight}-normal */"
    start = css.find(tag)
    if start < 0:
        sys.exit(f"update.sh: block {tag} not found in {pkg}/{weight}.css")
    block = css[start:css.index("}", start)]
    fam = re.search(r"font-family:\s*'([^']+)'", block)
    m = re.search(r"unicode-range:\s*([^;]+);", block)
    if not m or not fam:
        sys.exit(f"update.sh: no unicode-range/font-family in block {tag}")
    return fam.group(1), m.group(1).strip()

lines = [
    "/* Generated by static/vendor/update.sh - do not edit by hand.",
    " * Noto Sans / Noto Sans Arabic (SIL Open Font License 1.1, see OFL-*.txt),",
    " * woff2 files and unicode-range values from the npm packages",
    f" * @fontsource/noto-sans@{packages['@fontsource/noto-sans']['version']} and"
    f" @fontsource/noto-sans-arabic@{packages['@fontsource/noto-sans-arabic']['version']}.",
    " */",
]
for family, pkg, prefix, subset, weight in FONTS:
    fname = f"{prefix}-{subset}-{weight}-normal.woff2"
    if not os.path.isfile(os.path.join(out, "fonts", fname)):
        sys.exit(f"update.sh: fonts/{fname} was not copied")
    upstream_family, urange = unicode_range(pkg, prefix, subset, weight)
    if upstream_family != family:
        sys.exit(f"update.sh: {pkg} names its family {upstream_family!r}, expected {family!r}")
    lines += [
        "",
        f"/* {prefix}-{subset}-{weight}-normal */",
        "@font-face {",
        f"  font-family: '{family}';",
        "  font-style: normal;",
        "  font-display: swap;",
        f"  font-weight: {weight};",
        f"  src: url(./{fname}) format('woff2');",
        f"  unicode-range: {urange};",
        "}",
    ]
with open(os.path.join(out, "fonts", "fonts.css"), "w", encoding="utf-8", newline="\n") as f:
    f.write("\n".join(lines) + "\n")

# ---- manifest.json ---------------------------------------------------------
def digest(rel):
    p = os.path.join(out, rel)
    with open(p, "rb") as f:
        data = f.read()
    return {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}

assets, order = {}, []
for asset, name, src, dst in files:
    if asset not in assets:
        pkg = packages[name]
        assets[asset] = {
            "id": asset,
            "npm_package": name,
            "version": pkg["version"],
            "license": pkg["license"],
            "npm_integrity": pkg["integrity"],
            "files": [],
        }
        order.append(asset)
    assets[asset]["files"].append({"path": dst, "source": f"{name}/{src}", **digest(dst)})

manifest = {
    "description": "Browser assets vendored for offline use; paths are relative to static/vendor/.",
    "generated_by": "static/vendor/update.sh",
    "assets": [assets[a] for a in order],
    "generated_files": [{
        "path": "fonts/fonts.css",
        "derived_from": [f"{p}@{packages[p]['version']}" for p in
                         ("@fontsource/noto-sans", "@fontsource/noto-sans-arabic")],
        **digest("fonts/fonts.css"),
    }],
}
with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8", newline="\n") as f:
    json.dump(manifest, f, indent=2, ensure_ascii=False)
    f.write("\n")
PY

# Sanity checks on the staged output.
grep -q 'export' "$WORK/out/socket.io/socket.io.esm.min.js" \
  || { echo "update.sh: socket.io.esm.min.js has no 'export'" >&2; exit 1; }
grep -q 'WordCloud' "$WORK/out/wordcloud2/wordcloud2.js" \
  || { echo "update.sh: wordcloud2.js does not define WordCloud" >&2; exit 1; }
grep -q '^export' "$WORK/out/sortable/sortable.esm.js" \
  || { echo "update.sh: sortable.esm.js has no 'export'" >&2; exit 1; }

# Install: replace the managed paths, leave README.md / update.sh alone.
for p in "${MANAGED[@]}"; do
  rm -rf "${VENDOR_DIR:?}/$p"
  cp -R "$WORK/out/$p" "$VENDOR_DIR/$p"
done
# Deterministic permissions regardless of umask.
find "${MANAGED[@]/#/$VENDOR_DIR/}" -type d -exec chmod 755 {} +
find "${MANAGED[@]/#/$VENDOR_DIR/}" -type f -exec chmod 644 {} +

echo "==> static/vendor updated:" >&2
(cd "$VENDOR_DIR" && find "${MANAGED[@]}" -type f | LC_ALL=C sort | while read -r f; do
  printf '  %8s  %s\n' "$(wc -c < "$f" | tr -d ' ')" "$f"
done) >&2
