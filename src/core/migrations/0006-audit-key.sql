-- Rifq schema 6: the audit log's links keyed, and its head anchored.
--
-- Each entry's hash becomes an HMAC-SHA256 under the audit key, a secret that lives in a file
-- of its own beside the seal's key (never in the database), so that someone who can edit the
-- database file can neither rewrite an entry and recompute the chain after it nor add entries
-- of their own. Entries written before this version keep their plain SHA-256 links (key_id
-- NULL). The anchor holds the number of entries and the last one's id and hash, keyed too, and
-- is rewritten in the transaction of every write: deleting entries from the end, or all of them,
-- no longer leaves a chain that looks whole. A copy of the anchor is also kept in the key folder,
-- so that restoring an older copy of the database is found as well.

ALTER TABLE audit ADD COLUMN key_id TEXT;

CREATE TABLE chain_key (
  key_id     TEXT PRIMARY KEY CHECK (length (key_id) = 16),
  created_at TEXT NOT NULL
);

CREATE TABLE audit_anchor (
  id       INTEGER PRIMARY KEY CHECK (id = 1),
  entries  INTEGER NOT NULL,
  last_id  INTEGER NOT NULL,
  last_hash TEXT NOT NULL,
  key_id   TEXT NOT NULL,
  mac      TEXT NOT NULL
);
