/* rifq-window.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rifq-context.h"
#include "rifq-committee-page.h"
#include "rifq-intake-page.h"
#include "rifq-registry-page.h"
#include "rifq-research-page.h"
#include "rifq-audit-page.h"
#include "rifq-retention-page.h"

G_BEGIN_DECLS

#define RIFQ_TYPE_WINDOW (rifq_window_get_type ())
G_DECLARE_FINAL_TYPE (RifqWindow, rifq_window, RIFQ, WINDOW, AdwApplicationWindow)

RifqWindow       *rifq_window_new                   (GtkApplication *application,
                                                     RifqContext    *context);

/* Keyboard accelerators of every command, the application's included. */
void              rifq_window_set_accels            (GtkApplication *application);

RifqRegistryPage *rifq_window_get_registry_page     (RifqWindow *self);

/* The research committee's queue and meetings, built if they were not shown yet. */
RifqCommitteePage *rifq_window_get_committee_page  (RifqWindow *self);

/* The desk officer's seven steps, built if they were not shown yet. */
RifqIntakePage   *rifq_window_get_intake_page       (RifqWindow *self);

/* The social-research officer's queue, built if it was not shown yet. */
RifqResearchPage *rifq_window_get_research_page     (RifqWindow *self);
/* The audit log's page, built when first asked for; NULL when the person may not read the log. */
RifqAuditPage    *rifq_window_get_audit_page        (RifqWindow *self);
/* The closed files past their retention period; NULL for who may not review them. */
RifqRetentionPage *rifq_window_get_retention_page   (RifqWindow *self);

/* Checks a sealed PDF (its QR code and contents against the key and the record) and shows the
 * verdict in a dialog, which is returned. */
AdwMessageDialog *rifq_window_verify_file          (RifqWindow *self,
                                                    GFile      *file);


/* Shows a page by name — registry, beneficiary-new, beneficiary-first,
 * beneficiary-consent:NATIONAL-ID (its consents), search:QUERY,
 * channel:CODE, tool:CODE, intake, research, committee, dashboard, preferences, shortcuts —
 * and returns the widget to draw for a screenshot (the window, or a dialog over it). */
GtkWidget        *rifq_window_show_page             (RifqWindow  *self,
                                                     const char  *name,
                                                     GError     **error);

/* Says message in a toast at the foot of the window (a refusal's sentence wraps). */
void              rifq_window_add_toast             (RifqWindow     *self,
                                                     const char     *message);

G_END_DECLS
