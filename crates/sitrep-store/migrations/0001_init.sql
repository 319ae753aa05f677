-- sitrep store, schema version 1.
--
-- Applied by src/migrate.rs inside one transaction, which then sets
-- PRAGMA user_version = 1. Never edit a released migration: add 0002_*.sql.
--
-- Dates are TEXT in ISO form: `published`, `date_first` and `date_last` are
-- always YYYY-MM-DD, so they compare correctly as strings; `date` keeps the
-- granularity the text gave (YYYY-MM-DD, YYYY-MM or YYYY).

-- Marks the file as a sitrep store ("SITR" in ASCII).
PRAGMA application_id = 1397314642;

-- One row per document id: the latest content stored under that id.
CREATE TABLE documents (
    id           TEXT PRIMARY KEY NOT NULL,
    url          TEXT,
    outlet       TEXT,
    published    TEXT,
    title        TEXT,
    text         TEXT NOT NULL,
    -- Hex SHA-256 over every field above (see src/hash.rs).
    content_hash TEXT NOT NULL
);
CREATE INDEX documents_content_hash ON documents (content_hash);
CREATE INDEX documents_published ON documents (published);

-- The extraction currently stored for each document, and what made it.
CREATE TABLE extraction_runs (
    document_id       TEXT PRIMARY KEY NOT NULL
                      REFERENCES documents (id) ON DELETE CASCADE,
    extractor_version TEXT NOT NULL,
    claims            INTEGER NOT NULL,
    events            INTEGER NOT NULL
);
CREATE INDEX extraction_runs_version ON extraction_runs (extractor_version);

CREATE TABLE claims (
    id                 INTEGER PRIMARY KEY,
    document_id        TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    -- Position in the extraction's claim list, from 0.
    ordinal            INTEGER NOT NULL,
    category           TEXT NOT NULL,
    subject_text       TEXT NOT NULL,
    subject_side       TEXT,
    subject_kind       TEXT NOT NULL,
    n                  INTEGER NOT NULL,
    n_max              INTEGER,
    qualifier          TEXT NOT NULL,
    value_text         TEXT NOT NULL,
    stance             TEXT NOT NULL,
    -- All three NULL when the article states the figure in its own voice.
    claimant_text      TEXT,
    claimant_side      TEXT,
    claimant_anonymous INTEGER,
    date               TEXT,
    -- The days `date` covers; the publication day when `date` is NULL.
    date_first         TEXT,
    date_last          TEXT,
    evidence_start     INTEGER NOT NULL,
    evidence_end       INTEGER NOT NULL,
    quote              TEXT NOT NULL,
    confidence         REAL NOT NULL,
    -- Flag names separated by ',', '' for none.
    flags              TEXT NOT NULL,
    UNIQUE (document_id, ordinal),
    CHECK ((claimant_text IS NULL) = (claimant_anonymous IS NULL))
);
-- For the filters. Each ends with (date_first, date_last) so that results
-- come in date order and date bounds are checked inside the index, without
-- reading the row (see src/sqlite/read.rs for how date ranges are searched).
CREATE INDEX claims_category ON claims (category, date_first, date_last);
CREATE INDEX claims_subject_side ON claims (subject_side, date_first, date_last);
CREATE INDEX claims_claimant_side ON claims (claimant_side, date_first, date_last);
CREATE INDEX claims_kind ON claims (subject_kind, date_first, date_last);
CREATE INDEX claims_date ON claims (date_first, date_last);

CREATE TABLE events (
    id             INTEGER PRIMARY KEY,
    document_id    TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    ordinal        INTEGER NOT NULL,
    type           TEXT NOT NULL,
    mode           TEXT,
    -- An actor is absent when its text is NULL; sides are separated by ','.
    actor1_text    TEXT,
    actor1_sides   TEXT,
    actor2_text    TEXT,
    actor2_sides   TEXT,
    date           TEXT,
    date_first     TEXT,
    date_last      TEXT,
    negated        INTEGER NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    quote          TEXT NOT NULL,
    UNIQUE (document_id, ordinal),
    CHECK ((actor1_text IS NULL) = (actor1_sides IS NULL)),
    CHECK ((actor2_text IS NULL) = (actor2_sides IS NULL))
);
CREATE INDEX events_type ON events (type, date_first, date_last);
CREATE INDEX events_date ON events (date_first, date_last);

-- Where each event happened, most specific first.
CREATE TABLE event_places (
    event_id  INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    ordinal   INTEGER NOT NULL,
    name      TEXT NOT NULL,
    country   TEXT,
    admin1    TEXT,
    lat       REAL,
    lon       REAL,
    precision TEXT,
    PRIMARY KEY (event_id, ordinal)
) WITHOUT ROWID;
CREATE INDEX event_places_name ON event_places (name COLLATE NOCASE);
CREATE INDEX event_places_country ON event_places (country);

-- Every side of either actor of an event, for the side filter.
CREATE TABLE event_sides (
    side     TEXT NOT NULL,
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    PRIMARY KEY (side, event_id)
) WITHOUT ROWID;
CREATE INDEX event_sides_event ON event_sides (event_id);
