/* rifq-beneficiary-store.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-beneficiary-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rifq-arabic.h"
#include "rifq-audit.h"
#include "rifq-beneficiary-json.h"
#include "rifq-beneficiary-store.h"
#include "rifq-calendar.h"
#include "rifq-channel.h"
#include "rifq-error.h"
#include "rifq-numbering.h"
#include "rifq-permission.h"
#include "rifq-statement.h"

/* Columns 0 .. RIFQ_N_FIELDS-1 follow the RifqField order; then id, created_at, updated_at,
 * version. */
#define COLUMNS \
  "national_id, first_name, father_name, grandfather_name, family_name, sex," \
  " birth_date, mobile, phone2, city, district, national_address, preferred_channel," \
  " living_situation, household_size, monthly_income, income_sources, mobility," \
  " health_notes, category, status, consent, file_number, id, created_at, updated_at, version"
#define SELECT_COLUMNS "SELECT " COLUMNS " FROM beneficiary"

#define COLUMN_ID         (RIFQ_N_FIELDS)
#define COLUMN_CREATED_AT (RIFQ_N_FIELDS + 1)
#define COLUMN_UPDATED_AT (RIFQ_N_FIELDS + 2)
#define COLUMN_VERSION    (RIFQ_N_FIELDS + 3)

#define SQL_INSERT \
  "INSERT INTO beneficiary (national_id, first_name, father_name, grandfather_name," \
  " family_name, sex, birth_date, mobile, phone2, city, district, national_address," \
  " preferred_channel, living_situation, household_size, monthly_income, income_sources," \
  " mobility, health_notes, category, status, consent, file_number, name_norm, created_at," \
  " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?," \
  " ?, ?, ?)"

#define SQL_UPDATE \
  "UPDATE beneficiary SET national_id = ?, first_name = ?, father_name = ?," \
  " grandfather_name = ?, family_name = ?, sex = ?, birth_date = ?, mobile = ?, phone2 = ?," \
  " city = ?, district = ?, national_address = ?, preferred_channel = ?," \
  " living_situation = ?, household_size = ?, monthly_income = ?, income_sources = ?," \
  " mobility = ?, health_notes = ?, category = ?, status = ?, consent = ?, file_number = ?," \
  " name_norm = ?, created_at = ?, updated_at = ?, version = ? WHERE id = ? AND version = ?"

typedef struct
{
  GPtrArray   *beneficiaries;
  const char  *reason;
  gboolean     update;
  gboolean     many;          /* name the record in refusals: "Record 12: …" */
  GPtrArray  **out_probable;
} WriteJob;

static void
row_to_beneficiary (RifqStatement   *stmt,
                    RifqBeneficiary *beneficiary)
{
  for (guint i = 0; i < RIFQ_N_FIELDS; i++)
    {
      if (i == RIFQ_FIELD_CONSENT)
        rifq_beneficiary_set (beneficiary, i, rifq_statement_get_int (stmt, i) ? "true" : "false");
      else
        rifq_beneficiary_set (beneficiary, i, rifq_statement_get_text (stmt, i));
    }
  rifq_beneficiary_set_id (beneficiary, rifq_statement_get_int64 (stmt, COLUMN_ID));
  rifq_beneficiary_set_timestamps (beneficiary,
                                   rifq_statement_get_text (stmt, COLUMN_CREATED_AT),
                                   rifq_statement_get_text (stmt, COLUMN_UPDATED_AT));
  rifq_beneficiary_set_version (beneficiary, rifq_statement_get_int64 (stmt, COLUMN_VERSION));
}

#define CAREGIVERS_SQL "SELECT name, relation, mobile, is_guardian, notes FROM caregiver" \
                       " WHERE beneficiary_id = ? ORDER BY position"

static gboolean
load_caregivers (RifqDb          *db,
                 RifqStatement   *stmt,
                 RifqBeneficiary *beneficiary,
                 GError         **error)
{
  int rc;

  if (stmt == NULL)
    stmt = rifq_db_query (db, CAREGIVERS_SQL, RIFQ_PARAMS (RIFQ_INT (rifq_beneficiary_get_id (beneficiary))), error);
  if (stmt == NULL)
    return FALSE;

  rifq_beneficiary_clear_caregivers (beneficiary);
  while ((rc = rifq_statement_step (stmt)) == RIFQ_STEP_ROW)
    {
      RifqCaregiver *c = rifq_caregiver_new ();

      c->name = rifq_statement_dup_text (stmt, 0);
      c->relation = rifq_statement_dup_text (stmt, 1);
      c->mobile = rifq_statement_dup_text (stmt, 2);
      c->is_guardian = rifq_statement_get_int (stmt, 3) != 0;
      c->notes = rifq_statement_dup_text (stmt, 4);
      rifq_beneficiary_add_caregiver (beneficiary, c);
    }
  rifq_statement_reset (stmt);
  if (rc != RIFQ_STEP_DONE)
    return rifq_db_fail (db, error);
  return TRUE;
}

static RifqBeneficiary *
load_one (RifqDb      *db,
          const char  *sql,
          const char  *text_key,
          gint64       int_key,
          gboolean     with_caregivers,
          GError     **error)
{
  g_autoptr(RifqBeneficiary) beneficiary = NULL;
  RifqStatement *caregivers = NULL;
  RifqStatement *stmt;
  int rc;

  stmt = rifq_db_query_ahead (db, sql, RIFQ_PARAMS (text_key != NULL ? RIFQ_TEXT (text_key) : RIFQ_INT (int_key)),
                              error);
  if (stmt == NULL)
    return NULL;
  /* By its record number, the caregivers are asked with the record: one round trip. */
  if (text_key == NULL && with_caregivers)
    caregivers = rifq_db_query_ahead (db, CAREGIVERS_SQL, RIFQ_PARAMS (RIFQ_INT (int_key)), NULL);
  rc = rifq_statement_step (stmt);
  if (rc == RIFQ_STEP_ROW)
    {
      beneficiary = rifq_beneficiary_new ();
      row_to_beneficiary (stmt, beneficiary);
    }
  rifq_statement_reset (stmt);

  if (rc != RIFQ_STEP_ROW && rc != RIFQ_STEP_DONE)
    {
      rifq_db_fail (db, error);
      g_clear_pointer (&caregivers, rifq_statement_reset);
      return NULL;
    }
  if (beneficiary == NULL)
    {
      g_clear_pointer (&caregivers, rifq_statement_reset);
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_FOUND,
                   _("No beneficiary is registered under “%s”."),
                   text_key ? text_key : "");
      if (text_key == NULL)
        {
          g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, int_key);

          g_clear_error (error);
          g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_FOUND,
                       _("No beneficiary has the record number %s."), number);
        }
      return NULL;
    }
  if (with_caregivers && !load_caregivers (db, caregivers, beneficiary, error))
    return NULL;
  return g_steal_pointer (&beneficiary);
}

RifqBeneficiary *
rifq_beneficiary_store_get (RifqDb  *db,
                            gint64   id,
                            GError **error)
{
  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);

  if (!rifq_permission_check (db, RIFQ_PERMISSION_READ_RECORDS, error))
    return NULL;
  return load_one (db, SELECT_COLUMNS " WHERE id = ?", NULL, id, TRUE, error);
}

RifqBeneficiary *
rifq_beneficiary_store_get_by_national_id (RifqDb     *db,
                                           const char *national_id,
                                           GError    **error)
{
  g_autofree char *digits = NULL;

  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);
  g_return_val_if_fail (national_id != NULL, NULL);

  if (!rifq_permission_check (db, RIFQ_PERMISSION_READ_RECORDS, error))
    return NULL;

  digits = rifq_arabic_latin_digits (national_id);
  g_strstrip (digits);
  return load_one (db, SELECT_COLUMNS " WHERE national_id = ?", digits, 0, TRUE, error);
}

/* The id in the first column, boxed. */
static gpointer
row_to_id (RifqStatement *stmt)
{
  gint64 id = rifq_statement_get_int64 (stmt, 0);

  return g_memdup2 (&id, sizeof id);
}

static GPtrArray *
load_ids (RifqDb     *db,
          GPtrArray  *ids,
          GError    **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < ids->len; i++)
    {
      RifqBeneficiary *b = load_one (db, SELECT_COLUMNS " WHERE id = ?", NULL,
                                     *(gint64 *) g_ptr_array_index (ids, i), FALSE, error);
      if (b == NULL)
        return NULL;
      g_ptr_array_add (result, b);
    }
  return g_steal_pointer (&result);
}

GPtrArray *
rifq_beneficiary_store_find_probable_duplicates (RifqDb          *db,
                                                 RifqBeneficiary *beneficiary,
                                                 GError         **error)
{
  g_autoptr(GPtrArray) ids = NULL;
  g_autofree char *name_norm = NULL;
  const char *mobile;
  const char *phone2;

  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);
  g_return_val_if_fail (RIFQ_IS_BENEFICIARY (beneficiary), NULL);

  if (!rifq_permission_check (db, RIFQ_PERMISSION_READ_RECORDS, error))
    return NULL;

  name_norm = rifq_beneficiary_dup_name_norm (beneficiary);
  mobile = rifq_beneficiary_get (beneficiary, RIFQ_FIELD_MOBILE);
  phone2 = rifq_beneficiary_get (beneficiary, RIFQ_FIELD_PHONE2);

  ids = rifq_db_query_all (db,
                           "SELECT id FROM beneficiary WHERE id != ?1 AND"
                           " ((name_norm = ?2 AND birth_date = ?3)"
                           "  OR mobile IN (?4, ?5) OR phone2 IN (?4, ?5))"
                           " ORDER BY id LIMIT 20",
                           RIFQ_PARAMS (RIFQ_INT (rifq_beneficiary_get_id (beneficiary)), RIFQ_TEXT (name_norm),
                                        RIFQ_TEXT (rifq_beneficiary_get (beneficiary, RIFQ_FIELD_BIRTH_DATE)),
                                        RIFQ_TEXT (mobile), RIFQ_TEXT (phone2)),
                           row_to_id, g_free, error);
  if (ids == NULL)
    return NULL;
  return load_ids (db, ids, error);
}

/* The rules that need the database, after the record's own validation. */
static gboolean
check_against_store (RifqDb           *db,
                     RifqBeneficiary  *beneficiary,
                     const char       *duplicate_reason,
                     GPtrArray       **out_probable,
                     GError          **error)
{
  g_autoptr(GPtrArray) problems = rifq_beneficiary_validate (beneficiary, NULL);
  g_autoptr(GPtrArray) probable = NULL;
  const char *channel;
  const char *file_number;
  RifqStatement *stmt;
  gint64 other_id = 0;
  g_autofree char *other_name = NULL;

  if (problems->len > 0)
    {
      g_propagate_error (error, rifq_problems_to_error (problems));
      return FALSE;
    }

  channel = rifq_beneficiary_get (beneficiary, RIFQ_FIELD_PREFERRED_CHANNEL);
  if (channel != NULL && !rifq_channel_exists (db, channel))
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                   _("%s: “%s” is not one of the association's channels"),
                   rifq_field_label (RIFQ_FIELD_PREFERRED_CHANNEL), channel);
      return FALSE;
    }

  stmt = rifq_db_query (db,
                        "SELECT id, first_name || ' ' || father_name || ' ' || grandfather_name"
                        " || ' ' || family_name FROM beneficiary WHERE national_id = ? AND id != ?",
                        RIFQ_PARAMS (RIFQ_TEXT (rifq_beneficiary_get (beneficiary, RIFQ_FIELD_NATIONAL_ID)),
                                     RIFQ_INT (rifq_beneficiary_get_id (beneficiary))),
                        error);
  if (stmt == NULL)
    return FALSE;
  if (rifq_statement_step (stmt) == RIFQ_STEP_ROW)
    {
      other_id = rifq_statement_get_int64 (stmt, 0);
      other_name = rifq_statement_dup_text (stmt, 1);
    }
  rifq_statement_reset (stmt);
  if (other_id != 0)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_DUPLICATE,
                   _("%s: %s is already registered, for %s."),
                   rifq_field_label (RIFQ_FIELD_NATIONAL_ID),
                   rifq_beneficiary_get (beneficiary, RIFQ_FIELD_NATIONAL_ID), other_name);
      return FALSE;
    }

  file_number = rifq_beneficiary_get (beneficiary, RIFQ_FIELD_FILE_NUMBER);
  if (file_number != NULL)
    {
      stmt = rifq_db_query (db, "SELECT id FROM beneficiary WHERE file_number = ? AND id != ?",
                            RIFQ_PARAMS (RIFQ_TEXT (file_number), RIFQ_INT (rifq_beneficiary_get_id (beneficiary))),
                            error);
      if (stmt == NULL)
        return FALSE;
      other_id = rifq_statement_step (stmt) == RIFQ_STEP_ROW ? rifq_statement_get_int64 (stmt, 0) : 0;
      rifq_statement_reset (stmt);
      if (other_id != 0)
        {
          g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_DUPLICATE,
                       _("%s: %s is already used by another beneficiary."),
                       rifq_field_label (RIFQ_FIELD_FILE_NUMBER), file_number);
          return FALSE;
        }
    }

  if (duplicate_reason != NULL && *duplicate_reason != '\0')
    return TRUE;

  probable = rifq_beneficiary_store_find_probable_duplicates (db, beneficiary, error);
  if (probable == NULL)
    return FALSE;
  if (probable->len > 0)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_PROBABLE_DUPLICATE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "This may be a person already registered (%u similar record: same "
                                "name and date of birth, or the same mobile). Check, or give a "
                                "reason to keep it.",
                                "This may be a person already registered (%u similar records: same "
                                "name and date of birth, or the same mobile). Check, or give a "
                                "reason to keep it.",
                                probable->len),
                   probable->len);
      if (out_probable != NULL)
        *out_probable = g_steal_pointer (&probable);
      return FALSE;
    }
  return TRUE;
}

/* The parameters of SQL_INSERT, which SQL_UPDATE starts with; their count. The texts are the
 * record's own, valid while it is left unchanged. */
static guint
record_values (RifqValue       *values,
               RifqBeneficiary *beneficiary,
               const char      *name_norm)
{
  guint i;

  for (i = 0; i < RIFQ_N_FIELDS; i++)
    {
      const char *value = rifq_beneficiary_get (beneficiary, i);
      RifqFieldKind kind = rifq_field_info (i)->kind;

      if (i == RIFQ_FIELD_CONSENT)
        values[i] = RIFQ_INT (g_strcmp0 (value, "true") == 0);
      else if (value == NULL)
        values[i] = RIFQ_NULL;
      else if (kind == RIFQ_FIELD_KIND_COUNT)
        values[i] = RIFQ_INT (g_ascii_strtoll (value, NULL, 10));
      else
        values[i] = RIFQ_TEXT (value);
    }
  values[i++] = RIFQ_TEXT (name_norm);
  values[i++] = RIFQ_TEXT (rifq_beneficiary_get_created_at (beneficiary));
  values[i++] = RIFQ_TEXT (rifq_beneficiary_get_updated_at (beneficiary));
  return i;
}

static gboolean
save_caregivers (RifqDb          *db,
                 RifqBeneficiary *beneficiary,
                 GError         **error)
{
  GPtrArray *caregivers = rifq_beneficiary_get_caregivers (beneficiary);
  gint64 id = rifq_beneficiary_get_id (beneficiary);

  if (!rifq_db_execute (db, "DELETE FROM caregiver WHERE beneficiary_id = ?", RIFQ_PARAMS (RIFQ_INT (id)), error))
    return FALSE;
  for (guint i = 0; i < caregivers->len; i++)
    {
      RifqCaregiver *c = g_ptr_array_index (caregivers, i);

      if (!rifq_db_execute (db, "INSERT INTO caregiver (beneficiary_id, position, name, relation,"
                                " mobile, is_guardian, notes) VALUES (?, ?, ?, ?, ?, ?, ?)",
                            RIFQ_PARAMS (RIFQ_INT (id), RIFQ_INT (i), RIFQ_TEXT (c->name), RIFQ_TEXT (c->relation),
                                         RIFQ_TEXT (c->mobile && *c->mobile ? c->mobile : NULL),
                                         RIFQ_INT (c->is_guardian),
                                         RIFQ_TEXT (c->notes && *c->notes ? c->notes : NULL)),
                            error))
        return FALSE;
    }
  return TRUE;
}

/* Inside the write's transaction, so that two workstations cannot both pass the checks: each
 * record is checked against the store as it stands, earlier records of the same input included,
 * then written. */
/* A save made over a version of the record that is no longer the latest: who saved the latest,
 * and when, from the audit log. */
static gboolean
refuse_stale (RifqDb           *db,
              RifqBeneficiary  *latest,
              GError          **error)
{
  RifqStatement *stmt = rifq_db_query (db, "SELECT coalesce (s.full_name, a.actor), a.at FROM audit a"
                                           " LEFT JOIN staff s ON s.username = a.actor"
                                           " WHERE a.record_kind = 'beneficiary' AND a.record_id = ?1"
                                           " ORDER BY a.id DESC LIMIT 1",
                                       RIFQ_PARAMS (RIFQ_INT (rifq_beneficiary_get_id (latest))), error);
  g_autofree char *name = rifq_beneficiary_dup_full_name (latest);
  g_autofree char *who = NULL;
  g_autofree char *day = NULL;
  g_autofree char *time = NULL;
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  found = rifq_statement_step (stmt) == RIFQ_STEP_ROW;
  rifq_audit_describe_author (found ? rifq_statement_get_text (stmt, 0) : NULL,
                              found ? rifq_statement_get_text (stmt, 1) : NULL, &who, &time, &day);
  rifq_statement_reset (stmt);

  /* Translators: "Noura Al-Otaibi saved Mohammed's record at 10:42 on 16 Jumada II 1448 AH — …" */
  g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_CONFLICT,
               _("%s saved the record of %s at %s on %s, after you opened it. Nothing of yours was saved, and "
                 "what you typed is still here: reload the record to see their changes with yours on top, "
                 "then save again."),
               who, name, time, day);
  return FALSE;
}

static gboolean
write_records_cb (RifqDb      *db,
                  RifqDbWrite *write,
                  gpointer     user_data,
                  GError     **error)
{
  WriteJob *job = user_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format_iso8601 (now);

  for (guint i = 0; i < job->beneficiaries->len; i++)
    {
      RifqBeneficiary *b = g_ptr_array_index (job->beneficiaries, i);
      g_autoptr(RifqBeneficiary) saved = NULL;
      g_autoptr(JsonNode) before = NULL;
      g_autoptr(JsonNode) after = NULL;
      g_autoptr(GError) refused = NULL;
      g_autofree char *name_norm = NULL;
      RifqValue values[RIFQ_N_FIELDS + 6];
      guint n_values;

      /* Thousands in one transaction (an import, a demonstration): the engine plans for the
       * registry as it grows, not by the plans it made for an empty one. */
      if (job->many && i == 1000)
        rifq_db_expect_many_rows (db);
      if (job->update)
        {
          saved = rifq_beneficiary_store_get (db, rifq_beneficiary_get_id (b), error);
          if (saved == NULL)
            return FALSE;
          /* Read under the write lock: nobody saves it between this look and the write. */
          if (rifq_beneficiary_get_version (saved) != rifq_beneficiary_get_version (b))
            return refuse_stale (db, saved, error);
          before = rifq_beneficiary_to_json (saved);
        }

      if (!check_against_store (db, b, job->reason, job->out_probable, &refused))
        {
          if (job->many)
            {
              /* Each problem on a line of its own, each naming the record for a script to act on. */
              g_autofree char *prefix = g_strdup_printf (_("Record %u: "), i + 1);
              g_auto(GStrv) lines = g_strsplit (refused->message, "\n", -1);
              g_autofree char *joined = NULL;

              for (guint k = 0; lines[k] != NULL; k++)
                {
                  char *line = lines[k];

                  lines[k] = g_strconcat (prefix, line, NULL);
                  g_free (line);
                }
              joined = g_strjoinv ("\n", lines);
              g_set_error_literal (error, RIFQ_ERROR, refused->code, joined);
            }
          else
            g_propagate_error (error, g_steal_pointer (&refused));
          return FALSE;
        }

      rifq_beneficiary_set_timestamps (b, saved ? rifq_beneficiary_get_created_at (saved) : stamp, stamp);
      name_norm = rifq_beneficiary_dup_name_norm (b);

      n_values = record_values (values, b, name_norm);
      if (job->update)
        {
          values[n_values++] = RIFQ_INT (rifq_beneficiary_get_version (saved) + 1);
          values[n_values++] = RIFQ_INT (rifq_beneficiary_get_id (b));
          values[n_values++] = RIFQ_INT (rifq_beneficiary_get_version (saved));
          if (!rifq_db_execute (db, SQL_UPDATE, values, n_values, error))
            return FALSE;
        }
      else
        {
          gint64 id = rifq_db_execute_insert (db, SQL_INSERT, values, n_values, error);

          if (id == 0)
            return FALSE;
          rifq_beneficiary_set_id (b, id);
          rifq_beneficiary_set_version (b, 1);
        }

      if (!save_caregivers (db, b, error))
        return FALSE;
      /* Numbers given out at registration stay above any file number entered by hand. */
      if (!rifq_numbering_keep_above (db, RIFQ_REGISTER_FILE, rifq_beneficiary_get (b, RIFQ_FIELD_FILE_NUMBER),
                                      error))
        return FALSE;

      after = rifq_beneficiary_to_json (b);
      rifq_db_write_audit (write, job->update ? "update" : "create", "beneficiary",
                           rifq_beneficiary_get_id (b), before, after, job->reason);
    }
  return TRUE;
}

static gboolean
write_records (RifqDb      *db,
               WriteJob    *job,
               GError     **error)
{
  gboolean ok;

  ok = rifq_db_write (db, write_records_cb, job, error);
  /* Saved over the version read: the record in hand is that version's successor. */
  if (ok && job->update)
    for (guint i = 0; i < job->beneficiaries->len; i++)
      {
        RifqBeneficiary *b = g_ptr_array_index (job->beneficiaries, i);

        rifq_beneficiary_set_version (b, rifq_beneficiary_get_version (b) + 1);
      }
  /* Rolled back: the records are as new again, ready to be corrected and saved. */
  if (!ok && !job->update)
    for (guint i = 0; i < job->beneficiaries->len; i++)
      rifq_beneficiary_set_id (g_ptr_array_index (job->beneficiaries, i), 0);
  return ok;
}

/* One record, added (update FALSE) or written over its stored self. */
static gboolean
write_one (RifqDb           *db,
           RifqBeneficiary  *beneficiary,
           gboolean          update,
           const char       *duplicate_reason,
           GPtrArray       **out_probable,
           GError          **error)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  WriteJob job = { one, duplicate_reason, update, FALSE, out_probable };

  g_ptr_array_add (one, beneficiary);
  return write_records (db, &job, error);
}

gboolean
rifq_beneficiary_store_add (RifqDb           *db,
                            RifqBeneficiary  *beneficiary,
                            const char       *duplicate_reason,
                            GPtrArray       **out_probable,
                            GError          **error)
{
  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);
  g_return_val_if_fail (RIFQ_IS_BENEFICIARY (beneficiary), FALSE);
  g_return_val_if_fail (rifq_beneficiary_get_id (beneficiary) == 0, FALSE);

  if (!rifq_permission_check (db, RIFQ_PERMISSION_REGISTER, error))
    return FALSE;

  return write_one (db, beneficiary, FALSE, duplicate_reason, out_probable, error);
}

gboolean
rifq_beneficiary_store_update (RifqDb           *db,
                               RifqBeneficiary  *beneficiary,
                               const char       *duplicate_reason,
                               GPtrArray       **out_probable,
                               GError          **error)
{
  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);
  g_return_val_if_fail (RIFQ_IS_BENEFICIARY (beneficiary), FALSE);
  g_return_val_if_fail (rifq_beneficiary_get_id (beneficiary) > 0, FALSE);

  if (!rifq_permission_check (db, RIFQ_PERMISSION_EDIT_BENEFICIARY, error))
    return FALSE;

  return write_one (db, beneficiary, TRUE, duplicate_reason, out_probable, error);
}

gboolean
rifq_beneficiary_store_add_many (RifqDb     *db,
                                 GPtrArray  *beneficiaries,
                                 const char *duplicate_reason,
                                 GError    **error)
{
  WriteJob job = { beneficiaries, duplicate_reason, FALSE, TRUE, NULL };

  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);
  g_return_val_if_fail (beneficiaries != NULL, FALSE);

  if (!rifq_permission_check (db, RIFQ_PERMISSION_IMPORT, error))
    return FALSE;

  if (beneficiaries->len == 0)
    return TRUE;
  if (!write_records (db, &job, error))
    return FALSE;
  /* Many at once (an import, a demonstration): the engine plans by the new size, and the
   * search by the words' new counts. */
  if (beneficiaries->len >= 1000)
    {
      rifq_beneficiary_store_count_words (db);
      rifq_db_refresh_statistics (db);
    }
  return TRUE;
}

/* Words counted again a thousand at a time, each a statement of its own: a count holds the
 * rows it changes until it ends, and another workstation registering a name with one of those
 * words waits for it. Only the counts that changed are written. */
#define COUNT_CHUNK 1000
#define RECOUNT "UPDATE name_word SET names = (SELECT count(*) FROM beneficiary_word b WHERE b.word = name_word.word)" \
                " WHERE names <> (SELECT count(*) FROM beneficiary_word b WHERE b.word = name_word.word) AND word > ?1"

void
rifq_beneficiary_store_count_words (RifqDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *after = g_strdup ("");
  gboolean more = TRUE;

  g_return_if_fail (RIFQ_IS_DB (db));

  while (more)
    {
      g_autofree char *end = NULL;
      RifqStatement *stmt;
      RifqStep step;

      stmt = rifq_db_query (db, "SELECT word FROM name_word WHERE word > ?1 ORDER BY word LIMIT 1 OFFSET ?2",
                            RIFQ_PARAMS (RIFQ_TEXT (after), RIFQ_INT (COUNT_CHUNK - 1)), &error);
      if (stmt == NULL)
        break;
      step = rifq_statement_step (stmt);
      more = step == RIFQ_STEP_ROW;
      if (more)
        end = rifq_statement_dup_text (stmt, 0);
      rifq_statement_reset (stmt);
      if (step == RIFQ_STEP_FAILED)
        {
          rifq_db_fail (db, &error);
          break;
        }
      if (more ? !rifq_db_execute (db, RECOUNT " AND word <= ?2", RIFQ_PARAMS (RIFQ_TEXT (after), RIFQ_TEXT (end)), &error)
               : !rifq_db_execute (db, RECOUNT, RIFQ_PARAMS (RIFQ_TEXT (after)), &error))
        break;
      if (more)
        {
          g_free (after);
          after = g_steal_pointer (&end);
        }
    }
  if (error != NULL)
    g_message ("The names' words were not counted: %s", error->message);
}

gint64
rifq_beneficiary_store_count (RifqDb  *db,
                              GError **error)
{
  gint64 count;

  g_return_val_if_fail (RIFQ_IS_DB (db), -1);

  if (!rifq_db_query_int (db, "SELECT count(*) FROM beneficiary", RIFQ_NO_PARAMS, &count, NULL, error))
    return -1;
  return count;
}

/* Runs a query selecting SELECT_COLUMNS and adds its beneficiaries to into, until into holds
 * limit; with seen, skips the ids in it and adds those it takes. */
static gboolean take_rows (RifqDb         *db,
                           RifqStatement  *stmt,
                           RifqStep        rc,
                           GPtrArray      *into,
                           GHashTable     *seen,
                           guint           limit,
                           GError        **error);

static gboolean
collect_rows (RifqDb           *db,
              const char       *sql,
              const RifqValue  *params,
              guint             n_params,
              GPtrArray        *into,
              GHashTable       *seen,
              guint             limit,
              GError          **error)
{
  RifqStatement *stmt = rifq_db_query (db, sql, params, n_params, error);

  if (stmt == NULL)
    return FALSE;
  return take_rows (db, stmt, rifq_statement_step (stmt), into, seen, limit, error);
}

/* The rows of stmt, its first step already taken (rc), as collect_rows takes them. */
static gboolean
take_rows (RifqDb         *db,
           RifqStatement  *stmt,
           RifqStep        rc,
           GPtrArray      *into,
           GHashTable     *seen,
           guint           limit,
           GError        **error)
{
  for (; into->len < limit && rc == RIFQ_STEP_ROW; rc = rifq_statement_step (stmt))
    {
      gint64 id = rifq_statement_get_int64 (stmt, COLUMN_ID);
      RifqBeneficiary *b;

      if (seen != NULL)
        {
          if (g_hash_table_contains (seen, &id))
            continue;
          g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
        }
      b = rifq_beneficiary_new ();
      row_to_beneficiary (stmt, b);
      g_ptr_array_add (into, b);
    }
  if (into->len < limit && rc != RIFQ_STEP_DONE)
    {
      rifq_statement_reset (stmt);
      return rifq_db_fail (db, error);
    }
  rifq_statement_reset (stmt);
  return TRUE;
}

GPtrArray *
rifq_beneficiary_store_list (RifqDb  *db,
                             guint    offset,
                             guint    limit,
                             GError **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);

  if (!rifq_permission_check (db, RIFQ_PERMISSION_READ_RECORDS, error))
    return NULL;

  /* The row at offset found in the name index alone (a server would otherwise read every record
   * it steps over: 0.5 s at the end of 100,000), then the page read from it. */
  if (offset == 0 ? !collect_rows (db, SELECT_COLUMNS " ORDER BY name_norm, id LIMIT ?", RIFQ_PARAMS (RIFQ_INT (limit)),
                                   rows, NULL, limit, error)
                  : !collect_rows (db, SELECT_COLUMNS " WHERE (name_norm, id) >= (SELECT name_norm, id FROM beneficiary"
                                                      " ORDER BY name_norm, id LIMIT 1 OFFSET ?2)"
                                                      " ORDER BY name_norm, id LIMIT ?1",
                                   RIFQ_PARAMS (RIFQ_INT (limit), RIFQ_INT (offset)), rows, NULL, limit, error))
    return NULL;
  return g_steal_pointer (&rows);
}

GPtrArray *
rifq_beneficiary_store_list_after (RifqDb     *db,
                                   const char *after_name_norm,
                                   gint64      after_id,
                                   guint       limit,
                                   GError    **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);
  g_return_val_if_fail (after_name_norm != NULL, NULL);

  if (!rifq_permission_check (db, RIFQ_PERMISSION_READ_RECORDS, error))
    return NULL;

  if (!collect_rows (db, SELECT_COLUMNS " WHERE (name_norm, id) > (?1, ?2) ORDER BY name_norm, id LIMIT ?3",
                     RIFQ_PARAMS (RIFQ_TEXT (after_name_norm), RIFQ_INT (after_id), RIFQ_INT (limit)), rows, NULL,
                     limit, error))
    return NULL;
  return g_steal_pointer (&rows);
}

gint64
rifq_beneficiary_store_position (RifqDb          *db,
                                 RifqBeneficiary *beneficiary,
                                 GError         **error)
{
  g_autofree char *name_norm = NULL;
  gint64 position;

  g_return_val_if_fail (RIFQ_IS_DB (db), -1);
  g_return_val_if_fail (RIFQ_IS_BENEFICIARY (beneficiary), -1);

  /* Where a name sorts tells the names around it. */
  if (!rifq_permission_check (db, RIFQ_PERMISSION_READ_RECORDS, error))
    return -1;
  name_norm = rifq_beneficiary_dup_name_norm (beneficiary);
  if (!rifq_db_query_int (db, "SELECT (SELECT count(*) FROM beneficiary WHERE name_norm < ?1)"
                              " + (SELECT count(*) FROM beneficiary WHERE name_norm = ?1 AND id < ?2)",
                          RIFQ_PARAMS (RIFQ_TEXT (name_norm), RIFQ_INT (rifq_beneficiary_get_id (beneficiary))),
                          &position, NULL, error))
    return -1;
  return position;
}

/* A string greater than every text that starts with prefix, in byte order: the prefix and the
 * last character there is (U+10FFFF, which no name or number holds). Still text, as a server
 * takes only valid UTF-8. */
static char *
prefix_upper_bound (const char *prefix)
{
  return g_strconcat (prefix, "\xf4\x8f\xbf\xbf", NULL);
}

static gboolean
search_prefix (RifqDb     *db,
               const char *sql,
               const char *prefix,
               GPtrArray  *into,
               GHashTable *seen,
               guint       limit,
               GError    **error)
{
  g_autofree char *upper = prefix_upper_bound (prefix);

  return collect_rows (db, sql, RIFQ_PARAMS (RIFQ_TEXT (prefix), RIFQ_TEXT (upper), RIFQ_INT (limit)), into, seen,
                       limit, error);
}

/* Names read in name order a chunk at a time, each tested as it comes. A chunk is the range of
 * names between two keys: where the last ended, and its 2,048th name from there, read first.
 * Bounded by keys, not by a count, a chunk read while another workstation adds or removes names
 * still meets the next one exactly, and a query of this shape leaves the engine no plan but the
 * name index, however rare it guesses the words to be. */
#define WALK_CHUNK 2048

/* The names holding the words read in name order: a word at a word's start is " word" in the
 * name with a space put before it. Normalised names and words are letters and digits only, so
 * nothing in them is read as a pattern. */
static gboolean
walk_names (RifqDb        *db,
            char * const  *words,
            gboolean       phrase,
            GPtrArray     *into,
            GHashTable    *seen,
            guint          limit,
            GError       **error)
{
  g_autoptr(GString) tests = g_string_new (NULL);
  g_autoptr(GPtrArray) patterns = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *bounded = NULL;
  g_autofree char *to_the_end = NULL;
  g_autofree RifqValue *params = NULL;
  g_autofree char *after_name = g_strdup ("");
  gint64 after_id = 0;
  gboolean more = TRUE;

  if (phrase)
    {
      g_autofree char *joined = g_strjoinv (" ", (char **) words);

      g_ptr_array_add (patterns, g_strconcat ("% ", joined, "%", NULL));
    }
  else
    for (guint i = 0; words[i] != NULL; i++)
      g_ptr_array_add (patterns, g_strconcat ("% ", words[i], "%", NULL));

  /* The words' tests come after the keys, bound in order: four of them in a chunk, two in the
   * last, shorter. */
  params = g_new0 (RifqValue, patterns->len + 4);
  for (guint i = 0; i < patterns->len; i++)
    g_string_append (tests, " AND (' ' || name_norm) LIKE ?");
  bounded = g_strconcat (SELECT_COLUMNS " WHERE (name_norm, id) > (?, ?) AND (name_norm, id) <= (?, ?)",
                         tests->str, " ORDER BY name_norm, id", NULL);
  to_the_end = g_strconcat (SELECT_COLUMNS " WHERE (name_norm, id) > (?, ?)", tests->str, " ORDER BY name_norm, id",
                            NULL);

  while (more && into->len < limit)
    {
      g_autofree char *end_name = NULL;
      gint64 end_id = 0;
      RifqStatement *end;
      RifqStep step;

      /* Where this chunk ends: its last name, or none when fewer are left. */
      end = rifq_db_query (db, "SELECT name_norm, id FROM beneficiary WHERE (name_norm, id) > (?1, ?2)"
                               " ORDER BY name_norm, id LIMIT 1 OFFSET ?3",
                           RIFQ_PARAMS (RIFQ_TEXT (after_name), RIFQ_INT (after_id), RIFQ_INT (WALK_CHUNK - 1)),
                           error);
      if (end == NULL)
        return FALSE;
      step = rifq_statement_step (end);
      more = step == RIFQ_STEP_ROW;
      if (more)
        {
          end_name = rifq_statement_dup_text (end, 0);
          end_id = rifq_statement_get_int64 (end, 1);
        }
      rifq_statement_reset (end);
      if (step == RIFQ_STEP_FAILED)
        return rifq_db_fail (db, error);

      {
        guint n = 0;

        params[n++] = RIFQ_TEXT (after_name);
        params[n++] = RIFQ_INT (after_id);
        if (more)
          {
            params[n++] = RIFQ_TEXT (end_name);
            params[n++] = RIFQ_INT (end_id);
          }
        for (guint i = 0; i < patterns->len; i++)
          params[n++] = RIFQ_TEXT (g_ptr_array_index (patterns, i));
        if (!collect_rows (db, more ? bounded : to_the_end, params, n, into, seen, limit, error))
          return FALSE;
      }
      if (more)
        {
          g_free (after_name);
          after_name = g_steal_pointer (&end_name);
          after_id = end_id;
        }
    }
  return TRUE;
}

/* The words of every name are in two tables the database keeps itself, by triggers, whoever
 * writes a name (schema 13): beneficiary_word, each word of each name and each two words that
 * follow each other (" w1 w2"), beside the name and its number, in word order, then name order;
 * and name_word, each of them once with how many names hold it. A word typed is a prefix: the
 * words starting with it (its spellings) are a range of name_word, and each spelling's names a
 * range of beneficiary_word already in name order, so the first fifty names holding a family
 * name a million people hold are fifty entries. Several words typed are read through the term
 * (a word, or two typed together) fewest names hold, the others tested on the name beside each
 * entry. Only when every term has WORD_SPELLINGS spellings or more (a letter or two) and
 * thousands of names hold them is the registry read in name order instead (walk_names). The
 * same statements on both engines. */
#define WORD_SPELLINGS 64

/* A name holds a word typed at a word's start when " word" is found in " name" (normalised
 * names and words are letters and digits, one space between words); in the order typed
 * (phrase), " w1 w2 …" once. The needles, for instr. */
static GPtrArray *
word_needles (char * const *words,
              gboolean      phrase)
{
  GPtrArray *needles = g_ptr_array_new_with_free_func (g_free);

  if (phrase)
    {
      g_autofree char *joined = g_strjoinv (" ", (char **) words);

      g_ptr_array_add (needles, g_strconcat (" ", joined, NULL));
    }
  else
    for (guint i = 0; words[i] != NULL; i++)
      g_ptr_array_add (needles, g_strconcat (" ", words[i], NULL));
  return needles;
}

/* What the names are read through: a word typed, or two typed one after the other (" w1 w2",
 * as the word table holds them), as a range of the word table, from lo up to hi. */
typedef struct
{
  char  *lo;
  char  *hi;
  guint  position;   /* of its (last) word in what was typed */
} Term;

static void
term_clear (Term *term)
{
  g_free (term->lo);
  g_free (term->hi);
}

/* The terms words typed stand for. In the order typed (phrase), every word but the last is
 * whole, the word itself (nothing sorts between it and it followed by \x01, as no name holds
 * that character), and each two that follow each other are a term too; otherwise each word is a
 * prefix. */
static GArray *
word_terms (char * const *words,
            gboolean      phrase)
{
  GArray *terms = g_array_new (FALSE, FALSE, sizeof (Term));

  g_array_set_clear_func (terms, (GDestroyNotify) term_clear);
  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean whole = phrase && words[i + 1] != NULL;
      Term single = { g_strdup (words[i]), NULL, i };

      single.hi = whole ? g_strconcat (words[i], "\x01", NULL) : prefix_upper_bound (words[i]);
      g_array_append_val (terms, single);
      if (phrase && i > 0)
        {
          Term pair = { g_strconcat (" ", words[i - 1], " ", words[i], NULL), NULL, i };

          pair.hi = whole ? g_strconcat (pair.lo, "\x01", NULL) : prefix_upper_bound (pair.lo);
          g_array_append_val (terms, pair);
        }
    }
  return terms;
}

#define TERM_COUNTS \
  "(SELECT count(*) FROM (SELECT 1 FROM name_word WHERE word >= ? AND word < ? LIMIT ?) s)," \
  " (SELECT coalesce (sum (names), 0) FROM (SELECT names FROM name_word WHERE word >= ? AND word < ? LIMIT ?) s)"

/* Which term the names are read through: the one with fewest names, among those with fewer
 * than WORD_SPELLINGS spellings; between as many, the longest, then the last typed (a family
 * name more often than a first name). -1 when every term has more spellings, and then
 * *out_fewest the one fewest names hold, as far as its first spellings tell; -2 when a term is
 * in no name (no name holds the words). The names are counted as name_word counted them last:
 * which term is read changes how long the search takes, never what it finds. */
static gboolean
choose_term (RifqDb   *db,
             GArray   *terms,
             int      *out_chosen,
             int      *out_fewest,
             GError  **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  g_autoptr(GArray) params = g_array_new (FALSE, FALSE, sizeof (RifqValue));
  RifqStatement *stmt;
  gint64 best_names = G_MAXINT64;
  gint64 fewest_names = G_MAXINT64;
  int chosen = -1;

  /* For each term, one fragment, its values bound: how many spellings, how many names. */
  *out_fewest = 0;
  for (guint i = 0; i < terms->len; i++)
    {
      Term *term = &g_array_index (terms, Term, i);
      RifqValue values[] = { RIFQ_TEXT (term->lo), RIFQ_TEXT (term->hi), RIFQ_INT (WORD_SPELLINGS),
                             RIFQ_TEXT (term->lo), RIFQ_TEXT (term->hi), RIFQ_INT (WORD_SPELLINGS) };

      if (i > 0)
        g_string_append (sql, ", ");
      g_string_append (sql, TERM_COUNTS);
      g_array_append_vals (params, values, G_N_ELEMENTS (values));
    }
  stmt = rifq_db_query (db, sql->str, (RifqValue *) params->data, params->len, error);
  if (stmt == NULL)
    return FALSE;
  if (rifq_statement_step (stmt) != RIFQ_STEP_ROW)
    {
      rifq_statement_reset (stmt);
      return rifq_db_fail (db, error);
    }
  for (guint i = 0; i < terms->len; i++)
    {
      Term *term = &g_array_index (terms, Term, i);
      gint64 spellings = rifq_statement_get_int64 (stmt, 2 * i);
      gint64 names = rifq_statement_get_int64 (stmt, 2 * i + 1);

      if (spellings == 0)
        {
          chosen = -2;
          break;
        }
      if (spellings >= WORD_SPELLINGS)
        {
          if (names < fewest_names)
            {
              fewest_names = names;
              *out_fewest = (int) i;
            }
          continue;
        }
      if (chosen < 0 || names < best_names ||
          (names == best_names &&
           (strlen (term->lo) > strlen (g_array_index (terms, Term, chosen).lo) ||
            (strlen (term->lo) == strlen (g_array_index (terms, Term, chosen).lo) &&
             term->position >= g_array_index (terms, Term, chosen).position))))
        {
          chosen = (int) i;
          best_names = names;
        }
    }
  rifq_statement_reset (stmt);
  *out_chosen = chosen;
  return TRUE;
}

/* From this many names holding a word of many spellings (a letter or two typed), the registry
 * is read in name order: the first fifty come within a few thousand names, however large the
 * registry grows. Fewer are read from the word table and sorted. */
#define COMMON_WORDS 2500

/* Each of texts bound as text, after params. */
static void
append_texts (GArray    *params,
              GPtrArray *texts)
{
  for (guint i = 0; i < texts->len; i++)
    {
      RifqValue text = RIFQ_TEXT (g_ptr_array_index (texts, i));

      g_array_append_val (params, text);
    }
}

/* Names holding the words at a word's start: in the order typed (phrase), or each anywhere. */
static gboolean
search_words (RifqDb        *db,
              char * const  *words,
              gboolean       phrase,
              GPtrArray     *into,
              GHashTable    *seen,
              guint          limit,
              GError       **error)
{
  g_autoptr(GPtrArray) needles = word_needles (words, phrase);
  g_autoptr(GPtrArray) spellings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) terms = word_terms (words, phrase);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) tests = g_string_new (NULL);
  g_autoptr(GArray) params = g_array_new (FALSE, FALSE, sizeof (RifqValue));
  RifqValue wanted = RIFQ_INT (limit + g_hash_table_size (seen));
  RifqStatement *stmt;
  Term *range = NULL;
  int chosen = -1;
  int fewest = 0;

  if (!choose_term (db, terms, &chosen, &fewest, error))
    return FALSE;
  if (chosen == -2)
    return TRUE;
  if (chosen == -1)
    {
      /* Every term has many spellings: how many names hold the one fewest do decides. */
      gint64 count = 0;

      range = &g_array_index (terms, Term, fewest);
      if (!rifq_db_query_int (db, "SELECT count(*) FROM (SELECT 1 FROM beneficiary_word"
                                  " WHERE word >= ?1 AND word < ?2 LIMIT ?3) c",
                              RIFQ_PARAMS (RIFQ_TEXT (range->lo), RIFQ_TEXT (range->hi), RIFQ_INT (COMMON_WORDS)),
                              &count, NULL, error))
        return FALSE;
      if (count >= COMMON_WORDS)
        return walk_names (db, words, phrase, into, seen, limit, error);
    }
  else
    {
      Term *term = &g_array_index (terms, Term, chosen);

      /* The chosen term's spellings. */
      stmt = rifq_db_query (db, "SELECT word FROM name_word WHERE word >= ?1 AND word < ?2 ORDER BY word LIMIT ?3",
                            RIFQ_PARAMS (RIFQ_TEXT (term->lo), RIFQ_TEXT (term->hi), RIFQ_INT (WORD_SPELLINGS)),
                            error);
      if (stmt == NULL)
        return FALSE;
      for (RifqStep step = rifq_statement_step (stmt); ; step = rifq_statement_step (stmt))
        {
          if (step == RIFQ_STEP_ROW)
            {
              g_ptr_array_add (spellings, rifq_statement_dup_text (stmt, 0));
              continue;
            }
          rifq_statement_reset (stmt);
          if (step != RIFQ_STEP_DONE)
            return rifq_db_fail (db, error);
          break;
        }
      if (spellings->len == 0)
        return TRUE;
    }

  /* Each spelling's first names holding every needle, in name order; of them all, the first.
   * Or, a range of few names, all of them sorted. Each fragment's values bound in its order. */
  for (guint i = 0; i < needles->len; i++)
    g_string_append (tests, " AND instr (' ' || name_norm, ?) > 0");
  /* Read back by number and name: a word another program left behind (the desk's
   * migration 0013 says when) never shows a row whose name has changed. */
  g_string_append (sql, SELECT_COLUMNS " WHERE (id, name_norm) IN (SELECT id, name_norm FROM"
                   " (SELECT DISTINCT name_norm, id FROM (");
  if (range != NULL)
    {
      RifqValue values[] = { RIFQ_TEXT (range->lo), RIFQ_TEXT (range->hi) };

      g_string_append (sql, "SELECT name_norm, id FROM beneficiary_word WHERE word >= ? AND word < ?");
      g_string_append (sql, tests->str);
      g_array_append_vals (params, values, G_N_ELEMENTS (values));
      append_texts (params, needles);
    }
  for (guint i = 0; i < spellings->len; i++)
    {
      RifqValue spelling = RIFQ_TEXT (g_ptr_array_index (spellings, i));

      if (i > 0)
        g_string_append (sql, " UNION ALL ");
      /* A subquery of its own, as its ORDER BY and LIMIT are its own (the server wants it named). */
      g_string_append (sql, "SELECT name_norm, id FROM (SELECT name_norm, id FROM beneficiary_word WHERE word = ?");
      g_string_append (sql, tests->str);
      g_string_append (sql, " ORDER BY name_norm, id LIMIT ?) w");
      g_array_append_val (params, spelling);
      append_texts (params, needles);
      g_array_append_val (params, wanted);
    }
  g_string_append (sql, ") u ORDER BY name_norm, id LIMIT ?) f) ORDER BY name_norm, id");
  g_array_append_val (params, wanted);
  return collect_rows (db, sql->str, (RifqValue *) params->data, params->len, into, seen, limit, error);
}

/* The mobile prefix a person means by typed digits: 05…, 5…, 9665…, 009665… → +9665… */
static char *
mobile_prefix (const char *digits)
{
  if (g_str_has_prefix (digits, "00966"))
    return g_strconcat ("+966", digits + 5, NULL);
  if (g_str_has_prefix (digits, "966"))
    return g_strconcat ("+966", digits + 3, NULL);
  if (g_str_has_prefix (digits, "05"))
    return g_strconcat ("+966", digits + 1, NULL);
  if (g_str_has_prefix (digits, "5"))
    return g_strconcat ("+966", digits, NULL);
  return NULL;
}

static GPtrArray *
search_digits (RifqDb     *db,
               const char *query,
               guint       limit,
               GError    **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GString) digits = g_string_new (NULL);
  g_autofree char *latin = rifq_arabic_latin_digits (query);
  g_autofree char *mobile = NULL;

  for (const char *p = latin; *p; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  if (digits->len == 0)
    return g_steal_pointer (&rows);

  if ((digits->str[0] == '1' || digits->str[0] == '2') &&
      !search_prefix (db, SELECT_COLUMNS " WHERE national_id >= ?1 AND national_id < ?2"
                      " ORDER BY national_id LIMIT ?3",
                      digits->str, rows, seen, limit, error))
    return NULL;

  mobile = mobile_prefix (digits->str);
  if (mobile != NULL)
    {
      if (!search_prefix (db, SELECT_COLUMNS " WHERE mobile >= ?1 AND mobile < ?2"
                          " ORDER BY mobile LIMIT ?3",
                          mobile, rows, seen, limit, error) ||
          !search_prefix (db, SELECT_COLUMNS " WHERE phone2 >= ?1 AND phone2 < ?2"
                          " ORDER BY phone2 LIMIT ?3",
                          mobile, rows, seen, limit, error))
        return NULL;
    }

  if (!search_prefix (db, SELECT_COLUMNS " WHERE file_number >= ?1 AND file_number < ?2"
                      " ORDER BY file_number LIMIT ?3",
                      digits->str, rows, seen, limit, error))
    return NULL;

  return g_steal_pointer (&rows);
}

GPtrArray *
rifq_beneficiary_store_search (RifqDb     *db,
                               const char *query,
                               guint       limit,
                               GError    **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *norm = NULL;
  g_auto(GStrv) words = NULL;

  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!rifq_permission_check (db, RIFQ_PERMISSION_READ_RECORDS, error))
    return NULL;

  if (limit == 0)
    return g_steal_pointer (&rows);

  /* "050 123 4567", "+966 50-123-4567": a number however it is spaced. */
  {
    g_autofree char *latin = rifq_arabic_latin_digits (query);
    g_autoptr(GString) compact = g_string_new (NULL);

    for (const char *p = latin; *p; p = g_utf8_next_char (p))
      {
        gunichar c = g_utf8_get_char (p);

        if (!g_unichar_isspace (c) && c != '-' && c != '(' && c != ')' &&
            g_unichar_type (c) != G_UNICODE_FORMAT)
          g_string_append_unichar (compact, c);
      }
    if (compact->len > 0 && rifq_arabic_is_numeric (compact->str))
      return search_digits (db, compact->str, limit, error);
  }

  norm = rifq_arabic_normalize_query (query);
  if (*norm == '\0')
    return g_steal_pointer (&rows);

  /* 1. The full name starts with what was typed: an index range, in name order. */
  if (!search_prefix (db, SELECT_COLUMNS " WHERE name_norm >= ?1 AND name_norm < ?2"
                      " ORDER BY name_norm, id LIMIT ?3",
                      norm, rows, seen, limit, error))
    return NULL;
  if (rows->len >= limit)
    return g_steal_pointer (&rows);

  words = g_strsplit (norm, " ", -1);

  /* 2. The words in the order typed, anywhere in the name. */
  if (!search_words (db, words, TRUE, rows, seen, limit, error))
    return NULL;

  /* 3. Every word, in any order. */
  if (rows->len < limit && g_strv_length (words) > 1 &&
      !search_words (db, words, FALSE, rows, seen, limit, error))
    return NULL;

  return g_steal_pointer (&rows);
}
