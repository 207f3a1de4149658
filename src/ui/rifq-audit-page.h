/* rifq-audit-page.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rifq-context.h"

G_BEGIN_DECLS

#define RIFQ_TYPE_AUDIT_PAGE (rifq_audit_page_get_type ())
G_DECLARE_FINAL_TYPE (RifqAuditPage, rifq_audit_page, RIFQ, AUDIT_PAGE, GtkWidget)

/* The audit log for administrators: who did what, when, to which record, with what it was
 * before and after, filtered by person, record and period; the chain verified on request. */
RifqAuditPage *rifq_audit_page_new             (RifqContext   *context);

/* Reads the log again, as the filters stand. */
void           rifq_audit_page_reload          (RifqAuditPage *self);

GtkWidget     *rifq_audit_page_get_back_button (RifqAuditPage *self);

/* Fills the filters as a person would and shows what they match (tests, screenshots). */
void           rifq_audit_page_filter          (RifqAuditPage *self,
                                                const char    *actor,
                                                const char    *record_kind,
                                                const char    *record,
                                                const char    *from,
                                                const char    *to);

G_END_DECLS
