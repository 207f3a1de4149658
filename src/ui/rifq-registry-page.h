/* rifq-registry-page.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rifq-beneficiary-editor.h"
#include "rifq-beneficiary-model.h"
#include "rifq-context.h"

G_BEGIN_DECLS

#define RIFQ_TYPE_REGISTRY_PAGE (rifq_registry_page_get_type ())
G_DECLARE_FINAL_TYPE (RifqRegistryPage, rifq_registry_page, RIFQ, REGISTRY_PAGE, GtkWidget)

RifqRegistryPage       *rifq_registry_page_new             (RifqContext *context);

GtkEditable            *rifq_registry_page_get_search_entry (RifqRegistryPage *self);
RifqBeneficiaryModel   *rifq_registry_page_get_model       (RifqRegistryPage *self);
RifqBeneficiaryEditor  *rifq_registry_page_get_editor      (RifqRegistryPage *self);
GtkWidget              *rifq_registry_page_get_back_button (RifqRegistryPage *self);
GtkScrolledWindow      *rifq_registry_page_get_scroller    (RifqRegistryPage *self);

/* TRUE while the form is shown. */
gboolean                rifq_registry_page_is_editing      (RifqRegistryPage *self);

void                    rifq_registry_page_focus_search    (RifqRegistryPage *self);
void                    rifq_registry_page_new_beneficiary (RifqRegistryPage *self);
gboolean                rifq_registry_page_open            (RifqRegistryPage *self,
                                                            gint64            id,
                                                            GError          **error);
/* Saves the form (as its Save button does). */
void                    rifq_registry_page_save            (RifqRegistryPage *self);
/* Leaves the form; asks first when it holds unsaved changes. */
void                    rifq_registry_page_close_editor    (RifqRegistryPage *self);

G_END_DECLS
