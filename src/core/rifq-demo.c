/* rifq-demo.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-demo"

#include "config.h"

#include <glib/gi18n.h>
#include <time.h>

#include "rifq-beneficiary.h"
#include "rifq-beneficiary-store.h"
#include "rifq-calendar.h"
#include "rifq-error.h"
#include "rifq-numbering.h"
#include "rifq-request-store.h"
#include "rifq-seal.h"
#include "rifq-signature.h"
#include "rifq-demo.h"

static const char * const male_names[] = {
  "محمد", "أحمد", "عبدالله", "عبد الرحمن", "عبدالعزيز", "سعد", "فهد", "خالد", "سلطان", "ناصر",
  "إبراهيم", "صالح", "علي", "عمر", "حمد", "سليمان", "يوسف", "منصور", "تركي", "بندر",
  "عبد الكريم", "عبدالمحسن", "مساعد", "ماجد", "فيصل", "سعود", "عثمان", "حسن", "حسين", "مشعل",
  "راشد", "زياد", "عايض", "ظافر", "مبارك", "عوض", "هادي", "جابر", "مطلق", "ضيف الله",
  "عبد الإله", "حمود", "دخيل", "مقبل", "غازي", "عيسى", "موسى", "إسماعيل", "طلال", "نايف",
  "بدر", "مفلح", "شافي", "فالح", "عبد اللطيف", "عبدالرزاق", "محسن", "سالم", "مرزوق", "هلال",
};

static const char * const female_names[] = {
  "فاطمة", "نورة", "سارة", "مريم", "عائشة", "حصة", "لطيفة", "منيرة", "هيا", "الجوهرة",
  "موضي", "شيخة", "طرفة", "سلمى", "حليمة", "خديجة", "زينب", "أمل", "نوال", "وضحى",
  "بدرية", "فوزية", "صيتة", "غالية", "رقية", "آمنة", "هند", "عفاف", "جميلة", "سعاد",
  "حياة", "مضاوي", "نجلاء", "أسماء", "ليلى", "رحمة", "شريفة", "لولوة", "منى", "هدى",
};

static const char * const family_names[] = {
  "القحطاني", "العتيبي", "الشهري", "الغامدي", "الزهراني", "الدوسري", "الحربي", "المطيري",
  "الشمري", "العنزي", "السبيعي", "البقمي", "الرشيد", "العمري", "الأحمدي", "الجهني",
  "المالكي", "الثبيتي", "السلمي", "الشريف", "الخالدي", "الرويلي", "الحازمي", "العسيري",
  "القرني", "الأسمري", "الشهراني", "اليامي", "الوادعي", "المري", "الهاجري", "العجمي",
  "السهلي", "الظفيري", "البلوي", "العطوي", "الفيفي", "المالكي", "آل الشيخ", "الدخيل",
  "التميمي", "السديري", "الجاسر", "البسام", "العثيمين", "الفوزان", "النملة", "الخريجي",
  "الحقيل", "المنيف", "الصقعبي", "البريكان", "الربيعة", "الراجحي", "العقيل", "الزامل",
  "السويلم", "الماجد", "الحمدان", "العبيد", "الفارس", "القاسم", "الناصر", "الصالح",
  "آل سالم", "الغنام", "الهذلي", "الثقفي", "اللحياني", "المحمدي", "الصبحي", "الردادي",
  "الجابري", "الأنصاري", "الرحيلي", "المزيني", "العوفي", "الحجيلي", "السناني", "المغامسي",
};

typedef struct
{
  const char *city;
  const char *districts[8];
} City;

static const City cities[] = {
  { "الرياض", { "العليا", "الملز", "النسيم", "السويدي", "الروضة", "الشفا", "النظيم", "العريجاء" } },
  { "جدة", { "الصفا", "الروضة", "البوادي", "الفيصلية", "النزهة", "الحمراء", "السلامة", "البلد" } },
  { "مكة المكرمة", { "العزيزية", "الشوقية", "العوالي", "الزاهر", "الششة", "النسيم", "الرصيفة", "كدي" } },
  { "المدينة المنورة", { "قباء", "العوالي", "الحرة الشرقية", "العزيزية", "سلطانة", "الدفاع", "بني حارثة", "العنابس" } },
  { "الدمام", { "الفيصلية", "الشاطئ", "الجلوية", "الأثير", "النور", "بدر", "الاتصالات", "الريان" } },
  { "الخبر", { "العقربية", "الثقبة", "الخزامى", "الراكة", "اليرموك", "الحزام الذهبي", "الجسر", "التحلية" } },
  { "الطائف", { "شبرا", "الشرقية", "القمرية", "الحوية", "نخب", "السلامة", "الفيصلية", "معشي" } },
  { "أبها", { "المنسك", "الخالدية", "الموظفين", "المفتاحة", "النصب", "شمسان", "الربوة", "الوردتين" } },
  { "بريدة", { "الصفراء", "الإسكان", "الفايزية", "الخليج", "الريان", "النقع", "الحمر", "الأفق" } },
  { "حائل", { "المنتزه", "النقرة", "الزبارة", "السمراء", "لبدة", "الوسيطاء", "صبابة", "البدنة" } },
  { "تبوك", { "المروج", "الفيصلية", "السليمانية", "الريان", "المصيف", "القادسية", "الورود", "النخيل" } },
  { "جازان", { "الروضة", "الشاطئ", "السويس", "المطار", "الصفا", "الجبل", "الشامية", "المعبوج" } },
  { "نجران", { "الفيصلية", "الأمير مشعل", "أبا السعود", "الضيافة", "شعب رير", "الخالدية", "الفهد", "الحضن" } },
  { "الأحساء", { "المبرز", "الهفوف", "العيون", "الجفر", "المنيزلة", "الطرف", "القارة", "البطالية" } },
};

static const char * const relations_son[] = { "ابن", "ابنة", "زوجة", "حفيد", "أخ", "ابن أخ" };
static const char * const incomes[] = {
  "الضمان الاجتماعي", "معاش تقاعدي", "مساعدة من الأبناء", "الضمان الاجتماعي ومساعدة الأسرة",
  "لا يوجد دخل ثابت", "معاش التأمينات الاجتماعية",
};
static const char * const health[] = {
  "ضغط وسكري، يراجع المستشفى شهريًا", "ضعف في النظر", "آلام مزمنة في المفاصل",
  "يحتاج إلى كرسي متحرك خارج المنزل", "لا توجد أمراض مزمنة معروفة", "قصور في القلب، يحتاج متابعة",
  "ضعف في السمع", "بحاجة إلى أجهزة طبية منزلية",
};
static const char * const living[] = {
  "alone", "alone", "with_family", "with_family", "with_family", "with_caregiver", "with_caregiver", "care_home",
};
static const char * const mobility[] = {
  "independent", "independent", "walking_aid", "walking_aid", "wheelchair", "bedridden",
};
static const char * const channels[] = {
  "interview", "phone", "phone", "social", "letters", "help", "volunteering", "website", "branch",
};

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

/* A permutation of 0 .. 10^8-1: unique numbers without remembering them. */
static guint32
permute (guint32 i,
         guint32 offset,
         guint32 stride)
{
  return (guint32) (((guint64) i * stride + offset) % 100000000u);
}

static char *
national_id (guint32 body)
{
  char digits[11];
  int sum = 0;

  g_snprintf (digits, sizeof digits, "1%08u", body);
  /* Luhn over the nine digits, the check digit making the total a multiple of ten. */
  for (int i = 0; i < 9; i++)
    {
      int d = digits[i] - '0';
      if (i % 2 == 0)
        {
          d *= 2;
          if (d > 9)
            d -= 9;
        }
      sum += d;
    }
  digits[9] = (char) ('0' + (10 - sum % 10) % 10);
  digits[10] = '\0';
  return g_strdup (digits);
}

GPtrArray *
rifq_demo_generate (guint   count,
                    guint32 seed,
                    guint   first)
{
  g_autoptr(GPtrArray) people = g_ptr_array_new_full (count, g_object_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint32 id_offset = g_rand_int_range (rand, 0, 100000000);
  guint32 phone_offset = g_rand_int_range (rand, 0, 100000000);
  guint file_number = first + 1;

  for (guint i = first; i < first + count; i++)
    {
      RifqBeneficiary *b = rifq_beneficiary_new ();
      const City *city = &PICK (rand, cities);
      gboolean female = g_rand_boolean (rand);
      g_autofree char *nid = national_id (permute (i, id_offset, 7919));
      g_autofree char *mobile = g_strdup_printf ("+9665%08u", permute (i, phone_offset, 104729));
      g_autofree char *birth = NULL;
      g_autofree char *household = NULL;
      g_autofree char *income = NULL;
      g_autofree char *address = NULL;
      const char *situation = PICK (rand, living);

      birth = g_strdup_printf ("%04d-%02d-%02d",
                               g_rand_int_range (rand, 1928, 1966),
                               g_rand_int_range (rand, 1, 13),
                               g_rand_int_range (rand, 1, 29));
      household = g_strdup_printf ("%d", g_str_equal (situation, "alone") ? 1 : g_rand_int_range (rand, 2, 11));
      income = g_strdup_printf ("%d", g_rand_int_range (rand, 0, 25) * 250);
      address = g_strdup_printf ("%c%c%c%c%04d",
                                 'A' + g_rand_int_range (rand, 0, 26), 'A' + g_rand_int_range (rand, 0, 26),
                                 'A' + g_rand_int_range (rand, 0, 26), 'A' + g_rand_int_range (rand, 0, 26),
                                 g_rand_int_range (rand, 1000, 10000));

      rifq_beneficiary_set (b, RIFQ_FIELD_NATIONAL_ID, nid);
      rifq_beneficiary_set (b, RIFQ_FIELD_FIRST_NAME, female ? PICK (rand, female_names) : PICK (rand, male_names));
      rifq_beneficiary_set (b, RIFQ_FIELD_FATHER_NAME, PICK (rand, male_names));
      rifq_beneficiary_set (b, RIFQ_FIELD_GRANDFATHER_NAME, PICK (rand, male_names));
      rifq_beneficiary_set (b, RIFQ_FIELD_FAMILY_NAME, PICK (rand, family_names));
      rifq_beneficiary_set (b, RIFQ_FIELD_SEX, female ? "female" : "male");
      rifq_beneficiary_set (b, RIFQ_FIELD_BIRTH_DATE, birth);
      rifq_beneficiary_set (b, RIFQ_FIELD_MOBILE, mobile);
      rifq_beneficiary_set (b, RIFQ_FIELD_CITY, city->city);
      rifq_beneficiary_set (b, RIFQ_FIELD_DISTRICT, PICK (rand, city->districts));
      rifq_beneficiary_set (b, RIFQ_FIELD_NATIONAL_ADDRESS, address);
      rifq_beneficiary_set (b, RIFQ_FIELD_PREFERRED_CHANNEL, PICK (rand, channels));
      rifq_beneficiary_set (b, RIFQ_FIELD_LIVING_SITUATION, situation);
      rifq_beneficiary_set (b, RIFQ_FIELD_HOUSEHOLD_SIZE, household);
      rifq_beneficiary_set (b, RIFQ_FIELD_MONTHLY_INCOME, income);
      rifq_beneficiary_set (b, RIFQ_FIELD_INCOME_SOURCES, PICK (rand, incomes));
      rifq_beneficiary_set (b, RIFQ_FIELD_MOBILITY, PICK (rand, mobility));
      rifq_beneficiary_set (b, RIFQ_FIELD_HEALTH_NOTES, PICK (rand, health));
      rifq_beneficiary_set (b, RIFQ_FIELD_CONSENT, "true");

      if (g_rand_int_range (rand, 0, 10) < 6)
        {
          g_autofree char *file = g_strdup_printf ("%06u", file_number++);

          rifq_beneficiary_set (b, RIFQ_FIELD_STATUS, "registered");
          rifq_beneficiary_set (b, RIFQ_FIELD_FILE_NUMBER, file);
        }
      else
        rifq_beneficiary_set (b, RIFQ_FIELD_STATUS, "applicant");

      if (g_str_equal (situation, "with_caregiver"))
        {
          RifqCaregiver *c = rifq_caregiver_new ();

          c->name = g_strdup_printf ("%s %s %s",
                                     PICK (rand, male_names),
                                     rifq_beneficiary_get (b, RIFQ_FIELD_FIRST_NAME),
                                     rifq_beneficiary_get (b, RIFQ_FIELD_FAMILY_NAME));
          c->relation = g_strdup (PICK (rand, relations_son));
          c->mobile = g_strdup_printf ("+9665%08u", permute (i + 50000000u, phone_offset, 104729));
          c->is_guardian = g_rand_boolean (rand);
          rifq_beneficiary_add_caregiver (b, c);
        }

      g_ptr_array_add (people, b);
    }

  return g_steal_pointer (&people);
}

gboolean
rifq_demo_fill (RifqDb  *db,
                guint    count,
                guint32  seed,
                GError **error)
{
  g_autoptr(GPtrArray) people = NULL;
  gint64 existing;

  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);

  existing = rifq_beneficiary_store_count (db, error);
  if (existing < 0)
    return FALSE;

  /* Continuing the same permutation keeps IDs and mobiles unique across repeated runs. */
  people = rifq_demo_generate (count, seed, (guint) existing);
  return rifq_beneficiary_store_add_many (db, people,
                                          _("Synthetic demonstration data (rifq-admin demo)"),
                                          error);
}

typedef struct
{
  guint   count;
  guint32 seed;
} RequestJob;

/* The share of each state, in thousandths, as an association's books would show them. */
static const struct
{
  const char *state;
  guint       per_mille;
} request_states[] = {
  { "closed", 600 }, { "served", 150 }, { "registered", 50 }, { "rejected", 50 },
  { "under_review", 50 }, { "submitted", 40 }, { "incomplete", 30 }, { "draft", 15 },
  { "referred", 10 }, { "ready_to_sign", 5 },
};

static const char *request_kinds[] = {
  "financial_aid", "food_basket", "medical_devices", "medicines", "home_care",
  "home_maintenance", "transport", "other",
};

static const char *request_descriptions[] = {
  "يحتاج سلة غذائية شهرية", "كرسي متحرك بعد عملية في الركبة", "أدوية الضغط والسكري لثلاثة أشهر",
  "زيارات رعاية منزلية أسبوعية", "إصلاح تسرب في سقف المنزل", "نقل إلى مواعيد غسيل الكلى",
  "مساعدة في سداد إيجار متأخر", "سماعة أذن طبية",
};

static const char *demo_officers[] = { "نورة العتيبي", "سارة القحطاني", "عبدالله الشمري" };

/* A hand-like scribble: two strokes of waves, different for every request. */
static char *
demo_signature (GRand *rand)
{
  g_autoptr(RifqSignature) signature = rifq_signature_new (400, 200);
  double phase = g_rand_double_range (rand, 0, 6.28);

  for (guint stroke = 0; stroke < 2; stroke++)
    {
      rifq_signature_begin_stroke (signature);
      for (guint i = 0; i < 24; i++)
        {
          double x = 60 + stroke * 150 + i * 6;
          double wave = ((i + (guint) (phase * 10)) % 8) < 4 ? (i % 4) : 4 - (i % 4);

          rifq_signature_add_point (signature, x, 90 + stroke * 20 + wave * 9, 0.4 + (i % 5) / 10.0);
        }
    }
  return rifq_signature_to_json (signature);
}

static const char *
pick_state (GRand *rand)
{
  guint roll = (guint) g_rand_int_range (rand, 0, 1000);

  for (guint i = 0; i < G_N_ELEMENTS (request_states); i++)
    {
      if (roll < request_states[i].per_mille)
        return request_states[i].state;
      roll -= request_states[i].per_mille;
    }
  return "closed";
}

static gboolean
fill_requests_cb (RifqDb      *db,
                  RifqDbWrite *write,
                  gpointer     user_data,
                  GError     **error)
{
  RequestJob *job = user_data;
  g_autoptr(GRand) rand = g_rand_new_with_seed (job->seed);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format_iso8601 (now);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gint64 people = rifq_beneficiary_store_count (db, error);
  int period = rifq_request_store_decision_period (db);
  GDate today;
  sqlite3_stmt *stmt;

  if (people <= 0)
    {
      if (people == 0)
        g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                             _("Add beneficiaries first: requests are spread over the registry."));
      return FALSE;
    }
  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));

  for (guint i = 0; i < job->count; i++)
    {
      const char *state = pick_state (rand);
      GDate received = today;
      RifqHijriDate hijri;
      g_autofree char *received_on = NULL;
      g_autofree char *submitted_on = NULL;
      g_autofree char *due_on = NULL;
      g_autofree char *number = NULL;
      gboolean at_desk = g_str_equal (state, "draft") || g_str_equal (state, "incomplete")
                         || g_str_equal (state, "referred") || g_str_equal (state, "ready_to_sign");
      gboolean recent = at_desk || g_str_equal (state, "submitted") || g_str_equal (state, "under_review");
      gint64 seq;
      gint64 request_id;
      int seq_year;

      /* Open requests are recent; settled ones spread over four years. */
      g_date_subtract_days (&received, (guint) g_rand_int_range (rand, 0, recent ? 20 : 1460));
      if (!rifq_calendar_to_hijri (&received, &hijri, error))
        return FALSE;
      received_on = rifq_calendar_to_iso (&received);

      number = rifq_numbering_next (db, RIFQ_REGISTER_REQUEST, hijri.year, &seq_year, &seq, error);
      if (number == NULL)
        return FALSE;

      if (!at_desk)
        {
          GDate due = received;

          submitted_on = g_strdup (received_on);
          g_date_add_days (&due, (guint) period);
          due_on = rifq_calendar_to_iso (&due);
        }

      stmt = rifq_db_prepare (db, "INSERT INTO request (number, beneficiary_id, kind, channel, description,"
                                  " state, received_by, received_at, submitted_on, submitted_at, due_on,"
                                  " updated_at, seq_year, seq) VALUES (?, (SELECT id FROM beneficiary WHERE id >= ?2"
                                  " ORDER BY id LIMIT 1), ?, (SELECT code FROM channel WHERE position = ?),"
                                  " ?, ?, 'demo', ?, ?, ?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, number, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, 1 + g_rand_int_range (rand, 0, (gint32) MIN (people, G_MAXINT32)));
      sqlite3_bind_text (stmt, 3, PICK (rand, request_kinds), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, g_rand_int_range (rand, 1, 9));
      sqlite3_bind_text (stmt, 5, PICK (rand, request_descriptions), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, state, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, received_on, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 8, submitted_on, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 9, submitted_on, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 10, due_on, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 11, stamp, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 12, seq_year);
      sqlite3_bind_int64 (stmt, 13, seq);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return rifq_db_fail (db, error);
      request_id = sqlite3_last_insert_rowid (rifq_db_get_handle (db));

      /* Past the desk, a request carries what was signed with it. */
      if (submitted_on != NULL)
        {
          g_autofree char *strokes = demo_signature (rand);
          g_autofree char *validity = g_strdup_printf (
            "[{\"type\":\"national_id\",\"number\":\"%u\",\"issued_on\":\"2019-03-01\","
            "\"expires_on\":\"2029-03-01\",\"checked_on\":\"%s\",\"status\":\"valid\",\"matched_by\":\"demo\","
            "\"scans_sha256\":[]},{\"type\":\"family_record\",\"number\":\"%u\",\"issued_on\":\"2015-06-10\","
            "\"expires_on\":null,\"checked_on\":\"%s\",\"status\":\"valid\",\"matched_by\":\"demo\","
            "\"scans_sha256\":[]}]",
            (guint) g_rand_int_range (rand, 10000000, 99999999), submitted_on,
            (guint) g_rand_int_range (rand, 1000000, 9999999), submitted_on);

          stmt = rifq_db_prepare (db, "UPDATE request SET declaration = (SELECT value FROM settings WHERE key ="
                                      " 'declaration_ar'), signature_json = ?, signer = 'applicant', sign_mark ="
                                      " 'signature', officer_name = ?, signed_by = 'demo', signed_at = ?,"
                                      " validity_json = ? WHERE id = ?", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_text (stmt, 1, strokes, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 2, PICK (rand, demo_officers), -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 3, submitted_on, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 4, validity, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 5, request_id);
          if (sqlite3_step (stmt) != SQLITE_DONE)
            return rifq_db_fail (db, error);
          /* Sealed as a submission seals it. */
          if (!rifq_seal_request_in (db, write, request_id, error))
            return FALSE;
        }

      if (g_str_equal (state, "referred"))
        {
          stmt = rifq_db_prepare (db, "INSERT INTO referral (request_id, question, asked_by, asked_at)"
                                      " VALUES (?, ?, 'demo', ?)", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, request_id);
          sqlite3_bind_text (stmt, 2, "هل يشمل الدعم المقيمين مع أبنائهم؟", -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 3, stamp, -1, SQLITE_STATIC);
          if (sqlite3_step (stmt) != SQLITE_DONE)
            return rifq_db_fail (db, error);
        }
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "requests");
  json_builder_add_int_value (builder, job->count);
  json_builder_end_object (builder);
  rifq_db_write_audit_take (write, "demo", "request", 0, NULL, json_builder_get_root (builder),
                       _("Synthetic demonstration data (rifq-admin demo)"));
  return TRUE;
}

gboolean
rifq_demo_fill_requests (RifqDb  *db,
                         guint    count,
                         guint32  seed,
                         GError **error)
{
  RequestJob job = { count, seed };

  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);

  if (count == 0)
    return TRUE;
  /* Requests past the desk are sealed, as a submission seals them. */
  if (!rifq_seal_ensure_key (db, error))
    return FALSE;
  return rifq_db_write (db, fill_requests_cb, &job, error);
}
