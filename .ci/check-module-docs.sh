#!/usr/bin/env bash
# Fails if a Rust source file under crates/*/src/ does not start with a `//!`
# module doc (STYLE.md 7.2, point 4): every module says what it does and
# what it does not. Prints each offending file.
#
# Usage: .ci/check-module-docs.sh [REPO_ROOT]   (default: the current directory)
set -euo pipefail

root="${1:-.}"
status=0
count=0
while IFS= read -r -d '' file; do
    count=$((count + 1))
    first_line="$(head -n 1 -- "$file")"
    if [[ "$first_line" != '//!'* ]]; then
        echo "missing //! module doc on line 1: $file" >&2
        status=1
    fi
done < <(find "$root"/crates/*/src -type f -name '*.rs' -print0 | sort -z)

if [[ "$count" -eq 0 ]]; then
    echo "no Rust files found under $root/crates/*/src" >&2
    exit 1
fi
if [[ "$status" -eq 0 ]]; then
    echo "all $count source files start with a //! module doc"
fi
exit "$status"
