/* rifq-error.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RIFQ_ERROR (rifq_error_quark ())

typedef enum
{
  RIFQ_ERROR_INVALID,             /* refused input: the message names the field or line */
  RIFQ_ERROR_DUPLICATE,           /* same national ID already registered */
  RIFQ_ERROR_PROBABLE_DUPLICATE,  /* similar record exists: needs a reason to keep */
  RIFQ_ERROR_NOT_FOUND,
  RIFQ_ERROR_DATABASE,
  RIFQ_ERROR_NEWER_DATABASE,      /* written by a newer Rifq: never modified */
  RIFQ_ERROR_FOREIGN_DATABASE,    /* not a Rifq database: left untouched */
  RIFQ_ERROR_OUT_OF_RANGE,
  RIFQ_ERROR_NOT_ALLOWED,         /* the step is not open from this state, or a rule of the record refuses it */
  RIFQ_ERROR_INCOMPLETE,          /* a precondition of the step is not met: the message says which */
  RIFQ_ERROR_BUSY,                /* another program held the database's write lock past the wait */
  RIFQ_ERROR_EXISTS,              /* a file that Rifq did not make is in the way: replaced only when asked */
  RIFQ_ERROR_CONFLICT,            /* saved over a newer version: someone else saved it since it was read */
  RIFQ_ERROR_OFFLINE,             /* the association's server cannot be reached: nothing was written */
  RIFQ_ERROR_NOT_PERMITTED,       /* the person's roles do not let them: the message names both */
  RIFQ_ERROR_LOGIN,               /* the user name or the password is wrong, or nobody has logged in */
  RIFQ_ERROR_LOCKED,              /* too many wrong passwords: the message says until when */
  RIFQ_ERROR_CREDENTIALS,         /* the server asks who is connecting: someone logs in first */
} RifqError;

GQuark rifq_error_quark (void);

G_END_DECLS
