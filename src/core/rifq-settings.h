/* rifq-settings.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rifq-db.h"

G_BEGIN_DECLS

/* The association's settings an administrator may change: its names, logo and letterhead line
 * (printed on every document), the decision period, the number formats. Each value is checked
 * (one line of at most 300 characters, and what the key needs);
 * the change is audited with the value before. */

/* The logo's file may be at most this big. */
#define RIFQ_SETTINGS_LOGO_MAX_SIZE (1000 * 1000)

/* The keys that may be changed, NULL-terminated. */
const char * const *rifq_settings_keys (void);

/* Sets key to value whatever it holds now (rifq-admin: the administrator says what it is). */
gboolean rifq_settings_save      (RifqDb     *db,
                                  const char *key,
                                  const char *value,
                                  GError    **error);

/* Sets key to value in place of shown, the value the person saw (NULL or "": not set). If
 * another saved the setting since (to another value than this one), nothing is written and the
 * save is refused with RIFQ_ERROR_CONFLICT, a sentence naming who set it ("Someone" when it was
 * not Rifq), to what, and when; what the person may do next is the caller's to say. */
gboolean rifq_settings_save_over (RifqDb     *db,
                                  const char *key,
                                  const char *shown,
                                  const char *value,
                                  GError    **error);

/* The logo, as PNG bytes (at most 1 MB) that decode whole (rifq_content_check), kept in the
 * settings. */
gboolean rifq_settings_save_logo (RifqDb     *db,
                                  GBytes     *png,
                                  GError    **error);

/* The logo's PNG bytes, or NULL when none is set. */
GBytes  *rifq_settings_get_logo  (RifqDb *db);

G_END_DECLS
