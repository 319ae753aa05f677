#!/usr/bin/env bash
# Runs every fuzz target for SECONDS seconds each, on stable Rust.
#
#   fuzz/run.sh 30          # 30 s per target
#   fuzz/run.sh 30 extract  # one target
#
# Installs cargo-fuzz (pinned) when it is missing. Builds without a
# sanitizer (`--sanitizer none`): AddressSanitizer needs nightly's
# -Zsanitizer, and the extraction core is safe Rust (`unsafe_code = "forbid"`),
# so the bugs to find are panics, overflows (overflow checks stay on) and
# malformed spans, which the targets assert. Exits non-zero on the first
# crash; libFuzzer saves the input under fuzz/artifacts/<target>/.
#
# Environment: FUZZ_TARGET_DIR (default fuzz/target) for the build output,
# FUZZ_RSS_MB (default 2048) for libFuzzer's memory limit.
set -euo pipefail

seconds="${1:?usage: fuzz/run.sh SECONDS [TARGET...]}"
shift
cd "$(dirname "${BASH_SOURCE[0]}")"
fuzz_dir="$(pwd)"

cargo_fuzz_version=0.13.2
if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "==> installing cargo-fuzz $cargo_fuzz_version"
    cargo install cargo-fuzz --locked --version "$cargo_fuzz_version"
fi

targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
    mapfile -t targets < <(cargo fuzz list)
fi

# Seed corpus: the bundled sample articles, prefixed by a byte that selects
# a publication day (see src/lib.rs). libFuzzer reads seed directories given
# after the main corpus and never writes to them.
seeds="$fuzz_dir/target/seeds"
rm -rf "$seeds"
mkdir -p "$seeds"
n=0
for f in ../data/samples/*.txt; do
    [[ -f $f ]] || continue
    { printf '\001'; cat "$f"; } >"$seeds/txt-$n"
    n=$((n + 1))
done
for f in ../data/samples/*.jsonl; do
    [[ -f $f ]] || continue
    while IFS= read -r line; do
        printf '\001%s' "$line" >"$seeds/jsonl-$n"
        n=$((n + 1))
    done <"$f"
done

target_dir="${FUZZ_TARGET_DIR:-$fuzz_dir/target}"
for target in "${targets[@]}"; do
    echo "==> fuzzing $target for ${seconds}s"
    mkdir -p "corpus/$target"
    cargo fuzz run --sanitizer none --target-dir "$target_dir" "$target" \
        "corpus/$target" "$seeds" -- \
        -max_total_time="$seconds" -rss_limit_mb="${FUZZ_RSS_MB:-2048}" -print_final_stats=1
done
echo "==> fuzzing done: no crash in ${#targets[@]} target(s)"
