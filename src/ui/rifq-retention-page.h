/* rifq-retention-page.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rifq-context.h"

G_BEGIN_DECLS

#define RIFQ_TYPE_RETENTION_PAGE (rifq_retention_page_get_type ())
G_DECLARE_FINAL_TYPE (RifqRetentionPage, rifq_retention_page, RIFQ, RETENTION_PAGE, GtkWidget)

/* The closed files (a beneficiary inactive or deceased) whose last activity is older than the
 * retention period, oldest first, for an administrator to review under the Personal Data
 * Protection Law. Nothing is deleted here, or anywhere by Rifq. Activating a file emits
 * "open-beneficiary" with its record's id. */
RifqRetentionPage *rifq_retention_page_new             (RifqContext       *context);

/* Reads the list again. */
void               rifq_retention_page_reload          (RifqRetentionPage *self);

GtkWidget         *rifq_retention_page_get_back_button (RifqRetentionPage *self);

/* How many files the page lists. */
guint              rifq_retention_page_get_n_files     (RifqRetentionPage *self);

G_END_DECLS
