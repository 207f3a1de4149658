-- Rifq schema 9: an applicant's record carries a version, so that two people saving it at the
-- same time from two workstations are told of each other: a save made over a newer version is
-- refused, naming who saved it and when, and the form keeps what was typed.
--
-- PostgreSQL dialect of migrations/0009-record-version.sql.

ALTER TABLE beneficiary ADD COLUMN version bigint NOT NULL DEFAULT 1 CHECK (version >= 1);
