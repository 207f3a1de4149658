/* rifq-beneficiary-model.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rifq-beneficiary.h"
#include "rifq-db.h"

G_BEGIN_DECLS

#define RIFQ_TYPE_BENEFICIARY_MODEL (rifq_beneficiary_model_get_type ())
G_DECLARE_FINAL_TYPE (RifqBeneficiaryModel, rifq_beneficiary_model, RIFQ, BENEFICIARY_MODEL, GObject)

/* A GListModel of RifqBeneficiary. With no query it is the whole registry in name order,
 * read from the store a page at a time as rows are asked for (a few pages are kept); with a
 * query it holds the best matches of rifq_beneficiary_store_search(). It follows the store:
 * a beneficiary saved here or at another workstation announces only the rows that moved. */
RifqBeneficiaryModel *rifq_beneficiary_model_new        (RifqDb *db);

const char           *rifq_beneficiary_model_get_query  (RifqBeneficiaryModel *self);
void                  rifq_beneficiary_model_set_query  (RifqBeneficiaryModel *self,
                                                         const char           *query);

/* Re-reads the registry (after a save). */
void                  rifq_beneficiary_model_reload     (RifqBeneficiaryModel *self);

/* Number of pages read from the database since creation (for tests of on-demand paging). */
guint                 rifq_beneficiary_model_get_pages_read (RifqBeneficiaryModel *self);

G_END_DECLS
