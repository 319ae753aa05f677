#!/usr/bin/env bash
# Latency of `sitrep serve` on a large ledger, measured with wrk on loopback.
#
#   cargo build --release -p sitrep -p sitrep-server --example gen_store
#   target/release/examples/gen_store /tmp/big.db          # 1M claims, 200k events
#   bash crates/sitrep-server/bench.sh /tmp/big.db [SECONDS] [CONNECTIONS]
#
# Starts the release `sitrep serve` on a free loopback port, warms each
# query once, then runs wrk for SECONDS (default 10) per query with
# CONNECTIONS (default 8) connections on 2 threads, and prints one Markdown
# row per query: requests/s, p50, p99, max, and non-2xx answers. Traffic
# goes to 127.0.0.1 only; every run is bounded in time.
set -euo pipefail

db="${1:?usage: bench.sh LEDGER [SECONDS] [CONNECTIONS]}"
seconds="${2:-10}"
connections="${3:-8}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
target_dir="$(cd "$repo" && cargo metadata --format-version 1 --no-deps \
    | grep -o '"target_directory":"[^"]*"' | head -n 1 | cut -d '"' -f 4)"
sitrep="${SITREP_BIN:-$target_dir/release/sitrep}"
command -v wrk >/dev/null || { echo "bench: wrk is missing (apt-get install wrk)" >&2; exit 1; }

log="$(mktemp)"
"$sitrep" serve --db "$db" --addr 127.0.0.1:0 --log warn 2>"$log" &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -f "$log"' EXIT
url=""
for _ in $(seq 1 100); do
    url="$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$log" | head -n 1 || true)"
    [[ -n "$url" ]] && break
    sleep 0.1
done
[[ -n "$url" ]] || { cat "$log" >&2; exit 1; }

queries=(
    "/api/claims?limit=100"
    "/api/claims?side=PAK&category=killed&limit=100"
    "/api/claims?claimant=AFG&since=2025-03-01&until=2025-03-31&limit=100"
    "/api/claims?since=2025-06-01&until=2025-06-30&kind=civilians&limit=100"
    "/api/claims?category=captured&offset=5000&limit=100"
    "/api/events?side=AFG&type=ASSAULT&limit=100"
    "/api/events?place=Place%2017&limit=100"
    "/api/events?since=2025-10-01&until=2025-10-07&limit=1000"
    "/api/documents?since=2025-10&limit=100"
    "/api/places?since=2025-10-01&until=2025-10-31&limit=100"
    "/api/contested?since=2025-10-01&until=2025-10-01&category=killed"
    "/api/stats"
)
echo "| query | req/s | p50 | p99 | max | non-2xx |"
echo "|---|---:|---:|---:|---:|---:|"
for q in "${queries[@]}"; do
    curl -sf "$url$q" >/dev/null || { echo "bench: $q failed" >&2; exit 1; }
    out="$(wrk -t 2 -c "$connections" -d "${seconds}s" --latency "$url$q")"
    rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
    p50="$(awk '$1 == "50%" {print $2}' <<<"$out")"
    p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
    max="$(awk '$1 == "Latency" {print $4}' <<<"$out")"
    errors="$(awk '/Non-2xx/ {print $5}' <<<"$out")"
    echo "| \`$q\` | $rps | $p50 | $p99 | $max | ${errors:-0} |"
done
