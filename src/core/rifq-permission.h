/* rifq-permission.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rifq-db.h"
#include "rifq-request.h"

G_BEGIN_DECLS

/* Who may do what: every action Rifq has, and the roles that may take it. The one table of
 * them; the stores ask it before they read or write, the window to hide what the person may
 * not do. A rule of a single record (the meeting's own chair, a member present at it) is the
 * store's, on top of the role. */
typedef enum
{
  RIFQ_PERMISSION_READ_RECORDS,      /* the registry, requests and their documents */
  RIFQ_PERMISSION_REGISTER,          /* a new beneficiary */
  RIFQ_PERMISSION_EDIT_BENEFICIARY,
  RIFQ_PERMISSION_IMPORT,            /* many beneficiaries from a file */
  RIFQ_PERMISSION_RECEIVE_REQUEST,   /* step 1 */
  RIFQ_PERMISSION_ENTER_DOCUMENTS,   /* step 2: documents and their scans */
  RIFQ_PERMISSION_SIGN,              /* step 4: the applicant's signature */
  /* Each step of a request, in RifqAction's order (rifq_permission_for_step). */
  RIFQ_PERMISSION_COLLECT,
  RIFQ_PERMISSION_REFER,
  RIFQ_PERMISSION_ANSWER,
  RIFQ_PERMISSION_VERIFY,
  RIFQ_PERMISSION_REOPEN,
  RIFQ_PERMISSION_SUBMIT,
  RIFQ_PERMISSION_REVIEW,
  RIFQ_PERMISSION_ACCEPT,
  RIFQ_PERMISSION_REJECT,
  RIFQ_PERMISSION_DEFER,
  RIFQ_PERMISSION_RECONSIDER,
  RIFQ_PERMISSION_REGISTER_FILE,
  RIFQ_PERMISSION_SERVE,
  RIFQ_PERMISSION_CLOSE,
  RIFQ_PERMISSION_WITHDRAW,
  RIFQ_PERMISSION_SERVE_BEYOND_APPROVAL,
  RIFQ_PERMISSION_CALL_MEETING,
  RIFQ_PERMISSION_ATTENDANCE,        /* as the meeting's chair */
  RIFQ_PERMISSION_AGENDA,            /* as the meeting's chair */
  RIFQ_PERMISSION_VOTE,              /* present at the meeting */
  RIFQ_PERMISSION_DECIDE,            /* as the meeting's chair */
  RIFQ_PERMISSION_SETTINGS,
  RIFQ_PERMISSION_STAFF,
  RIFQ_PERMISSION_SEAL_KEY,
  RIFQ_PERMISSION_COPY,              /* the whole database, to a server or a file */
  RIFQ_PERMISSION_DEMO,              /* made-up records for training */
  RIFQ_PERMISSION_AUDIT,             /* read and verify the audit log */
  RIFQ_PERMISSION_BACKUP,            /* a backup of the whole database */
  RIFQ_PERMISSION_RESTORE,           /* the database put back from a backup */
  RIFQ_PERMISSION_CONSENT,           /* the beneficiary's consent recorded or withdrawn */
  RIFQ_PERMISSION_EXPORT_PERSON,     /* everything held about one beneficiary (PDPL) */
  RIFQ_PERMISSION_RETENTION,         /* the closed files past their retention period */
  RIFQ_PERMISSION_PASSWORDS,         /* another member's password set (forgotten, new, locked) */
  RIFQ_PERMISSION_READ_REFERRED,     /* the requests referred to social research, and the queue */
  RIFQ_N_PERMISSIONS
} RifqPermission;

/* The permission a step of a request needs. */
RifqPermission  rifq_permission_for_step   (RifqAction      action);

RifqRole        rifq_permission_roles      (RifqPermission  permission);
gboolean        rifq_permission_allows     (RifqPermission  permission,
                                            RifqRole        roles);
/* Stable, for the audit and rifq-admin: "register", "vote". */
const char     *rifq_permission_code       (RifqPermission  permission);
/* What it lets a person do, in the interface language: "register a beneficiary". */
const char     *rifq_permission_label      (RifqPermission  permission);

/* Whether the person at this workstation (rifq_db_get_actor) holds a role that may; refused
 * with RIFQ_ERROR_NOT_PERMITTED, a sentence naming the person, their roles, the action and the
 * roles that may take it. The refusal is kept in the audit log: at once, or, inside a write,
 * once the write is rolled back. */
gboolean        rifq_permission_check      (RifqDb         *db,
                                            RifqPermission  permission,
                                            GError        **error);

/* Reading: who holds RIFQ_PERMISSION_READ_RECORDS reads every record (*all set), who holds
 * only RIFQ_PERMISSION_READ_REFERRED (the social researcher) the requests referred to social
 * research (*all unset); anyone else is refused as rifq_permission_check refuses. */
gboolean        rifq_permission_check_read (RifqDb         *db,
                                            gboolean       *all,
                                            GError        **error);
/* Whether the person may read this request: every reader of the records may, the social
 * researcher only once it was referred to social research. The refusal is kept in the audit. */
gboolean        rifq_permission_check_request (RifqDb      *db,
                                               gint64       request_id,
                                               GError     **error);

G_END_DECLS
