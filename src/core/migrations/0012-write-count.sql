-- Rifq schema 12: the server counts the statements that change its tables.
--
-- Here nothing to do: a desk's reads cost no round trip, and nothing is kept from one write to
-- the next. The server's migration 0012 adds the count, by which a workstation knows that
-- nothing was written since its last write, whoever would have written it.
SELECT 1;
