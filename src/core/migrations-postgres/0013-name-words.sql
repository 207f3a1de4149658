-- Rifq schema 13: the words of every name, for the search.
--
-- beneficiary_word holds one row for each word of each name, with the name and its number, in
-- word order, then name order (the database sorts byte by byte), and one for each two words
-- that follow each other, " w1 w2" (a space first, so that no word's range holds them): a
-- word's names are a range of its index, already in name order, read without the registry's
-- rows, and the first fifty names holding a common family name are fifty entries; two common
-- words typed one after the other ("إبراهيم عبدالكريم") are the few names holding the two
-- together. The other words typed are tested on the name beside each entry. name_word holds every word a name has held, once: the words that start with
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
-- who may write a name need not be allowed to write these tables too (reading them is given
-- below to whoever may read the names). A workstation keeping what it read
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

-- The words of a normalised name (letters and digits, one space between them, rifq-arabic.c)
-- and its pairs of words, each once.
CREATE FUNCTION name_words (name text) RETURNS SETOF text LANGUAGE sql IMMUTABLE STRICT
SET search_path = pg_catalog, pg_temp AS $$
  SELECT DISTINCT t.w FROM (SELECT string_to_array (name, ' ') AS a) s,
    LATERAL (SELECT s.a[i] FROM generate_subscripts (s.a, 1) i
             UNION ALL
             SELECT ' ' || s.a[i] || ' ' || s.a[i + 1] FROM generate_subscripts (s.a, 1) i
             WHERE i < cardinality (s.a) AND s.a[i] <> '' AND s.a[i + 1] <> '') t (w)
  WHERE t.w <> ''
$$;

INSERT INTO beneficiary_word (word, name_norm, id)
  SELECT w, name_norm, id FROM beneficiary, name_words (name_norm) w;
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
          WHERE word IN (SELECT %1$I.name_words (OLD.name_norm)) AND name_norm = OLD.name_norm AND id = OLD.id;
      END IF;
      -- Word by word, in the words' order: two writers adding the same new words wait for each
      -- other in the same order, and neither waits forever.
      IF TG_OP IN ('INSERT', 'UPDATE') THEN
        FOR w IN SELECT x FROM %1$I.name_words (NEW.name_norm) x ORDER BY x
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

-- Whoever may read the registry's names may read their words, and whoever may change them may
-- count the words again (rifq_beneficiary_store_count_words): a member of staff given the tables
-- before this schema searches as before.
DO $$
DECLARE
  g record;
BEGIN
  FOR g IN SELECT DISTINCT grantee, privilege_type FROM information_schema.role_table_grants
           WHERE table_schema = current_schema () AND table_name = 'beneficiary'
           AND privilege_type IN ('SELECT', 'UPDATE') AND grantee <> current_user
  LOOP
    EXECUTE format (CASE g.privilege_type WHEN 'SELECT' THEN 'GRANT SELECT ON beneficiary_word, name_word TO %s'
                                          ELSE 'GRANT UPDATE ON name_word TO %s' END,
                    CASE g.grantee WHEN 'PUBLIC' THEN 'PUBLIC' ELSE quote_ident (g.grantee) END);
  END LOOP;
END
$$;

ANALYZE beneficiary_word;
ANALYZE name_word;

-- The registry's names by name and date of birth (schema 1): the duplicates' check finds a
-- name's few rows through beneficiary_by_name (name_norm, id) as well, and the planner, misled
-- by a range of Arabic names it cannot estimate, chose this index for the names starting with
-- what was typed and sorted thousands of them by number (10 ms at a million).
DROP INDEX beneficiary_by_name_birth;
