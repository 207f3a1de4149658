/* rifq-permission.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-permission"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rifq-db-private.h"
#include "rifq-error.h"
#include "rifq-permission.h"
#include "rifq-staff.h"
#include "rifq-statement.h"

#define DESK       RIFQ_ROLE_DESK
#define RESEARCHER RIFQ_ROLE_RESEARCHER
#define MEMBER     RIFQ_ROLE_COMMITTEE
#define CHAIR      RIFQ_ROLE_CHAIR
#define ADMIN      RIFQ_ROLE_ADMIN

/* The role × action table. A board member reads dashboards and reports, none of which reads
 * the records themselves yet: no row here is theirs. */
static const struct
{
  const char *code;
  const char *label;
  RifqRole    roles;
} permissions[RIFQ_N_PERMISSIONS] = {
  [RIFQ_PERMISSION_READ_RECORDS]          = { "read",           N_("read beneficiaries’ records and requests"),
                                              DESK | MEMBER | CHAIR | ADMIN },
  [RIFQ_PERMISSION_REGISTER]              = { "register-beneficiary", N_("register a beneficiary"),          DESK },
  [RIFQ_PERMISSION_EDIT_BENEFICIARY]      = { "edit-beneficiary", N_("change a beneficiary’s record"),   DESK },
  [RIFQ_PERMISSION_IMPORT]                = { "import-beneficiaries", N_("import beneficiaries from a file"), DESK | ADMIN },
  [RIFQ_PERMISSION_RECEIVE_REQUEST]       = { "receive",        N_("receive a support request"),       DESK },
  [RIFQ_PERMISSION_ENTER_DOCUMENTS]       = { "documents",      N_("enter a request’s documents"),     DESK },
  [RIFQ_PERMISSION_SIGN]                  = { "sign",           N_("take the applicant’s signature"),  DESK },
  [RIFQ_PERMISSION_COLLECT]               = { "collect",        N_("start checking a request’s documents"), DESK },
  [RIFQ_PERMISSION_REFER]                 = { "refer",          N_("refer a request to social research"), DESK },
  [RIFQ_PERMISSION_ANSWER]                = { "answer",         N_("answer a referral"),               RESEARCHER },
  [RIFQ_PERMISSION_VERIFY]                = { "verify",         N_("confirm a request’s documents"),   DESK },
  [RIFQ_PERMISSION_REOPEN]                = { "reopen",         N_("reopen a request’s documents"),    DESK },
  [RIFQ_PERMISSION_SUBMIT]                = { "submit",         N_("submit a request to the research committee"), DESK },
  [RIFQ_PERMISSION_REVIEW]                = { "review",         N_("start the committee’s review of a request"),
                                              MEMBER | CHAIR },
  [RIFQ_PERMISSION_ACCEPT]                = { "accept",         N_("accept a request"),                CHAIR },
  [RIFQ_PERMISSION_REJECT]                = { "reject",         N_("reject a request"),                CHAIR },
  [RIFQ_PERMISSION_DEFER]                 = { "defer",          N_("defer a request"),                 CHAIR },
  [RIFQ_PERMISSION_RECONSIDER]            = { "reconsider",     N_("reconsider a deferred request"),   MEMBER | CHAIR },
  [RIFQ_PERMISSION_REGISTER_FILE]         = { "register",       N_("register an accepted beneficiary’s file"), DESK },
  [RIFQ_PERMISSION_SERVE]                 = { "serve",          N_("record a service"),                DESK },
  [RIFQ_PERMISSION_CLOSE]                 = { "close",          N_("close a request"),                 DESK },
  [RIFQ_PERMISSION_WITHDRAW]              = { "withdraw",       N_("withdraw a request"),              DESK },
  [RIFQ_PERMISSION_SERVE_BEYOND_APPROVAL] = { "serve-beyond",   N_("record a service beyond the committee’s approval"),
                                              ADMIN },
  [RIFQ_PERMISSION_CALL_MEETING]          = { "call-meeting",   N_("call a meeting of the research committee"), CHAIR },
  [RIFQ_PERMISSION_ATTENDANCE]            = { "attendance",     N_("record who is present at a meeting"), MEMBER | CHAIR },
  [RIFQ_PERMISSION_AGENDA]                = { "agenda",         N_("set a meeting’s agenda"),          MEMBER | CHAIR },
  [RIFQ_PERMISSION_VOTE]                  = { "vote",           N_("vote at a meeting"),               MEMBER | CHAIR },
  [RIFQ_PERMISSION_DECIDE]                = { "decide",         N_("record the committee’s decision"), MEMBER | CHAIR },
  [RIFQ_PERMISSION_SETTINGS]              = { "settings",       N_("change the association’s settings"), ADMIN },
  [RIFQ_PERMISSION_STAFF]                 = { "staff",          N_("add staff or change their roles"), ADMIN },
  [RIFQ_PERMISSION_SEAL_KEY]              = { "seal-key",       N_("change the association’s seal key"), ADMIN },
  [RIFQ_PERMISSION_COPY]                  = { "copy",           N_("copy the whole database"),         ADMIN },
  [RIFQ_PERMISSION_DEMO]                  = { "demo",           N_("add made-up records for training"), ADMIN },
  [RIFQ_PERMISSION_AUDIT]                 = { "audit",          N_("read and verify the audit log"),   ADMIN },
  [RIFQ_PERMISSION_BACKUP]                = { "backup",         N_("take a backup of the database"),   ADMIN },
  [RIFQ_PERMISSION_RESTORE]               = { "restore",        N_("restore the database from a backup"), ADMIN },
  [RIFQ_PERMISSION_CONSENT]               = { "consent",        N_("record or withdraw a beneficiary’s consent"), DESK },
  [RIFQ_PERMISSION_EXPORT_PERSON]         = { "export-person",  N_("export everything held about a beneficiary"),
                                              ADMIN },
  [RIFQ_PERMISSION_RETENTION]             = { "retention",      N_("review the files past their retention period"),
                                              ADMIN },
  [RIFQ_PERMISSION_PASSWORDS]             = { "passwords",      N_("set another member of staff’s password"), ADMIN },
  /* The social researcher sees what was referred to them, and nothing else of the records. */
  [RIFQ_PERMISSION_READ_REFERRED]         = { "read-referred",  N_("read the requests referred to social research"),
                                              DESK | RESEARCHER | MEMBER | CHAIR | ADMIN },
};

G_STATIC_ASSERT (RIFQ_PERMISSION_WITHDRAW - RIFQ_PERMISSION_COLLECT == RIFQ_ACTION_WITHDRAW - RIFQ_ACTION_COLLECT);
G_STATIC_ASSERT (RIFQ_PERMISSION_WITHDRAW - RIFQ_PERMISSION_COLLECT == RIFQ_N_ACTIONS - 1);

RifqPermission
rifq_permission_for_step (RifqAction action)
{
  g_return_val_if_fail (action < RIFQ_N_ACTIONS, RIFQ_PERMISSION_READ_RECORDS);
  return RIFQ_PERMISSION_COLLECT + (action - RIFQ_ACTION_COLLECT);
}

RifqRole
rifq_permission_roles (RifqPermission permission)
{
  g_return_val_if_fail (permission < RIFQ_N_PERMISSIONS, RIFQ_ROLE_NONE);
  return permissions[permission].roles;
}

gboolean
rifq_permission_allows (RifqPermission permission,
                        RifqRole       roles)
{
  return (roles & rifq_permission_roles (permission)) != 0;
}

const char *
rifq_permission_code (RifqPermission permission)
{
  g_return_val_if_fail (permission < RIFQ_N_PERMISSIONS, NULL);
  return permissions[permission].code;
}

const char *
rifq_permission_label (RifqPermission permission)
{
  g_return_val_if_fail (permission < RIFQ_N_PERMISSIONS, NULL);
  return _(permissions[permission].label);
}

gboolean
rifq_permission_check (RifqDb          *db,
                       RifqPermission   permission,
                       GError         **error)
{
  RifqRole roles;
  g_autofree char *held = NULL;
  g_autofree char *allowed = NULL;
  g_autofree char *codes = NULL;

  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);
  g_return_val_if_fail (permission < RIFQ_N_PERMISSIONS, FALSE);

  if (rifq_db_get_actor (db) == NULL)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_LOGIN, _("Nobody has logged in: log in to Rifq first."));
      return FALSE;
    }
  /* Roles that cannot be read refuse nothing and allow nothing: the reason is said. */
  if (!rifq_staff_read_actor_roles (db, &roles, error))
    return FALSE;
  if (rifq_permission_allows (permission, roles))
    return TRUE;

  held = roles != RIFQ_ROLE_NONE ? rifq_roles_describe (roles) : g_strdup (_("not a member of staff"));
  allowed = rifq_roles_describe (permissions[permission].roles);
  /* Translators: "khalid (board member) may not register a beneficiary; that is for: desk
   * officer." The first %s is the person's user name, the second their roles. */
  g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_PERMITTED, _("%s (%s) may not %s; that is for: %s."),
               rifq_db_get_actor (db), held, _(permissions[permission].label), allowed);
  codes = rifq_roles_to_string (roles);
  _rifq_db_record_refusal (db, permissions[permission].code, codes);
  return FALSE;
}

gboolean
rifq_permission_check_read (RifqDb    *db,
                            gboolean  *all,
                            GError   **error)
{
  RifqRole roles;

  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);
  g_return_val_if_fail (all != NULL, FALSE);

  *all = FALSE;
  if (rifq_db_get_actor (db) != NULL)
    {
      if (!rifq_staff_read_actor_roles (db, &roles, error))
        return FALSE;
      if (rifq_permission_allows (RIFQ_PERMISSION_READ_RECORDS, roles))
        return *all = TRUE;
      if (rifq_permission_allows (RIFQ_PERMISSION_READ_REFERRED, roles))
        return TRUE;
    }
  return rifq_permission_check (db, RIFQ_PERMISSION_READ_RECORDS, error);
}

gboolean
rifq_permission_check_request (RifqDb  *db,
                               gint64   request_id,
                               GError **error)
{
  RifqRole roles;
  gint64 referrals = 0;
  g_autofree char *held = NULL;
  g_autofree char *allowed = NULL;
  g_autofree char *codes = NULL;

  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);

  if (rifq_db_get_actor (db) == NULL)
    return rifq_permission_check (db, RIFQ_PERMISSION_READ_REFERRED, error);
  if (!rifq_staff_read_actor_roles (db, &roles, error))
    return FALSE;
  if (rifq_permission_allows (RIFQ_PERMISSION_READ_RECORDS, roles))
    return TRUE;
  if (!rifq_permission_allows (RIFQ_PERMISSION_READ_REFERRED, roles))
    return rifq_permission_check (db, RIFQ_PERMISSION_READ_REFERRED, error);
  if (!rifq_db_query_int (db, "SELECT count(*) FROM referral WHERE request_id = ?",
                          RIFQ_PARAMS (RIFQ_INT (request_id)), &referrals, NULL, error))
    return FALSE;
  if (referrals > 0)
    return TRUE;

  held = rifq_roles_describe (roles);
  allowed = rifq_roles_describe (permissions[RIFQ_PERMISSION_READ_RECORDS].roles);
  /* Translators: "salman (social-research officer) reads only the requests referred to social
   * research, and this one was not: to read beneficiaries’ records and requests is for: desk
   * officer, …" */
  g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_PERMITTED,
               _("%s (%s) reads only the requests referred to social research, and this one was not: to %s is "
                 "for: %s."),
               rifq_db_get_actor (db), held, _(permissions[RIFQ_PERMISSION_READ_RECORDS].label), allowed);
  codes = rifq_roles_to_string (roles);
  _rifq_db_record_refusal (db, permissions[RIFQ_PERMISSION_READ_RECORDS].code, codes);
  return FALSE;
}
