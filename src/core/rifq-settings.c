/* rifq-settings.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-settings"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rifq-arabic.h"
#include "rifq-audit.h"
#include "rifq-committee.h"
#include "rifq-content.h"
#include "rifq-error.h"
#include "rifq-numbering.h"
#include "rifq-permission.h"
#include "rifq-settings.h"
#include "rifq-staff.h"
#include "rifq-statement.h"
#include "rifq-validate.h"

#define LOGO_KEY "association_logo_png"

static const char * const keys[] = {
  "association_name_ar", "association_name_en", "association_letterhead", "decision_period_days",
  "request_number_format", "letter_number_format", "file_number_format", "committee_quorum",
  "committee_majority", "committee_chair_breaks_tie", "committee_abstentions", "retention_years", LOGO_KEY, NULL,
};

/* The values of the decision rule, as rifq_committee_rule_get() reads them. */
static const char * const quorums[] = { "more_than_half", "two_thirds", "all", NULL };
static const char * const majorities[] = { "of_present", "of_votes", "of_committee", NULL };

const char * const *
rifq_settings_keys (void)
{
  return keys;
}

typedef struct
{
  const char *key;
  const char *value;
  gboolean    over_shown;  /* refused if the setting no longer holds shown */
  const char *shown;
} Job;

static JsonNode *
setting_json (const char *key,
              const char *value)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, key);
  /* A logo is recorded by its fingerprint, not its bytes. */
  if (value != NULL && g_str_equal (key, LOGO_KEY))
    {
      g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, value, -1);

      json_builder_add_string_value (builder, sha);
    }
  else if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* The setting was saved by another since the person saw it: who, to what, when (its latest
 * audit entry). */
static gboolean
refuse_changed (RifqDb      *db,
                const char  *key,
                const char  *now,
                GError     **error)
{
  g_autofree char *who = NULL;
  g_autofree char *day = NULL;
  g_autofree char *time = NULL;

  /* The entry that set it to what it is: none when another tool did ("Someone"). */
  if (!rifq_audit_describe_latest (db, "settings", 0, "settings", key, now ? now : "", &who, &time, &day, error))
    return FALSE;

  /* Translators: "Noura Al-Otaibi set it to “21” at 10:42 on 16 Jumada II 1448 AH — …" */
  g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_CONFLICT,
               _("%s set it to “%s” at %s on %s, after you opened the settings. Nothing of yours was saved."),
               who, now ? now : "", time, day);
  return FALSE;
}

static gboolean
save_cb (RifqDb      *db,
         RifqDbWrite *write,
         gpointer     user_data,
         GError     **error)
{
  Job *job = user_data;
  g_autofree char *before = NULL;

  if (!rifq_permission_check (db, RIFQ_PERMISSION_SETTINGS, error))
    return FALSE;
  before = rifq_db_get_setting (db, job->key);
  /* A setting never set and one set empty read alike; two people choosing the same value do not
   * conflict. */
  if (job->over_shown && g_strcmp0 (before ? before : "", job->shown ? job->shown : "") != 0 &&
      g_strcmp0 (before, job->value) != 0)
    return refuse_changed (db, job->key, before, error);
  if (!rifq_db_put_setting (db, job->key, job->value, error))
    return FALSE;
  rifq_db_write_audit_take (write, "settings", "settings", 0, setting_json (job->key, before),
                            setting_json (job->key, job->value), NULL);
  return TRUE;
}

static gboolean
check_value (const char  *key,
             const char  *value,
             GError     **error)
{
  if (!rifq_validate_text (value, RIFQ_TEXT_LINE, key, error))
    return FALSE;
  if (g_str_equal (key, "decision_period_days"))
    {
      gint64 days;

      if (!g_ascii_string_to_signed (value, 10, 1, 365, &days, NULL))
        {
          g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                               _("Decision period: enter a whole number of days from 1 to 365."));
          return FALSE;
        }
      return TRUE;
    }
  if (g_str_equal (key, "retention_years"))
    {
      gint64 years;

      if (!g_ascii_string_to_signed (value, 10, 1, 100, &years, NULL))
        {
          g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                               _("Retention period: enter a whole number of years from 1 to 100."));
          return FALSE;
        }
      return TRUE;
    }
  if (g_str_equal (key, "committee_quorum") && !g_strv_contains (quorums, value))
    {
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                           _("Quorum: choose more_than_half, two_thirds or all."));
      return FALSE;
    }
  if (g_str_equal (key, "committee_majority") && !g_strv_contains (majorities, value))
    {
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                           _("Majority: choose of_present, of_votes or of_committee."));
      return FALSE;
    }
  if (g_str_equal (key, "committee_chair_breaks_tie") && !g_str_equal (value, "0") && !g_str_equal (value, "1"))
    {
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                           _("The chair breaks a tie: enter 1 for yes or 0 for no."));
      return FALSE;
    }
  if (!rifq_numbering_check_setting (key, value, error))
    return FALSE;
  if (g_str_equal (key, "committee_abstentions") && !rifq_abstentions_from_code (value, NULL))
    {
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                           _("Abstentions: choose as_present, ignored or against."));
      return FALSE;
    }
  if (rifq_text_is_blank (value) && !g_str_equal (key, "association_letterhead"))
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("%s: the value cannot be empty."), key);
      return FALSE;
    }
  return TRUE;
}

static gboolean
save (RifqDb     *db,
      const char *key,
      gboolean    over_shown,
      const char *shown,
      const char *value,
      GError    **error)
{
  /* Digits as typed in an Arabic interface are the same number. */
  g_autofree char *latin = rifq_arabic_latin_digits (value ? value : "");
  gboolean number = g_strcmp0 (key, "decision_period_days") == 0 || g_strcmp0 (key, "retention_years") == 0;
  g_autofree char *trimmed = g_strstrip (g_strdup (number ? latin : value ? value : ""));
  Job job = { key, trimmed, over_shown, shown };

  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);

  if (key == NULL || !g_strv_contains (keys, key) || g_str_equal (key, LOGO_KEY))
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("“%s” is not a setting that can be changed here."),
                   key ? key : "");
      return FALSE;
    }
  if (!check_value (key, trimmed, error))
    return FALSE;
  return rifq_db_write (db, save_cb, &job, error);
}

gboolean
rifq_settings_save (RifqDb     *db,
                    const char *key,
                    const char *value,
                    GError    **error)
{
  return save (db, key, FALSE, NULL, value, error);
}

gboolean
rifq_settings_save_over (RifqDb     *db,
                         const char *key,
                         const char *shown,
                         const char *value,
                         GError    **error)
{
  return save (db, key, TRUE, shown, value, error);
}

gboolean
rifq_settings_save_logo (RifqDb  *db,
                         GBytes  *png,
                         GError **error)
{
  static const guchar magic[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autofree char *encoded = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize size;
  const guchar *data = g_bytes_get_data (png, &size);
  Job job = { LOGO_KEY, NULL, FALSE, NULL };

  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);

  if (size < sizeof magic || memcmp (data, magic, sizeof magic) != 0)
    {
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("Logo: the file is not a PNG image."));
      return FALSE;
    }
  if (size > RIFQ_SETTINGS_LOGO_MAX_SIZE)
    {
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("Logo: the image may be at most 1 MB."));
      return FALSE;
    }
  /* Printed on every document: a PNG cut short is refused here, not drawn half. */
  if (!rifq_content_check (png, "image/png", &local_error))
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("Logo: the image cannot be used: %s."),
                   local_error->message);
      return FALSE;
    }
  encoded = g_base64_encode (data, size);
  job.value = encoded;
  return rifq_db_write (db, save_cb, &job, error);
}

GBytes *
rifq_settings_get_logo (RifqDb *db)
{
  g_autofree char *encoded = rifq_db_get_setting (db, LOGO_KEY);
  guchar *data;
  gsize size;

  if (encoded == NULL)
    return NULL;
  data = g_base64_decode (encoded, &size);
  return g_bytes_new_take (data, size);
}
