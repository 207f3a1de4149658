/* rifq-request-sheet.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-request-sheet"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rifq-beneficiary-store.h"
#include "rifq-calendar.h"
#include "rifq-channel.h"
#include "rifq-error.h"
#include "rifq-json.h"
#include "rifq-locale.h"
#include "rifq-pdf.h"
#include "rifq-request-sheet.h"
#include "rifq-request-store.h"
#include "rifq-seal.h"
#include "rifq-signature.h"
#include "rifq-staff.h"
#include "rifq-validate.h"

struct _RifqSheetBuild
{
  RifqRequestSheet  sheet;
  GPtrArray        *strings;     /* every text the sheet points at */
  GArray           *rows[4];     /* beneficiary, household, support, documents */
  GBytes           *logo;
  RifqSignature    *signature;
  RifqSealSigner   *signer;      /* seals the file, when the request's seal is genuine */
};

void
rifq_sheet_build_free (RifqSheetBuild *build)
{
  if (build == NULL)
    return;
  g_ptr_array_unref (build->strings);
  for (guint i = 0; i < G_N_ELEMENTS (build->rows); i++)
    g_array_unref (build->rows[i]);
  g_clear_pointer (&build->logo, g_bytes_unref);
  g_clear_pointer (&build->signature, rifq_signature_unref);
  g_clear_pointer (&build->signer, rifq_seal_signer_free);
  g_free (build);
}

const RifqRequestSheet *
rifq_sheet_build_get (RifqSheetBuild *build)
{
  return &build->sheet;
}

/* Keeps a text alive as long as the build. */
static const char *
keep (RifqSheetBuild *build,
      char           *text)
{
  if (text != NULL)
    g_ptr_array_add (build->strings, text);
  return text;
}

static void
add_row (RifqSheetBuild *build,
         guint           section,
         const char     *label,
         char           *value)
{
  RifqSheetRow row = { label, keep (build, value) };

  g_array_append_val (build->rows[section], row);
}

static void
add_field (RifqSheetBuild  *build,
           guint            section,
           RifqBeneficiary *b,
           RifqField        field)
{
  const char *value = rifq_beneficiary_get (b, field);
  const RifqFieldInfo *info = rifq_field_info (field);
  char *shown = NULL;

  if (value != NULL && info->kind == RIFQ_FIELD_KIND_CHOICE)
    shown = g_strdup (rifq_field_choice_label (field, value));
  else if (value != NULL && info->kind == RIFQ_FIELD_KIND_DATE)
    shown = rifq_calendar_format_iso_both (value, rifq_calendar_interface_digits ());
  else if (value != NULL && info->kind == RIFQ_FIELD_KIND_MOBILE)
    shown = rifq_validate_format_mobile (value);
  else if (value != NULL)
    shown = g_strdup (value);
  add_row (build, section, rifq_field_label (field), shown);
}

static JsonArray *
array_member (JsonObject *object,
              const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  return node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* {"ar": …, "en": …} in the interface language. */
static const char *
label_of (JsonObject *labels)
{
  return rifq_json_get_string (labels, rifq_locale_is_arabic () ? "ar" : "en");
}

/* The documents as frozen on the submission day. */
static void
add_documents (RifqSheetBuild *build,
               JsonObject     *record,
               JsonObject     *printed)
{
  JsonArray *array = array_member (record, "documents");
  JsonObject *labels = rifq_json_get_object (printed, "documents");

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *doc = json_array_get_object_element (array, i);
      const char *type = json_object_get_string_member_with_default (doc, "type", "");
      const char *expires = json_object_get_string_member_with_default (doc, "expires_on", NULL);
      const char *status = json_object_get_string_member_with_default (doc, "status", "");
      const char *number = json_object_get_string_member_with_default (doc, "number", "");
      const char *label = label_of (rifq_json_get_object (labels, type));
      g_autofree char *until = rifq_request_sheet_validity_text (status, expires);

      add_row (build, 3, keep (build, g_strdup (label ? label : type)), g_strdup_printf ("%s — %s", number, until));
    }
}

static char *
research_report (JsonObject *record,
                 JsonObject *printed)
{
  JsonArray *referrals = array_member (record, "referrals");
  JsonArray *researchers = array_member (printed, "researchers");
  GString *text = g_string_new (NULL);

  for (guint i = 0; referrals != NULL && i < json_array_get_length (referrals); i++)
    {
      JsonObject *ref = json_array_get_object_element (referrals, i);
      const char *researcher = NULL;
      const char *visit_on = rifq_json_get_string (ref, "visit_on");
      g_autofree char *question = rifq_pdf_isolate_value (rifq_json_get_string (ref, "question"));
      const char *raw_answer = rifq_json_get_string (ref, "answer");
      g_autofree char *answer = raw_answer ? rifq_pdf_isolate_value (raw_answer) : NULL;
      g_autofree char *answered_by = NULL;

      if (researchers != NULL && i < json_array_get_length (researchers)
          && !JSON_NODE_HOLDS_NULL (json_array_get_element (researchers, i)))
        researcher = json_array_get_string_element (researchers, i);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, _("The applicant’s question: %s"), question);
      if (answer != NULL)
        {
          answered_by = rifq_pdf_isolate_value (researcher ? researcher : "");
          g_string_append_c (text, '\n');
          g_string_append_printf (text, _("Answer of %s: %s"), answered_by, answer);
        }
      if (visit_on != NULL)
        {
          g_autofree char *day = rifq_calendar_format_iso_both (visit_on, rifq_calendar_interface_digits ());
          const char *raw_findings = rifq_json_get_string (ref, "visit_findings");
          const char *raw_household = rifq_json_get_string (ref, "visit_household");
          const char *raw_recommendation = rifq_json_get_string (ref, "visit_recommendation");
          g_autofree char *findings = rifq_pdf_isolate_value (raw_findings ? raw_findings : "—");
          g_autofree char *household = rifq_pdf_isolate_value (raw_household ? raw_household : "—");
          g_autofree char *recommendation = rifq_pdf_isolate_value (raw_recommendation ? raw_recommendation : "—");

          g_string_append_c (text, '\n');
          g_string_append_printf (text, _("Home visit on %s. Findings: %s. Household: %s. Recommendation: %s."), day,
                                  findings, household, recommendation);
        }
    }
  if (text->len == 0)
    {
      g_string_free (text, TRUE);
      return NULL;
    }
  return g_string_free (text, FALSE);
}

/* Every text of the sheet from the values a seal fixed (or, for a print that is not sealed,
 * from the records as they stand). */
static gboolean
fill_from_values (RifqSheetBuild *build,
                  const char     *values,
                  GError        **error)
{
  g_autoptr(JsonNode) root = values ? rifq_json_parse (values, -1, NULL) : NULL;
  g_autoptr(RifqBeneficiary) b = rifq_beneficiary_new ();
  JsonObject *all = root && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  JsonObject *record = rifq_json_get_object (all, "request");
  JsonObject *printed = rifq_json_get_object (all, "as_printed");
  JsonObject *person = rifq_json_get_object (printed, "beneficiary");
  RifqDigits digits = rifq_calendar_interface_digits ();
  g_autofree char *submitted = NULL;
  g_autofree char *due = NULL;
  g_autofree char *signed_day = NULL;
  g_autofree char *officer = NULL;
  const char *submitted_on, *due_on, *signed_at;
  JsonNode *amount;
  JsonNode *strokes;

  if (record == NULL || printed == NULL || person == NULL)
    {
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("The sealed values of the request are damaged."));
      return FALSE;
    }
  for (RifqField f = 0; f < RIFQ_N_FIELDS; f++)
    rifq_beneficiary_set (b, f, rifq_json_get_string (person, rifq_field_info (f)->key));

  build->sheet.association_name = keep (build, g_strdup (label_of (rifq_json_get_object (printed, "association"))));
  build->sheet.title = _("Beneficiary Support Request");
  build->sheet.request_number = keep (build, g_strdup (rifq_json_get_string (all, "number")));
  submitted_on = rifq_json_get_string (record, "submitted_on");
  due_on = rifq_json_get_string (record, "due_on");
  signed_at = rifq_json_get_string (record, "signed_at");
  submitted = rifq_calendar_format_iso_both (submitted_on ? submitted_on : signed_at, digits);
  due = rifq_calendar_format_iso_both (due_on, digits);
  if (due_on != NULL)
    build->sheet.dates_line = keep (build, g_strdup_printf (_("Submitted on %s · reply expected by %s"), submitted, due));
  else
    build->sheet.dates_line = keep (build, g_strdup_printf (_("Signed on %s"), submitted));

  add_row (build, 0, _("Name"), g_strdup (rifq_json_get_string (printed, "name")));
  add_field (build, 0, b, RIFQ_FIELD_NATIONAL_ID);
  add_field (build, 0, b, RIFQ_FIELD_BIRTH_DATE);
  add_field (build, 0, b, RIFQ_FIELD_MOBILE);
  add_field (build, 0, b, RIFQ_FIELD_CITY);
  add_field (build, 0, b, RIFQ_FIELD_DISTRICT);
  add_field (build, 0, b, RIFQ_FIELD_LIVING_SITUATION);
  add_field (build, 1, b, RIFQ_FIELD_HOUSEHOLD_SIZE);
  add_field (build, 1, b, RIFQ_FIELD_MONTHLY_INCOME);
  add_field (build, 1, b, RIFQ_FIELD_INCOME_SOURCES);
  add_field (build, 1, b, RIFQ_FIELD_MOBILITY);
  add_field (build, 1, b, RIFQ_FIELD_HEALTH_NOTES);
  add_row (build, 2, _("Kind of support"), g_strdup (label_of (rifq_json_get_object (printed, "kind"))));
  add_row (build, 2, _("What the applicant asks for"), g_strdup (rifq_json_get_string (record, "description")));
  amount = json_object_get_member (record, "amount");
  add_row (build, 2, _("Amount asked for"),
           amount != NULL && JSON_NODE_HOLDS_VALUE (amount)
             ? g_strdup_printf (_("%s riyals"), keep (build, g_strdup_printf ("%" G_GINT64_FORMAT,
                                                                              json_node_get_int (amount))))
             : NULL);
  add_row (build, 2, _("Received through"), g_strdup (label_of (rifq_json_get_object (printed, "channel"))));
  add_row (build, 2, _("Received by"), g_strdup (rifq_json_get_string (printed, "received_by")));
  add_row (build, 2, _("Received on"),
           rifq_calendar_format_iso_both (rifq_json_get_string (record, "received_at"), digits));
  add_documents (build, record, printed);

  build->sheet.beneficiary = (const RifqSheetRow *) build->rows[0]->data;
  build->sheet.household = (const RifqSheetRow *) build->rows[1]->data;
  build->sheet.support = (const RifqSheetRow *) build->rows[2]->data;
  build->sheet.documents = (const RifqSheetRow *) build->rows[3]->data;
  build->sheet.research_report = keep (build, research_report (record, printed));
  build->sheet.declaration = keep (build, g_strdup (rifq_json_get_string (record, "declaration")));
  strokes = json_object_get_member (record, "signature");
  if (strokes != NULL && !JSON_NODE_HOLDS_NULL (strokes))
    {
      g_autofree char *text = rifq_json_to_text (strokes);

      build->signature = rifq_signature_new_from_json (text, NULL);
    }
  build->sheet.signature = build->signature;
  if (g_strcmp0 (rifq_json_get_string (record, "signer"), "caregiver") == 0)
    {
      g_autofree char *signer = rifq_pdf_isolate_value (rifq_json_get_string (record, "signer_name"));
      g_autofree char *relation = rifq_pdf_isolate_value (rifq_json_get_string (record, "signer_relation"));

      build->sheet.signed_by_line = keep (build, g_strdup_printf (_("Signed by %s (%s), for the applicant"),
                                                                 signer, relation));
    }
  else
    build->sheet.signed_by_line = keep (build, g_strdup (_("Signed by the applicant")));
  if (g_strcmp0 (rifq_json_get_string (record, "sign_mark"), "thumbprint") == 0)
    build->sheet.signed_by_line = keep (build, g_strdup_printf (_("%s — thumbprint"), build->sheet.signed_by_line));
  signed_day = rifq_calendar_format_iso_both (signed_at, digits);
  officer = rifq_pdf_isolate_value (rifq_json_get_string (record, "officer_name"));
  build->sheet.officer_line = keep (build, g_strdup_printf (_("Received and confirmed by %s on %s"), officer,
                                                           signed_day));
  return TRUE;
}

RifqSheetBuild *
rifq_sheet_build_new (RifqDb  *db,
                      gint64   request_id,
                      GError **error)
{
  g_autoptr(RifqSheetBuild) build = g_new0 (RifqSheetBuild, 1);
  g_autoptr(RifqRequest) r = NULL;
  g_autoptr(RifqSeal) seal = NULL;
  g_autofree char *logo64 = NULL;
  g_autofree char *message = NULL;
  RifqSealState state;
  char *values;

  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);

  build->strings = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (build->rows); i++)
    build->rows[i] = g_array_new (TRUE, TRUE, sizeof (RifqSheetRow));

  r = rifq_request_store_get (db, request_id, error);
  if (r == NULL)
    return NULL;
  if (r->signed_at == NULL)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED,
                   _("Request %s has not been signed yet: there is no signed request to print."), r->number);
      return NULL;
    }

  /* A genuine seal is printed from what it sealed; anything else is printed as it stands, marked,
   * and never carries the seal. */
  state = rifq_seal_check_request (db, request_id, &seal, &message);
  if (state == RIFQ_SEAL_STATE_GENUINE)
    values = g_strdup (seal->values_json);
  else
    values = rifq_seal_request_values (db, request_id, error);
  if (values == NULL)
    return NULL;
  keep (build, values);
  if (!fill_from_values (build, values, error))
    return NULL;

  switch (state)
    {
    case RIFQ_SEAL_STATE_GENUINE:
      build->sheet.seal.payload = keep (build, g_strdup (seal->payload));
      build->sheet.seal.short_code = keep (build, g_strdup (seal->short_code));
      build->sheet.seal.sealed_json = values;
      break;
    case RIFQ_SEAL_STATE_ALTERED:
      build->sheet.notice = keep (build, g_strdup_printf (_("NOT GENUINE. %s This print is not a sealed document."),
                                                         message));
      break;
    case RIFQ_SEAL_STATE_NONE:
    default:
      build->sheet.notice = _("Not sealed: the request is sealed when it is submitted to the research committee.");
      break;
    }

  logo64 = rifq_db_get_setting (db, "association_logo_png");
  if (logo64 != NULL)
    {
      gsize length;
      guchar *png = g_base64_decode (logo64, &length);

      build->logo = g_bytes_new_take (png, length);
      build->sheet.logo_png = g_bytes_get_data (build->logo, &build->sheet.logo_png_len);
    }
  return g_steal_pointer (&build);
}

gboolean
rifq_request_sheet_write (RifqDb     *db,
                          gint64      request_id,
                          const char *path,
                          GError    **error)
{
  g_autoptr(RifqSheetBuild) build = rifq_sheet_build_new (db, request_id, error);

  if (build == NULL)
    return FALSE;
  /* A sealed request's file is sealed too; in a packet, the packet's file is. */
  if (build->sheet.seal.payload != NULL)
    {
      build->signer = rifq_seal_signer_new (db, error);
      if (build->signer == NULL)
        return FALSE;
      build->sheet.seal.file = rifq_pdf_seal_with_signer;
      build->sheet.seal.file_data = build->signer;
    }
  return rifq_request_pdf_write (rifq_sheet_build_get (build), path, error);
}

char *
rifq_request_sheet_validity_text (const char *status,
                                  const char *expires_on)
{
  g_autofree char *day = NULL;

  g_return_val_if_fail (status != NULL, NULL);

  if (!g_str_equal (status, "valid"))
    return g_strdup (_("not valid on the submission day"));
  if (expires_on == NULL)
    return g_strdup (_("valid, without expiry"));
  day = rifq_calendar_format_iso_both (expires_on, rifq_calendar_interface_digits ());
  return g_strdup_printf (_("valid until %s"), day);
}
