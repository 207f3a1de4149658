/* rifq-request-receipt.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-request-receipt"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rifq-calendar.h"
#include "rifq-channel.h"
#include "rifq-error.h"
#include "rifq-locale.h"
#include "rifq-receipt-pdf.h"
#include "rifq-request-receipt.h"
#include "rifq-request-sheet.h"
#include "rifq-request-store.h"
#include "rifq-staff.h"

static char *
format_iso (const char *iso)
{
  return rifq_calendar_format_iso_both (iso, rifq_calendar_interface_digits ());
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

/* One line a document, from the validity frozen at submission. */
static GPtrArray *
document_lines (const RifqRequest *r)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonNode) root = rifq_request_dup_validity (r);
  JsonArray *array;

  if (root == NULL)
    {
      g_ptr_array_add (lines, NULL);
      return g_steal_pointer (&lines);
    }
  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *doc = json_array_get_object_element (array, i);
      const char *type = json_object_get_string_member_with_default (doc, "type", "");
      const char *number = json_object_get_string_member_with_default (doc, "number", "");
      const char *expires = json_object_get_string_member_with_default (doc, "expires_on", NULL);
      const char *status = json_object_get_string_member_with_default (doc, "status", "");
      /* As frozen on the submission day: an optional document that was not valid says so. */
      g_autofree char *until = rifq_request_sheet_validity_text (status, expires);

      g_ptr_array_add (lines, g_strdup_printf ("%s — %s — %s", document_label (r, type), number, until));
    }
  g_ptr_array_add (lines, NULL);
  return g_steal_pointer (&lines);
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

gboolean
rifq_receipt_pdf_write_request (RifqDb            *db,
                                const RifqRequest *r,
                                const char        *path,
                                GError           **error)
{
  g_autofree char *association = NULL;
  g_autofree char *submitted = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *channel = NULL;
  g_autofree char *signed_by = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  RifqReceipt receipt = { 0 };

  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);
  g_return_val_if_fail (r != NULL, FALSE);

  if (r->submitted_on == NULL)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED,
                   _("Request %s has not been submitted yet: there is no receipt to print."), r->number);
      return FALSE;
    }

  association = rifq_db_get_setting (db, rifq_locale_is_arabic () ? "association_name_ar" : "association_name_en");
  submitted = format_iso (r->submitted_on);
  expected = format_iso (r->due_on);
  channel = channel_label (db, r->channel);
  if (g_strcmp0 (r->signer, "caregiver") == 0)
    signed_by = g_strdup_printf ("%s (%s)", r->signer_name, r->signer_relation);
  else
    signed_by = g_strdup (_("The applicant"));
  if (g_strcmp0 (r->sign_mark, "thumbprint") == 0)
    {
      g_autofree char *plain = g_steal_pointer (&signed_by);

      /* Translators: who signed, then how: "The applicant — thumbprint" */
      signed_by = g_strdup_printf (_("%s — thumbprint"), plain);
    }
  documents = document_lines (r);

  receipt.association_name = association;
  receipt.request_number = r->number;
  receipt.beneficiary_name = r->beneficiary_name;
  receipt.national_id = r->national_id;
  receipt.kind = rifq_request_store_kind_label (db, r->kind);
  receipt.channel = channel;
  receipt.submitted_on = submitted;
  receipt.expected_on = expected;
  receipt.decision_period_days = rifq_request_store_decision_period (db);
  {
    GDate from, to;

    /* The period the applicant was given, even if the setting changed since. */
    if (rifq_calendar_from_iso (r->submitted_on, &from) && r->due_on != NULL
        && rifq_calendar_from_iso (r->due_on, &to))
      receipt.decision_period_days = g_date_days_between (&from, &to);
  }
  receipt.officer_name = r->officer_name;
  receipt.signed_by = signed_by;
  receipt.documents = (const char * const *) documents->pdata;
  receipt.digits = rifq_calendar_interface_digits ();
  return rifq_receipt_pdf_write (&receipt, path, error);
}
