/* rifq-intake-documents.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rifq-intake-step.h"

G_BEGIN_DECLS

/* Step 2, documents: the rows of each document of the request's checklist. What was typed and
 * not saved is kept for each request while the page lives. */

#define RIFQ_TYPE_INTAKE_DOCUMENTS (rifq_intake_documents_get_type ())
G_DECLARE_FINAL_TYPE (RifqIntakeDocuments, rifq_intake_documents, RIFQ, INTAKE_DOCUMENTS, GtkWidget)

/* Saves every document typed differently from what is stored, stopping at the first refusal;
 * out_saved says whether any was saved, the refusal too. */
gboolean rifq_intake_documents_save       (RifqIntakeDocuments  *self,
                                           gboolean             *out_saved,
                                           GError              **error);
/* Saves the document of this type if it was typed differently: a scan is attached to a saved
 * document. */
gboolean rifq_intake_documents_save_typed (RifqIntakeDocuments  *self,
                                           const char           *type,
                                           gboolean             *out_saved,
                                           GError              **error);

G_END_DECLS
