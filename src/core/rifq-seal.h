/* rifq-seal.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rifq-beneficiary.h"
#include "rifq-db.h"
#include "rifq-request.h"

G_BEGIN_DECLS

/* The association's seal on a signed request. What is sealed is the request as the applicant
 * signed it, written as canonical JSON (members in a fixed order, compact, UTF-8); its SHA-256 is
 * signed with the association's Ed25519 key (libsodium), created with the database and kept in
 * it. The seal travels as a short text, printed as a QR code:
 *
 *   RIFQ1.<request number>.<SHA-256, base64url>.<signature, base64url>.<key id>
 *
 * and as a short code for people to read out ("7K2Q-M9XA-3PLD"). */

#define RIFQ_SEAL_PREFIX "RIFQ1"

typedef enum
{
  RIFQ_SEAL_VALID,
  RIFQ_SEAL_MALFORMED,        /* not a Rifq seal, or damaged */
  RIFQ_SEAL_OTHER_KEY,        /* sealed with a key that is not this association's */
  RIFQ_SEAL_FORGED,           /* this key's id, but the signature does not verify */
  RIFQ_SEAL_UNKNOWN_REQUEST,  /* no request with that number in this database */
  RIFQ_SEAL_RECORD_CHANGED,   /* the record was edited after it was signed */
  RIFQ_SEAL_DOCUMENT_CHANGED, /* the document's content differs from what was sealed */
} RifqSealVerdict;

typedef struct
{
  char *payload;     /* the text the QR code carries */
  char *short_code;  /* twelve characters in three groups, from the signature */
  char *digest;      /* SHA-256 of the canonical JSON, hex */
  char *key_id;      /* the first eight bytes of the public key, hex */
} RifqSeal;

void        rifq_seal_free             (RifqSeal *seal);

/* Creates the association's key pair when the database has none. */
gboolean    rifq_seal_ensure_key       (RifqDb  *db,
                                        GError **error);

/* The public key, base64 (for preferences and export), and its id. */
char       *rifq_seal_public_key       (RifqDb  *db,
                                        char   **out_key_id,
                                        GError **error);

/* The request as signed, with the beneficiary's identity, as canonical JSON. */
char       *rifq_seal_canonical_json   (const RifqRequest *request,
                                        RifqBeneficiary   *beneficiary);

/* Seals canonical JSON with the association's key. */
RifqSeal   *rifq_seal_make             (RifqDb     *db,
                                        const char *number,
                                        const char *canonical,
                                        GError    **error);

/* Checks a seal read from a document against the key and, when sealed is not NULL, against the
 * canonical JSON the document carries; then against the record as it stands in the database.
 * The verdict's sentence (in the interface language) is in out_message. */
RifqSealVerdict rifq_seal_verify       (RifqDb      *db,
                                        const char  *payload,
                                        const char  *sealed,
                                        char       **out_number,
                                        char       **out_message);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RifqSeal, rifq_seal_free)

G_END_DECLS
