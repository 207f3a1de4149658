/* rifq-context.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rifq-db.h"

G_BEGIN_DECLS

/* What every page and dialog works with: the store, the clock, the workstation's settings and
 * the person acting. The window hands one to each page as it is made ("context", construct
 * only); tests stop the clock through it. */

#define RIFQ_TYPE_CONTEXT (rifq_context_get_type ())
G_DECLARE_FINAL_TYPE (RifqContext, rifq_context, RIFQ, CONTEXT, GObject)

/* settings may be NULL (no schema installed, as under rifq-admin). */
RifqContext *rifq_context_new          (RifqDb      *db,
                                        GSettings   *settings);

RifqDb      *rifq_context_get_db       (RifqContext *self);
GSettings   *rifq_context_get_settings (RifqContext *self);
const char  *rifq_context_get_actor    (RifqContext *self);

/* Today as YYYY-MM-DD, in local time, unless the clock was stopped on a day. */
char        *rifq_context_dup_today    (RifqContext *self);
/* Stops the clock on day (YYYY-MM-DD), or lets it run again with NULL. */
void         rifq_context_set_today    (RifqContext *self,
                                        const char  *day);

/* Gives a class whose only property is "context" (construct only) that property, kept in the
 * RifqContext * field at offset in its instance struct, for pages and dialogs alike. */
void         rifq_context_install_property (GObjectClass *klass,
                                            gsize         offset);

G_END_DECLS
