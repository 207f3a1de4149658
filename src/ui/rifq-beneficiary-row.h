/* rifq-beneficiary-row.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RIFQ_TYPE_BENEFICIARY_ROW (rifq_beneficiary_row_get_type ())
G_DECLARE_FINAL_TYPE (RifqBeneficiaryRow, rifq_beneficiary_row, RIFQ, BENEFICIARY_ROW, GtkWidget)

/* A row of the registry list: the name in bold over the ID, mobile and place. Its height comes
 * from the font alone and its text is laid out only when drawn, because GTK 4.8 keeps and
 * measures up to 200 rows of a list view however few are on screen. */
GtkWidget  *rifq_beneficiary_row_new      (void);
void        rifq_beneficiary_row_set_text (RifqBeneficiaryRow *self,
                                           const char         *name,
                                           const char         *details);

G_END_DECLS
