-- Rifq schema 13: the words of every name, for the search.
--
-- beneficiary_word holds one row for each word of each name, with the name and its number, in
-- word order, then name order (the database sorts byte by byte). A word's names are a range of
-- its index, already in name order, read without the registry's rows: the first fifty names
-- holding a common family name are fifty entries, and the other words typed are tested on the
-- name beside them. name_word holds every word a name has held, once: the words that start with
-- what was typed. Its count of names is an estimate, exact when counted (here, and after a
-- large write, rifq_beneficiary_store_count_words), 1 for a word new since: it only chooses which
-- word typed the names are read through, never which names are found, and no write updates it
-- (one row updated by every name of a long transaction, a desk's copy, would leave a version
-- behind each time for the next update to step over). A word no name holds any longer stays,
-- and finds nothing. They replace the GIN index over to_tsvector (name_norm) of schema 1, which
-- read every word starting with what was typed (40 ms for three letters at a million names)
-- and every name holding a common word, to count it or to put its names in order.
--
-- Both are kept by PostgreSQL itself, in the same statement as the name, whoever writes it
-- (Rifq, rifq-admin, psql): a trigger, with the database owner's rights, so a member of staff
-- who may write a name need not be given these tables too. A workstation keeping what it read
-- (rifq-pg-answers.c) forgets what it read from them whenever beneficiary is written.
--
-- The desk's migrations/0013-name-words.sql makes the same tables, kept by SQLite's triggers.

CREATE TABLE beneficiary_word (
  word      text NOT NULL,
  name_norm text NOT NULL,
  id        bigint NOT NULL,
  PRIMARY KEY (word, name_norm, id)
);

CREATE TABLE name_word (
  word  text PRIMARY KEY,
  names bigint NOT NULL DEFAULT 1 CHECK (names >= 0)
);

-- The words of a normalised name: letters and digits, one space between them (rifq-arabic.c).
INSERT INTO beneficiary_word (word, name_norm, id)
  SELECT DISTINCT w, name_norm, id FROM beneficiary, unnest (string_to_array (name_norm, ' ')) w
  WHERE w <> '';
INSERT INTO name_word (word, names) SELECT word, count(*) FROM beneficiary_word GROUP BY word;

DO $do$
BEGIN
  EXECUTE format ($f$
    CREATE FUNCTION keep_name_words () RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp AS $body$
    DECLARE
      w text;
    BEGIN
      IF TG_OP = 'UPDATE' AND OLD.name_norm IS NOT DISTINCT FROM NEW.name_norm AND OLD.id = NEW.id THEN
        RETURN NULL;
      END IF;
      IF TG_OP IN ('UPDATE', 'DELETE') THEN
        DELETE FROM %1$I.beneficiary_word
          WHERE word = ANY (string_to_array (OLD.name_norm, ' ')) AND name_norm = OLD.name_norm AND id = OLD.id;
      END IF;
      -- Word by word, in the words' order: two writers adding the same new words wait for each
      -- other in the same order, and neither waits forever.
      IF TG_OP IN ('INSERT', 'UPDATE') THEN
        FOR w IN SELECT DISTINCT x FROM unnest (string_to_array (NEW.name_norm, ' ')) x WHERE x <> '' ORDER BY x
        LOOP
          INSERT INTO %1$I.beneficiary_word (word, name_norm, id) VALUES (w, NEW.name_norm, NEW.id);
          INSERT INTO %1$I.name_word (word) VALUES (w) ON CONFLICT (word) DO NOTHING;
        END LOOP;
      END IF;
      RETURN NULL;
    END
    $body$;
    CREATE FUNCTION forget_name_words () RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp AS $body$
    BEGIN
      TRUNCATE %1$I.beneficiary_word, %1$I.name_word;
      RETURN NULL;
    END
    $body$;
  $f$, current_schema ());
END
$do$;

CREATE TRIGGER keep_name_words AFTER INSERT OR DELETE OR UPDATE OF name_norm, id ON beneficiary
  FOR EACH ROW EXECUTE FUNCTION keep_name_words ();
CREATE TRIGGER keep_name_words_emptied AFTER TRUNCATE ON beneficiary
  FOR EACH STATEMENT EXECUTE FUNCTION forget_name_words ();

-- Their writes are counted as every table's are (schema 12).
CREATE TRIGGER count_writes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON beneficiary_word
  FOR EACH STATEMENT EXECUTE FUNCTION count_write ();
CREATE TRIGGER count_writes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON name_word
  FOR EACH STATEMENT EXECUTE FUNCTION count_write ();

DROP INDEX beneficiary_by_name_words;

ANALYZE beneficiary_word;
ANALYZE name_word;
