-- Rifq schema 16: on the association's server, each member of staff is a role of the server's
-- own, "username@database" (a person of one Rifq database is nobody in another on the same
-- server), logging in with SCRAM-SHA-256: a workstation holds no credential but the person's.
-- What a person may do is granted to group roles, one for each place in core's role x action
-- table (rifq-permission.c), so that someone connecting with psql under their own name can do no
-- more than in Rifq. The groups are the server's, shared by its Rifq databases; each login role
-- may connect only to its own database. The owner of the tables (who ran the migrations: the
-- association's administrator at the server, with CREATEROLE) is no member of staff.
--
-- PostgreSQL only: a desk's file has one user, the person at the desk (migrations/0016 is empty).
-- Each statement may run again on a database that has it (a schema brought back to an older
-- version by hand runs it again), changing nothing.

-- The role a member of staff logs in as.
CREATE OR REPLACE FUNCTION rifq_login_role (username text) RETURNS text LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT username || '@' || current_database () $$;

-- The member of staff this session logged in as; NULL for the owner's own session.
CREATE OR REPLACE FUNCTION rifq_person () RETURNS text LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT CASE WHEN right (session_user, length (current_database ()) + 1) = '@' || current_database ()
              THEN left (session_user, length (session_user) - length (current_database ()) - 1) END
$$;

DO $$
DECLARE
  g text;
BEGIN
  -- A role's name is "username@database", 63 bytes at most: user names have 32.
  IF position ('@' IN current_database ()) > 0 OR octet_length (current_database ()) > 30 THEN
    RAISE EXCEPTION 'Rifq''s database on a server is named with at most 30 bytes and no @ (this one: “%”).',
      current_database () USING ERRCODE = '42602';
  END IF;
  FOREACH g IN ARRAY ARRAY ['rifq_staff', 'rifq_desk', 'rifq_researcher', 'rifq_committee', 'rifq_chair',
                            'rifq_board', 'rifq_admin']
  LOOP
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = g) THEN
      BEGIN
        EXECUTE format ('CREATE ROLE %I NOLOGIN', g);
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL;  -- another of the server's databases made it at the same moment
      END;
    END IF;
  END LOOP;
  -- Only the owner and the people of this database connect to it.
  EXECUTE format ('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', current_database ());
  -- Roles given the tables by hand before (docs/server.md, before schema 16) keep nothing.
  FOR g IN SELECT DISTINCT grantee FROM information_schema.role_table_grants
           WHERE table_schema = current_schema () AND grantee NOT LIKE 'rifq\_%' AND grantee <> 'PUBLIC'
             AND grantee <> current_user
             AND NOT pg_has_role (grantee, (SELECT datdba FROM pg_database WHERE datname = current_database ()),
                                  'MEMBER')
  LOOP
    EXECUTE format ('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM %I', current_schema (), g);
  END LOOP;
END
$$;

-- Nobody but the owner makes anything here (a function of the same name as one of the server's,
-- made to be found first, would run with the owner's rights).
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
-- The count of writes is held by writers only (someone holding it idle would stop every write).
REVOKE EXECUTE ON FUNCTION held_write_count () FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO rifq_staff;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO rifq_staff;

-- Everyone logged in, the board too: the association's settings and lists, who is on the staff
-- (never their password's hash, its count or its lock), the seal's public keys, and where the
-- audit log ends, which every write extends.
GRANT SELECT ON rifq_schema, settings, channel, staff_tool, support_kind, document_type, support_kind_document,
                staff_role, seal_public_key, chain_key, audit_anchor, write_count TO rifq_staff;
GRANT SELECT (username, full_name, active, created_at, password_set_at) ON staff TO rifq_staff;
GRANT EXECUTE ON FUNCTION held_write_count () TO rifq_staff;
-- Of the audit log, everyone reads what chains it (never what a record held: before_json,
-- after_json); it is extended only through audit_append, below.
GRANT SELECT (id, at, actor, action, record_kind, record_id, reason, prev_hash, hash, key_id) ON audit TO rifq_staff;

-- Reading beneficiaries' records and requests (read): not the board.
GRANT SELECT ON audit, beneficiary, caregiver, beneficiary_word, name_word, consent, interaction, request, attachment,
                document, document_scan, referral, service, meeting, meeting_member, agenda_item, vote, decision,
                letter, seal, sequence
  TO rifq_desk, rifq_researcher, rifq_committee, rifq_chair, rifq_admin;

-- The desk officer: registers and edits beneficiaries, their consent, and takes a request through
-- its steps at the desk (documents, signature, referral, submission, the file, services, closing).
GRANT INSERT, UPDATE ON beneficiary, consent, interaction, request, attachment, document, document_scan, referral,
                        service, seal, sequence, name_word TO rifq_desk;
GRANT DELETE ON caregiver TO rifq_desk;
GRANT INSERT, UPDATE ON caregiver TO rifq_desk;

-- The social researcher answers what was referred to them.
GRANT UPDATE ON referral, request TO rifq_researcher;
GRANT INSERT ON interaction TO rifq_researcher;

-- The committee and its chair: attendance, agendas, votes (each their own), decisions and their
-- letters; only the chair calls a meeting.
GRANT INSERT ON meeting TO rifq_chair;
GRANT INSERT, UPDATE, DELETE ON meeting_member, agenda_item, vote TO rifq_committee, rifq_chair;
GRANT INSERT, UPDATE ON decision, letter, seal, sequence, interaction TO rifq_committee, rifq_chair;
GRANT UPDATE ON request TO rifq_committee, rifq_chair;

ALTER TABLE vote ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS vote_read ON vote;
CREATE POLICY vote_read ON vote FOR SELECT TO rifq_staff USING (true);
DROP POLICY IF EXISTS vote_cast ON vote;
CREATE POLICY vote_cast ON vote FOR INSERT TO rifq_committee, rifq_chair WITH CHECK (username = rifq_person ());
DROP POLICY IF EXISTS vote_change ON vote;
CREATE POLICY vote_change ON vote FOR UPDATE TO rifq_committee, rifq_chair
  USING (username = rifq_person ()) WITH CHECK (username = rifq_person ());
-- An item taken off the agenda goes with its votes: by the meeting's chair.
DROP POLICY IF EXISTS vote_withdrawn ON vote;
CREATE POLICY vote_withdrawn ON vote FOR DELETE TO rifq_committee, rifq_chair
  USING (EXISTS (SELECT FROM meeting_member m WHERE m.meeting_id = vote.meeting_id
                 AND m.username = rifq_person () AND m.chair = 1));
-- Made-up meetings for training.
DROP POLICY IF EXISTS vote_demo ON vote;
CREATE POLICY vote_demo ON vote FOR ALL TO rifq_admin USING (true) WITH CHECK (true);

-- A request is accepted, rejected or deferred by the committee only.
CREATE OR REPLACE FUNCTION rifq_decided_by_committee () RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF NEW.state IS DISTINCT FROM OLD.state AND NEW.state IN ('accepted', 'rejected', 'deferred')
     AND public.rifq_person () IS NOT NULL
     AND NOT (pg_has_role ('rifq_committee', 'USAGE') OR pg_has_role ('rifq_chair', 'USAGE')) THEN
    RAISE EXCEPTION 'Only the research committee decides a request.' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS decided_by_committee ON request;
CREATE TRIGGER decided_by_committee BEFORE UPDATE OF state ON request
  FOR EACH ROW EXECUTE FUNCTION rifq_decided_by_committee ();

-- The administrator: settings, staff and their roles, the seal's key, imports, a service beyond
-- the committee's approval, and the whole audit log.
GRANT INSERT, UPDATE ON settings, seal_public_key, staff TO rifq_admin;
GRANT INSERT ON meeting TO rifq_admin;
GRANT INSERT, DELETE ON staff_role TO rifq_admin;
GRANT INSERT, UPDATE ON beneficiary, caregiver, consent, name_word, service, request, interaction, sequence
  TO rifq_admin;
-- Made-up records for training (rifq-admin demo): whole requests, through the committee.
GRANT INSERT ON referral, attachment, document, document_scan, meeting_member, agenda_item, vote, decision,
                letter, seal TO rifq_admin;
GRANT UPDATE ON seal TO rifq_admin;
GRANT DELETE ON caregiver TO rifq_admin;
-- A backup (pg_dump) is of the whole database: the administrator takes it.
GRANT SELECT ON ALL TABLES IN SCHEMA public TO rifq_admin;

-- The audit log: read whole by those who read the records it describes, by the board only at its
-- end (its last entry, which a write of theirs extends). Never changed (audit_is_append_only),
-- and extended only through the view audit_append: an entry in the writer's own name, numbered
-- one after the last and chained to it, with the anchor moved to it in the same step. Nobody
-- writes the anchor otherwise (an anchor set back would stop every workstation's writes).
CREATE OR REPLACE FUNCTION rifq_audit_end () RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$ SELECT max (id) FROM public.audit $$;
ALTER TABLE audit ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS audit_read ON audit;
CREATE POLICY audit_read ON audit FOR SELECT TO rifq_staff
  USING (pg_has_role ('rifq_desk', 'USAGE') OR pg_has_role ('rifq_researcher', 'USAGE')
         OR pg_has_role ('rifq_committee', 'USAGE') OR pg_has_role ('rifq_chair', 'USAGE')
         OR pg_has_role ('rifq_admin', 'USAGE') OR id = (SELECT rifq_audit_end ()));
DROP POLICY IF EXISTS audit_append ON audit;

CREATE OR REPLACE VIEW audit_append AS
  SELECT NULL::bigint AS id, NULL::text AS at, NULL::text AS actor, NULL::text AS action, NULL::text AS record_kind,
         NULL::bigint AS record_id, NULL::text AS before_json, NULL::text AS after_json, NULL::text AS reason,
         NULL::text AS prev_hash, NULL::text AS hash, NULL::text AS key_id, NULL::bigint AS entries,
         NULL::bigint AS last_id, NULL::text AS last_hash, NULL::text AS anchor_key_id, NULL::text AS mac
   WHERE false;

CREATE OR REPLACE FUNCTION rifq_append_audit () RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  me text := public.rifq_person ();
  last_id bigint;
  last_hash text;
  anchored bigint;
  anchored_id bigint;
BEGIN
  IF me IS NOT NULL THEN
    IF NEW.actor IS DISTINCT FROM me THEN
      RAISE EXCEPTION 'An audit entry is written in its writer''s own name (%).', me USING ERRCODE = '42501';
    END IF;
    SELECT a.id, a.hash INTO last_id, last_hash FROM public.audit a ORDER BY a.id DESC LIMIT 1;
    SELECT n.entries, n.last_id INTO anchored, anchored_id FROM public.audit_anchor n WHERE n.id = 1;
    IF NEW.id <> coalesce (last_id, 0) + 1 OR NEW.prev_hash IS DISTINCT FROM last_hash
       OR NEW.last_id IS DISTINCT FROM NEW.id OR NEW.last_hash IS DISTINCT FROM NEW.hash
       OR (anchored IS NOT NULL AND NEW.entries <> anchored + (NEW.id - anchored_id)) THEN
      RAISE EXCEPTION 'The audit log is extended only at its end, chained to its last entry.'
        USING ERRCODE = '42501';
    END IF;
  END IF;
  INSERT INTO public.audit (id, at, actor, action, record_kind, record_id, before_json, after_json, reason, prev_hash,
                            hash, key_id)
  VALUES (NEW.id, NEW.at, NEW.actor, NEW.action, NEW.record_kind, NEW.record_id, NEW.before_json, NEW.after_json,
          NEW.reason, NEW.prev_hash, NEW.hash, NEW.key_id);
  INSERT INTO public.audit_anchor (id, entries, last_id, last_hash, key_id, mac)
  VALUES (1, NEW.entries, NEW.last_id, NEW.last_hash, NEW.anchor_key_id, NEW.mac)
  ON CONFLICT (id) DO UPDATE SET entries = EXCLUDED.entries, last_id = EXCLUDED.last_id,
                                 last_hash = EXCLUDED.last_hash, key_id = EXCLUDED.key_id, mac = EXCLUDED.mac;
  PERFORM pg_notify ('rifq_changes', '');
  RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS append ON audit_append;
CREATE TRIGGER append INSTEAD OF INSERT ON audit_append FOR EACH ROW EXECUTE FUNCTION rifq_append_audit ();
GRANT INSERT ON audit_append TO rifq_staff;

-- The login role of a member of staff made to agree with the staff table: made when they join
-- (with no password until one is set), marked as Rifq's, a member of the groups of their roles
-- while active, unable to log in once not. A role of that name that Rifq did not make (with
-- powers over the server, membership of another role, objects of its own) is never taken over.
CREATE OR REPLACE FUNCTION rifq_keep_role (person text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  login text := public.rifq_login_role (person);
  mark constant text := 'Rifq: a member of staff of this database';
  is_active boolean;
  g text;
  held boolean;
  wanted boolean;
BEGIN
  SELECT s.active = 1 INTO is_active FROM public.staff s WHERE s.username = person;
  IF position ('@' IN person) > 0 THEN
    RAISE EXCEPTION 'On the association''s server a user name has no @ (“%”).', person USING ERRCODE = '22023';
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = login) THEN
    IF NOT coalesce (is_active, false) THEN
      RETURN;
    END IF;
    EXECUTE format ('CREATE ROLE %I NOLOGIN', login);
    EXECUTE format ('COMMENT ON ROLE %I IS %L', login, mark);
    -- A session left in a transaction is ended after a minute, whatever it was doing.
    EXECUTE format ('ALTER ROLE %I SET idle_in_transaction_session_timeout = %L', login, '1min');
  ELSIF EXISTS (SELECT FROM pg_roles r WHERE r.rolname = login
                AND (r.rolsuper OR r.rolcreaterole OR r.rolcreatedb OR r.rolreplication OR r.rolbypassrls
                     OR shobj_description (r.oid, 'pg_authid') IS DISTINCT FROM mark
                     OR EXISTS (SELECT FROM pg_auth_members m JOIN pg_roles gr ON gr.oid = m.roleid
                                WHERE m.member = r.oid AND gr.rolname NOT LIKE 'rifq\_%'))) THEN
    RAISE EXCEPTION 'The server already has a role “%” that Rifq did not make: it is not taken over.', login
      USING ERRCODE = '42501';
  END IF;
  EXECUTE format ('ALTER ROLE %I %s', login, CASE WHEN coalesce (is_active, false) THEN 'LOGIN' ELSE 'NOLOGIN' END);
  -- (A role may outlive a database of the same name dropped and made again.)
  IF coalesce (is_active, false) AND NOT has_database_privilege (login, current_database (), 'CONNECT') THEN
    EXECUTE format ('GRANT CONNECT ON DATABASE %I TO %I', current_database (), login);
  END IF;
  FOREACH g IN ARRAY ARRAY ['staff', 'desk', 'researcher', 'committee', 'chair', 'board', 'admin']
  LOOP
    wanted := coalesce (is_active, false)
              AND (g = 'staff' OR EXISTS (SELECT FROM public.staff_role r WHERE r.username = person AND r.role = g));
    held := EXISTS (SELECT FROM pg_auth_members m
                    JOIN pg_roles gr ON gr.oid = m.roleid JOIN pg_roles lr ON lr.oid = m.member
                    WHERE gr.rolname = 'rifq_' || g AND lr.rolname = login);
    IF wanted AND NOT held THEN
      EXECUTE format ('GRANT %I TO %I', 'rifq_' || g, login);
    ELSIF held AND NOT wanted THEN
      EXECUTE format ('REVOKE %I FROM %I', 'rifq_' || g, login);
    END IF;
  END LOOP;
END
$$;
REVOKE ALL ON FUNCTION rifq_keep_role (text) FROM PUBLIC;

CREATE OR REPLACE FUNCTION rifq_keep_roles () RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM public.rifq_keep_role (OLD.username);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM public.rifq_keep_role (NEW.username);
  END IF;
  RETURN NULL;
END
$$;
-- At the commit, as the staff and their roles then stand: an administrator who changes their own
-- entry (its roles removed and given again) keeps their rights for the rest of the write.
DROP TRIGGER IF EXISTS keep_roles ON staff;
CREATE CONSTRAINT TRIGGER keep_roles AFTER INSERT OR UPDATE OR DELETE ON staff
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION rifq_keep_roles ();
DROP TRIGGER IF EXISTS keep_roles ON staff_role;
CREATE CONSTRAINT TRIGGER keep_roles AFTER INSERT OR UPDATE OR DELETE ON staff_role
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION rifq_keep_roles ();

-- A member's password, as its SCRAM-SHA-256 verifier for their role (made at the workstation:
-- the password never reaches the server in clear), with its argon2id hash for the owner's own
-- sessions at the server (rifq-admin there logs in as on a desk). Set by the member themselves,
-- by an administrator of this database (which also unlocks them), or by the owner's own session.
DROP FUNCTION IF EXISTS rifq_set_password (text, text);
CREATE OR REPLACE FUNCTION rifq_set_password (person text, verifier text, hash text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  me text := public.rifq_person ();
BEGIN
  IF verifier IS NULL
     OR verifier !~ '^SCRAM-SHA-256\$[0-9]+:[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*:[A-Za-z0-9+/]+=*$' THEN
    RAISE EXCEPTION 'A password is given as its SCRAM-SHA-256 verifier, never in clear.' USING ERRCODE = '22023';
  END IF;
  IF hash IS NULL OR hash NOT LIKE '$argon2id$%' THEN
    RAISE EXCEPTION 'A password''s hash is an argon2id one.' USING ERRCODE = '22023';
  END IF;
  IF me IS NULL THEN
    IF NOT pg_has_role (session_user, (SELECT datdba FROM pg_database WHERE datname = current_database ()), 'MEMBER')
    THEN
      RAISE EXCEPTION 'Only a member of staff or the owner of the database sets a password.' USING ERRCODE = '42501';
    END IF;
  ELSIF me <> person AND NOT EXISTS (SELECT FROM public.staff s JOIN public.staff_role r ON r.username = s.username
                                     WHERE s.username = me AND s.active = 1 AND r.role = 'admin') THEN
    RAISE EXCEPTION 'Only an administrator sets another member''s password.' USING ERRCODE = '42501';
  END IF;
  IF NOT EXISTS (SELECT FROM public.staff WHERE username = person AND active = 1) THEN
    RAISE EXCEPTION 'No active member of staff is named “%”.', person USING ERRCODE = '42704';
  END IF;
  PERFORM public.rifq_keep_role (person);
  EXECUTE format ('ALTER ROLE %I PASSWORD %L', public.rifq_login_role (person), verifier);
  UPDATE public.staff
     SET password_hash = hash,
         password_set_at = to_char (now () AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
         failed_logins = CASE WHEN me <> person THEN 0 ELSE failed_logins END,
         locked_until = CASE WHEN me <> person THEN 0 ELSE locked_until END
   WHERE username = person;
END
$$;

-- The roles of the staff already there (a server brought up to date).
DO $$ BEGIN PERFORM public.rifq_keep_role (username) FROM public.staff; END $$;
