/* rifq-research-page.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rifq-context.h"

G_BEGIN_DECLS

#define RIFQ_TYPE_RESEARCH_PAGE (rifq_research_page_get_type ())
G_DECLARE_FINAL_TYPE (RifqResearchPage, rifq_research_page, RIFQ, RESEARCH_PAGE, GtkWidget)

/* The social-research officer's queue: the applicants' questions referred by the desk, each
 * answered (with a home-visit report when there was a visit) and sent back. */
RifqResearchPage *rifq_research_page_new             (RifqContext      *context);

/* Reads the queue again; what was typed for each request still waiting is kept. */
void              rifq_research_page_reload          (RifqResearchPage *self);

GtkWidget        *rifq_research_page_get_back_button (RifqResearchPage *self);

/* Shows the request; FALSE when it is not waiting in the queue. */
gboolean          rifq_research_page_select          (RifqResearchPage *self,
                                                      gint64            request_id);

G_END_DECLS
