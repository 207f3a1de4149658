/* rifq-committee-documents.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rifq-db.h"

G_BEGIN_DECLS

/* The committee's documents filled from the database, in the interface language: the minutes
 * of a meeting (every case, its votes and decision, signature lines), and the letter announcing
 * a request's decision to the applicant, numbered in the outgoing letters register. */
gboolean rifq_minutes_write_meeting (RifqDb     *db,
                                     gint64      meeting_id,
                                     const char *path,
                                     GError    **error);

gboolean rifq_letter_write_request  (RifqDb     *db,
                                     gint64      request_id,
                                     const char *path,
                                     GError    **error);

G_END_DECLS
