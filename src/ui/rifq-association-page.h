/* rifq-association-page.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rifq-context.h"

G_BEGIN_DECLS

#define RIFQ_TYPE_ASSOCIATION_PAGE (rifq_association_page_get_type ())

G_DECLARE_FINAL_TYPE (RifqAssociationPage, rifq_association_page, RIFQ, ASSOCIATION_PAGE, AdwPreferencesPage)

/* The association's settings, shared by every workstation: its names, letterhead and logo, the
 * research committee's decision period, rule and members, the number formats and the seal's
 * public key. An administrator changes them; everyone else reads them. */
RifqAssociationPage *rifq_association_page_new         (RifqContext         *context);

/* Takes the logo from a PNG file, as the Choose… button does. */
gboolean             rifq_association_page_take_logo   (RifqAssociationPage *self,
                                                        GFile               *file,
                                                        GError             **error);

G_END_DECLS
