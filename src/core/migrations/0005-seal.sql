-- Rifq schema 5: the seal made once, when the applicant signs; the private key out of the records.
--
-- The association's public keys stay here, every one ever used, so that documents sealed before a
-- key was rotated still verify. The private key lives in a file of its own (mode 0600) outside
-- the database: a copy of the database, or a backup of it, cannot forge a seal. Rifq moves an
-- older database's private key out on first opening it (rifq_seal_ensure_key), then forgets it.

CREATE TABLE seal_public_key (
  key_id     TEXT PRIMARY KEY CHECK (length (key_id) = 16),
  public_key BLOB NOT NULL UNIQUE CHECK (length (public_key) = 32),
  created_at TEXT NOT NULL,
  retired_at TEXT
);

-- One key in use at a time.
CREATE UNIQUE INDEX seal_public_key_current ON seal_public_key ((retired_at IS NULL)) WHERE retired_at IS NULL;

INSERT INTO seal_public_key (key_id, public_key, created_at)
  SELECT lower (hex (substr (public_key, 1, 8))), public_key, created_at FROM seal_key;

-- The secret waits here only until Rifq has written it to its file.
ALTER TABLE seal_key RENAME TO seal_key_to_move;

-- A document's seal, made once: for a request in the transaction that submits it. values_json is
-- everything the document prints, as canonical JSON; summary_json the values its QR code carries
-- with the SHA-256 of values_json; signature the Ed25519 signature of summary_json.
CREATE TABLE seal (
  id           INTEGER PRIMARY KEY,
  kind         TEXT NOT NULL CHECK (kind IN ('request', 'letter', 'minutes')),
  subject_id   INTEGER NOT NULL,
  number       TEXT NOT NULL,
  values_json  TEXT NOT NULL,
  summary_json TEXT NOT NULL,
  signature    BLOB NOT NULL CHECK (length (signature) = 64),
  key_id       TEXT NOT NULL REFERENCES seal_public_key (key_id),
  sealed_at    TEXT NOT NULL,
  UNIQUE (kind, subject_id)
);
