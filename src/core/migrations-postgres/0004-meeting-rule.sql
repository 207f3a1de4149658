-- Rifq schema 4: a meeting keeps the rule it was called under and who chaired it.
--
-- The decision rule and the chair can be changed in the settings; the decisions of a meeting
-- already called, and its minutes, stay as they were taken.
--
-- PostgreSQL dialect of migrations/0004-meeting-rule.sql; the two are read side by side.

ALTER TABLE meeting ADD COLUMN quorum text NOT NULL DEFAULT 'more_than_half'
  CHECK (quorum IN ('more_than_half', 'two_thirds', 'all'));
ALTER TABLE meeting ADD COLUMN majority text NOT NULL DEFAULT 'of_present'
  CHECK (majority IN ('of_present', 'of_votes', 'of_committee'));
ALTER TABLE meeting ADD COLUMN chair_breaks_tie bigint NOT NULL DEFAULT 1
  CHECK (chair_breaks_tie IN (0, 1));

ALTER TABLE meeting_member ADD COLUMN chair bigint NOT NULL DEFAULT 0 CHECK (chair IN (0, 1));

-- Meetings called before this version were called under the rule and the chair of today.
-- (SQLite's comparisons are 0 or 1; PostgreSQL's are booleans, made 0 or 1 by CASE.)
UPDATE meeting SET
  quorum = coalesce ((SELECT value FROM settings WHERE key = 'committee_quorum'
                      AND value IN ('more_than_half', 'two_thirds', 'all')), 'more_than_half'),
  majority = coalesce ((SELECT value FROM settings WHERE key = 'committee_majority'
                        AND value IN ('of_present', 'of_votes', 'of_committee')), 'of_present'),
  chair_breaks_tie = coalesce ((SELECT CASE WHEN value = '1' THEN 1 ELSE 0 END FROM settings
                                WHERE key = 'committee_chair_breaks_tie'), 1);

UPDATE meeting_member SET chair = CASE WHEN EXISTS (SELECT 1 FROM staff_role r
                                                    WHERE r.username = meeting_member.username
                                                      AND r.role = 'chair')
                                       THEN 1 ELSE 0 END;
