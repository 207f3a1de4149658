-- Rifq schema 15: accounts. Each member of staff logs in with a password of their own, kept only
-- as its argon2id hash (libsodium's crypto_pwhash_str, which carries its salt and its cost). Five
-- wrong passwords in a row lock the account until locked_until (seconds since 1970, UTC); a right
-- one sets the count back to nought. A member without a hash cannot log in until an administrator
-- gives them a password, except on a database of before accounts, where nobody has one yet: its
-- first administrator sets their own once (rifq_account_set_up).
--
-- PostgreSQL dialect of migrations/0015-accounts.sql; the two are read side by side.
ALTER TABLE staff ADD COLUMN password_hash text;
ALTER TABLE staff ADD COLUMN password_set_at text;
ALTER TABLE staff ADD COLUMN failed_logins bigint NOT NULL DEFAULT 0 CHECK (failed_logins >= 0);
ALTER TABLE staff ADD COLUMN locked_until bigint NOT NULL DEFAULT 0;
