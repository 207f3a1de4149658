/* rifq-login-window.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rifq-context.h"

G_BEGIN_DECLS

#define RIFQ_TYPE_LOGIN_WINDOW (rifq_login_window_get_type ())
G_DECLARE_FINAL_TYPE (RifqLoginWindow, rifq_login_window, RIFQ, LOGIN_WINDOW, AdwApplicationWindow)

/* What Rifq shows first: the login, or, on a new database, the form that sets it up with its
 * first administrator (on one from before accounts, the form where an administrator sets their
 * password). Emits "logged-in" once someone is, the context's actor. */
RifqLoginWindow *rifq_login_window_new (GtkApplication *application,
                                        RifqContext    *context);

/* Logs in with what the form holds now, at once (tests); TRUE when someone is logged in. */
gboolean         rifq_login_window_submit (RifqLoginWindow *self);

G_END_DECLS
