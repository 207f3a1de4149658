/* rifq-staff.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rifq-db.h"
#include "rifq-request.h"

G_BEGIN_DECLS

/* The association's staff and the roles each holds; the actor of every write is one of them. */

/* A member of staff as the store read them: a snapshot, with properties to bind rows to
 * ("username", "full-name", "roles" as text). */
#define RIFQ_TYPE_STAFF (rifq_staff_get_type ())
G_DECLARE_FINAL_TYPE (RifqStaff, rifq_staff, RIFQ, STAFF, GObject)

struct _RifqStaff
{
  GObject   parent_instance;

  char     *username;
  char     *full_name;
  RifqRole  roles;
};


/* The person at this workstation (rifq_db_get_actor), or NULL when they are not staff. */
RifqStaff *rifq_staff_get           (RifqDb     *db,
                                     const char *username,
                                     GError    **error);

/* How people are named on screen and on paper: username's full name as the staff list has it, the
 * user name itself when they are not (or no longer) staff or have no full name, "—" for NULL. */
char      *rifq_staff_dup_name      (RifqDb     *db,
                                     const char *username);

/* The roles of the current actor; RIFQ_ROLE_NONE when not staff, or when they cannot be read. */
RifqRole   rifq_staff_actor_roles   (RifqDb *db);
/* The same, FALSE with the reason when they cannot be read (the server away): for a decision
 * that must not take "unknown" for "none". */
gboolean   rifq_staff_read_actor_roles (RifqDb    *db,
                                        RifqRole  *out_roles,
                                        GError   **error);

/* Adds a member of staff or changes their name and roles. The user name is 1 to 32 Latin
 * letters, digits and . _ - @ (not starting with . or -); the full name at most 200 characters.
 * Only an administrator may, except for the very first member on a database never written to. A new chair
 * leaves the chair before a member. */
gboolean   rifq_staff_save          (RifqDb     *db,
                                     const char *username,
                                     const char *full_name,
                                     RifqRole    roles,
                                     GError    **error);

/* For code that sets a database up (tests, tools): on a new database (never written to), the
 * actor becomes its first member, as desk officer, researcher and administrator, with no
 * password: a database of before accounts (rifq_account_setup), whose administrator sets theirs
 * once. People set a new database up with rifq_account_set_up. A database
 * that has been written to and has no staff (they were removed behind Rifq's back) is refused
 * with RIFQ_ERROR_NOT_ALLOWED: nobody becomes its administrator by opening it. */
gboolean   rifq_staff_ensure_first  (RifqDb  *db,
                                     GError **error);

/* For rifq-account.c: 1 when db may get its first member (no staff, never written to), 0 when it
 * has staff, -1 with error when it cannot be read or its staff were removed behind Rifq's back. */
int        _rifq_staff_first_state  (RifqDb  *db,
                                     GError **error);
/* The first member, administrator, desk officer and researcher, with their password's hash (or
 * none); on a database _rifq_staff_first_state found new. */
gboolean   _rifq_staff_add_first    (RifqDb     *db,
                                     const char *username,
                                     const char *full_name,
                                     const char *password_hash,
                                     const char *password,
                                     GError    **error);

/* A seat on the research committee. Until accounts have their own roles, the committee is the
 * staff with the committee or chair role. */
typedef enum
{
  RIFQ_SEAT_NONE,
  RIFQ_SEAT_MEMBER,
  RIFQ_SEAT_CHAIR,
} RifqCommitteeSeat;

RifqCommitteeSeat rifq_staff_committee_seat (const RifqStaff *staff);

/* Gives a member of staff a seat on the committee, or takes it away, keeping their other roles;
 * a new chair leaves the chair before as a member. Only an administrator may. Meetings already
 * called keep the committee they were called with. */
gboolean   rifq_staff_set_committee_seat (RifqDb            *db,
                                          const char        *username,
                                          RifqCommitteeSeat  seat,
                                          GError           **error);

/* Everyone holding any of the roles (all staff for RIFQ_ROLE_NONE), by name. */
GPtrArray *rifq_staff_list          (RifqDb   *db,
                                     RifqRole  any_of,
                                     GError  **error);


G_END_DECLS
