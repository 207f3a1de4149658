-- Rifq schema 8: a request keeps the year and the sequence it was numbered with.
--
-- Staff type request numbers short ("1448/2" for "1448/000002"); found by these two parts, a
-- request is found whatever the number format was when it was numbered, and whatever it is now.
--
-- PostgreSQL dialect of migrations/0008-request-sequence.sql; the two are read side by side.

ALTER TABLE request ADD COLUMN seq_year bigint;
ALTER TABLE request ADD COLUMN seq bigint;

-- Numbers written year/sequence, as the format has always been by default. SQLite's three GLOBs
-- (a digit, then a slash and a digit; nothing but digits and slashes; not two slashes) say
-- together: digits, one slash, digits.
UPDATE request SET
  seq_year = CAST (substr (number, 1, strpos (number, '/') - 1) AS bigint),
  seq = CAST (substr (number, strpos (number, '/') + 1) AS bigint)
  WHERE number ~ '^[0-9]+/[0-9]+$';

CREATE INDEX request_sequence ON request (seq_year, seq);
