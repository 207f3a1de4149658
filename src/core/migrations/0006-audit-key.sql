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

-- legacy_last_id: the last entry written before the key, with plain links; every entry after it
-- must be keyed. mac keys the row itself, so that moving that boundary is found.
CREATE TABLE chain_key (
  key_id         TEXT PRIMARY KEY CHECK (length (key_id) = 16),
  created_at     TEXT NOT NULL,
  legacy_last_id INTEGER NOT NULL DEFAULT 0,
  mac            TEXT NOT NULL DEFAULT ''
);

CREATE TABLE audit_anchor (
  id       INTEGER PRIMARY KEY CHECK (id = 1),
  entries  INTEGER NOT NULL,
  last_id  INTEGER NOT NULL,
  last_hash TEXT NOT NULL,
  key_id   TEXT NOT NULL,
  mac      TEXT NOT NULL
);
