-- Rifq schema 8: a request keeps the year and the sequence it was numbered with.
--
-- Staff type request numbers short ("1448/2" for "1448/000002"); found by these two parts, a
-- request is found whatever the number format was when it was numbered, and whatever it is now.

ALTER TABLE request ADD COLUMN seq_year INTEGER;
ALTER TABLE request ADD COLUMN seq INTEGER;

-- Numbers written year/sequence, as the format has always been by default.
UPDATE request SET
  seq_year = CAST (substr (number, 1, instr (number, '/') - 1) AS INTEGER),
  seq = CAST (substr (number, instr (number, '/') + 1) AS INTEGER)
  WHERE number GLOB '[0-9]*/[0-9]*' AND number NOT GLOB '*[^0-9/]*' AND number NOT GLOB '*/*/*';

CREATE INDEX request_sequence ON request (seq_year, seq);
