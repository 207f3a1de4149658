/* rifq-audit.c: the records against the state their audit trail ends in
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-audit"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rifq-audit.h"
#include "rifq-beneficiary-json.h"
#include "rifq-calendar.h"
#include "rifq-db-private.h"
#include "rifq-beneficiary-store.h"
#include "rifq-error.h"
#include "rifq-json.h"
#include "rifq-permission.h"
#include "rifq-record.h"
#include "rifq-request.h"
#include "rifq-staff.h"
#include "rifq-statement.h"

typedef struct
{
  GPtrArray *problems;
  guint      max;
  guint      total;
} Findings;

/* How many records are held beside their trails at once: memory stays the same for a registry
 * of any size. */
#define CHECK_CHUNK 10000

static void
found (Findings   *findings,
       char       *sentence)
{
  findings->total++;
  if (findings->problems->len < findings->max)
    g_ptr_array_add (findings->problems, sentence);
  else
    g_free (sentence);
}

/* What the trail of each record of a kind with an id in (after_id, up_to_id] says last, member
 * by member: each entry's "after" laid over the ones before it. Records are keyed by their id,
 * or by the member key_member when the trail names them that way (staff by username, settings
 * by their key). */
static GHashTable *
fold_trail (RifqDb      *db,
            const char  *kind,
            const char  *key_member,
            gint64       after_id,
            gint64       up_to_id,
            GError     **error)
{
  g_autoptr(GHashTable) trails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) json_object_unref);
  RifqStatement *stmt = rifq_db_query (db, "SELECT record_id, action, after_json FROM audit WHERE record_kind = ?1"
                                          " AND record_id > ?2 AND record_id <= ?3 ORDER BY id",
                                       RIFQ_PARAMS (RIFQ_TEXT (kind), RIFQ_INT (after_id), RIFQ_INT (up_to_id)),
                                       error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = rifq_statement_step (stmt)) == RIFQ_STEP_ROW)
    {
      const char *after = rifq_statement_get_text (stmt, 2);
      g_autoptr(JsonNode) node = after ? rifq_json_parse (after, -1, NULL) : NULL;
      JsonObject *object = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      g_autoptr(GList) members = NULL;

      if (object == NULL)
        continue;
      members = json_object_get_members (object);
      if (key_member != NULL && g_str_equal (key_member, "*"))
        {
          /* Settings: each member is a record of its own. */
          for (GList *l = members; l != NULL; l = l->next)
            {
              JsonObject *trail = json_object_new ();

              json_object_set_member (trail, "value", json_node_copy (json_object_get_member (object, l->data)));
              g_hash_table_replace (trails, g_strdup (l->data), trail);
            }
          continue;
        }
      {
        g_autofree char *key = key_member
                                 ? g_strdup (json_object_get_string_member_with_default (object, key_member, ""))
                                 : g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) rifq_statement_get_int64 (stmt, 0));
        JsonObject *trail = g_hash_table_lookup (trails, key);

        if (trail == NULL)
          {
            trail = json_object_new ();
            g_hash_table_insert (trails, g_strdup (key), trail);
          }
        for (GList *l = members; l != NULL; l = l->next)
          json_object_set_member (trail, l->data, json_node_copy (json_object_get_member (object, l->data)));
      }
    }
  rifq_statement_reset (stmt);
  if (rc != RIFQ_STEP_DONE)
    {
      rifq_db_fail (db, error);
      return NULL;
    }
  return g_steal_pointer (&trails);
}

/* The members the trail recorded that the record no longer has, by name. */
static char *
differences (JsonObject *trail,
             JsonObject *now)
{
  g_autoptr(GList) members = json_object_get_members (trail);
  GString *names = g_string_new (NULL);

  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *recorded = json_object_get_member (trail, l->data);
      JsonNode *current = json_object_get_member (now, l->data);
      g_autofree char *a = rifq_json_to_text (recorded);
      g_autofree char *b = current ? rifq_json_to_text (current) : g_strdup ("null");

      if (!g_str_equal (a, b))
        {
          if (names->len > 0)
            g_string_append (names, ", ");
          g_string_append (names, l->data);
        }
    }
  if (names->len == 0)
    {
      g_string_free (names, TRUE);
      return NULL;
    }
  return g_string_free (names, FALSE);
}

/* Each record of a kind beside its trail, CHECK_CHUNK records at a time: ids_sql gives the ids
 * after ?1 in order (at most ?2), rows_sql the records with ids in (?1, ?2], id first;
 * check_row compares one with its trail (NULL when it has none). A trail left over in a range is
 * of a record deleted behind Rifq's back, told by deleted (when given). */
static gboolean
check_by_ranges (RifqDb      *db,
                 const char  *kind,
                 const char  *ids_sql,
                 const char  *rows_sql,
                 void       (*check_row) (RifqDb        *db,
                                          RifqStatement *row,
                                          JsonObject    *trail,
                                          Findings      *findings),
                 char      *(*deleted) (const char *id),
                 Findings    *findings,
                 GError     **error)
{
  gint64 after_id = G_MININT64;
  gboolean last = FALSE;

  while (!last)
    {
      g_autoptr(GHashTable) trails = NULL;
      RifqStatement *stmt = rifq_db_query (db, ids_sql, RIFQ_PARAMS (RIFQ_INT (after_id), RIFQ_INT (CHECK_CHUNK)), error);
      gint64 up_to_id = G_MAXINT64;
      guint n = 0;
      int rc;

      if (stmt == NULL)
        return FALSE;
      while ((rc = rifq_statement_step (stmt)) == RIFQ_STEP_ROW)
        {
          up_to_id = rifq_statement_get_int64 (stmt, 0);
          n++;
        }
      rifq_statement_reset (stmt);
      if (rc != RIFQ_STEP_DONE)
        return rifq_db_fail (db, error);
      /* The last range reaches past the last record: trails of records deleted after it too. */
      last = n < CHECK_CHUNK;
      if (last)
        up_to_id = G_MAXINT64;

      trails = fold_trail (db, kind, NULL, after_id, up_to_id, error);
      if (trails == NULL)
        return FALSE;
      stmt = rifq_db_query (db, rows_sql, RIFQ_PARAMS (RIFQ_INT (after_id), RIFQ_INT (up_to_id)), error);
      if (stmt == NULL)
        return FALSE;
      while ((rc = rifq_statement_step (stmt)) == RIFQ_STEP_ROW)
        {
          g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) rifq_statement_get_int64 (stmt, 0));

          check_row (db, stmt, g_hash_table_lookup (trails, id_text), findings);
          g_hash_table_remove (trails, id_text);
        }
      rifq_statement_reset (stmt);
      if (rc != RIFQ_STEP_DONE)
        return rifq_db_fail (db, error);
      if (deleted != NULL)
        {
          GHashTableIter iter;
          gpointer key;

          g_hash_table_iter_init (&iter, trails);
          while (g_hash_table_iter_next (&iter, &key, NULL))
            found (findings, deleted (key));
        }
      after_id = up_to_id;
    }
  return TRUE;
}

static void
check_beneficiary (RifqDb        *db,
                   RifqStatement *row,
                   JsonObject    *trail,
                   Findings      *findings)
{
  gint64 id = rifq_statement_get_int64 (row, 0);
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autoptr(RifqBeneficiary) b = NULL;
  g_autoptr(JsonNode) now = NULL;
  g_autofree char *fields = NULL;

  if (trail == NULL)
    {
      found (findings, g_strdup_printf (_("Beneficiary %s has no audit entry: it was added behind Rifq’s back."),
                                        id_text));
      return;
    }
  b = rifq_beneficiary_store_get (db, id, NULL);
  now = b ? rifq_beneficiary_to_json (b) : NULL;
  fields = now ? differences (trail, json_node_get_object (now)) : g_strdup ("*");
  if (fields != NULL)
    found (findings, g_strdup_printf (_("Beneficiary %s was changed behind Rifq’s back: %s no longer as its audit "
                                        "trail ends."), id_text, fields));
}

static char *
beneficiary_deleted (const char *id)
{
  return g_strdup_printf (_("Beneficiary %s is in the audit log but not in the registry: it was deleted behind Rifq’s "
                            "back."), id);
}

static gboolean
check_beneficiaries (RifqDb    *db,
                     Findings  *findings,
                     GError   **error)
{
  return check_by_ranges (db, "beneficiary", "SELECT id FROM beneficiary WHERE id > ?1 ORDER BY id LIMIT ?2",
                          "SELECT id FROM beneficiary WHERE id > ?1 AND id <= ?2 ORDER BY id", check_beneficiary,
                          beneficiary_deleted, findings, error);
}

static gboolean
check_staff (RifqDb    *db,
             Findings  *findings,
             GError   **error)
{
  g_autoptr(GHashTable) trails = fold_trail (db, "staff", "username", G_MININT64, G_MAXINT64, error);
  g_autoptr(GPtrArray) staff = NULL;
  GHashTableIter iter;
  gpointer key;

  if (trails == NULL)
    return FALSE;
  staff = rifq_staff_list (db, RIFQ_ROLE_NONE, error);
  if (staff == NULL)
    return FALSE;
  for (guint i = 0; i < staff->len; i++)
    {
      RifqStaff *member = g_ptr_array_index (staff, i);
      JsonObject *trail = g_hash_table_lookup (trails, member->username);
      g_autoptr(JsonObject) now = json_object_new ();
      g_autofree char *roles = rifq_roles_to_string (member->roles);
      g_autofree char *fields = NULL;

      if (trail == NULL)
        {
          found (findings, g_strdup_printf (_("Member of staff “%s” has no audit entry: added behind Rifq’s back."),
                                            member->username));
          continue;
        }
      json_object_set_string_member (now, "username", member->username);
      json_object_set_string_member (now, "full_name", member->full_name);
      json_object_set_string_member (now, "roles", roles);
      fields = differences (trail, now);
      if (fields != NULL)
        found (findings, g_strdup_printf (_("Member of staff “%s” was changed behind Rifq’s back: %s no longer as the "
                                            "audit trail ends."), member->username, fields));
      g_hash_table_remove (trails, member->username);
    }
  g_hash_table_iter_init (&iter, trails);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    found (findings, g_strdup_printf (_("Member of staff “%s” is in the audit log but no longer on the staff: deleted "
                                        "behind Rifq’s back."), (const char *) key));
  return TRUE;
}

static gboolean
check_settings (RifqDb    *db,
                Findings  *findings,
                GError   **error)
{
  g_autoptr(GHashTable) trails = fold_trail (db, "settings", "*", G_MININT64, G_MAXINT64, error);
  GHashTableIter iter;
  gpointer key, value;

  if (trails == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, trails);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *now = rifq_db_get_setting (db, key);
      g_autofree char *logo_sha = NULL;
      JsonNode *recorded = json_object_get_member (value, "value");
      const char *expected = JSON_NODE_HOLDS_VALUE (recorded) ? json_node_get_string (recorded) : NULL;
      const char *shown = now;

      /* A logo is recorded by its SHA-256. */
      if (now != NULL && g_str_equal (key, "association_logo_png"))
        shown = logo_sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, now, -1);
      if (g_strcmp0 (shown, expected) != 0)
        found (findings, g_strdup_printf (_("The setting “%s” was changed behind Rifq’s back: it is not what its audit "
                                            "trail ends with."), (const char *) key));
    }
  return TRUE;
}

static void
check_request (RifqDb        *db,
               RifqStatement *row,
               JsonObject    *trail,
               Findings      *findings)
{
  const char *number = rifq_statement_get_text (row, 1);
  const char *state = rifq_statement_get_text (row, 2);
  const char *recorded = trail ? json_object_get_string_member_with_default (trail, "state", NULL) : NULL;

  if (trail == NULL)
    found (findings, g_strdup_printf (_("Request %s has no audit entry: it was added behind Rifq’s back."), number));
  else if (g_strcmp0 (recorded, state) != 0)
    found (findings, g_strdup_printf (_("Request %s is “%s”, but its audit trail ends at “%s”: its state was "
                                        "changed behind Rifq’s back."), number, state, recorded ? recorded : "—"));
}

static gboolean
check_requests (RifqDb    *db,
                Findings  *findings,
                GError   **error)
{
  return check_by_ranges (db, "request", "SELECT id FROM request WHERE id > ?1 ORDER BY id LIMIT ?2",
                          "SELECT id, number, state FROM request WHERE id > ?1 AND id <= ?2 ORDER BY id",
                          check_request, NULL, findings, error);
}

gboolean
rifq_audit_verify (RifqDb  *db,
                   gint64  *out_rows,
                   GError **error)
{
  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);

  return rifq_permission_check (db, RIFQ_PERMISSION_AUDIT, error) && rifq_db_verify_audit (db, out_rows, error);
}

gboolean
rifq_audit_check_records (RifqDb      *db,
                          guint        max_problems,
                          GPtrArray  **out_problems,
                          guint       *out_total,
                          GError     **error)
{
  Findings findings = { g_ptr_array_new_with_free_func (g_free), max_problems, 0 };
  gboolean own_snapshot;
  gboolean ok;

  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);

  /* The records are read whole: refused once, here, to who may not read them. */
  if (!rifq_permission_check (db, RIFQ_PERMISSION_READ_RECORDS, error))
    {
      g_ptr_array_unref (findings.problems);
      return FALSE;
    }

  /* Records and trails read in one state, however others write meanwhile. */
  own_snapshot = !_rifq_db_in_snapshot (db);
  if (own_snapshot && !_rifq_db_begin_snapshot (db, error))
    {
      g_ptr_array_unref (findings.problems);
      return FALSE;
    }
  ok = check_beneficiaries (db, &findings, error) && check_staff (db, &findings, error) &&
       check_settings (db, &findings, error) && check_requests (db, &findings, error);
  if (own_snapshot)
    _rifq_db_end_snapshot (db);
  if (!ok)
    {
      g_ptr_array_unref (findings.problems);
      return FALSE;
    }
  if (out_total != NULL)
    *out_total = findings.total;
  if (out_problems != NULL)
    *out_problems = findings.problems;
  else
    g_ptr_array_unref (findings.problems);
  return TRUE;
}

void
rifq_audit_describe_author (const char  *name,
                            const char  *at,
                            char       **out_who,
                            char       **out_time,
                            char       **out_day)
{
  g_autoptr(GDateTime) when = at != NULL ? g_date_time_new_from_iso8601 (at, NULL) : NULL;
  g_autoptr(GDateTime) local = when != NULL ? g_date_time_to_local (when) : NULL;
  g_autofree char *day = at != NULL ? rifq_calendar_format_iso_both (at, RIFQ_DIGITS_LATIN) : NULL;

  *out_who = g_strdup (name != NULL ? name : _("Someone"));
  *out_time = local != NULL ? g_date_time_format (local, "%H:%M") : g_strdup ("—");
  *out_day = day != NULL ? g_steal_pointer (&day) : g_strdup ("—");
}

gboolean
rifq_audit_describe_latest (RifqDb      *db,
                            const char  *kind,
                            gint64       id,
                            const char  *action,
                            const char  *member,
                            const char  *value,
                            char       **out_who,
                            char       **out_time,
                            char       **out_day,
                            GError     **error)
{
  RifqStatement *stmt;
  gboolean found = FALSE;

  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);

  /* Who last changed a record, for who may read it. */
  if (!rifq_permission_check (db, RIFQ_PERMISSION_READ_RECORDS, error))
    return FALSE;
  stmt = rifq_db_query (db, "SELECT coalesce (s.full_name, a.actor), a.at, a.after_json FROM audit a"
                            " LEFT JOIN staff s ON s.username = a.actor"
                            " WHERE a.record_kind = ?1 AND a.record_id = ?2 AND a.action = ?3"
                            " ORDER BY a.id DESC",
                        RIFQ_PARAMS (RIFQ_TEXT (kind), RIFQ_INT (id), RIFQ_TEXT (action)), error);
  if (stmt == NULL)
    return FALSE;
  while (!found && rifq_statement_step (stmt) == RIFQ_STEP_ROW)
    {
      g_autoptr(JsonNode) after = json_from_string (rifq_statement_get_text (stmt, 2), NULL);
      JsonObject *object = after != NULL && JSON_NODE_HOLDS_OBJECT (after) ? json_node_get_object (after) : NULL;

      found = object != NULL && json_object_has_member (object, member) &&
              (value == NULL || g_strcmp0 (json_object_get_string_member_with_default (object, member, NULL), value) == 0);
      if (found)
        rifq_audit_describe_author (rifq_statement_get_text (stmt, 0), rifq_statement_get_text (stmt, 1), out_who,
                                    out_time, out_day);
    }
  rifq_statement_reset (stmt);
  if (!found)
    rifq_audit_describe_author (NULL, NULL, out_who, out_time, out_day);
  return TRUE;
}

/* The log as an administrator reads it */

G_DEFINE_FINAL_TYPE (RifqAuditEntry, rifq_audit_entry, G_TYPE_OBJECT)

static void
rifq_audit_entry_finalize (GObject *object)
{
  RifqAuditEntry *self = RIFQ_AUDIT_ENTRY (object);

  g_free (self->at);
  g_free (self->actor);
  g_free (self->actor_name);
  g_free (self->action);
  g_free (self->record_kind);
  g_free (self->before_json);
  g_free (self->after_json);
  g_free (self->reason);
  G_OBJECT_CLASS (rifq_audit_entry_parent_class)->finalize (object);
}

static void
rifq_audit_entry_class_init (RifqAuditEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const RifqRecordProperty properties[] = {
    RIFQ_RECORD_FIELD (RifqAuditEntry, id, "id", G_TYPE_INT64),
    RIFQ_RECORD_FIELD (RifqAuditEntry, at, "at", G_TYPE_STRING),
    RIFQ_RECORD_FIELD (RifqAuditEntry, actor, "actor", G_TYPE_STRING),
    RIFQ_RECORD_FIELD (RifqAuditEntry, actor_name, "actor-name", G_TYPE_STRING),
    RIFQ_RECORD_FIELD (RifqAuditEntry, action, "action", G_TYPE_STRING),
    RIFQ_RECORD_FIELD (RifqAuditEntry, record_kind, "record-kind", G_TYPE_STRING),
    RIFQ_RECORD_FIELD (RifqAuditEntry, record_id, "record-id", G_TYPE_INT64),
    RIFQ_RECORD_FIELD (RifqAuditEntry, reason, "reason", G_TYPE_STRING),
  };

  object_class->finalize = rifq_audit_entry_finalize;
  rifq_record_class_install_properties (object_class, properties, G_N_ELEMENTS (properties));
}

static void
rifq_audit_entry_init (RifqAuditEntry *self)
{
}

/* The first moment of a typed day (Hijri or Gregorian) on this workstation's clock, or of the
 * day after it, as the log's UTC times are written: "2026-12-06T21:00:00". */
static char *
day_bound (const char  *typed,
           const char  *field,
           gboolean     day_after,
           GError     **error)
{
  g_autoptr(GError) why = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) utc = NULL;
  GDate date;

  if (!rifq_calendar_parse (typed, &date, NULL, &why))
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, "%s: %s", field, why->message);
      return NULL;
    }
  if (day_after)
    g_date_add_days (&date, 1);
  start = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 0, 0, 0);
  utc = g_date_time_to_utc (start);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");
}

static gboolean
blank (const char *text)
{
  return text == NULL || *text == '\0';
}

GPtrArray *
rifq_audit_list (RifqDb                *db,
                 const RifqAuditFilter *filter,
                 gint64                 before_id,
                 guint                  limit,
                 GError               **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  const RifqAuditFilter any = { 0 };
  RifqStatement *stmt;
  int rc;

  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);

  if (filter == NULL)
    filter = &any;
  if (!rifq_permission_check (db, RIFQ_PERMISSION_AUDIT, error))
    return NULL;
  if (!blank (filter->from_day) && (from = day_bound (filter->from_day, _("From"), FALSE, error)) == NULL)
    return NULL;
  if (!blank (filter->to_day) && (to = day_bound (filter->to_day, _("To"), TRUE, error)) == NULL)
    return NULL;

  /* Each condition holds for every entry when its value is not given: one statement, planned
   * once, for any filter. */
  stmt = rifq_db_query (db, "SELECT a.id, a.at, a.actor, coalesce (s.full_name, a.actor), a.action, a.record_kind,"
                            " a.record_id, a.before_json, a.after_json, a.reason"
                            " FROM audit a LEFT JOIN staff s ON s.username = a.actor"
                            " WHERE a.id < coalesce (?1, a.id + 1) AND a.actor = coalesce (?2, a.actor)"
                            " AND a.record_kind = coalesce (?3, a.record_kind)"
                            " AND coalesce (a.record_id, 0) = coalesce (?4, a.record_id, 0)"
                            " AND a.at >= coalesce (?5, a.at) AND a.at < coalesce (?6, a.at || 'z')"
                            " ORDER BY a.id DESC LIMIT ?7",
                        RIFQ_PARAMS (before_id > 0 ? RIFQ_INT (before_id) : RIFQ_NULL,
                                     blank (filter->actor) ? RIFQ_NULL : RIFQ_TEXT (filter->actor),
                                     blank (filter->record_kind) ? RIFQ_NULL : RIFQ_TEXT (filter->record_kind),
                                     filter->record_id > 0 ? RIFQ_INT (filter->record_id) : RIFQ_NULL,
                                     from != NULL ? RIFQ_TEXT (from) : RIFQ_NULL,
                                     to != NULL ? RIFQ_TEXT (to) : RIFQ_NULL,
                                     RIFQ_INT (limit)),
                        error);
  if (stmt == NULL)
    return NULL;
  while ((rc = rifq_statement_step (stmt)) == RIFQ_STEP_ROW)
    {
      RifqAuditEntry *entry = g_object_new (RIFQ_TYPE_AUDIT_ENTRY, NULL);

      entry->id = rifq_statement_get_int64 (stmt, 0);
      entry->at = rifq_statement_dup_text (stmt, 1);
      entry->actor = rifq_statement_dup_text (stmt, 2);
      entry->actor_name = rifq_statement_dup_text (stmt, 3);
      entry->action = rifq_statement_dup_text (stmt, 4);
      entry->record_kind = rifq_statement_dup_text (stmt, 5);
      entry->record_id = rifq_statement_get_int64 (stmt, 6);
      entry->before_json = rifq_statement_dup_text (stmt, 7);
      entry->after_json = rifq_statement_dup_text (stmt, 8);
      entry->reason = rifq_statement_dup_text (stmt, 9);
      g_ptr_array_add (entries, entry);
    }
  rifq_statement_reset (stmt);
  if (rc != RIFQ_STEP_DONE)
    {
      rifq_db_fail (db, error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

void
rifq_audit_change_free (RifqAuditChange *change)
{
  if (change == NULL)
    return;
  g_free (change->member);
  g_free (change->before);
  g_free (change->after);
  g_free (change);
}

static JsonObject *
object_of (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* A member's value as a person reads it: a text as it is, anything else as JSON. */
static char *
value_text (JsonObject *object,
            const char *member)
{
  JsonNode *value;

  if (object == NULL || !json_object_has_member (object, member))
    return NULL;
  value = json_object_get_member (object, member);
  if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (value));
  if (JSON_NODE_HOLDS_NULL (value))
    return g_strdup ("");
  return json_to_string (value, FALSE);
}

static void
add_change (GPtrArray  *changes,
            JsonObject *before,
            JsonObject *after,
            const char *member)
{
  g_autofree char *was = value_text (before, member);
  g_autofree char *now = value_text (after, member);
  RifqAuditChange *change;

  if (g_strcmp0 (was, now) == 0)
    return;
  change = g_new0 (RifqAuditChange, 1);
  change->member = g_strdup (member);
  change->before = g_steal_pointer (&was);
  change->after = g_steal_pointer (&now);
  g_ptr_array_add (changes, change);
}

GPtrArray *
rifq_audit_entry_changes (RifqAuditEntry *entry)
{
  g_autoptr(JsonNode) before_node = NULL;
  g_autoptr(JsonNode) after_node = NULL;
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) rifq_audit_change_free);
  JsonObject *before;
  JsonObject *after;

  g_return_val_if_fail (RIFQ_IS_AUDIT_ENTRY (entry), changes);

  before_node = entry->before_json != NULL ? json_from_string (entry->before_json, NULL) : NULL;
  after_node = entry->after_json != NULL ? json_from_string (entry->after_json, NULL) : NULL;
  before = object_of (before_node);
  after = object_of (after_node);
  if (after != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (after);

      for (GList *l = members; l != NULL; l = l->next)
        add_change (changes, before, after, l->data);
    }
  if (before != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (before);

      for (GList *l = members; l != NULL; l = l->next)
        if (after == NULL || !json_object_has_member (after, l->data))
          add_change (changes, before, after, l->data);
    }
  return changes;
}

static const struct
{
  const char *code;
  const char *label;
} action_labels[] = {
  { "create", N_("Created") },
  { "update", N_("Changed") },
  { "register", N_("Registered") },
  { "document", N_("Document entered") },
  { "attach", N_("Scan attached") },
  { "sign", N_("Signed") },
  { "seal", N_("Sealed") },
  { "vote", N_("Voted") },
  { "decide", N_("Decided") },
  { "letter", N_("Letter issued") },
  { "agenda", N_("Put on the agenda") },
  { "agenda-remove", N_("Taken off the agenda") },
  { "present", N_("Marked present") },
  { "absent", N_("Marked absent") },
  { "override", N_("Served beyond the approval") },
  { "settings", N_("Settings changed") },
  { "refuse", N_("Refused") },
  { "backup", N_("Backup taken") },
  { "restore", N_("Restored from a backup") },
  { "copy", N_("Database copied") },
  { "demo", N_("Training records added") },
  { "move_out", N_("Key retired") },
  { "legacy", N_("Sealed before keys were kept") },
  { "login", N_("Logged in after wrong passwords") },
  { "login-refused", N_("Login refused") },
  { "password", N_("Password set") },
  { "consent", N_("Consent recorded") },
  { "export", N_("Everything held exported") },
}, kind_labels[] = {
  { "beneficiary", N_("Beneficiary") },
  { "request", N_("Support request") },
  { "staff", N_("Member of staff") },
  { "account", N_("Account") },
  { "meeting", N_("Committee meeting") },
  { "decision", N_("Committee decision") },
  { "settings", N_("Settings") },
  { "seal_key", N_("Seal key") },
  { "seal", N_("Seal") },
  { "letter", N_("Decision letter") },
  { "minutes", N_("Minutes") },
  { "database", N_("Database") },
  { "permission", N_("Permission") },
  { "consent", N_("Consent") },
};

const char *
rifq_audit_action_label (const char *record_kind,
                         const char *action)
{
  RifqAction step;

  if (action == NULL)
    return "";
  /* Withdrawing a consent is not withdrawing a request. */
  if (g_strcmp0 (record_kind, "consent") == 0 && g_str_equal (action, "withdraw"))
    return _("Consent withdrawn");
  for (guint i = 0; i < G_N_ELEMENTS (action_labels); i++)
    if (g_str_equal (action, action_labels[i].code))
      return _(action_labels[i].label);
  /* A request's steps are named as the intake names them. */
  if (rifq_action_from_code (action, &step))
    return rifq_action_label (step);
  return action;
}

const char *
rifq_audit_kind_label (const char *record_kind)
{
  if (record_kind == NULL)
    return "";
  for (guint i = 0; i < G_N_ELEMENTS (kind_labels); i++)
    if (g_str_equal (record_kind, kind_labels[i].code))
      return _(kind_labels[i].label);
  return record_kind;
}

const char *
rifq_audit_member_label (const char *record_kind,
                         const char *member)
{
  static const struct
  {
    const char *member;
    const char *label;
  } others[] = {
    { "state", N_("State") },
    { "roles", N_("Roles") },
    { "full_name", N_("Full name") },
    { "number", N_("Number") },
    { "reason", N_("Reason") },
    { "scope", N_("Scope") },
    { "given_on", N_("Given on") },
    { "withdrawn_on", N_("Withdrawn on") },
    { "beneficiary_id", N_("Beneficiary record") },
  };
  RifqField field;

  if (member == NULL)
    return "";
  if (g_strcmp0 (record_kind, "beneficiary") == 0 && rifq_field_from_key (member, &field))
    return rifq_field_label (field);
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    if (g_str_equal (member, others[i].member))
      return _(others[i].label);
  return member;
}
