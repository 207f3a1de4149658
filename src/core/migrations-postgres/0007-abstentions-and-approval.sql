-- Rifq schema 7: abstentions in the committee's decision rule, what a decision approves, and
-- services recorded beyond the approval.
--
-- A member present who does not vote abstains; the rule says how an abstention counts:
--   as_present  it counts among the members present: in a majority of the members present or of
--               the whole committee, not in a majority of the votes cast (how Rifq counted before);
--   ignored     abstentions are left out of the count the majority is reckoned on;
--   against     an abstention counts against every choice, in any majority.
--
-- PostgreSQL dialect of migrations/0007-abstentions-and-approval.sql; the two are read side by
-- side.
INSERT INTO settings (key, value) VALUES ('committee_abstentions', 'as_present');

-- Meetings called before this version counted abstentions as present.
ALTER TABLE meeting ADD COLUMN abstentions text NOT NULL DEFAULT 'as_present'
  CHECK (abstentions IN ('as_present', 'ignored', 'against'));

-- An acceptance approves an amount in riyals (amount, since version 3) and a quantity.
ALTER TABLE decision ADD COLUMN quantity bigint CHECK (quantity > 0);

-- A service beyond what was approved is recorded by an administrator, with the reason.
ALTER TABLE service ADD COLUMN override_reason text;
ALTER TABLE service ADD COLUMN override_by text;

-- Found by meeting (is its agenda closed?) and by request (its letter): on a register of many
-- thousands, a scan of the table was most of a decision's cost.
CREATE INDEX decision_meeting ON decision (meeting_id);
CREATE INDEX letter_request ON letter (request_id);
