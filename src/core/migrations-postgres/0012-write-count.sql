-- Rifq schema 12: the server counts the transactions that change its tables, whoever runs them
-- (Rifq at any workstation, rifq-admin, psql, another program): one row, one more for each
-- transaction with an INSERT, UPDATE, DELETE or TRUNCATE of any table. A workstation asks it with each write's lock
-- and just before its COMMIT: when it is the same at the next write's start, nothing was written
-- in between, and what its last write read still holds.
--
-- PostgreSQL only: migrations/0012-write-count.sql is empty.

CREATE TABLE write_count (
  id bigint PRIMARY KEY CHECK (id = 1),
  n  bigint NOT NULL
);
INSERT INTO write_count (id, n) VALUES (1, 0);

-- Counted, and read by a workstation at the start of its write (its row held to the end of the
-- write), with the database owner's rights: a member of staff who may change a table need not be
-- given the count too. The schema is written into each function, which looks nowhere else.
DO $do$
BEGIN
  EXECUTE format ($f$
    CREATE FUNCTION count_write () RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp AS $body$
    BEGIN
      -- Once a transaction: the same row updated at every statement of a long transaction (a
      -- desk's copy, an import) would leave a version behind each time, for each next update
      -- to step over.
      IF current_setting ('rifq.counted', true) IS DISTINCT FROM '1' THEN
        UPDATE %1$I.write_count SET n = n + 1 WHERE id = 1;
        PERFORM set_config ('rifq.counted', '1', true);
      END IF;
      RETURN NULL;
    END
    $body$;
    CREATE FUNCTION held_write_count () RETURNS bigint LANGUAGE sql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp AS $body$
      SELECT n FROM %1$I.write_count WHERE id = 1 FOR UPDATE
    $body$;
  $f$, current_schema ());
END
$do$;

-- Every table there is; a later migration's new table gets one the same way (the server's tests
-- check that every table has it).
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT tablename FROM pg_tables
           WHERE schemaname = current_schema () AND tablename <> 'write_count'
  LOOP
    EXECUTE format ('CREATE TRIGGER count_writes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I'
                    ' FOR EACH STATEMENT EXECUTE FUNCTION count_write ()', t.tablename);
  END LOOP;
END
$$;
