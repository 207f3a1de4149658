-- Rifq schema 17: the social researcher reads what was referred to social research, and nothing
-- else of the records, so that a researcher connecting with psql under their own name reads no
-- more than in Rifq (core: rifq_permission_check_request). Of a request referred, they read it,
-- its beneficiary, its referrals, its documents and what their scans are (never their bytes), its
-- services and its seal; no other request, beneficiary, caregiver, consent, contact, meeting,
-- vote, decision or letter, and of the audit log only its end, without what a record held or why.
--
-- Each statement may run again on a database that has it, changing nothing.

-- Whether a request, a beneficiary (one of their requests) or a document (its request) was
-- referred to social research: asked as the owner, the referrals themselves being kept from who
-- may read only some of them.
CREATE OR REPLACE FUNCTION rifq_referred (bigint) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$ SELECT EXISTS (SELECT FROM public.referral f WHERE f.request_id = $1) $$;

CREATE OR REPLACE FUNCTION rifq_referred_beneficiary (bigint) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT EXISTS (SELECT FROM public.request r JOIN public.referral f ON f.request_id = r.id WHERE r.beneficiary_id = $1)
$$;

CREATE OR REPLACE FUNCTION rifq_referred_document (bigint) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT EXISTS (SELECT FROM public.document d JOIN public.referral f ON f.request_id = d.request_id WHERE d.id = $1)
$$;

CREATE OR REPLACE FUNCTION rifq_referred_attachment (text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT EXISTS (SELECT FROM public.document_scan s JOIN public.document d ON d.id = s.document_id
                 JOIN public.referral f ON f.request_id = d.request_id WHERE s.sha256 = $1)
$$;

-- Only the policies that need them ask (the board is not told which requests were referred).
REVOKE EXECUTE ON FUNCTION rifq_referred (bigint), rifq_referred_beneficiary (bigint), rifq_referred_document (bigint),
                           rifq_referred_attachment (text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rifq_referred (bigint), rifq_referred_beneficiary (bigint), rifq_referred_document (bigint),
                          rifq_referred_attachment (text) TO rifq_researcher;

REVOKE SELECT ON audit, beneficiary, caregiver, beneficiary_word, name_word, consent, interaction, request, attachment,
                 document, document_scan, referral, service, meeting, meeting_member, agenda_item, vote, decision,
                 letter, seal, sequence
  FROM rifq_researcher;
GRANT SELECT ON beneficiary, request, referral, document, document_scan, service, seal TO rifq_researcher;
-- Of a scan, what it is (its type and size), never its bytes.
GRANT SELECT (sha256, mime, size, created_at) ON attachment TO rifq_researcher;

-- Who reads the records reads them all, as before; the researcher, the rows referred.
DO $$
DECLARE
  t text;
  referred constant text[] := ARRAY [
    'beneficiary',   'rifq_referred_beneficiary (id)',
    'request',       'rifq_referred (id)',
    'referral',      'rifq_referred (request_id)',
    'document',      'rifq_referred (request_id)',
    'document_scan', 'rifq_referred_document (document_id)',
    'service',       'rifq_referred (request_id)',
    'attachment',    'rifq_referred_attachment (sha256)',
    'seal',          'kind = ''request'' AND rifq_referred (subject_id)'];
BEGIN
  FOR i IN 1 .. array_length (referred, 1) BY 2
  LOOP
    t := referred[i];
    EXECUTE format ('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format ('DROP POLICY IF EXISTS %I ON %I', t || '_read', t);
    EXECUTE format ('CREATE POLICY %I ON %I FOR ALL TO rifq_desk, rifq_committee, rifq_chair, rifq_admin'
                    ' USING (true) WITH CHECK (true)', t || '_read', t);
    EXECUTE format ('DROP POLICY IF EXISTS %I ON %I', t || '_referred', t);
    EXECUTE format ('CREATE POLICY %I ON %I FOR SELECT TO rifq_researcher USING (%s)', t || '_referred', t,
                    referred[i + 1]);
  END LOOP;
END
$$;

-- The researcher answers a referral: the answer and the visit's report, and the request's state,
-- nothing else of either (a request moved to another beneficiary, even in a transaction rolled
-- back, would show that beneficiary's row); of that request and its referrals only.
REVOKE UPDATE ON request, referral FROM rifq_researcher;
GRANT UPDATE (state, updated_at) ON request TO rifq_researcher;
GRANT UPDATE (answer, answered_by, answered_at, visit_on, visit_findings, visit_household, visit_recommendation)
  ON referral TO rifq_researcher;
DROP POLICY IF EXISTS request_answered ON request;
CREATE POLICY request_answered ON request FOR UPDATE TO rifq_researcher
  USING (rifq_referred (id)) WITH CHECK (rifq_referred (id));
DROP POLICY IF EXISTS referral_answered ON referral;
CREATE POLICY referral_answered ON referral FOR UPDATE TO rifq_researcher
  USING (rifq_referred (request_id)) WITH CHECK (rifq_referred (request_id));

-- The audit log whole (what each record held, and each entry's reason: a question, a decision's
-- reasons) for who reads every record; the researcher, as every member of staff, its end, without
-- its reason.
DROP POLICY IF EXISTS audit_read ON audit;
CREATE POLICY audit_read ON audit FOR SELECT TO rifq_staff
  USING (pg_has_role ('rifq_desk', 'USAGE') OR pg_has_role ('rifq_committee', 'USAGE')
         OR pg_has_role ('rifq_chair', 'USAGE') OR pg_has_role ('rifq_admin', 'USAGE')
         OR id = (SELECT rifq_audit_end ()));
REVOKE SELECT (reason) ON audit FROM rifq_staff;
