-- Rifq schema 11: a request's document carries a version, as an applicant's record does, so that
-- two officers entering the same document from two workstations are told of each other: an entry
-- made over a newer one is refused, naming who saved it and when, and the form keeps what was
-- typed.
--
-- PostgreSQL dialect of migrations/0011-document-version.sql.

ALTER TABLE document ADD COLUMN version bigint NOT NULL DEFAULT 1 CHECK (version >= 1);
