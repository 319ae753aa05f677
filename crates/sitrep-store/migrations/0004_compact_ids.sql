-- Schema version 4: fewer, cheaper index entries per stored item.
--
-- Measured on 10,000 generated articles (25 claims and 8 events each,
-- examples/ingest_speed.rs), version 3 spent about 540 µs of CPU per
-- document in the writer; most of it inserting index entries. This
-- version rebuilds the tables (SQLite's twelve-step way, foreign keys off
-- around it, see src/migrate.rs) so that:
--
-- * documents get an explicit `seq INTEGER PRIMARY KEY`: the order in
--   which they were stored (the old rowid, copied), which VACUUM keeps
--   (it may renumber an implicit rowid);
-- * a claim's and an event's id is `(seq << 20) | ordinal`. A document's
--   claims are one range of the table's own key, so the UNIQUE
--   (document_id, ordinal) index, the document_id column and the foreign
--   key check on every insert are gone. An extraction holds at most
--   2^20 claims and 2^20 events (src/sqlite/write.rs rejects more);
-- * the extraction run is four columns of `documents` instead of a table
--   with its own index;
-- * the band indexes are no longer partial: with `WHERE bandN IS NOT NULL`
--   SQLite had to look at the bound value to prove the index usable, and
--   so re-prepared the candidate query for every document (a quarter of
--   the writer's time);
-- * claims keep four filter indexes instead of six: `claims_subject`
--   answers the subject side alone (its prefix), and the kind alone is
--   rare enough to be answered through the dates or a scan;
-- * event_sides carries the event's first day, so a side filter walks the
--   events in date order (the order results are returned in) and a LIMIT
--   stops it early. Undated events have date_first '' (before every day).
--
-- Items have no foreign keys any more: src/sqlite/write.rs deletes a
-- document's claims, events, places and sides by id range, in the same
-- transaction that writes their replacements.

CREATE TABLE documents_v4 (
    seq               INTEGER PRIMARY KEY,
    id                TEXT NOT NULL UNIQUE,
    url               TEXT,
    outlet            TEXT,
    published         TEXT,
    title             TEXT,
    -- Hex SHA-256 over every field of the document (see src/hash.rs).
    content_hash      TEXT NOT NULL,
    -- The id of the earliest-stored document of this one's syndicate (its
    -- own id when it is the original or nobody's copy).
    syndicate         TEXT NOT NULL,
    -- The extraction stored for this document and what made it; NULL
    -- before the first extraction is stored.
    extractor_version TEXT,
    claims            INTEGER,
    events            INTEGER,
    -- Fingerprint::to_bytes (src/syndication.rs).
    fingerprint       BLOB,
    -- Fingerprint::bands: the keys copies are looked up by.
    band0             INTEGER,
    band1             INTEGER,
    band2             INTEGER,
    band3             INTEGER,
    band4             INTEGER,
    band5             INTEGER,
    band6             INTEGER,
    band7             INTEGER,
    text              TEXT NOT NULL
);

INSERT INTO documents_v4 (seq, id, url, outlet, published, title, content_hash, syndicate,
                          extractor_version, claims, events, fingerprint,
                          band0, band1, band2, band3, band4, band5, band6, band7, text)
SELECT d.rowid, d.id, d.url, d.outlet, d.published, d.title, d.content_hash, d.syndicate,
       r.extractor_version, r.claims, r.events, d.fingerprint,
       d.band0, d.band1, d.band2, d.band3, d.band4, d.band5, d.band6, d.band7, d.text
FROM documents d LEFT JOIN extraction_runs r ON r.document_id = d.id;

CREATE TABLE claims_v4 (
    -- (documents.seq << 20) | position in the extraction's claim list.
    id                 INTEGER PRIMARY KEY,
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
    CHECK ((claimant_text IS NULL) = (claimant_anonymous IS NULL))
);

INSERT INTO claims_v4 (id, category, subject_text, subject_side, subject_kind, n, n_max,
                       qualifier, value_text, stance, claimant_text, claimant_side,
                       claimant_anonymous, date, date_first, date_last, evidence_start,
                       evidence_end, quote, confidence, flags)
SELECT (d.seq << 20) | c.ordinal, c.category, c.subject_text, c.subject_side, c.subject_kind,
       c.n, c.n_max, c.qualifier, c.value_text, c.stance, c.claimant_text, c.claimant_side,
       c.claimant_anonymous, c.date, c.date_first, c.date_last, c.evidence_start,
       c.evidence_end, c.quote, c.confidence, c.flags
FROM claims c JOIN documents_v4 d ON d.id = c.document_id
ORDER BY 1;

CREATE TABLE events_v4 (
    -- (documents.seq << 20) | position in the extraction's event list.
    id             INTEGER PRIMARY KEY,
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
    CHECK ((actor1_text IS NULL) = (actor1_sides IS NULL)),
    CHECK ((actor2_text IS NULL) = (actor2_sides IS NULL))
);

INSERT INTO events_v4 (id, type, mode, actor1_text, actor1_sides, actor2_text, actor2_sides,
                       date, date_first, date_last, negated, evidence_start, evidence_end,
                       quote)
SELECT (d.seq << 20) | e.ordinal, e.type, e.mode, e.actor1_text, e.actor1_sides,
       e.actor2_text, e.actor2_sides, e.date, e.date_first, e.date_last, e.negated,
       e.evidence_start, e.evidence_end, e.quote
FROM events e JOIN documents_v4 d ON d.id = e.document_id
ORDER BY 1;

-- Where each event happened, most specific first.
CREATE TABLE event_places_v4 (
    event_id  INTEGER NOT NULL,
    ordinal   INTEGER NOT NULL,
    name      TEXT NOT NULL,
    country   TEXT,
    admin1    TEXT,
    lat       REAL,
    lon       REAL,
    precision TEXT,
    PRIMARY KEY (event_id, ordinal)
) WITHOUT ROWID;

INSERT INTO event_places_v4 (event_id, ordinal, name, country, admin1, lat, lon, precision)
SELECT (d.seq << 20) | e.ordinal, p.ordinal, p.name, p.country, p.admin1, p.lat, p.lon,
       p.precision
FROM event_places p JOIN events e ON e.id = p.event_id
JOIN documents_v4 d ON d.id = e.document_id;

-- Every side of either actor of an event, for the side filter.
CREATE TABLE event_sides_v4 (
    side       TEXT NOT NULL,
    -- The event's date_first, '' when it has none.
    date_first TEXT NOT NULL,
    event_id   INTEGER NOT NULL,
    PRIMARY KEY (side, date_first, event_id)
) WITHOUT ROWID;

INSERT INTO event_sides_v4 (side, date_first, event_id)
SELECT s.side, coalesce(e.date_first, ''), (d.seq << 20) | e.ordinal
FROM event_sides s JOIN events e ON e.id = s.event_id
JOIN documents_v4 d ON d.id = e.document_id;

DROP TABLE event_sides;
DROP TABLE event_places;
DROP TABLE events;
DROP TABLE claims;
DROP TABLE extraction_runs;
DROP TABLE documents;

ALTER TABLE documents_v4 RENAME TO documents;
ALTER TABLE claims_v4 RENAME TO claims;
ALTER TABLE events_v4 RENAME TO events;
ALTER TABLE event_places_v4 RENAME TO event_places;
ALTER TABLE event_sides_v4 RENAME TO event_sides;

CREATE INDEX documents_published ON documents (published);
CREATE INDEX documents_syndicate ON documents (syndicate);
CREATE INDEX documents_extractor ON documents (extractor_version);
CREATE INDEX documents_band0 ON documents (band0);
CREATE INDEX documents_band1 ON documents (band1);
CREATE INDEX documents_band2 ON documents (band2);
CREATE INDEX documents_band3 ON documents (band3);
CREATE INDEX documents_band4 ON documents (band4);
CREATE INDEX documents_band5 ON documents (band5);
CREATE INDEX documents_band6 ON documents (band6);
CREATE INDEX documents_band7 ON documents (band7);

-- For the filters. Each ends with (date_first, date_last) so that results
-- come in date order and date bounds are checked inside the index, without
-- reading the row (see src/sqlite/read.rs for how date ranges are searched).
CREATE INDEX claims_date ON claims (date_first, date_last);
CREATE INDEX claims_subject ON claims (subject_side, category, subject_kind, date_first, date_last);
CREATE INDEX claims_category ON claims (category, date_first, date_last);
CREATE INDEX claims_claimant_side ON claims (claimant_side, date_first, date_last);

CREATE INDEX events_type ON events (type, date_first, date_last);
CREATE INDEX events_date ON events (date_first, date_last);
CREATE INDEX event_places_name ON event_places (name COLLATE NOCASE);
CREATE INDEX event_places_country ON event_places (country);
