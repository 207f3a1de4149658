-- Rifq schema version 1: settings, the policy's channels and tools, the beneficiary registry,
-- caregivers, the search index and the hash-chained audit log.

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

INSERT INTO settings (key, value) VALUES
  ('association_name_ar', 'جمعية رحماء لرعاية كبار السن'),
  ('association_name_en', 'Ruhamaa Association for Elderly Care'),
  ('decision_period_days', '14'),
  ('policy_approved_on', '2024-08-25');

-- The eight channels of the policy, in its order and wording: data, not code.
CREATE TABLE channel (
  code     TEXT PRIMARY KEY,
  position INTEGER NOT NULL UNIQUE,
  label_ar TEXT NOT NULL,
  label_en TEXT NOT NULL,
  icon     TEXT NOT NULL
);

INSERT INTO channel (code, position, label_ar, label_en, icon) VALUES
  ('interview',   1, 'المقابلة الشخصية',            'In-person interview',            'avatar-default-symbolic'),
  ('phone',       2, 'الاتصالات الهاتفية',           'Phone calls',                    'call-start-symbolic'),
  ('social',      3, 'وسائل التواصل الاجتماعي',      'Social media',                   'user-available-symbolic'),
  ('letters',     4, 'الخطابات',                     'Letters',                        'mail-unread-symbolic'),
  ('help',        5, 'خدمات طلب المساعدة',           'Help-request services',          'help-about-symbolic'),
  ('volunteering',6, 'خدمة التطوع',                  'Volunteering service',           'emblem-favorite-symbolic'),
  ('website',     7, 'الموقع الإلكتروني للجمعية',     'The association''s website',     'web-browser-symbolic'),
  ('branch',      8, 'مناديب المكاتب الفرعية',        'Branch-office representatives',  'mark-location-symbolic');

-- The four tools of the beneficiary-relations officer.
CREATE TABLE staff_tool (
  code     TEXT PRIMARY KEY,
  position INTEGER NOT NULL UNIQUE,
  label_ar TEXT NOT NULL,
  label_en TEXT NOT NULL,
  icon     TEXT NOT NULL
);

INSERT INTO staff_tool (code, position, label_ar, label_en, icon) VALUES
  ('bylaws',          1, 'اللائحة الأساسية للجمعية',    'The association''s bylaws',         'x-office-document-symbolic'),
  ('research_guide',  2, 'دليل خدمات البحث الاجتماعي',  'Social-research services guide',    'accessories-dictionary-symbolic'),
  ('support_policy',  3, 'دليل سياسة الدعم للمستفيدين', 'Beneficiary-support policy guide',  'emblem-documents-symbolic'),
  ('support_request', 4, 'طلب دعم مستفيد',             'Beneficiary support request',       'document-edit-symbolic');

CREATE TABLE beneficiary (
  id                INTEGER PRIMARY KEY,
  file_number       TEXT UNIQUE,
  national_id       TEXT NOT NULL UNIQUE CHECK (length (national_id) = 10),
  first_name        TEXT NOT NULL,
  father_name       TEXT NOT NULL,
  grandfather_name  TEXT NOT NULL,
  family_name       TEXT NOT NULL,
  name_norm         TEXT NOT NULL,
  sex               TEXT NOT NULL CHECK (sex IN ('male', 'female')),
  birth_date        TEXT NOT NULL,
  mobile            TEXT NOT NULL,
  phone2            TEXT,
  city              TEXT NOT NULL,
  district          TEXT,
  national_address  TEXT,
  living_situation  TEXT NOT NULL
                    CHECK (living_situation IN ('alone', 'with_family', 'with_caregiver', 'care_home')),
  household_size    INTEGER CHECK (household_size >= 0),
  monthly_income    INTEGER CHECK (monthly_income >= 0),
  income_sources    TEXT,
  mobility          TEXT CHECK (mobility IN ('independent', 'walking_aid', 'wheelchair', 'bedridden')),
  health_notes      TEXT,
  category          TEXT,
  status            TEXT NOT NULL DEFAULT 'applicant'
                    CHECK (status IN ('applicant', 'registered', 'inactive', 'deceased')),
  preferred_channel TEXT REFERENCES channel (code),
  consent           INTEGER NOT NULL DEFAULT 0 CHECK (consent IN (0, 1)),
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL
);

CREATE INDEX beneficiary_by_name ON beneficiary (name_norm);
CREATE INDEX beneficiary_by_name_birth ON beneficiary (name_norm, birth_date);
CREATE INDEX beneficiary_by_mobile ON beneficiary (mobile);
CREATE INDEX beneficiary_by_phone2 ON beneficiary (phone2) WHERE phone2 IS NOT NULL;

CREATE TABLE caregiver (
  id             INTEGER PRIMARY KEY,
  beneficiary_id INTEGER NOT NULL REFERENCES beneficiary (id) ON DELETE CASCADE,
  position       INTEGER NOT NULL,
  name           TEXT NOT NULL,
  relation       TEXT NOT NULL,
  mobile         TEXT,
  is_guardian    INTEGER NOT NULL DEFAULT 0 CHECK (is_guardian IN (0, 1)),
  notes          TEXT
);

CREATE INDEX caregiver_by_beneficiary ON caregiver (beneficiary_id, position);

-- Full-text search over the normalised four-part name, kept in step by triggers.
CREATE VIRTUAL TABLE beneficiary_fts USING fts5 (
  name_norm,
  content = 'beneficiary',
  content_rowid = 'id',
  prefix = '1 2 3',
  tokenize = 'unicode61 remove_diacritics 0'
);

CREATE TRIGGER beneficiary_fts_insert AFTER INSERT ON beneficiary BEGIN
  INSERT INTO beneficiary_fts (rowid, name_norm) VALUES (new.id, new.name_norm);
END;

CREATE TRIGGER beneficiary_fts_delete AFTER DELETE ON beneficiary BEGIN
  INSERT INTO beneficiary_fts (beneficiary_fts, rowid, name_norm)
  VALUES ('delete', old.id, old.name_norm);
END;

CREATE TRIGGER beneficiary_fts_update AFTER UPDATE OF name_norm ON beneficiary BEGIN
  INSERT INTO beneficiary_fts (beneficiary_fts, rowid, name_norm)
  VALUES ('delete', old.id, old.name_norm);
  INSERT INTO beneficiary_fts (rowid, name_norm) VALUES (new.id, new.name_norm);
END;

-- Append-only, hash-chained: each row's hash covers the previous row's hash.
CREATE TABLE audit (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  action      TEXT NOT NULL,
  record_kind TEXT NOT NULL,
  record_id   INTEGER,
  before_json TEXT,
  after_json  TEXT,
  reason      TEXT,
  prev_hash   TEXT,
  hash        TEXT NOT NULL
);

CREATE INDEX audit_by_record ON audit (record_kind, record_id);

CREATE TRIGGER audit_is_append_only_update BEFORE UPDATE ON audit BEGIN
  SELECT RAISE (ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_is_append_only_delete BEFORE DELETE ON audit BEGIN
  SELECT RAISE (ABORT, 'the audit log is append-only');
END;
