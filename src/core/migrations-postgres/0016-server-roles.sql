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
END
$$;

REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO rifq_staff;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO rifq_staff;

-- Everyone logged in, the board too: the association's settings and lists, who is on the staff
-- (never their password's hash, its count or its lock), the seal's public keys, and where the
-- audit log ends, which every write extends.
GRANT SELECT ON rifq_schema, settings, channel, staff_tool, support_kind, document_type, support_kind_document,
                staff_role, seal_public_key, chain_key, audit_anchor, write_count TO rifq_staff;
GRANT SELECT (username, full_name, active, created_at, password_set_at) ON staff TO rifq_staff;
GRANT SELECT, INSERT ON audit TO rifq_staff;
GRANT INSERT, UPDATE ON audit_anchor TO rifq_staff;

-- Reading beneficiaries' records and requests (read): not the board.
GRANT SELECT ON beneficiary, caregiver, beneficiary_word, name_word, consent, interaction, request, attachment,
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

-- The committee and its chair: meetings, attendance, agendas, votes, decisions and their letters.
GRANT INSERT, UPDATE, DELETE ON meeting, meeting_member, agenda_item, vote TO rifq_committee, rifq_chair;
GRANT INSERT, UPDATE ON decision, letter, seal, sequence, interaction TO rifq_committee, rifq_chair;
GRANT UPDATE ON request TO rifq_committee, rifq_chair;

-- The administrator: settings, staff and their roles, the seal's key, imports, a service beyond
-- the committee's approval, and the whole audit log.
GRANT INSERT, UPDATE ON settings, seal_public_key, staff TO rifq_admin;
GRANT INSERT, DELETE ON staff_role TO rifq_admin;
GRANT INSERT, UPDATE ON beneficiary, caregiver, consent, name_word, service, request, interaction, sequence
  TO rifq_admin;
-- Made-up records for training (rifq-admin demo): whole requests, through the committee.
GRANT INSERT ON referral, attachment, document, document_scan, meeting, meeting_member, agenda_item, vote, decision,
                letter, seal TO rifq_admin;
-- A backup (pg_dump) is of the whole database: the administrator takes it.
GRANT SELECT ON ALL TABLES IN SCHEMA public TO rifq_admin;

-- The audit log: appended to by everyone as themselves, never changed (audit_is_append_only); read
-- whole by those who read the records it describes, by the board only at its end (to extend it).
CREATE OR REPLACE FUNCTION rifq_audit_end () RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_catalog, pg_temp
AS $$ SELECT max (id) FROM audit $$;
ALTER TABLE audit ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS audit_read ON audit;
CREATE POLICY audit_read ON audit FOR SELECT TO rifq_staff
  USING (pg_has_role ('rifq_desk', 'USAGE') OR pg_has_role ('rifq_researcher', 'USAGE')
         OR pg_has_role ('rifq_committee', 'USAGE') OR pg_has_role ('rifq_chair', 'USAGE')
         OR pg_has_role ('rifq_admin', 'USAGE') OR id = (SELECT rifq_audit_end ()));
DROP POLICY IF EXISTS audit_append ON audit;
CREATE POLICY audit_append ON audit FOR INSERT TO rifq_staff
  WITH CHECK (actor = rifq_person ());

-- The login role of a member of staff made to agree with the staff table: made when they join
-- (with no password until one is set), a member of the groups of their roles while active, unable
-- to log in once not. A role of that name that Rifq did not make (one with powers over the
-- server) is never taken over.
CREATE OR REPLACE FUNCTION rifq_keep_role (person text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_catalog, pg_temp
AS $$
DECLARE
  login text := rifq_login_role (person);
  is_active boolean;
  g text;
  held boolean;
  wanted boolean;
BEGIN
  SELECT s.active = 1 INTO is_active FROM staff s WHERE s.username = person;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = login) THEN
    IF NOT coalesce (is_active, false) THEN
      RETURN;
    END IF;
    EXECUTE format ('CREATE ROLE %I NOLOGIN', login);
  ELSIF EXISTS (SELECT FROM pg_roles WHERE rolname = login
                AND (rolsuper OR rolcreaterole OR rolcreatedb OR rolreplication OR rolbypassrls)) THEN
    RAISE EXCEPTION 'The server already has a role “%” with powers of its own: Rifq does not take it over.', login
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
              AND (g = 'staff' OR EXISTS (SELECT FROM staff_role r WHERE r.username = person AND r.role = g));
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
SET search_path = public, pg_catalog, pg_temp
AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM rifq_keep_role (OLD.username);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM rifq_keep_role (NEW.username);
  END IF;
  RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS keep_roles ON staff;
CREATE TRIGGER keep_roles AFTER INSERT OR UPDATE OF username, active OR DELETE ON staff
  FOR EACH ROW EXECUTE FUNCTION rifq_keep_roles ();
DROP TRIGGER IF EXISTS keep_roles ON staff_role;
CREATE TRIGGER keep_roles AFTER INSERT OR UPDATE OR DELETE ON staff_role
  FOR EACH ROW EXECUTE FUNCTION rifq_keep_roles ();

-- A member's password, as its SCRAM-SHA-256 verifier (made at the workstation: the password
-- never reaches the server in clear). Set by the member themselves, by an administrator of this
-- database, or by the owner's own session (the server set up, a member added at the server).
CREATE OR REPLACE FUNCTION rifq_set_password (person text, verifier text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_catalog, pg_temp
AS $$
DECLARE
  me text := rifq_person ();
BEGIN
  IF verifier IS NULL OR verifier NOT LIKE 'SCRAM-SHA-256$%' THEN
    RAISE EXCEPTION 'A password is given as its SCRAM-SHA-256 verifier, never in clear.' USING ERRCODE = '22023';
  END IF;
  IF me IS NULL THEN
    IF NOT pg_has_role (session_user, (SELECT datdba FROM pg_database WHERE datname = current_database ()), 'MEMBER')
    THEN
      RAISE EXCEPTION 'Only a member of staff or the owner of the database sets a password.' USING ERRCODE = '42501';
    END IF;
  ELSIF me <> person AND NOT EXISTS (SELECT FROM staff s JOIN staff_role r ON r.username = s.username
                                     WHERE s.username = me AND s.active = 1 AND r.role = 'admin') THEN
    RAISE EXCEPTION 'Only an administrator sets another member''s password.' USING ERRCODE = '42501';
  END IF;
  IF NOT EXISTS (SELECT FROM staff WHERE username = person AND active = 1) THEN
    RAISE EXCEPTION 'No active member of staff is named “%”.', person USING ERRCODE = '42704';
  END IF;
  PERFORM rifq_keep_role (person);
  EXECUTE format ('ALTER ROLE %I PASSWORD %L', rifq_login_role (person), verifier);
  -- A member's own session cannot compute the desk's hash: the one kept from before is not
  -- theirs any more.
  IF me IS NOT NULL THEN
    UPDATE staff SET password_hash = NULL, password_set_at = to_char (now () AT TIME ZONE 'UTC',
                                                                      'YYYY-MM-DD"T"HH24:MI:SS"Z"')
     WHERE username = person;
  END IF;
END
$$;

-- The roles of the staff already there (a server brought up to date).
DO $$ BEGIN PERFORM rifq_keep_role (username) FROM staff; END $$;
