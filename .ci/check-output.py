#!/usr/bin/env python3
"""Checks `sitrep extract` output against its JSONL input (the .ci/run smoke test).

    check-output.py INPUT.jsonl OUTPUT.jsonl
    check-output.py --ids ID[,ID...] OUTPUT.jsonl

Every output line must be a JSON object with the SPEC record keys (id,
published, claims, events; claims and events arrays), and the ids must be
the input's ids in input order. Prints a one-line summary; exits 1 on the
first problem.
"""
import json
import sys

REQUIRED = ("id", "published", "claims", "events")


def fail(message):
    print(f"check-output: {message}", file=sys.stderr)
    sys.exit(1)


def input_ids(path):
    ids = []
    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            if line.strip():
                ids.append(json.loads(line)["id"])
    return ids


def main(argv):
    if len(argv) == 3 and argv[0] == "--ids":
        expected = argv[1].split(",")
        output = argv[2]
    elif len(argv) == 2:
        expected = input_ids(argv[0])
        output = argv[1]
    else:
        fail(__doc__.strip().splitlines()[2].strip())
    got = []
    claims = events = 0
    with open(output, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                fail(f"{output}:{n}: not JSON: {err}")
            if not isinstance(record, dict):
                fail(f"{output}:{n}: not a JSON object")
            missing = [k for k in REQUIRED if k not in record]
            if missing:
                fail(f"{output}:{n}: missing keys {missing}")
            if not isinstance(record["claims"], list) or not isinstance(record["events"], list):
                fail(f"{output}:{n}: claims and events must be arrays")
            got.append(record["id"])
            claims += len(record["claims"])
            events += len(record["events"])
    if got != expected:
        fail(f"ids {got} differ from the input's {expected}")
    print(f"{output}: {len(got)} record(s), {claims} claims, {events} events, ids in input order")


if __name__ == "__main__":
    main(sys.argv[1:])
