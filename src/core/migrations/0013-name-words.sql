-- Rifq schema 13: the words of every name, each word's names in name order, for the search.
--
-- Here nothing to do: FTS5's table beneficiary_fts (schema 1) already finds a word's names
-- and counts them from its own index. The server's migration 0013 gives PostgreSQL a table of
-- the same words, as its word index (GIN) can neither count a common word without reading the
-- names nor find a word by its first letters without reading every word that starts so.
SELECT 1;
