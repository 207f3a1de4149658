/* rifq-request-sheet.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rifq-beneficiary-store.h"
#include "rifq-calendar.h"
#include "rifq-channel.h"
#include "rifq-error.h"
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

static char *
staff_name (RifqDb     *db,
            const char *username)
{
  g_autoptr(RifqStaff) staff = username ? rifq_staff_get (db, username, NULL) : NULL;

  return g_strdup (staff ? staff->full_name : username);
}

static char *
channel_label (RifqDb     *db,
               const char *code)
{
  g_autoptr(GPtrArray) channels = rifq_channel_list (db, NULL);

  for (guint i = 0; channels != NULL && i < channels->len; i++)
    {
      RifqPolicyItem *item = g_ptr_array_index (channels, i);

      if (g_strcmp0 (item->code, code) == 0)
        return g_strdup (rifq_policy_item_label (item));
    }
  return g_strdup (code);
}

static const char *
document_label (const RifqRequest *r,
                const char        *type)
{
  for (guint i = 0; i < r->documents->len; i++)
    {
      const RifqDocument *doc = g_ptr_array_index (r->documents, i);

      if (g_strcmp0 (doc->type, type) == 0)
        return doc->type_label;
    }
  return type;
}

/* The documents as frozen on the submission day, or as they stand if not submitted. */
static void
add_documents (RifqSheetBuild    *build,
               const RifqRequest *r)
{
  g_autoptr(JsonNode) root = r->validity_json ? json_from_string (r->validity_json, NULL) : NULL;
  JsonArray *array = root && JSON_NODE_HOLDS_ARRAY (root) ? json_node_get_array (root) : NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *doc = json_array_get_object_element (array, i);
      const char *expires = json_object_get_string_member_with_default (doc, "expires_on", NULL);
      const char *status = json_object_get_string_member_with_default (doc, "status", "");
      const char *number = json_object_get_string_member_with_default (doc, "number", "");
      g_autofree char *until = NULL;

      if (!g_str_equal (status, "valid"))
        until = g_strdup (_("not valid on the submission day"));
      else if (expires != NULL)
        {
          g_autofree char *day = rifq_calendar_format_iso_both (expires, rifq_calendar_interface_digits ());

          until = g_strdup_printf (_("valid until %s"), day);
        }
      else
        until = g_strdup (_("valid, without expiry"));
      add_row (build, 3, keep (build, g_strdup (document_label (r, json_object_get_string_member_with_default (doc, "type", "")))),
               g_strdup_printf ("%s — %s", number, until));
    }
}

static char *
research_report (RifqDb            *db,
                 const RifqRequest *r)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < r->referrals->len; i++)
    {
      const RifqReferral *ref = g_ptr_array_index (r->referrals, i);
      g_autofree char *researcher = staff_name (db, ref->answered_by);
      g_autofree char *question = rifq_pdf_isolate_value (ref->question);
      g_autofree char *answer = rifq_pdf_isolate_value (ref->answer);
      g_autofree char *answered_by = rifq_pdf_isolate_value (researcher);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, _("The applicant’s question: %s"), question);
      if (ref->answer != NULL)
        {
          g_string_append_c (text, '\n');
          g_string_append_printf (text, _("Answer of %s: %s"), answered_by, answer);
        }
      if (ref->visit_on != NULL)
        {
          g_autofree char *day = rifq_calendar_format_iso_both (ref->visit_on, rifq_calendar_interface_digits ());
          g_autofree char *findings = rifq_pdf_isolate_value (ref->visit_findings ?: "—");
          g_autofree char *household = rifq_pdf_isolate_value (ref->visit_household ?: "—");
          g_autofree char *recommendation = rifq_pdf_isolate_value (ref->visit_recommendation ?: "—");

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

RifqSheetBuild *
rifq_sheet_build_new (RifqDb  *db,
                      gint64   request_id,
                      GError **error)
{
  g_autoptr(RifqSheetBuild) build = g_new0 (RifqSheetBuild, 1);
  g_autoptr(RifqRequest) r = NULL;
  g_autoptr(RifqBeneficiary) b = NULL;
  g_autoptr(RifqSeal) seal = NULL;
  g_autofree char *logo64 = NULL;
  g_autofree char *submitted = NULL;
  g_autofree char *due = NULL;
  RifqDigits digits = rifq_calendar_interface_digits ();
  char *canonical;

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
  b = rifq_beneficiary_store_get (db, r->beneficiary_id, error);
  if (b == NULL)
    return NULL;

  canonical = rifq_seal_canonical_json (r, b);
  keep (build, canonical);
  seal = rifq_seal_make (db, r->number, canonical, error);
  if (seal == NULL)
    return NULL;

  build->sheet.association_name = keep (build, rifq_db_get_setting (db, rifq_locale_is_arabic () ? "association_name_ar"
                                                                                                   : "association_name_en"));
  logo64 = rifq_db_get_setting (db, "association_logo_png");
  if (logo64 != NULL)
    {
      gsize length;
      guchar *png = g_base64_decode (logo64, &length);

      build->logo = g_bytes_new_take (png, length);
      build->sheet.logo_png = g_bytes_get_data (build->logo, &build->sheet.logo_png_len);
    }
  build->sheet.title = _("Beneficiary Support Request");
  build->sheet.request_number = keep (build, g_strdup (r->number));
  submitted = rifq_calendar_format_iso_both (r->submitted_on ? r->submitted_on : r->signed_at, digits);
  due = rifq_calendar_format_iso_both (r->due_on, digits);
  if (r->due_on != NULL)
    build->sheet.dates_line = keep (build, g_strdup_printf (_("Submitted on %s · reply expected by %s"), submitted, due));
  else
    build->sheet.dates_line = keep (build, g_strdup_printf (_("Signed on %s"), submitted));

  add_row (build, 0, _("Name"), rifq_beneficiary_dup_full_name (b));
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
  add_row (build, 2, _("Kind of support"), g_strdup (rifq_request_store_kind_label (db, r->kind)));
  add_row (build, 2, _("What the applicant asks for"), g_strdup (r->description));
  add_row (build, 2, _("Amount asked for"), r->amount >= 0 ? g_strdup_printf (_("%s riyals"),
                                                                                 keep (build, g_strdup_printf ("%" G_GINT64_FORMAT, r->amount)))
                                                           : NULL);
  add_row (build, 2, _("Received through"), channel_label (db, r->channel));
  add_row (build, 2, _("Received by"), staff_name (db, r->received_by));
  add_row (build, 2, _("Received on"), rifq_calendar_format_iso_both (r->received_at, digits));
  add_documents (build, r);

  build->sheet.beneficiary = (const RifqSheetRow *) build->rows[0]->data;
  build->sheet.household = (const RifqSheetRow *) build->rows[1]->data;
  build->sheet.support = (const RifqSheetRow *) build->rows[2]->data;
  build->sheet.documents = (const RifqSheetRow *) build->rows[3]->data;
  build->sheet.research_report = keep (build, research_report (db, r));
  build->sheet.declaration = keep (build, g_strdup (r->declaration));
  build->signature = r->signature_json ? rifq_signature_new_from_json (r->signature_json, NULL) : NULL;
  build->sheet.signature = build->signature;
  if (g_strcmp0 (r->signer, "caregiver") == 0)
    {
      g_autofree char *signer = rifq_pdf_isolate_value (r->signer_name);
      g_autofree char *relation = rifq_pdf_isolate_value (r->signer_relation);

      build->sheet.signed_by_line = keep (build, g_strdup_printf (_("Signed by %s (%s), for the applicant"),
                                                                 signer, relation));
    }
  else
    build->sheet.signed_by_line = keep (build, g_strdup (_("Signed by the applicant")));
  if (g_strcmp0 (r->sign_mark, "thumbprint") == 0)
    build->sheet.signed_by_line = keep (build, g_strdup_printf (_("%s — thumbprint"), build->sheet.signed_by_line));
  {
    g_autofree char *signed_day = rifq_calendar_format_iso_both (r->signed_at, digits);
    g_autofree char *officer = rifq_pdf_isolate_value (r->officer_name);

    build->sheet.officer_line = keep (build, g_strdup_printf (_("Received and confirmed by %s on %s"),
                                                             officer, signed_day));
  }
  build->sheet.seal_payload = keep (build, g_strdup (seal->payload));
  build->sheet.seal_short_code = keep (build, g_strdup (seal->short_code));
  build->sheet.sealed_json = canonical;
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
  return rifq_request_pdf_write (rifq_sheet_build_get (build), path, error);
}
