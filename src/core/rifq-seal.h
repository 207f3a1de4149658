/* rifq-seal.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "rifq-db.h"

G_BEGIN_DECLS

/* The association's seal (docs/security.md says why it is made this way).
 *
 * A request is sealed once, in the transaction that submits it: everything its document prints
 * is fixed as canonical JSON (the values), and a summary of them (number, national ID, name,
 * kind, amount, dates, and the SHA-256 of the values) is signed with the association's Ed25519
 * key. The seal is stored with the request; every print is drawn from the sealed values and
 * carries that same seal, as a QR code:
 *
 *   RIFQ2.<public key, base64url>.<signature, base64url>.<summary JSON, base64url>
 *
 * and as a short code people can read out. The PDF file itself is sealed too, by a last line
 * after %%EOF that signs every byte before it (the file seal):
 *
 *   %RIFQ-SEAL <public key, base64url> <signature, base64url>
 *
 * The private key is a file of its own (mode 0600) in the key folder, never in the database;
 * the database keeps every public key the association has used, so documents sealed before a
 * rotation still verify. Verifying needs only the document and a public key: a keyring exported
 * with rifq_keyring_to_json(), a fingerprint, or the database's keyring. */

#define RIFQ_SEAL_PREFIX      "RIFQ2"
#define RIFQ_SEAL_FILE_MARKER "%RIFQ-SEAL "
#define RIFQ_SEAL_KEY_BYTES   32
#define RIFQ_SEAL_SIG_BYTES   64

typedef enum
{
  RIFQ_SEAL_VALID,
  RIFQ_SEAL_VALID_VALUES,     /* the seal code is genuine; the file is a scan or copy, not the sealed file */
  RIFQ_SEAL_MALFORMED,        /* not a Rifq seal, or damaged */
  RIFQ_SEAL_OTHER_KEY,        /* sealed with a key that is not among the trusted ones */
  RIFQ_SEAL_FORGED,           /* a trusted key's id, but the signature does not verify */
  RIFQ_SEAL_RECORD_CHANGED,   /* the record was edited after it was sealed */
  RIFQ_SEAL_DOCUMENT_CHANGED, /* the document differs from what was sealed */
} RifqSealVerdict;

/* How a record stands against its seal. */
typedef enum
{
  RIFQ_SEAL_STATE_NONE,     /* not sealed (yet) */
  RIFQ_SEAL_STATE_GENUINE,  /* the seal verifies and the record still says what was sealed */
  RIFQ_SEAL_STATE_ALTERED,  /* the stored seal or the record was changed behind Rifq's back */
} RifqSealState;

/* Keys */

/* $RIFQ_KEY_DIR, else $XDG_CONFIG_HOME/rifq/keys: where private keys are kept, one file each. */
char       *rifq_seal_key_dir          (void);

/* Creates the association's key pair when the database has none, and moves the private key of
 * a database from before schema 5 out of it into its file. */
gboolean    rifq_seal_ensure_key       (RifqDb  *db,
                                        GError **error);

/* A new key pair for the seals made from now on; earlier ones keep verifying. Administrators
 * only; audited. */
gboolean    rifq_seal_rotate_key       (RifqDb  *db,
                                        char   **out_key_id,
                                        GError **error);

/* The key in use, base64, with its id and fingerprint (either may be NULL). */
char       *rifq_seal_public_key       (RifqDb  *db,
                                        char   **out_key_id,
                                        char   **out_fingerprint,
                                        GError **error);

/* "AB12 CD34 …": the SHA-256 of a public key, in sixteen groups. */
char       *rifq_seal_fingerprint      (const guchar *public_key);

/* Keyrings: the public keys a verifier trusts */

typedef struct _RifqKeyring RifqKeyring;

RifqKeyring *rifq_keyring_new           (void);
void         rifq_keyring_free          (RifqKeyring *ring);
/* Every key the database has used. Reads only. */
RifqKeyring *rifq_keyring_from_db       (RifqDb      *db,
                                         GError     **error);
/* A keyring file written by rifq_keyring_to_json() (rifq-admin seal export). */
RifqKeyring *rifq_keyring_from_json     (const char  *text,
                                         GError     **error);
/* Trusts any key whose fingerprint is this one (spaces and case ignored); FALSE if malformed. */
gboolean     rifq_keyring_add_fingerprint (RifqKeyring *ring,
                                           const char  *fingerprint);
char        *rifq_keyring_to_json       (RifqKeyring *ring,
                                         const char  *association);

/* Sealed records */

typedef struct
{
  gint64  id;
  char   *kind;          /* "request", "letter" or "minutes" */
  gint64  subject_id;
  char   *number;
  char   *values_json;   /* canonical JSON of everything the document prints */
  char   *summary_json;  /* what the QR code carries, signed */
  char   *payload;       /* the QR code's text */
  char   *short_code;    /* "7K2Q-M9XA-3PLD" */
  char   *key_id;
  char   *sealed_at;
} RifqSeal;

void        rifq_seal_free             (RifqSeal *seal);

/* Everything a request's document prints, from the records as they stand now. */
char       *rifq_seal_request_values   (RifqDb  *db,
                                        gint64   request_id,
                                        GError **error);

/* Seals the request inside the write that submits it. */
gboolean    rifq_seal_request_in       (RifqDb      *db,
                                        RifqDbWrite *write,
                                        gint64       request_id,
                                        GError     **error);

/* The request's seal, checked against the association's keys and against the record: whether
 * the record was changed since, with a sentence naming what differs. out_seal may be NULL. */
RifqSealState rifq_seal_check_request  (RifqDb    *db,
                                        gint64     request_id,
                                        RifqSeal **out_seal,
                                        char     **out_message);

/* Everything a decision letter prints, from the records as they stand now. */
char       *rifq_seal_letter_values    (RifqDb  *db,
                                        gint64   letter_id,
                                        GError **error);

/* Seals a decision letter inside the write that records its decision. */
gboolean    rifq_seal_letter_in        (RifqDb      *db,
                                        RifqDbWrite *write,
                                        gint64       letter_id,
                                        GError     **error);

/* The letter's seal, checked as rifq_seal_check_request() checks a request's. */
RifqSealState rifq_seal_check_letter   (RifqDb    *db,
                                        gint64     letter_id,
                                        RifqSeal **out_seal,
                                        char     **out_message);

/* Whether every case on the meeting's agenda is decided there: its minutes are final. */
gboolean    rifq_seal_minutes_final    (RifqDb  *db,
                                        gint64   meeting_id);

/* Everything a meeting's minutes print, from the records as they stand now. */
char       *rifq_seal_minutes_values   (RifqDb  *db,
                                        gint64   meeting_id,
                                        GError **error);

/* Seals the minutes inside the write that makes them final (the last decision, or the last
 * undecided case taken off the agenda). */
gboolean    rifq_seal_minutes_in       (RifqDb      *db,
                                        RifqDbWrite *write,
                                        gint64       meeting_id,
                                        GError     **error);

/* The minutes' seal, checked as a request's is; draft minutes (a meeting still deciding) have
 * none. */
RifqSealState rifq_seal_check_minutes  (RifqDb    *db,
                                        gint64     meeting_id,
                                        RifqSeal **out_seal,
                                        char     **out_message);

/* Reading seals back, with the public keys alone */

/* Checks a QR code's text against the trusted keys; the summary it carries in out_summary. */
RifqSealVerdict rifq_seal_verify_payload (RifqKeyring *ring,
                                          const char  *payload,
                                          JsonObject **out_summary,
                                          char       **out_message);

/* The key in use, loaded from its file for sealing files: usable from any thread. */
typedef struct _RifqSealSigner RifqSealSigner;

RifqSealSigner *rifq_seal_signer_new   (RifqDb         *db,
                                        GError        **error);
void        rifq_seal_signer_free      (RifqSealSigner *signer);

/* Appends the file seal to a finished PDF. */
gboolean    rifq_seal_file_append      (RifqSealSigner *signer,
                                        GByteArray     *pdf,
                                        GError        **error);

/* Checks a file's seal: VALID when its last line seals every byte before it with a trusted key;
 * MALFORMED when it has none. */
RifqSealVerdict rifq_seal_file_verify  (RifqKeyring  *ring,
                                        const guchar *data,
                                        gsize         length,
                                        char        **out_message);

/* Hands message (taken) to out_message, or frees it, and returns v. */
RifqSealVerdict rifq_seal_verdict_take (RifqSealVerdict   v,
                                        char            **out_message,
                                        char             *message);

/* The sentence of a seal's values for a person to compare with the paper. */
char       *rifq_seal_summary_describe (JsonObject *summary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RifqSeal, rifq_seal_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RifqKeyring, rifq_keyring_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RifqSealSigner, rifq_seal_signer_free)

G_END_DECLS
