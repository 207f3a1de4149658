-- Rifq schema 14: the beneficiary's consent, as the Personal Data Protection Law asks it kept:
-- to what (its scope), from which day, who recorded it, and, once withdrawn, from which day and
-- by whom. A consent is never deleted nor changed but to record its withdrawal; a new one is
-- recorded after a withdrawal.
CREATE TABLE consent (
  id             INTEGER PRIMARY KEY,
  beneficiary_id INTEGER NOT NULL REFERENCES beneficiary (id) ON DELETE CASCADE,
  scope          TEXT NOT NULL CHECK (scope IN ('records', 'contact', 'sharing')),
  given_on       TEXT NOT NULL,
  recorded_by    TEXT NOT NULL,
  recorded_at    TEXT NOT NULL,
  withdrawn_on   TEXT,
  withdrawn_by   TEXT,
  withdrawn_at   TEXT
);

CREATE INDEX consent_by_beneficiary ON consent (beneficiary_id, scope);
