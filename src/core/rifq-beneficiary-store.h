/* rifq-beneficiary-store.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rifq-beneficiary.h"
#include "rifq-db.h"

G_BEGIN_DECLS

/* Every statement about beneficiaries lives here; callers speak in records, not rows. */

/* Validates (rifq_beneficiary_validate plus the checks that need the database) and saves a
 * new beneficiary with its caregivers and an audit row, in one transaction. The same national
 * ID is refused (RIFQ_ERROR_DUPLICATE). A probable duplicate — same normalised name and birth
 * date, or the same mobile — is refused with RIFQ_ERROR_PROBABLE_DUPLICATE and the matches in
 * out_probable, unless duplicate_reason is given: then it is saved and the reason goes into the
 * audit row. On success the record's id and timestamps are set. */
gboolean         rifq_beneficiary_store_add      (RifqDb           *db,
                                                  RifqBeneficiary  *beneficiary,
                                                  const char       *duplicate_reason,
                                                  GPtrArray       **out_probable,
                                                  GError          **error);

/* The same rules for a change to a saved beneficiary; the audit row holds before and after. */
gboolean         rifq_beneficiary_store_update   (RifqDb           *db,
                                                  RifqBeneficiary  *beneficiary,
                                                  const char       *duplicate_reason,
                                                  GPtrArray       **out_probable,
                                                  GError          **error);

/* All or nothing: every record is validated and checked first; the first refused one is named
 * by its position ("record 12: …") and nothing is written. Probable duplicates among them are
 * kept only with a reason. */
gboolean         rifq_beneficiary_store_add_many (RifqDb     *db,
                                                  GPtrArray  *beneficiaries,
                                                  const char *duplicate_reason,
                                                  GError    **error);

RifqBeneficiary *rifq_beneficiary_store_get      (RifqDb     *db,
                                                  gint64      id,
                                                  GError    **error);
RifqBeneficiary *rifq_beneficiary_store_get_by_national_id (RifqDb     *db,
                                                            const char *national_id,
                                                            GError    **error);

/* Saved beneficiaries that look like the same person (excluding the record itself). */
GPtrArray       *rifq_beneficiary_store_find_probable_duplicates (RifqDb          *db,
                                                                  RifqBeneficiary *beneficiary,
                                                                  GError         **error);

/* Search as you type. Best matches first: the name starting with the query, then the query's
 * words in order, then all its words anywhere; digits search national IDs and mobiles by
 * prefix. Arabic is compared in normalised form (rifq_arabic_normalize). */
GPtrArray       *rifq_beneficiary_store_search   (RifqDb     *db,
                                                  const char *query,
                                                  guint       limit,
                                                  GError    **error);

gint64           rifq_beneficiary_store_count    (RifqDb  *db,
                                                  GError **error);

/* Counts again how many names hold each word, by which the search chooses the word it reads
 * names through (schema 13): after many names were written at once. Never changes what a search
 * finds. */
void             rifq_beneficiary_store_count_words (RifqDb *db);

/* A page of the registry in name order (without caregivers). */
GPtrArray       *rifq_beneficiary_store_list     (RifqDb  *db,
                                                  guint    offset,
                                                  guint    limit,
                                                  GError **error);

/* The page that follows the row (after_name_norm, after_id) in name order: reading page after
 * page this way costs the same at the end of the registry as at its start. */
GPtrArray       *rifq_beneficiary_store_list_after (RifqDb     *db,
                                                    const char *after_name_norm,
                                                    gint64      after_id,
                                                    guint       limit,
                                                    GError    **error);

/* Where a beneficiary stands in name order (0 = first), as rifq_beneficiary_store_list counts. */
gint64           rifq_beneficiary_store_position  (RifqDb          *db,
                                                   RifqBeneficiary *beneficiary,
                                                   GError         **error);

G_END_DECLS
