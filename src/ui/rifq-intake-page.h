/* rifq-intake-page.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rifq-context.h"
#include "rifq-signature.h"

G_BEGIN_DECLS

/* The desk officer's guided flow for one support request: the policy's seven steps, left and
 * resumed at will, with the request's progress always in view. Every rule is the store's: the
 * page passes on what was typed and shows the store's sentence when a step is refused. */

#define RIFQ_TYPE_INTAKE_PAGE (rifq_intake_page_get_type ())
G_DECLARE_FINAL_TYPE (RifqIntakePage, rifq_intake_page, RIFQ, INTAKE_PAGE, GtkWidget)

/* The steps as the page numbers them; 0 is the list of requests in progress. */
#define RIFQ_INTAKE_N_STEPS 7

RifqIntakePage *rifq_intake_page_new                  (RifqContext    *context);

/* go-previous, action "win.show-sidebar"; hidden until the window shows it when folded. */
GtkWidget      *rifq_intake_page_get_back_button      (RifqIntakePage *self);

/* Re-reads the open request, or the list of requests in progress. */
void            rifq_intake_page_reload               (RifqIntakePage *self);
/* An empty reception form. A form being typed for a request not yet received is kept. */
void            rifq_intake_page_start_new            (RifqIntakePage *self);
/* Shows the request at its current step. */
gboolean        rifq_intake_page_open                 (RifqIntakePage *self,
                                                       gint64          request_id,
                                                       GError        **error);
/* Shows a step the request has reached (or the list, for 0); other steps are ignored. */
void            rifq_intake_page_show_step            (RifqIntakePage *self,
                                                       guint           step);

/* "save-receipt" without the file chooser. */
gboolean        rifq_intake_page_save_receipt         (RifqIntakePage *self,
                                                       const char     *path,
                                                       GError        **error);
/* "attach" without the file chooser: the document's typed fields are saved first. */
gboolean        rifq_intake_page_attach_file          (RifqIntakePage *self,
                                                       const char     *type,
                                                       GFile          *file,
                                                       GError        **error);

G_END_DECLS
