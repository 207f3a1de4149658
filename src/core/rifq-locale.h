/* rifq-locale.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Set up the locale and gettext for both programs. Arabic is the default interface language:
 * unless LANGUAGE (or LC_ALL/LC_MESSAGES/LANG naming a language) asks otherwise, the interface
 * is Arabic. On a machine whose only locale is C, C.UTF-8 is selected so that gettext honours
 * the language. The message catalogs come from RIFQ_LOCALEDIR when set, else LOCALEDIR. */
void      rifq_locale_init      (void);

/* TRUE when the interface is in Arabic (the Arabic catalog is in use). */
gboolean  rifq_locale_is_arabic (void);

/* TRUE when the interface reads right to left. */
gboolean  rifq_locale_is_rtl    (void);

G_END_DECLS
