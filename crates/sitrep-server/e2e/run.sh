#!/usr/bin/env bash
# End-to-end test of `sitrep serve`, as a person uses it, in Debian's
# Chromium driven by playwright-core:
#
#   bash crates/sitrep-server/e2e/run.sh
#
# 1. installs what it needs: Debian's chromium (apt, when missing and run as
#    root) and playwright-core (npm ci, pinned by package-lock.json; no
#    browser download);
# 2. builds a ledger from data/samples/ with the sitrep binary (SITREP_BIN,
#    or the debug build in cargo's target directory, built when missing);
# 3. starts `sitrep serve` on a free loopback port (--addr 127.0.0.1:0);
# 4. runs test.mjs (map, timeline, table, a filter, evidence, phone size),
#    with screenshots saved to target/e2e-artifacts/ (E2E_ARTIFACTS);
# 5. while a `sitrep ingest` writes the same ledger from another process,
#    sends a bounded burst of API requests (load.mjs) and requires every
#    one to succeed;
# 6. checks the server logged no 5xx, and stops it.
#
# Exits non-zero when any step fails.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
cd "$repo"

if [[ ! -x /usr/bin/chromium && -z "${CHROMIUM:-}" ]]; then
    if [[ "$(id -u)" == 0 ]]; then
        echo "e2e: installing Debian's chromium"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
        echo "e2e: error: /usr/bin/chromium is missing (apt-get install chromium)" >&2
        exit 1
    fi
fi

echo "e2e: npm ci (playwright-core, pinned)"
(cd "$here" && npm ci --no-audit --no-fund --loglevel=error)

sitrep="${SITREP_BIN:-}"
if [[ -z "$sitrep" ]]; then
    target_dir="$(cargo metadata --format-version 1 --no-deps \
        | grep -o '"target_directory":"[^"]*"' | head -n 1 | cut -d '"' -f 4)"
    sitrep="$target_dir/debug/sitrep"
    if [[ ! -x "$sitrep" ]]; then
        echo "e2e: building sitrep"
        cargo build -p sitrep --locked
    fi
fi
artifacts="${E2E_ARTIFACTS:-$repo/target/e2e-artifacts}"
mkdir -p "$artifacts"

scratch="$(mktemp -d)"
server_pid=""
ingest_pid=""
cleanup() {
    [[ -n "$ingest_pid" ]] && kill "$ingest_pid" 2>/dev/null || true
    [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true
    [[ -n "$server_pid" ]] && wait "$server_pid" 2>/dev/null || true
    rm -rf "$scratch"
}
trap cleanup EXIT

db="$scratch/e2e.db"
"$sitrep" ingest --db "$db" data/samples/articles.jsonl
"$sitrep" ingest --db "$db" --published 2025-10-15 data/samples/border-clash.txt

"$sitrep" serve --db "$db" --addr 127.0.0.1:0 --log-format json \
    >"$scratch/serve.out" 2>"$scratch/serve.log" &
server_pid=$!
url=""
for _ in $(seq 1 100); do
    url="$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$scratch/serve.log" | head -n 1 || true)"
    [[ -n "$url" ]] && break
    if ! kill -0 "$server_pid" 2>/dev/null; then
        cat "$scratch/serve.log" >&2
        echo "e2e: error: sitrep serve exited" >&2
        exit 1
    fi
    sleep 0.1
done
if [[ -z "$url" ]]; then
    echo "e2e: error: sitrep serve did not start" >&2
    exit 1
fi
echo "e2e: serving on $url"

status=0
node "$here/test.mjs" "$url" "$artifacts" || status=1

# Another process writes the ledger while the server answers a bounded
# burst of requests.
python3 - "$scratch/more.jsonl" <<'PY' 2>/dev/null || node -e '
const fs = require("fs");
let out = "";
for (let i = 0; i < 3000; i++) out += JSON.stringify({id: "load-" + i, published: "2025-11-01", text: "Officials said " + (i % 50 + 2) + " soldiers were killed near the border on Friday. The army said it had destroyed " + (i % 9 + 1) + " posts."}) + "\n";
fs.writeFileSync(process.argv[1], out);' "$scratch/more.jsonl"
import json, sys
with open(sys.argv[1], "w") as out:
    for i in range(3000):
        out.write(json.dumps({"id": f"load-{i}", "published": "2025-11-01",
            "text": f"Officials said {i % 50 + 2} soldiers were killed near the border on Friday. "
                    f"The army said it had destroyed {i % 9 + 1} posts."}) + "\n")
PY
"$sitrep" ingest --db "$db" --quiet "$scratch/more.jsonl" 2>"$scratch/ingest.log" &
ingest_pid=$!
node "$here/load.mjs" "$url" 2000 8 || status=1
wait "$ingest_pid" || { echo "e2e: error: the concurrent ingest failed" >&2; cat "$scratch/ingest.log" >&2; status=1; }
ingest_pid=""
tail -n 1 "$scratch/ingest.log"

if grep -q '"status":5[0-9][0-9]' "$scratch/serve.log"; then
    echo "e2e: error: the server answered 5xx:" >&2
    grep '"status":5[0-9][0-9]' "$scratch/serve.log" | head -n 5 >&2
    status=1
fi
cp "$scratch/serve.log" "$artifacts/serve.log"
echo "e2e: screenshots and the server log are in $artifacts"
exit "$status"
