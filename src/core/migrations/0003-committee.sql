-- Rifq schema version 3: the research committee's meetings, votes and decisions, the outgoing
-- letters register, and the association's seal key.

-- The decision rule (settings, so the board can change it):
--   quorum: more than half of the committee present;
--   decision: the majority of the members present; the chair's vote breaks a tie.
INSERT INTO settings (key, value) VALUES
  ('committee_quorum', 'more_than_half'),
  ('committee_majority', 'of_present'),
  ('committee_chair_breaks_tie', '1'),
  ('letter_number_format', '{year}/{seq:4}');

CREATE TABLE meeting (
  id         INTEGER PRIMARY KEY,
  held_on    TEXT NOT NULL,
  place      TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- Who of the committee (staff with the committee or chair role) attended.
CREATE TABLE meeting_member (
  meeting_id INTEGER NOT NULL REFERENCES meeting (id),
  username   TEXT NOT NULL REFERENCES staff (username),
  present    INTEGER NOT NULL CHECK (present IN (0, 1)),
  PRIMARY KEY (meeting_id, username)
);

CREATE TABLE agenda_item (
  meeting_id INTEGER NOT NULL REFERENCES meeting (id),
  request_id INTEGER NOT NULL REFERENCES request (id),
  position   INTEGER NOT NULL,
  PRIMARY KEY (meeting_id, request_id)
);

CREATE INDEX agenda_request ON agenda_item (request_id);

CREATE TABLE vote (
  meeting_id INTEGER NOT NULL REFERENCES meeting (id),
  request_id INTEGER NOT NULL REFERENCES request (id),
  username   TEXT NOT NULL REFERENCES staff (username),
  vote       TEXT NOT NULL CHECK (vote IN ('accept', 'reject', 'defer')),
  amount     INTEGER CHECK (amount >= 0),
  note       TEXT,
  at         TEXT NOT NULL,
  PRIMARY KEY (meeting_id, request_id, username)
);

CREATE TABLE decision (
  id         INTEGER PRIMARY KEY,
  request_id INTEGER NOT NULL REFERENCES request (id),
  meeting_id INTEGER NOT NULL REFERENCES meeting (id),
  decision   TEXT NOT NULL CHECK (decision IN ('accept', 'reject', 'defer')),
  amount     INTEGER CHECK (amount >= 0),
  reasons    TEXT NOT NULL,
  tally_json TEXT NOT NULL,
  decided_by TEXT NOT NULL,
  decided_at TEXT NOT NULL
);

CREATE INDEX decision_request ON decision (request_id);

-- The outgoing letters register: every letter to an applicant has its number.
CREATE TABLE letter (
  id          INTEGER PRIMARY KEY,
  number      TEXT NOT NULL UNIQUE,
  request_id  INTEGER NOT NULL REFERENCES request (id),
  decision_id INTEGER NOT NULL REFERENCES decision (id),
  kind        TEXT NOT NULL CHECK (kind IN ('acceptance', 'rejection', 'deferral')),
  issued_on   TEXT NOT NULL,
  issued_by   TEXT NOT NULL
);

-- The association's Ed25519 key pair, one row.
CREATE TABLE seal_key (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  secret_key BLOB NOT NULL CHECK (length (secret_key) = 64),
  public_key BLOB NOT NULL CHECK (length (public_key) = 32),
  created_at TEXT NOT NULL
);
