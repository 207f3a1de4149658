-- Rifq schema version 2: staff and their roles, kinds of support with their required documents,
-- the support request and its seven steps, documents with scans, referrals, services, contacts.

CREATE TABLE staff (
  username   TEXT PRIMARY KEY,
  full_name  TEXT NOT NULL,
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL
);

-- A person may hold several roles (a small office's desk officer is often its researcher too).
CREATE TABLE staff_role (
  username TEXT NOT NULL REFERENCES staff (username),
  role     TEXT NOT NULL CHECK (role IN ('desk', 'researcher', 'committee', 'chair', 'board', 'admin')),
  PRIMARY KEY (username, role)
);

INSERT INTO settings (key, value) VALUES
  ('request_number_format', '{year}/{seq:6}'),
  ('file_number_format', '{seq:6}'),
  -- What the applicant signs, always in Arabic whatever the officer's interface language.
  ('declaration_ar',
   'أُقرّ أنا الموقّع أدناه بأن جميع البيانات والمستندات المقدَّمة في هذا الطلب صحيحة ومطابقة '
   || 'للأصل، وأتحمّل المسؤولية المباشرة عن صحتها، وأوافق على أن تتحقّق الجمعية منها وتُجري '
   || 'البحث الاجتماعي اللازم، وأعلم أن الطلب يُرفع إلى لجنة البحث لدراسته والرد عليه بالقبول أو الرفض.');

-- Kinds of support: data, so the association can add one without a new program.
CREATE TABLE support_kind (
  code     TEXT PRIMARY KEY,
  position INTEGER NOT NULL UNIQUE,
  label_ar TEXT NOT NULL,
  label_en TEXT NOT NULL,
  active   INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

INSERT INTO support_kind (code, position, label_ar, label_en) VALUES
  ('financial_aid',    1, 'مساعدة مالية',     'Financial aid'),
  ('food_basket',      2, 'سلة غذائية',       'Food basket'),
  ('medical_devices',  3, 'أجهزة طبية',       'Medical devices'),
  ('medicines',        4, 'أدوية',            'Medicines'),
  ('home_care',        5, 'رعاية منزلية',     'Home care'),
  ('home_maintenance', 6, 'صيانة منزلية',     'Home maintenance'),
  ('transport',        7, 'نقل ومواصلات',     'Transport'),
  ('other',            8, 'أخرى',             'Other');

CREATE TABLE document_type (
  code       TEXT PRIMARY KEY,
  position   INTEGER NOT NULL UNIQUE,
  label_ar   TEXT NOT NULL,
  label_en   TEXT NOT NULL,
  has_expiry INTEGER NOT NULL CHECK (has_expiry IN (0, 1))
);

INSERT INTO document_type (code, position, label_ar, label_en, has_expiry) VALUES
  ('national_id',    1, 'الهوية الوطنية / الإقامة',    'National ID / iqama',          1),
  ('family_record',  2, 'سجل الأسرة',                  'Family record',                0),
  ('income_proof',   3, 'إثبات الدخل',                 'Proof of income',              1),
  ('medical_report', 4, 'تقرير طبي',                   'Medical report',               1),
  ('iban_letter',    5, 'خطاب الآيبان',                'IBAN letter',                  1),
  ('housing_proof',  6, 'عقد إيجار أو فاتورة خدمات',    'Lease or utility bill',        1);

-- The required-document checklist of each kind of support.
CREATE TABLE support_kind_document (
  kind          TEXT NOT NULL REFERENCES support_kind (code),
  document_type TEXT NOT NULL REFERENCES document_type (code),
  PRIMARY KEY (kind, document_type)
);

INSERT INTO support_kind_document (kind, document_type)
  SELECT k.code, d.code FROM support_kind k, document_type d
   WHERE d.code IN ('national_id', 'family_record', 'income_proof');
INSERT INTO support_kind_document (kind, document_type) VALUES
  ('financial_aid',    'iban_letter'),
  ('medical_devices',  'medical_report'),
  ('medicines',        'medical_report'),
  ('home_care',        'medical_report'),
  ('home_maintenance', 'housing_proof');

-- Numbers handed out in order: request numbers per Hijri year, file numbers once.
CREATE TABLE sequence (
  name TEXT NOT NULL,
  year INTEGER NOT NULL,
  last INTEGER NOT NULL,
  PRIMARY KEY (name, year)
);

INSERT INTO sequence (name, year, last)
  SELECT 'file', 0, COALESCE (MAX (CAST (file_number AS INTEGER)), 0)
    FROM beneficiary WHERE file_number GLOB '[0-9]*';

-- One row per contact on any of the eight channels.
CREATE TABLE interaction (
  id             INTEGER PRIMARY KEY,
  beneficiary_id INTEGER REFERENCES beneficiary (id),
  channel        TEXT NOT NULL REFERENCES channel (code),
  direction      TEXT NOT NULL CHECK (direction IN ('incoming', 'outgoing')),
  kind           TEXT NOT NULL
                 CHECK (kind IN ('inquiry', 'request', 'complaint', 'suggestion', 'follow_up', 'greeting')),
  summary        TEXT NOT NULL,
  handled_by     TEXT NOT NULL,
  at             TEXT NOT NULL
);

CREATE INDEX interaction_beneficiary ON interaction (beneficiary_id, at);

CREATE TABLE request (
  id              INTEGER PRIMARY KEY,
  number          TEXT NOT NULL UNIQUE,
  beneficiary_id  INTEGER NOT NULL REFERENCES beneficiary (id),
  kind            TEXT NOT NULL REFERENCES support_kind (code),
  channel         TEXT NOT NULL REFERENCES channel (code),
  description     TEXT NOT NULL,
  amount          INTEGER CHECK (amount >= 0),
  state           TEXT NOT NULL
                  CHECK (state IN ('draft', 'incomplete', 'referred', 'ready_to_sign', 'submitted',
                                   'under_review', 'accepted', 'rejected', 'deferred', 'registered',
                                   'served', 'closed')),
  received_by     TEXT NOT NULL,
  received_at     TEXT NOT NULL,
  -- Step 4: the declaration as shown, the applicant's strokes, who signed and the officer's word.
  declaration     TEXT,
  signature_json  TEXT,
  signer          TEXT CHECK (signer IN ('applicant', 'caregiver')),
  signer_name     TEXT,
  signer_relation TEXT,
  sign_mark       TEXT CHECK (sign_mark IN ('signature', 'thumbprint')),
  officer_name    TEXT,
  signed_by       TEXT,
  signed_at       TEXT,
  -- Step 5: each document's validity on the submission day, frozen as JSON.
  validity_json   TEXT,
  submitted_on    TEXT,
  submitted_at    TEXT,
  due_on          TEXT,
  decision_reason TEXT,
  decided_by      TEXT,
  decided_at      TEXT,
  registered_at   TEXT,
  closed_at       TEXT,
  close_reason    TEXT,
  updated_at      TEXT NOT NULL
);

CREATE INDEX request_beneficiary ON request (beneficiary_id, received_at);
CREATE INDEX request_state ON request (state, received_at);

CREATE TABLE attachment (
  sha256     TEXT PRIMARY KEY CHECK (length (sha256) = 64),
  mime       TEXT NOT NULL CHECK (mime IN ('application/pdf', 'image/png', 'image/jpeg', 'image/tiff',
                                            'image/webp')),
  size       INTEGER NOT NULL CHECK (size > 0 AND size <= 20000000),
  data       BLOB NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE document (
  id              INTEGER PRIMARY KEY,
  request_id      INTEGER NOT NULL REFERENCES request (id),
  type            TEXT NOT NULL REFERENCES document_type (code),
  number          TEXT NOT NULL,
  issued_on       TEXT,
  expires_on      TEXT,
  matched         INTEGER NOT NULL DEFAULT 0 CHECK (matched IN (0, 1)),
  verified_by     TEXT,
  verified_at     TEXT,
  UNIQUE (request_id, type)
);

-- The scans of a document, in the order attached (an ID card's two sides, a report's pages).
CREATE TABLE document_scan (
  document_id INTEGER NOT NULL REFERENCES document (id),
  position    INTEGER NOT NULL,
  sha256      TEXT NOT NULL REFERENCES attachment (sha256),
  name        TEXT NOT NULL,
  attached_by TEXT NOT NULL,
  attached_at TEXT NOT NULL,
  PRIMARY KEY (document_id, sha256)
);

CREATE INDEX document_scan_attachment ON document_scan (sha256);

CREATE TABLE referral (
  id                   INTEGER PRIMARY KEY,
  request_id           INTEGER NOT NULL REFERENCES request (id),
  question             TEXT NOT NULL,
  asked_by             TEXT NOT NULL,
  asked_at             TEXT NOT NULL,
  answer               TEXT,
  answered_by          TEXT,
  answered_at          TEXT,
  visit_on             TEXT,
  visit_findings       TEXT,
  visit_household      TEXT,
  visit_recommendation TEXT
);

CREATE INDEX referral_request ON referral (request_id);
CREATE INDEX referral_open ON referral (answered_at, asked_at);

CREATE TABLE service (
  id           INTEGER PRIMARY KEY,
  request_id   INTEGER NOT NULL REFERENCES request (id),
  kind         TEXT NOT NULL REFERENCES support_kind (code),
  quantity     INTEGER CHECK (quantity > 0),
  amount       INTEGER CHECK (amount >= 0),
  delivered_on TEXT NOT NULL,
  delivered_by TEXT NOT NULL,
  place        TEXT NOT NULL CHECK (place IN ('office', 'home')),
  notes        TEXT,
  recorded_at  TEXT NOT NULL
);

CREATE INDEX service_request ON service (request_id);
