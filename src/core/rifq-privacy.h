/* rifq-privacy.h: what the Personal Data Protection Law asks of the records: everything held
 * about one beneficiary, on request; files kept no longer than their period
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "rifq-beneficiary.h"
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

/* Everything Rifq holds about one beneficiary, gathered once for the JSON and the PDF alike. */
typedef struct
{
  char            *exported_at;   /* ISO 8601, UTC */
  char            *exported_by;   /* the user name of who asked for it */
  RifqBeneficiary *beneficiary;   /* with its caregivers */
  GPtrArray       *consents;      /* RifqConsent, the newest first */
  GPtrArray       *requests;      /* RifqRequest as rifq_request_store_get() reads them, whole */
  GPtrArray       *entries;       /* RifqAuditEntry about them all, in the order written */
} RifqPersonFile;

void            rifq_person_file_free (RifqPersonFile *file);

/* Gathers everything Rifq holds about the beneficiary id: the record with its caregivers, their
 * consents, every request with its documents, referrals and services, and the audit log's
 * entries about the person, their consents, their requests and what the committee decided and
 * wrote of them. For administrators; the export itself is written to the audit log. */
RifqPersonFile *rifq_privacy_collect  (RifqDb  *db,
                                       gint64   beneficiary_id,
                                       GError **error);

/* The file as one JSON object, with the scans themselves (base64), once each by SHA-256. */
JsonNode       *rifq_person_file_to_json (RifqDb               *db,
                                          const RifqPersonFile *file,
                                          GError              **error);

/* Everything Rifq holds about the beneficiary id, as one JSON object: the record with its
 * caregivers, every request with its documents, referrals, services and decisions, the scans
 * themselves (base64), and the audit log's entries about them. For administrators; the export
 * itself is written to the audit log. */
JsonNode   *rifq_privacy_export          (RifqDb  *db,
                                          gint64   beneficiary_id,
                                          GError **error);

/* The beneficiary's consent to one use of their data: "records" (keeping and using their records
 * to serve them), "contact" (being contacted by phone and messages), "sharing" (sharing with
 * partner bodies for their support). Properties "id", "beneficiary-id", "scope", "given-on",
 * "recorded-by", "recorded-at", "withdrawn-on", "withdrawn-by" (NULL while it stands). */
#define RIFQ_TYPE_CONSENT (rifq_consent_get_type ())
G_DECLARE_FINAL_TYPE (RifqConsent, rifq_consent, RIFQ, CONSENT, GObject)

struct _RifqConsent
{
  GObject  parent_instance;

  gint64   id;
  gint64   beneficiary_id;
  char    *scope;
  char    *given_on;       /* ISO 8601 day */
  char    *recorded_by;
  char    *recorded_at;
  char    *withdrawn_on;   /* NULL while it stands */
  char    *withdrawn_by;
};

/* The scopes a consent may have, NULL-terminated, and each in the interface language. */
const char * const *rifq_consent_scopes      (void);
const char         *rifq_consent_scope_label (const char *scope);

/* Records the beneficiary's consent to scope, given on the day typed (Hijri or Gregorian, not in
 * the future; NULL or empty: today). Refused, nothing written: a scope not in the list, a day that
 * is not a date or is to come, a consent to the same scope that still stands. For who may
 * record consent (the desk); audited. */
RifqConsent *rifq_consent_record   (RifqDb      *db,
                                    gint64       beneficiary_id,
                                    const char  *scope,
                                    const char  *given_on,
                                    GError     **error);

/* Records the consent's withdrawal on the day typed (NULL or empty: today; not before it was
 * given, not in the future). Refused when it was already withdrawn. Audited. */
gboolean     rifq_consent_withdraw (RifqDb      *db,
                                    gint64       consent_id,
                                    const char  *withdrawn_on,
                                    GError     **error);

/* Every consent of the beneficiary, standing or withdrawn, the newest first. */
GPtrArray   *rifq_consent_list     (RifqDb      *db,
                                    gint64       beneficiary_id,
                                    GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RifqPersonFile, rifq_person_file_free)

G_END_DECLS
