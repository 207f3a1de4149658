-- Rifq schema 10: the registry in name order, then by number, read from one index.
--
-- Here nothing to do: SQLite's index on name_norm (beneficiary_by_name) holds each row's id
-- after the name already, so a walk through the names in (name_norm, id) order, as the search
-- and the registry's pages make, reads that index alone. The server's migration 0010 gives
-- PostgreSQL the same.
SELECT 1;
