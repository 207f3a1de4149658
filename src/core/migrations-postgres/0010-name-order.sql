-- Rifq schema 10: the registry in name order, then by number, read from one index.
--
-- PostgreSQL dialect of migrations/0010-name-order.sql. A common word (a family name typed
-- alone) is found by walking the names in (name_norm, id) order a chunk at a time, and the
-- registry's pages go on from the last (name_norm, id) shown: with the id in the index beside the
-- name, both read the index alone, not a row of the table for each name.
DROP INDEX beneficiary_by_name;
CREATE INDEX beneficiary_by_name ON beneficiary (name_norm, id);
