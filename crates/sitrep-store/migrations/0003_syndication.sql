-- Schema version 3: syndicated copies (see src/syndication.rs).
--
-- The documents table is rebuilt (SQLite's documented twelve-step way:
-- new table, copy, drop, rename; src/migrate.rs turns foreign keys off
-- around it and checks them before committing) so that the large `text`
-- column comes last: columns after it would sit in overflow pages, and
-- every claim and event query reads `syndicate`. Rowids are kept: they are
-- the order in which documents were stored, and "earliest stored" decides
-- which copy names its syndicate.
--
-- Fingerprints start NULL; src/migrate.rs computes them and links the
-- copies, in the same transaction, before user_version becomes 3.
--
-- The index on content_hash is dropped: the store reads a document's hash
-- by id only, so it cost a random-position insert per document for nothing.

CREATE TABLE documents_v3 (
    id           TEXT PRIMARY KEY NOT NULL,
    url          TEXT,
    outlet       TEXT,
    published    TEXT,
    title        TEXT,
    -- Hex SHA-256 over every field of the document (see src/hash.rs).
    content_hash TEXT NOT NULL,
    -- The id of the earliest-stored document of this one's syndicate (its
    -- own id when it is the original or nobody's copy).
    syndicate    TEXT NOT NULL,
    -- Fingerprint::to_bytes (src/syndication.rs); NULL until computed.
    fingerprint  BLOB,
    -- Fingerprint::bands: the keys copies are looked up by.
    band0        INTEGER,
    band1        INTEGER,
    band2        INTEGER,
    band3        INTEGER,
    band4        INTEGER,
    band5        INTEGER,
    band6        INTEGER,
    band7        INTEGER,
    text         TEXT NOT NULL
);

INSERT INTO documents_v3 (rowid, id, url, outlet, published, title, content_hash, syndicate,
                          text)
SELECT rowid, id, url, outlet, published, title, content_hash, id, text FROM documents;

DROP TABLE documents;
ALTER TABLE documents_v3 RENAME TO documents;

CREATE INDEX documents_published ON documents (published);
CREATE INDEX documents_syndicate ON documents (syndicate);
-- Only documents with a key are indexed (short texts fill band0 only).
CREATE INDEX documents_band0 ON documents (band0) WHERE band0 IS NOT NULL;
CREATE INDEX documents_band1 ON documents (band1) WHERE band1 IS NOT NULL;
CREATE INDEX documents_band2 ON documents (band2) WHERE band2 IS NOT NULL;
CREATE INDEX documents_band3 ON documents (band3) WHERE band3 IS NOT NULL;
CREATE INDEX documents_band4 ON documents (band4) WHERE band4 IS NOT NULL;
CREATE INDEX documents_band5 ON documents (band5) WHERE band5 IS NOT NULL;
CREATE INDEX documents_band6 ON documents (band6) WHERE band6 IS NOT NULL;
CREATE INDEX documents_band7 ON documents (band7) WHERE band7 IS NOT NULL;
