/* rifq-demo.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-demo"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <time.h>

#include "rifq-beneficiary-store.h"
#include "rifq-beneficiary.h"
#include "rifq-calendar.h"
#include "rifq-committee.h"
#include "rifq-demo.h"
#include "rifq-error.h"
#include "rifq-json.h"
#include "rifq-numbering.h"
#include "rifq-permission.h"
#include "rifq-request-store.h"
#include "rifq-seal.h"
#include "rifq-signature.h"
#include "rifq-staff.h"
#include "rifq-statement.h"

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

  if (!rifq_permission_check (db, RIFQ_PERMISSION_DEMO, error))
    return FALSE;

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

/* The research committee seated for the demonstration when the database has no chair yet. */
static const struct
{
  const char *username;
  const char *full_name;
  const char *role;
} demo_committee[] = {
  { "khalid", "خالد عبدالله الدوسري", "chair" },
  { "hind", "هند سعد الزهراني", "committee" },
  { "fahd", "فهد ناصر الحربي", "committee" },
  { "mona", "منى علي القرني", "committee" },
  { "saad", "سعد محمد العتيبي", "committee" },
};

static const char *accept_reasons[] = {
  "الأسرة دون حدّ الاستحقاق ويعيش المستفيد وحده.",
  "الحالة الصحية موثّقة بتقرير طبي وتستدعي الدعم وفق سياسة الدعم.",
  "أوصى تقرير الزيارة المنزلية بالدعم، والمستندات مكتملة وسارية.",
};

static const char *reject_reasons[] = {
  "دخل الأسرة يتجاوز حدّ الاستحقاق المعتمد في سياسة الدعم.",
  "يتلقى المستفيد الدعم نفسه من جهة أخرى خلال العام الجاري.",
};

/* Requests on the agenda of the meeting to come: a committee's evening, not a backlog. */
#define DEMO_AGENDA_MAX 30

/* A request the committee decided on, gathered while the requests are written and decided on in
 * the order of the meetings, so that the letters are numbered in the order they went out. */
typedef struct
{
  gint64      id;
  char        day[11];     /* the meeting that decided it, ISO */
  const char *kind;
  gint64      asked;       /* riyals asked for; -1 when none */
  gboolean    accepted;
  gboolean    registered;
  gboolean    served;
  gboolean    closed;
} Decided;

static int
compare_decided (gconstpointer a,
                 gconstpointer b)
{
  const Decided *x = a, *y = b;
  int by_day = strcmp (x->day, y->day);

  return by_day != 0 ? by_day : (x->id > y->id) - (x->id < y->id);
}

/* Kinds given in riyals; the others are given in kind, counted by quantity. */
static gboolean
given_in_riyals (const char *kind)
{
  return g_str_equal (kind, "financial_aid") || g_str_equal (kind, "home_maintenance");
}
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

/* The committee as it stands, the chair first; one is seated when the database has no chair. */
static GPtrArray *
seat_committee (RifqDb      *db,
                RifqDbWrite *write,
                GError     **error)
{
  g_autoptr(GPtrArray) chairs = rifq_staff_list (db, RIFQ_ROLE_CHAIR, error);
  g_autoptr(GPtrArray) members = NULL;
  g_autofree char *stamp = NULL;

  if (chairs == NULL)
    return NULL;
  for (guint i = 0; chairs->len == 0 && i < G_N_ELEMENTS (demo_committee); i++)
    {
      if (stamp == NULL)
        {
          g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

          stamp = g_date_time_format_iso8601 (now);
        }
      if (!rifq_db_execute (db, "INSERT INTO staff (username, full_name, active, created_at) VALUES (?, ?, 1, ?)"
                                " ON CONFLICT (username) DO NOTHING",
                            RIFQ_PARAMS (RIFQ_TEXT (demo_committee[i].username),
                                         RIFQ_TEXT (demo_committee[i].full_name), RIFQ_TEXT (stamp)), error)
          || !rifq_db_execute (db, "INSERT INTO staff_role (username, role) VALUES (?, ?) ON CONFLICT DO NOTHING",
                               RIFQ_PARAMS (RIFQ_TEXT (demo_committee[i].username), RIFQ_TEXT (demo_committee[i].role)),
                               error))
        return NULL;
      {
        /* Recorded as staff added by hand would be: the member as they now stand. */
        g_autoptr(RifqStaff) seated = rifq_staff_get (db, demo_committee[i].username, error);
        g_autoptr(JsonBuilder) entry = json_builder_new ();
        g_autofree char *roles = NULL;

        if (seated == NULL)
          return NULL;
        roles = rifq_roles_to_string (seated->roles);
        json_builder_begin_object (entry);
        rifq_json_add_string (entry, "username", seated->username);
        rifq_json_add_string (entry, "full_name", seated->full_name);
        rifq_json_add_string (entry, "roles", roles);
        json_builder_end_object (entry);
        rifq_db_write_audit_take (write, "create", "staff", 0, NULL, json_builder_get_root (entry), NULL);
      }
    }
  members = rifq_staff_list (db, RIFQ_ROLE_COMMITTEE | RIFQ_ROLE_CHAIR, error);
  if (members == NULL)
    return NULL;
  for (guint i = 1; i < members->len; i++)
    if (((RifqStaff *) g_ptr_array_index (members, i))->roles & RIFQ_ROLE_CHAIR)
      {
        gpointer chair = g_ptr_array_steal_index (members, i);

        g_ptr_array_insert (members, 0, chair);
        break;
      }
  return g_steal_pointer (&members);
}

/* A meeting on day, under the rule of the settings, with the members present as marked. */
static gint64
demo_meeting (RifqDb         *db,
              const char     *day,
              GPtrArray      *members,
              const gboolean *present,
              GError        **error)
{
  const char *chair = ((RifqStaff *) g_ptr_array_index (members, 0))->username;
  g_autofree char *called_at = g_strdup_printf ("%sT06:00:00Z", day);
  gint64 id;

  id = rifq_db_execute_insert (
    db, "INSERT INTO meeting (held_on, place, created_by, created_at, quorum, majority,"
        " chair_breaks_tie, abstentions) VALUES (?, 'مقر الجمعية', ?, ?,"
        " coalesce ((SELECT value FROM settings WHERE key = 'committee_quorum'), 'more_than_half'),"
        " coalesce ((SELECT value FROM settings WHERE key = 'committee_majority'), 'of_present'),"
        " coalesce ((SELECT CASE WHEN value <> '0' THEN 1 ELSE 0 END FROM settings"
        "            WHERE key = 'committee_chair_breaks_tie'), 1),"
        " coalesce ((SELECT value FROM settings WHERE key = 'committee_abstentions'), 'as_present'))",
    RIFQ_PARAMS (RIFQ_TEXT (day), RIFQ_TEXT (chair), RIFQ_TEXT (called_at)), error);
  if (id == 0)
    return 0;
  for (guint i = 0; i < members->len; i++)
    {
      RifqStaff *member = g_ptr_array_index (members, i);

      if (!rifq_db_execute (db, "INSERT INTO meeting_member (meeting_id, username, present, chair) VALUES (?, ?, ?, ?)",
                            RIFQ_PARAMS (RIFQ_INT (id), RIFQ_TEXT (member->username), RIFQ_INT (present[i]),
                                         RIFQ_INT (i == 0)), error))
        return 0;
    }
  return id;
}

static gboolean
demo_agenda_item (RifqDb  *db,
                  gint64   meeting_id,
                  gint64   request_id,
                  guint    position,
                  GError **error)
{
  return rifq_db_execute (db, "INSERT INTO agenda_item (meeting_id, request_id, position) VALUES (?, ?, ?)",
                          RIFQ_PARAMS (RIFQ_INT (meeting_id), RIFQ_INT (request_id), RIFQ_INT ((int) position)), error);
}

/* The votes of the members present: with the decision, now and then one against it or one
 * abstaining, as long as the meeting's rule still gives the decision. */
static char **
demo_votes (GRand          *rand,
            const RifqRule *rule,
            GPtrArray      *members,
            const gboolean *present,
            const char     *decision,
            RifqTally      *tally)
{
  const char *other = rifq_vote_choice_to_code (g_str_equal (decision, rifq_vote_choice_to_code (RIFQ_VOTE_ACCEPT))
                                                ? RIFQ_VOTE_REJECT : RIFQ_VOTE_ACCEPT);
  char **cast = g_new0 (char *, members->len + 1);
  guint dissent = G_MAXUINT;
  guint roll = (guint) g_rand_int_range (rand, 0, 8);

  if (roll < 3 && members->len > 1)
    dissent = (guint) g_rand_int_range (rand, 1, (gint32) members->len);
  for (guint attempt = 0; attempt < 2; attempt++)
    {
      tally->accept = tally->reject = tally->defer = 0;
      g_clear_pointer (&tally->chair_vote, g_free);
      for (guint i = 0; i < members->len; i++)
        {
          g_clear_pointer (&cast[i], g_free);
          if (!present[i] || (i == dissent && roll == 0))
            continue;
          cast[i] = g_strdup (i == dissent ? other : decision);
          rifq_tally_add_vote (tally, cast[i]);
        }
      tally->chair_vote = g_strdup (cast[0]);
      rifq_rule_apply (rule, tally);
      if (g_strcmp0 (tally->outcome, decision) == 0)
        break;
      /* The rule does not allow the dissent: everyone present votes with the decision. */
      dissent = G_MAXUINT;
    }
  return cast;
}

static gboolean
demo_decision (RifqDb          *db,
               RifqDbWrite     *write,
               GRand           *rand,
               const RifqRule  *rule,
               GPtrArray       *members,
               const gboolean  *present,
               gint64           meeting_id,
               const Decided   *d,
               const GDate     *today,
               GError         **error)
{
  gint64 letter_id;
  const char *decision = rifq_vote_choice_to_code (d->accepted ? RIFQ_VOTE_ACCEPT : RIFQ_VOTE_REJECT);
  const char *chair = ((RifqStaff *) g_ptr_array_index (members, 0))->username;
  const char *reasons = d->accepted ? PICK (rand, accept_reasons) : PICK (rand, reject_reasons);
  g_autofree char *decided_at = g_strdup_printf ("%sT10:00:00Z", d->day);
  g_autofree char *number = NULL;
  g_autofree char *tally_text = NULL;
  g_autoptr(RifqTally) tally = NULL;
  g_autoptr(JsonNode) tally_node = NULL;
  g_auto(GStrv) cast = NULL;
  gint64 amount = d->accepted && d->asked > 0 ? d->asked - 500 * g_rand_int_range (rand, 0, 2) : -1;
  gint64 quantity = 0;
  gint64 decision_id;
  gboolean parsed;
  GDate day;

  if (d->accepted && !given_in_riyals (d->kind))
    quantity = g_str_equal (d->kind, "food_basket") || g_str_equal (d->kind, "home_care")
               ? g_rand_int_range (rand, 3, 13) : g_str_equal (d->kind, "medical_devices") ? 1 : g_rand_int_range (rand, 1, 7);
  amount = amount > 0 ? amount : -1;

  tally = rifq_tally_new (members->len, 0);
  for (guint i = 0; i < members->len; i++)
    tally->present += present[i];
  cast = demo_votes (rand, rule, members, present, decision, tally);
  for (guint i = 0; i < members->len; i++)
    {
      if (cast[i] == NULL)
        continue;
      if (!rifq_db_execute (db, "INSERT INTO vote (meeting_id, request_id, username, vote, amount, note, at)"
                                " VALUES (?, ?, ?, ?, ?, NULL, ?)",
                            RIFQ_PARAMS (RIFQ_INT (meeting_id), RIFQ_INT (d->id),
                                         RIFQ_TEXT (((RifqStaff *) g_ptr_array_index (members, i))->username),
                                         RIFQ_TEXT (cast[i]),
                                         RIFQ_INT_IF (amount > 0 && d->accepted && g_str_equal (cast[i], decision),
                                                      amount),
                                         RIFQ_TEXT (decided_at)), error))
        return FALSE;
    }

  tally_node = rifq_tally_to_json (tally);
  tally_text = json_to_string (tally_node, FALSE);
  decision_id =
    rifq_db_execute_insert (db, "INSERT INTO decision (request_id, meeting_id, decision, amount, quantity, reasons,"
                                " tally_json, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            RIFQ_PARAMS (RIFQ_INT (d->id), RIFQ_INT (meeting_id), RIFQ_TEXT (decision),
                                         RIFQ_INT_IF (amount > 0, amount), RIFQ_INT_IF (quantity > 0, quantity),
                                         RIFQ_TEXT (reasons), RIFQ_TEXT (tally_text), RIFQ_TEXT (chair),
                                         RIFQ_TEXT (decided_at)),
                            error);
  if (decision_id == 0)
    return FALSE;

  /* The letter to the applicant, numbered in the register in the order the decisions went out. */
  number = rifq_committee_register_letter (db, d->id, decision_id, decision, d->day, chair, &letter_id, error);
  if (number == NULL)
    return FALSE;
  if (!rifq_seal_letter_in (db, write, letter_id, error))
    return FALSE;

  if (!rifq_db_execute (db, "UPDATE request SET decision_reason = ?1, decided_by = ?2, decided_at = ?3,"
                            " registered_at = CASE WHEN ?4 <> 0 THEN ?3 END, closed_at = CASE WHEN ?5 <> 0 THEN ?3 END"
                            " WHERE id = ?6",
                        RIFQ_PARAMS (RIFQ_TEXT (reasons), RIFQ_TEXT (chair), RIFQ_TEXT (decided_at),
                                     RIFQ_INT (d->registered), RIFQ_INT (d->closed), RIFQ_INT (d->id)), error))
    return FALSE;

  /* What was delivered keeps within what was approved: all of an amount, part of a quantity. */
  parsed = rifq_calendar_from_iso (d->day, &day);
  g_assert (parsed);
  for (gint64 i = 0; d->served && i < (amount > 0 ? 1 : MIN (MAX (quantity, 1), 3)); i++)
    {
      GDate delivered = day;
      g_autofree char *delivered_on = NULL;
      gboolean in_riyals = amount > 0 || d->asked > 0;
      const char *officer;
      const char *place;

      g_date_add_days (&delivered, (guint) (3 + 30 * i));
      if (g_date_compare (&delivered, today) > 0)
        delivered = *today;
      delivered_on = rifq_calendar_to_iso (&delivered);
      /* Drawn in this order, for the same data from the same seed. */
      officer = PICK (rand, demo_officers);
      place = g_rand_boolean (rand) ? "home" : "office";
      if (!rifq_db_execute (db, "INSERT INTO service (request_id, kind, quantity, amount, delivered_on,"
                                " delivered_by, place, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                            RIFQ_PARAMS (RIFQ_INT (d->id), RIFQ_TEXT (d->kind), RIFQ_INT_IF (!in_riyals, 1),
                                         RIFQ_INT_IF (in_riyals, amount > 0 ? amount : d->asked),
                                         RIFQ_TEXT (delivered_on), RIFQ_TEXT (officer), RIFQ_TEXT (place),
                                         RIFQ_TEXT (decided_at)), error))
        return FALSE;
    }
  return TRUE;
}

/* The committee's weekly meetings that decided the settled requests, and the one to come with
 * the requests under review on its agenda. */
static gboolean
decide_at_meetings (RifqDb     *db,
                    RifqDbWrite *write,
                    GRand      *rand,
                    GArray     *decided,
                    GArray     *under_review,
                    const GDate *today,
                    guint      *out_meetings,
                    GError    **error)
{
  g_autoptr(GPtrArray) members = NULL;
  g_autofree gboolean *present = NULL;
  const char *meeting_day = "";
  gint64 meeting_id = 0;
  guint position = 0;
  RifqRule rule;

  if (decided->len == 0 && under_review->len == 0)
    return TRUE;
  members = seat_committee (db, write, error);
  if (members == NULL)
    return FALSE;
  rifq_committee_rule_get (db, &rule);
  present = g_new0 (gboolean, members->len);
  g_array_sort (decided, compare_decided);

  for (guint i = 0; i < decided->len; i++)
    {
      const Decided *d = &g_array_index (decided, Decided, i);

      if (!g_str_equal (d->day, meeting_day))
        {
          guint absent = (guint) g_rand_int_range (rand, 0, 3 * members->len);

          /* Now and then a member is away, as long as the quorum holds. */
          for (guint m = 0; m < members->len; m++)
            present[m] = m != absent || m == 0;
          if (!rifq_rule_has_quorum (&rule, members->len - (absent > 0 && absent < members->len), members->len))
            for (guint m = 0; m < members->len; m++)
              present[m] = TRUE;
          meeting_id = demo_meeting (db, d->day, members, present, error);
          if (meeting_id == 0)
            return FALSE;
          meeting_day = d->day;
          position = 0;
          (*out_meetings)++;
        }
      if (!demo_agenda_item (db, meeting_id, d->id, ++position, error)
          || !demo_decision (db, write, rand, &rule, members, present, meeting_id, d, today, error))
        return FALSE;
    }

  if (under_review->len > 0)
    {
      GDate next = *today;
      char day[11];

      g_date_add_days (&next, 3);
      g_date_strftime (day, sizeof day, "%Y-%m-%d", &next);
      for (guint m = 0; m < members->len; m++)
        present[m] = FALSE;
      meeting_id = demo_meeting (db, day, members, present, error);
      if (meeting_id == 0)
        return FALSE;
      (*out_meetings)++;
      for (guint i = 0; i < under_review->len; i++)
        if (!demo_agenda_item (db, meeting_id, g_array_index (under_review, gint64, i), i + 1, error))
          return FALSE;
    }
  return TRUE;
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
  g_autoptr(GArray) decided = g_array_new (FALSE, FALSE, sizeof (Decided));
  g_autoptr(GArray) under_review = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 people = rifq_beneficiary_store_count (db, error);
  gint64 first_id = 0;
  int period = rifq_request_store_decision_period (db);
  guint n_meetings = 0;
  GDate today;
  RifqStatement *stmt;

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
      /* Thousands of requests in one transaction: the engine plans for the tables as they
       * grow, not by the plans it made for the empty tables it started with. */
      if (i == 1000)
        rifq_db_expect_many_rows (db);
      const char *state = pick_state (rand);
      const char *kind = PICK (rand, request_kinds);
      gint64 asked = given_in_riyals (kind) ? 500 * g_rand_int_range (rand, 1, 13) : -1;
      GDate received = today;
      RifqHijriDate hijri;
      g_autofree char *received_on = NULL;
      g_autofree char *submitted_on = NULL;
      g_autofree char *due_on = NULL;
      g_autofree char *number = NULL;
      gboolean at_desk = g_str_equal (state, "draft") || g_str_equal (state, "incomplete")
                         || g_str_equal (state, "referred") || g_str_equal (state, "ready_to_sign");
      gboolean recent;
      gint64 seq;
      gint64 request_id;
      gint64 beneficiary_from;
      gint64 channel_position;
      const char *description;
      int seq_year;

      /* The meeting to come has room for so many; the others wait in the queue. */
      if (g_str_equal (state, "under_review") && under_review->len >= DEMO_AGENDA_MAX)
        state = "submitted";
      recent = at_desk || g_str_equal (state, "submitted") || g_str_equal (state, "under_review");
      /* Open requests are recent; settled ones spread over four years, decided a week or more ago. */
      g_date_subtract_days (&received, (guint) g_rand_int_range (rand, recent ? 0 : 7, recent ? 20 : 1460));
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

      /* Drawn in this order, for the same data from the same seed. */
      beneficiary_from = 1 + g_rand_int_range (rand, 0, (gint32) MIN (people, G_MAXINT32));
      channel_position = g_rand_int_range (rand, 1, 9);
      description = PICK (rand, request_descriptions);
      request_id =
        rifq_db_execute_insert (db, "INSERT INTO request (number, beneficiary_id, kind, channel, description,"
                                    " state, received_by, received_at, submitted_on, submitted_at, due_on,"
                                    " updated_at, seq_year, seq, amount) VALUES (?, (SELECT id FROM beneficiary WHERE"
                                    " id >= ?2 ORDER BY id LIMIT 1), ?, (SELECT code FROM channel WHERE position = ?),"
                                    " ?, ?, 'demo', ?, ?, ?, ?, ?, ?, ?, ?)",
                                RIFQ_PARAMS (RIFQ_TEXT (number), RIFQ_INT (beneficiary_from), RIFQ_TEXT (kind),
                                             RIFQ_INT (channel_position), RIFQ_TEXT (description), RIFQ_TEXT (state),
                                             RIFQ_TEXT (received_on), RIFQ_TEXT (submitted_on),
                                             RIFQ_TEXT (submitted_on), RIFQ_TEXT (due_on), RIFQ_TEXT (stamp),
                                             RIFQ_INT (seq_year), RIFQ_INT (seq), RIFQ_INT_IF (asked >= 0, asked)),
                                error);
      if (request_id == 0)
        return FALSE;
      if (first_id == 0)
        first_id = request_id;

      /* Past the committee, the decision came from a meeting: the first one after submission. */
      if (!at_desk && !recent)
        {
          Decided d = { .id = request_id, .kind = kind, .asked = asked };
          GDate meeting = today;

          g_date_subtract_days (&meeting, 7 * (g_date_days_between (&received, &today) / 7));
          g_date_strftime (d.day, sizeof d.day, "%Y-%m-%d", &meeting);
          d.closed = g_str_equal (state, "closed");
          d.accepted = !g_str_equal (state, "rejected") && !(d.closed && g_rand_int_range (rand, 0, 5) == 0);
          d.registered = d.accepted;
          d.served = d.accepted && !g_str_equal (state, "registered");
          g_array_append_val (decided, d);
        }
      else if (g_str_equal (state, "under_review"))
        {
          g_array_append_val (under_review, request_id);
        }

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
          const char *officer = PICK (rand, demo_officers);

          if (!rifq_db_execute (db, "UPDATE request SET declaration = (SELECT value FROM settings WHERE key ="
                                    " 'declaration_ar'), signature_json = ?, signer = 'applicant', sign_mark ="
                                    " 'signature', officer_name = ?, signed_by = 'demo', signed_at = ?,"
                                    " validity_json = ? WHERE id = ?",
                                RIFQ_PARAMS (RIFQ_TEXT (strokes), RIFQ_TEXT (officer), RIFQ_TEXT (submitted_on),
                                             RIFQ_TEXT (validity), RIFQ_INT (request_id)), error))
            return FALSE;
          /* Sealed as a submission seals it. */
          if (!rifq_seal_request_in (db, write, request_id, error))
            return FALSE;
        }

      if (g_str_equal (state, "referred"))
        {
          if (!rifq_db_execute (db, "INSERT INTO referral (request_id, question, asked_by, asked_at)"
                                    " VALUES (?, ?, 'demo', ?)",
                                RIFQ_PARAMS (RIFQ_INT (request_id), RIFQ_TEXT ("هل يشمل الدعم المقيمين مع أبنائهم؟"),
                                             RIFQ_TEXT (stamp)), error))
            return FALSE;
        }
    }

  if (!decide_at_meetings (db, write, rand, decided, under_review, &today, &n_meetings, error))
    return FALSE;

  /* The minutes of every meeting that decided its whole agenda are final, and sealed. */
  stmt = rifq_db_prepare (db, "SELECT id FROM meeting WHERE id NOT IN (SELECT subject_id FROM seal"
                              " WHERE kind = 'minutes') ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  {
    g_autoptr(GArray) meetings = g_array_new (FALSE, FALSE, sizeof (gint64));

    while (rifq_statement_step (stmt) == RIFQ_STEP_ROW)
      {
        gint64 id = rifq_statement_get_int64 (stmt, 0);

        g_array_append_val (meetings, id);
      }
    rifq_statement_reset (stmt);
    for (guint i = 0; i < meetings->len; i++)
      {
        gint64 id = g_array_index (meetings, gint64, i);

        if (rifq_seal_minutes_final (db, id) && !rifq_seal_minutes_in (db, write, id, error))
          return FALSE;
      }
  }

  /* Each request's trail ends where the demonstration left it, as check compares. */
  stmt = rifq_db_query (db, "SELECT id, number, state FROM request WHERE id >= ? ORDER BY id",
                        RIFQ_PARAMS (RIFQ_INT (first_id)), error);
  if (stmt == NULL)
    return FALSE;
  while (rifq_statement_step (stmt) == RIFQ_STEP_ROW)
    {
      g_autoptr(JsonBuilder) entry = json_builder_new ();

      json_builder_begin_object (entry);
      rifq_json_add_string (entry, "number", rifq_statement_get_text (stmt, 1));
      rifq_json_add_string (entry, "state", rifq_statement_get_text (stmt, 2));
      json_builder_end_object (entry);
      rifq_db_write_audit_take (write, "demo", "request", rifq_statement_get_int64 (stmt, 0), NULL,
                                json_builder_get_root (entry), NULL);
    }
  rifq_statement_reset (stmt);

  json_builder_begin_object (builder);
  rifq_json_add_int (builder, "requests", job->count);
  rifq_json_add_int (builder, "meetings", n_meetings);
  rifq_json_add_int (builder, "decisions", decided->len);
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

  if (!rifq_permission_check (db, RIFQ_PERMISSION_DEMO, error))
    return FALSE;

  if (count == 0)
    return TRUE;
  /* Requests past the desk are sealed, as a submission seals them. */
  if (!rifq_seal_ensure_key (db, error) || !rifq_db_write (db, fill_requests_cb, &job, error))
    return FALSE;
  rifq_db_refresh_statistics (db);
  return TRUE;
}
