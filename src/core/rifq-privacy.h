/* rifq-privacy.h: what the Personal Data Protection Law asks of the records: everything held
 * about one beneficiary, on request; files kept no longer than their period
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "rifq-db.h"

G_BEGIN_DECLS

/* How long a closed file is kept unless the settings say otherwise (retention_years). */
#define RIFQ_PRIVACY_RETENTION_YEARS_DEFAULT 10

/* A closed file (the beneficiary inactive or deceased) whose last activity is older than the
 * retention period: for the administrator to review. Properties "id", "national-id",
 * "full-name", "status", "last-activity" (ISO 8601, UTC). */
#define RIFQ_TYPE_RETENTION_ITEM (rifq_retention_item_get_type ())
G_DECLARE_FINAL_TYPE (RifqRetentionItem, rifq_retention_item, RIFQ, RETENTION_ITEM, GObject)

struct _RifqRetentionItem
{
  GObject  parent_instance;

  gint64   id;
  char    *national_id;
  char    *full_name;
  char    *status;
  char    *last_activity;
};

/* The retention period in years, as the settings hold it. */
guint       rifq_privacy_retention_years (RifqDb  *db);

/* The closed files past the retention period on the store's today, oldest activity first. Never
 * deletes anything: the list is for a person to review. For administrators. */
GPtrArray  *rifq_privacy_past_retention  (RifqDb  *db,
                                          GError **error);

/* Everything Rifq holds about the beneficiary id, as one JSON object: the record with its
 * caregivers, every request with its documents, referrals, services and decisions, the scans
 * themselves (base64), and the audit log's entries about them. For administrators; the export
 * itself is written to the audit log. */
JsonNode   *rifq_privacy_export          (RifqDb  *db,
                                          gint64   beneficiary_id,
                                          GError **error);

G_END_DECLS
