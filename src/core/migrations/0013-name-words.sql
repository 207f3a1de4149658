-- Rifq schema 13: the words of every name, for the search, in two tables kept by triggers
-- (the server's migration 0013 makes the same two tables, kept by its own trigger).
--
-- beneficiary_word holds one row for each word of each name, with the name and its number, in
-- word order, then name order (SQLite sorts text byte by byte), and one for each two words that
-- follow each other, " w1 w2" (a space first, so that no word's range holds them). A word's
-- names are a range of it, already in name order: the first fifty names holding a common family
-- name are fifty entries; two common words typed one after the other are the few names holding
-- the two together. name_word holds every word a name has held, once: the words that start with what
-- was typed. Its count of names is an estimate, exact when counted (here, and after a large
-- write, rifq_beneficiary_store_count_words), 1 for a word new since: it only chooses which
-- word typed the names are read through, never which names are found; a word no name holds any
-- longer stays, and finds nothing.
--
-- They replace the FTS5 table beneficiary_fts of schema 1, whose prefix queries merge every
-- word starting with what was typed ("عبدا", "ا"): 50 to 70 ms for a full name typed with a
-- common last letter at a million names.
--
-- A name becomes a JSON array of its words by quoting it as text (json_quote escapes whatever
-- it holds, with no space) and putting quotes around each space; json_each reads them (SQLite
-- allows no WITH clause inside a trigger). The update's trigger names no column, so that a row
-- renumbered through its rowid is followed too. A row another program replaces (INSERT OR
-- REPLACE, which runs no delete trigger) leaves its old words behind: the search reads a name
-- back only where the name beside the word is still the row's (rifq-beneficiary-store.c).

CREATE TABLE beneficiary_word (
  word      TEXT NOT NULL,
  name_norm TEXT NOT NULL,
  id        INTEGER NOT NULL,
  PRIMARY KEY (word, name_norm, id)
) WITHOUT ROWID;

CREATE TABLE name_word (
  word  TEXT PRIMARY KEY,
  names INTEGER NOT NULL DEFAULT 1 CHECK (names >= 0)
) WITHOUT ROWID;

INSERT INTO beneficiary_word (word, name_norm, id)
  SELECT j.value, b.name_norm, b.id FROM beneficiary b, json_each ('[' || replace (json_quote (CAST (b.name_norm AS TEXT)), ' ', '","') || ']') j WHERE j.value <> ''
  UNION SELECT ' ' || w1.value || ' ' || w2.value, b.name_norm, b.id
  FROM beneficiary b, json_each ('[' || replace (json_quote (CAST (b.name_norm AS TEXT)), ' ', '","') || ']') w1, json_each ('[' || replace (json_quote (CAST (b.name_norm AS TEXT)), ' ', '","') || ']') w2
  WHERE w2.key = w1.key + 1 AND w1.value <> '' AND w2.value <> '';
INSERT INTO name_word (word, names) SELECT word, count(*) FROM beneficiary_word GROUP BY word;

CREATE TRIGGER beneficiary_words_insert AFTER INSERT ON beneficiary BEGIN
  INSERT INTO beneficiary_word (word, name_norm, id)
    SELECT value, new.name_norm, new.id FROM json_each ('[' || replace (json_quote (CAST (new.name_norm AS TEXT)), ' ', '","') || ']') WHERE value <> ''
    UNION SELECT ' ' || w1.value || ' ' || w2.value, new.name_norm, new.id FROM json_each ('[' || replace (json_quote (CAST (new.name_norm AS TEXT)), ' ', '","') || ']') w1, json_each ('[' || replace (json_quote (CAST (new.name_norm AS TEXT)), ' ', '","') || ']') w2
    WHERE w2.key = w1.key + 1 AND w1.value <> '' AND w2.value <> '';
  INSERT OR IGNORE INTO name_word (word)
    SELECT value FROM json_each ('[' || replace (json_quote (CAST (new.name_norm AS TEXT)), ' ', '","') || ']') WHERE value <> ''
    UNION SELECT ' ' || w1.value || ' ' || w2.value FROM json_each ('[' || replace (json_quote (CAST (new.name_norm AS TEXT)), ' ', '","') || ']') w1, json_each ('[' || replace (json_quote (CAST (new.name_norm AS TEXT)), ' ', '","') || ']') w2
    WHERE w2.key = w1.key + 1 AND w1.value <> '' AND w2.value <> '';
END;

CREATE TRIGGER beneficiary_words_delete AFTER DELETE ON beneficiary BEGIN
  DELETE FROM beneficiary_word WHERE id = old.id AND name_norm = old.name_norm AND word IN (
    SELECT value FROM json_each ('[' || replace (json_quote (CAST (old.name_norm AS TEXT)), ' ', '","') || ']') WHERE value <> ''
    UNION SELECT ' ' || w1.value || ' ' || w2.value FROM json_each ('[' || replace (json_quote (CAST (old.name_norm AS TEXT)), ' ', '","') || ']') w1, json_each ('[' || replace (json_quote (CAST (old.name_norm AS TEXT)), ' ', '","') || ']') w2
    WHERE w2.key = w1.key + 1 AND w1.value <> '' AND w2.value <> '');
END;

CREATE TRIGGER beneficiary_words_update AFTER UPDATE ON beneficiary
  WHEN old.name_norm IS NOT new.name_norm OR old.id IS NOT new.id BEGIN
  DELETE FROM beneficiary_word WHERE id = old.id AND name_norm = old.name_norm AND word IN (
    SELECT value FROM json_each ('[' || replace (json_quote (CAST (old.name_norm AS TEXT)), ' ', '","') || ']') WHERE value <> ''
    UNION SELECT ' ' || w1.value || ' ' || w2.value FROM json_each ('[' || replace (json_quote (CAST (old.name_norm AS TEXT)), ' ', '","') || ']') w1, json_each ('[' || replace (json_quote (CAST (old.name_norm AS TEXT)), ' ', '","') || ']') w2
    WHERE w2.key = w1.key + 1 AND w1.value <> '' AND w2.value <> '');
  INSERT INTO beneficiary_word (word, name_norm, id)
    SELECT value, new.name_norm, new.id FROM json_each ('[' || replace (json_quote (CAST (new.name_norm AS TEXT)), ' ', '","') || ']') WHERE value <> ''
    UNION SELECT ' ' || w1.value || ' ' || w2.value, new.name_norm, new.id FROM json_each ('[' || replace (json_quote (CAST (new.name_norm AS TEXT)), ' ', '","') || ']') w1, json_each ('[' || replace (json_quote (CAST (new.name_norm AS TEXT)), ' ', '","') || ']') w2
    WHERE w2.key = w1.key + 1 AND w1.value <> '' AND w2.value <> '';
  INSERT OR IGNORE INTO name_word (word)
    SELECT value FROM json_each ('[' || replace (json_quote (CAST (new.name_norm AS TEXT)), ' ', '","') || ']') WHERE value <> ''
    UNION SELECT ' ' || w1.value || ' ' || w2.value FROM json_each ('[' || replace (json_quote (CAST (new.name_norm AS TEXT)), ' ', '","') || ']') w1, json_each ('[' || replace (json_quote (CAST (new.name_norm AS TEXT)), ' ', '","') || ']') w2
    WHERE w2.key = w1.key + 1 AND w1.value <> '' AND w2.value <> '';
END;

DROP TRIGGER beneficiary_fts_insert;
DROP TRIGGER beneficiary_fts_delete;
DROP TRIGGER beneficiary_fts_update;
DROP TABLE beneficiary_fts;

-- The registry's names by name and date of birth (schema 1): the duplicates' check finds a
-- name's few rows through beneficiary_by_name (name_norm, id) as well, and the planner, misled
-- by a range of Arabic names it cannot estimate, chose this index for the names starting with
-- what was typed and sorted thousands of them by number (10 ms at a million).
DROP INDEX beneficiary_by_name_birth;
