-- Rifq schema 4: a meeting keeps the rule it was called under and who chaired it.
--
-- The decision rule and the chair can be changed in the settings; the decisions of a meeting
-- already called, and its minutes, stay as they were taken.

ALTER TABLE meeting ADD COLUMN quorum TEXT NOT NULL DEFAULT 'more_than_half'
  CHECK (quorum IN ('more_than_half', 'two_thirds', 'all'));
ALTER TABLE meeting ADD COLUMN majority TEXT NOT NULL DEFAULT 'of_present'
  CHECK (majority IN ('of_present', 'of_votes', 'of_committee'));
ALTER TABLE meeting ADD COLUMN chair_breaks_tie INTEGER NOT NULL DEFAULT 1
  CHECK (chair_breaks_tie IN (0, 1));

ALTER TABLE meeting_member ADD COLUMN chair INTEGER NOT NULL DEFAULT 0 CHECK (chair IN (0, 1));

-- Meetings called before this version were called under the rule and the chair of today.
UPDATE meeting SET
  quorum = coalesce ((SELECT value FROM settings WHERE key = 'committee_quorum'
                      AND value IN ('more_than_half', 'two_thirds', 'all')), 'more_than_half'),
  majority = coalesce ((SELECT value FROM settings WHERE key = 'committee_majority'
                        AND value IN ('of_present', 'of_votes', 'of_committee')), 'of_present'),
  chair_breaks_tie = coalesce ((SELECT value = '1' FROM settings WHERE key = 'committee_chair_breaks_tie'), 1);

UPDATE meeting_member SET chair = EXISTS (SELECT 1 FROM staff_role r
                                          WHERE r.username = meeting_member.username AND r.role = 'chair');
