/* rifq-staff.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-staff"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rifq-db-private.h"
#include "rifq-error.h"
#include "rifq-json.h"
#include "rifq-permission.h"
#include "rifq-record.h"
#include "rifq-staff.h"
#include "rifq-statement.h"
#include "rifq-validate.h"

G_DEFINE_FINAL_TYPE (RifqStaff, rifq_staff, G_TYPE_OBJECT)

static void
rifq_staff_finalize (GObject *object)
{
  RifqStaff *self = (RifqStaff *)object;

  g_free (self->username);
  g_free (self->full_name);

  G_OBJECT_CLASS (rifq_staff_parent_class)->finalize (object);
}

static void
get_roles (GObject    *object,
           GParamSpec *pspec,
           GValue     *value)
{
  g_value_take_string (value, rifq_roles_to_string (RIFQ_STAFF (object)->roles));
}

static void
rifq_staff_class_init (RifqStaffClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const RifqRecordProperty properties[] = {
    RIFQ_RECORD_FIELD (RifqStaff, username, "username", G_TYPE_STRING),
    RIFQ_RECORD_FIELD (RifqStaff, full_name, "full-name", G_TYPE_STRING),
    RIFQ_RECORD_WORKED_OUT ("roles", G_TYPE_STRING, get_roles),
  };

  object_class->finalize = rifq_staff_finalize;
  rifq_record_class_install_properties (object_class, properties, G_N_ELEMENTS (properties));
}

static void
rifq_staff_init (RifqStaff *self)
{
}

/* The roles username holds while active; FALSE when they could not be read (the server away),
 * which is not the same as holding none. */
static gboolean
load_roles (RifqDb      *db,
            const char  *username,
            RifqRole    *out_roles,
            GError     **error)
{
  RifqStatement *stmt;
  RifqRole set = RIFQ_ROLE_NONE;
  RifqStep step;

  *out_roles = RIFQ_ROLE_NONE;
  stmt = rifq_db_query (db, "SELECT r.role FROM staff_role r JOIN staff s USING (username)"
                            " WHERE r.username = ? AND s.active = 1", RIFQ_PARAMS (RIFQ_TEXT (username)), error);
  if (stmt == NULL)
    return FALSE;
  while ((step = rifq_statement_step (stmt)) == RIFQ_STEP_ROW)
    {
      RifqRole role;

      if (rifq_role_from_code (rifq_statement_get_text (stmt, 0), &role))
        set |= role;
    }
  rifq_statement_reset (stmt);
  if (step != RIFQ_STEP_DONE)
    return rifq_db_fail (db, error);
  *out_roles = set;
  return TRUE;
}

/* A member of staff from a row of username, full_name; without their roles. */
static gpointer
row_to_staff (RifqStatement *stmt)
{
  RifqStaff *staff = g_object_new (RIFQ_TYPE_STAFF, NULL);

  staff->username = rifq_statement_dup_text (stmt, 0);
  staff->full_name = rifq_statement_dup_text (stmt, 1);
  return staff;
}

RifqStaff *
rifq_staff_get (RifqDb     *db,
                const char *username,
                GError    **error)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(RifqStaff) staff = NULL;

  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);

  found = rifq_db_query_all (db, "SELECT username, full_name FROM staff WHERE username = ? AND active = 1",
                             RIFQ_PARAMS (RIFQ_TEXT (username)), row_to_staff, g_object_unref, error);
  if (found == NULL)
    return NULL;
  if (found->len > 0)
    staff = g_ptr_array_steal_index (found, 0);
  if (staff == NULL)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_FOUND,
                   _("“%s” is not registered as a member of staff."), username);
      return NULL;
    }
  if (!load_roles (db, username, &staff->roles, error))
    return NULL;
  return g_steal_pointer (&staff);
}

char *
rifq_staff_dup_name (RifqDb     *db,
                     const char *username)
{
  g_autoptr(RifqStaff) staff = NULL;

  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);

  if (username == NULL || *username == '\0')
    return g_strdup ("—");
  staff = rifq_staff_get (db, username, NULL);
  return g_strdup (staff != NULL && staff->full_name != NULL && *staff->full_name != '\0' ? staff->full_name
                                                                                          : username);
}

RifqRole
rifq_staff_actor_roles (RifqDb *db)
{
  RifqRole roles;

  g_return_val_if_fail (RIFQ_IS_DB (db), RIFQ_ROLE_NONE);
  load_roles (db, rifq_db_get_actor (db), &roles, NULL);
  return roles;
}

gboolean
rifq_staff_read_actor_roles (RifqDb    *db,
                             RifqRole  *out_roles,
                             GError   **error)
{
  int kept;

  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);
  g_return_val_if_fail (out_roles != NULL, FALSE);

  /* Read once per write: every check of a step after the first costs nothing. */
  if (_rifq_db_write_roles (db, &kept))
    {
      *out_roles = (RifqRole) kept;
      return TRUE;
    }
  if (!load_roles (db, rifq_db_get_actor (db), out_roles, error))
    return FALSE;
  _rifq_db_keep_write_roles (db, (int) *out_roles);
  return TRUE;
}

/* On the association's server each member is a role "name@database" (schema 16): a name with
 * an @ of its own could be another database's member there. */
static gboolean
name_fits_the_server (RifqDb      *db,
                      const char  *username,
                      GError     **error)
{
  if (strchr (username, '@') == NULL || g_strcmp0 (_rifq_db_engine_name (db), "postgresql") != 0)
    return TRUE;
  g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                       _("User name: on the association’s server it may not hold @ (each member is a role "
                         "“name@database” there)."));
  return FALSE;
}

typedef struct
{
  const char *username;
  const char *full_name;
  RifqRole    roles;
  gboolean    only_if_empty;  /* the first member, on a database found new */
  const char *password_hash;  /* the first member's, set up with their account; or NULL */
  const char *password;       /* theirs, for their role on a server */
} SaveJob;

static gint64
count_staff (RifqDb *db)
{
  gint64 n;

  /* The caller reports the failure. */
  if (!rifq_db_query_int (db, "SELECT count(*) FROM staff", RIFQ_NO_PARAMS, &n, NULL, NULL))
    return -1;
  return n;
}

/* Whether the database has never had staff, outside a write. Either it is empty, its audit log
 * and its records alike; or its audit log verifies whole (keyed, anchored: no entry removed or
 * changed) and holds no entry of a member of staff, as a database of before staff existed. Only
 * such a database gets a first member of staff without an administrator; one whose staff were
 * removed behind Rifq's back, with their entries or without, does not. -1 when it cannot be read. */
static int
database_is_new (RifqDb *db)
{
  gint64 entries, records, staff_entries;

  if (!rifq_db_query_int (db, "SELECT count(*) FROM audit", RIFQ_NO_PARAMS, &entries, NULL, NULL) ||
      !rifq_db_query_int (db, "SELECT (SELECT count(*) FROM beneficiary) + (SELECT count(*) FROM request)"
                              " + (SELECT count(*) FROM meeting)", RIFQ_NO_PARAMS, &records, NULL, NULL) ||
      !rifq_db_query_int (db, "SELECT count(*) FROM audit WHERE record_kind = 'staff'", RIFQ_NO_PARAMS,
                          &staff_entries, NULL, NULL))
    return -1;
  if (entries == 0)
    return records == 0;
  return staff_entries == 0 && rifq_db_verify_audit (db, NULL, NULL);
}

static JsonNode *
staff_json (const char *username,
            const char *full_name,
            RifqRole    roles)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *codes = rifq_roles_to_string (roles);

  json_builder_begin_object (builder);
  rifq_json_add_string (builder, "username", username);
  rifq_json_add_string (builder, "full_name", full_name);
  rifq_json_add_string (builder, "roles", codes);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Writes a member of staff and their roles, audited with what they were; inside a write. */
static gboolean
store_staff (RifqDb      *db,
             RifqDbWrite *write,
             const char  *username,
             const char  *full_name,
             RifqRole     roles,
             GError     **error)
{
  g_autoptr(RifqStaff) before = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format_iso8601 (now);

  before = rifq_staff_get (db, username, NULL);
  if (!rifq_db_execute (db, "INSERT INTO staff (username, full_name, active, created_at)"
                            " VALUES (?1, ?2, 1, ?3) ON CONFLICT (username) DO UPDATE"
                            " SET full_name = ?2, active = 1",
                        RIFQ_PARAMS (RIFQ_TEXT (username), RIFQ_TEXT (full_name), RIFQ_TEXT (stamp)), error))
    return FALSE;
  /* Roles change: read again from here on in this write. */
  _rifq_db_keep_write_roles (db, -1);
  if (!rifq_db_execute (db, "DELETE FROM staff_role WHERE username = ?", RIFQ_PARAMS (RIFQ_TEXT (username)), error))
    return FALSE;
  for (guint i = 0; i < RIFQ_N_ROLES; i++)
    if ((roles & (1 << i))
        && !rifq_db_execute (db, "INSERT INTO staff_role (username, role) VALUES (?, ?)",
                             RIFQ_PARAMS (RIFQ_TEXT (username), RIFQ_TEXT (rifq_role_code (1 << i))), error))
      return FALSE;

  rifq_db_write_audit_take (write, before ? "update" : "create", "staff", 0,
                       before ? staff_json (before->username, before->full_name, before->roles) : NULL,
                       staff_json (username, full_name, roles), NULL);
  return TRUE;
}

/* The committee has one chair: the chair before stays on as a member. */
static gboolean
step_down_chairs (RifqDb      *db,
                  RifqDbWrite *write,
                  const char  *new_chair,
                  GError     **error)
{
  g_autoptr(GPtrArray) chairs = rifq_staff_list (db, RIFQ_ROLE_CHAIR, error);

  if (chairs == NULL)
    return FALSE;
  for (guint i = 0; i < chairs->len; i++)
    {
      RifqStaff *chair = g_ptr_array_index (chairs, i);

      if (g_strcmp0 (chair->username, new_chair) != 0 &&
          !store_staff (db, write, chair->username, chair->full_name,
                        (chair->roles & ~RIFQ_ROLE_CHAIR) | RIFQ_ROLE_COMMITTEE, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
save_cb (RifqDb      *db,
         RifqDbWrite *write,
         gpointer     user_data,
         GError     **error)
{
  SaveJob *job = user_data;
  gint64 existing = count_staff (db);

  if (existing < 0)
    return rifq_db_fail (db, error);
  /* Another workstation set it up meanwhile. */
  if (job->only_if_empty && existing > 0)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED, _("This database has been set up meanwhile: log in."));
      return FALSE;
    }
  /* The first member of a new database (rifq_staff_ensure_first, which made sure it is new) is
   * the only one added by someone who is not an administrator. */
  if (!(job->only_if_empty && existing == 0) && !rifq_permission_check (db, RIFQ_PERMISSION_STAFF, error))
    return FALSE;
  if ((job->roles & RIFQ_ROLE_CHAIR) && !step_down_chairs (db, write, job->username, error))
    return FALSE;
  if (!store_staff (db, write, job->username, job->full_name, job->roles, error))
    return FALSE;
  if (job->password_hash != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autofree char *stamp = g_date_time_format_iso8601 (now);

      g_autoptr(JsonBuilder) builder = json_builder_new ();

      if (!rifq_db_execute (db, "UPDATE staff SET password_hash = ?, password_set_at = ? WHERE username = ?",
                            RIFQ_PARAMS (RIFQ_TEXT (job->password_hash), RIFQ_TEXT (stamp),
                                         RIFQ_TEXT (job->username)), error) ||
          !_rifq_db_set_server_password (db, job->username, job->password, job->password_hash, error))
        return FALSE;
      /* The log says the database has had passwords: wiping them does not make it new again. */
      json_builder_begin_object (builder);
      rifq_json_add_string (builder, "username", job->username);
      json_builder_end_object (builder);
      rifq_db_write_audit_take (write, "password", "account", 0, NULL, json_builder_get_root (builder), "set up");
    }
  return TRUE;
}

typedef struct
{
  const char        *username;
  RifqCommitteeSeat  seat;
} SeatJob;

static gboolean
seat_cb (RifqDb      *db,
         RifqDbWrite *write,
         gpointer     user_data,
         GError     **error)
{
  SeatJob *job = user_data;
  g_autoptr(RifqStaff) staff = NULL;
  RifqRole roles;

  if (!rifq_permission_check (db, RIFQ_PERMISSION_STAFF, error))
    return FALSE;
  staff = rifq_staff_get (db, job->username, error);
  if (staff == NULL)
    return FALSE;

  roles = staff->roles & ~(RIFQ_ROLE_COMMITTEE | RIFQ_ROLE_CHAIR);
  if (job->seat == RIFQ_SEAT_MEMBER)
    roles |= RIFQ_ROLE_COMMITTEE;
  else if (job->seat == RIFQ_SEAT_CHAIR)
    roles |= RIFQ_ROLE_CHAIR;
  if (roles == RIFQ_ROLE_NONE)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                   _("%s has no role but the committee’s: give them another role before taking them off the "
                     "committee."), staff->full_name);
      return FALSE;
    }
  /* Stepping the others down first: a second chair left from older data goes too. */
  if (job->seat == RIFQ_SEAT_CHAIR && !step_down_chairs (db, write, staff->username, error))
    return FALSE;
  if (roles == staff->roles)
    return TRUE;
  return store_staff (db, write, staff->username, staff->full_name, roles, error);
}

gboolean
rifq_staff_set_committee_seat (RifqDb            *db,
                               const char        *username,
                               RifqCommitteeSeat  seat,
                               GError           **error)
{
  SeatJob job = { username, seat };

  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);
  g_return_val_if_fail (username != NULL, FALSE);
  g_return_val_if_fail (seat <= RIFQ_SEAT_CHAIR, FALSE);

  return rifq_db_write (db, seat_cb, &job, error);
}

RifqCommitteeSeat
rifq_staff_committee_seat (const RifqStaff *staff)
{
  g_return_val_if_fail (staff != NULL, RIFQ_SEAT_NONE);

  if (staff->roles & RIFQ_ROLE_CHAIR)
    return RIFQ_SEAT_CHAIR;
  if (staff->roles & RIFQ_ROLE_COMMITTEE)
    return RIFQ_SEAT_MEMBER;
  return RIFQ_SEAT_NONE;
}

gboolean
rifq_staff_save (RifqDb     *db,
                 const char *username,
                 const char *full_name,
                 RifqRole    roles,
                 GError    **error)
{
  g_autofree char *name = g_strstrip (g_strdup (full_name ? full_name : ""));
  SaveJob job = { username, name, roles, FALSE, NULL, NULL };

  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);

  if (username == NULL || *username == '\0' || *name == '\0')
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                   _("A member of staff needs a user name and a full name."));
      return FALSE;
    }
  if (!rifq_validate_text (username, RIFQ_TEXT_USER_NAME, _("User name"), error) ||
      !name_fits_the_server (db, username, error) ||
      !rifq_validate_text (name, RIFQ_TEXT_FULL_NAME, _("Full name"), error))
    return FALSE;
  if (roles == RIFQ_ROLE_NONE)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                   _("Give “%s” at least one role."), username);
      return FALSE;
    }
  return rifq_db_write (db, save_cb, &job, error);
}

int
_rifq_staff_first_state (RifqDb  *db,
                         GError **error)
{
  gint64 existing = count_staff (db);

  if (existing < 0)
    {
      rifq_db_fail (db, error);
      return -1;
    }
  if (existing > 0)
    return 0;
  switch (database_is_new (db))
    {
    case -1:
      rifq_db_fail (db, error);
      return -1;
    case 0:
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED,
                   _("“%s” has records but no staff: its staff were removed outside Rifq, and nobody becomes its "
                     "administrator by opening it. Restore the database from a backup."),
                   rifq_db_get_path (db));
      return -1;
    default:
      return 1;
    }
}

gboolean
_rifq_staff_add_first (RifqDb     *db,
                       const char *username,
                       const char *full_name,
                       const char *password_hash,
                       const char *password,
                       GError    **error)
{
  SaveJob job = { username, full_name, RIFQ_ROLE_DESK | RIFQ_ROLE_RESEARCHER | RIFQ_ROLE_ADMIN, TRUE, password_hash,
                  password };

  if (!rifq_validate_text (username, RIFQ_TEXT_USER_NAME, _("User name"), error) ||
      !name_fits_the_server (db, username, error) ||
      !rifq_validate_text (full_name, RIFQ_TEXT_FULL_NAME, _("Full name"), error))
    return FALSE;
  return rifq_db_write (db, save_cb, &job, error);
}

gboolean
rifq_staff_ensure_first (RifqDb  *db,
                         GError **error)
{
  const char *actor = rifq_db_get_actor (db);
  const char *real = g_get_real_name ();
  int state;

  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);

  state = _rifq_staff_first_state (db, error);
  if (state <= 0)
    return state == 0;
  if (!rifq_validate_text (actor, RIFQ_TEXT_USER_NAME, _("User name"), error))
    return FALSE;
  return _rifq_staff_add_first (db, actor,
                                real != NULL && *real != '\0' && g_strcmp0 (real, "Unknown") != 0 &&
                                rifq_validate_text (real, RIFQ_TEXT_FULL_NAME, _("Full name"), NULL) ? real : actor,
                                NULL, NULL, error);
}

GPtrArray *
rifq_staff_list (RifqDb   *db,
                 RifqRole  any_of,
                 GError  **error)
{
  g_autoptr(GPtrArray) list = NULL;

  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);

  list = rifq_db_query_all (db, "SELECT username, full_name FROM staff WHERE active = 1 ORDER BY full_name, username",
                            RIFQ_NO_PARAMS, row_to_staff, g_object_unref, error);
  if (list == NULL)
    return NULL;
  for (guint i = list->len; i > 0; i--)
    {
      RifqStaff *staff = g_ptr_array_index (list, i - 1);

      if (!load_roles (db, staff->username, &staff->roles, error))
        return NULL;
      if (any_of != RIFQ_ROLE_NONE && (staff->roles & any_of) == 0)
        g_ptr_array_remove_index (list, i - 1);
    }
  return g_steal_pointer (&list);
}
