/* rifq-lookup-dialog.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rifq-context.h"

G_BEGIN_DECLS

#define RIFQ_TYPE_LOOKUP_DIALOG (rifq_lookup_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RifqLookupDialog, rifq_lookup_dialog, RIFQ, LOOKUP_DIALOG, AdwWindow)

/* "Where is my request?": what the caller gives, and one sentence per request to read aloud. */
RifqLookupDialog *rifq_lookup_dialog_new                (GtkWindow        *parent,
                                                         RifqContext      *context);

/* Puts query in the search entry and looks it up at once, without the typing delay. */
void              rifq_lookup_dialog_search             (RifqLookupDialog *self,
                                                         const char       *query);

G_END_DECLS
