#!/usr/bin/env bash
# Vendors the web page's third-party files into web/vendor/, from the npm
# registry, with their licences. A developer runs this when a version
# changes; the result is committed, so building sitrep never needs npm or a
# network (the files are embedded in the binary by crates/sitrep-server).
#
#   bash tools/vendor-web.sh
#
# What it takes (pinned; change a version here and run again):
#   leaflet 1.9.4                the map                          BSD-2-Clause
#   leaflet.markercluster 1.5.3  marker clustering                MIT
#   topojson-client 3.1.0        TopoJSON -> GeoJSON              ISC
#   world-atlas 2.0.2            Natural Earth 1:50m countries    ISC (data: public domain)
#
# Each package is fetched with `npm pack` (a tarball with its integrity
# checked by npm), and only the files the page uses are kept. web/vendor/
# MANIFEST.txt records each file's package, version and SHA-256.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
out=web/vendor
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

packages=(
    "leaflet@1.9.4"
    "leaflet.markercluster@1.5.3"
    "topojson-client@3.1.0"
    "world-atlas@2.0.2"
)

# name@version -> files to keep (paths inside the package).
files_of() {
    case "$1" in
    leaflet@*) echo "dist/leaflet.js dist/leaflet.css dist/images/layers.png dist/images/layers-2x.png LICENSE" ;;
    leaflet.markercluster@*) echo "dist/leaflet.markercluster.js dist/MarkerCluster.css dist/MarkerCluster.Default.css MIT-LICENCE.txt" ;;
    topojson-client@*) echo "dist/topojson-client.min.js LICENSE" ;;
    world-atlas@*) echo "countries-50m.json LICENSE" ;;
    *) echo "unknown package $1" >&2; exit 1 ;;
    esac
}

rm -rf "$out"
mkdir -p "$out"
{
    echo "# Vendored by tools/vendor-web.sh from the npm registry. Do not edit by hand."
    echo "# package version file sha256"
} >"$out/MANIFEST.txt"

for spec in "${packages[@]}"; do
    name="${spec%@*}"
    version="${spec##*@}"
    (cd "$scratch" && npm pack --silent "$spec" >/dev/null)
    tarball="$(ls "$scratch"/*.tgz)"
    mkdir -p "$scratch/$name"
    tar -xzf "$tarball" -C "$scratch/$name"
    rm -f "$tarball"
    mkdir -p "$out/$name"
    for file in $(files_of "$spec"); do
        src="$scratch/$name/package/$file"
        if [[ ! -f "$src" ]]; then
            echo "error: $spec has no $file" >&2
            exit 1
        fi
        # Keep the package's layout below dist/ (leaflet.css finds images/ beside it).
        dest="$out/$name/${file#dist/}"
        mkdir -p "$(dirname "$dest")"
        cp "$src" "$dest"
        echo "$name $version ${file#dist/} $(sha256sum "$dest" | cut -d ' ' -f 1)" >>"$out/MANIFEST.txt"
    done
done

cat >"$out/README.md" <<'README'
# web/vendor

Third-party files of the web page, vendored by `tools/vendor-web.sh` from
the npm registry and embedded in the `sitrep` binary by `sitrep-server`
(the page works with no network). Do not edit by hand: change the pinned
versions in the script and run it again. `MANIFEST.txt` lists each file
with its package, version and SHA-256; each package's licence is kept
beside its files.

| package | version | licence | used for |
|---|---|---|---|
| leaflet | 1.9.4 | BSD-2-Clause | the map |
| leaflet.markercluster | 1.5.3 | MIT | clustering dense markers |
| topojson-client | 3.1.0 | ISC | decoding the country outlines |
| world-atlas | 2.0.2 | ISC; the data is Natural Earth (public domain) | country outlines at 1:50m |
README
echo "vendored into $out:"
cat "$out/MANIFEST.txt"
