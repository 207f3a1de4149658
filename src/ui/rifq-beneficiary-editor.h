/* rifq-beneficiary-editor.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rifq-beneficiary.h"
#include "rifq-context.h"

G_BEGIN_DECLS

typedef enum
{
  RIFQ_SAVE_SAVED,          /* written; "saved" (before or NULL, after) was emitted */
  RIFQ_SAVE_REFUSED,        /* problems shown beside their fields; nothing written */
  RIFQ_SAVE_ASKING,         /* a probable duplicate: the officer is asked for a reason */
} RifqSaveResult;

#define RIFQ_TYPE_BENEFICIARY_EDITOR (rifq_beneficiary_editor_get_type ())
G_DECLARE_FINAL_TYPE (RifqBeneficiaryEditor, rifq_beneficiary_editor, RIFQ, BENEFICIARY_EDITOR, GtkWidget)

/* Once, by the page that holds the form (a template child cannot take it when made). */
void            rifq_beneficiary_editor_set_context  (RifqBeneficiaryEditor *self,
                                                      RifqContext           *context);

/* Shows beneficiary (NULL: an empty form for a new one). */
void            rifq_beneficiary_editor_load         (RifqBeneficiaryEditor *self,
                                                      RifqBeneficiary       *beneficiary);

gboolean        rifq_beneficiary_editor_get_dirty    (RifqBeneficiaryEditor *self);
/* Whether the record is shown to read only: the person may read it but not change it. */
gboolean        rifq_beneficiary_editor_get_read_only (RifqBeneficiaryEditor *self);

RifqSaveResult  rifq_beneficiary_editor_save         (RifqBeneficiaryEditor *self);

/* Shows the beneficiary's consents, the focus on them. */
void             rifq_beneficiary_editor_focus_consent (RifqBeneficiaryEditor *self);

G_END_DECLS
