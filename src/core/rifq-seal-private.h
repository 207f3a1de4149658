/* rifq-seal-private.h: what the seal's files share: the key, the encodings, the values sealed
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "rifq-db.h"
#include "rifq-seal.h"

G_BEGIN_DECLS

/* The key and its encodings (rifq-seal-key.c) */

/* Base64url without padding (RFC 4648 §5): safe inside the dotted payload and a QR code. */
char           *_rifq_seal_base64url         (const guchar  *data,
                                              gsize          length);
GBytes         *_rifq_seal_from_base64url    (const char    *text);
/* Decodes text into exactly length bytes, or FALSE. */
gboolean        _rifq_seal_decode_exact      (const char    *text,
                                              guchar        *out,
                                              gsize          length);
char           *_rifq_seal_key_id            (const guchar  *public_key);
/* The SHA-256 of a public key, lower-case hex without spaces. */
char           *_rifq_seal_fingerprint_hex   (const guchar  *public_key);
/* Where this workstation keeps the private key key_id. */
char           *_rifq_seal_key_path          (const char    *key_id);
/* The private key of public_key, from its file: private to its owner, and the half of this pair. */
gboolean        _rifq_seal_read_private_key  (const char    *key_id,
                                              const guchar  *public_key,
                                              guchar        *secret,
                                              GError       **error);
/* The key in use, as the database names it. */
gboolean        _rifq_seal_current_key       (RifqDb        *db,
                                              char         **out_key_id,
                                              guchar        *public_key,
                                              GError       **error);
/* Signs with the key in use: the database names it, the workstation's file holds it. */
gboolean        _rifq_seal_sign              (RifqDb        *db,
                                              const guchar  *message,
                                              gsize          length,
                                              guchar        *public_key,
                                              guchar        *signature,
                                              GError       **error);

/* Checking (rifq-seal-verify.c) */

/* Whether the key a document carries is one the verifier trusts. */
gboolean        _rifq_seal_keyring_trusts    (RifqKeyring   *ring,
                                              const guchar  *public_key);
/* The key and signature a seal carries, checked against the keyring and the message. */
RifqSealVerdict _rifq_seal_check_signature   (RifqKeyring   *ring,
                                              const guchar  *public_key,
                                              const guchar  *signature,
                                              const guchar  *message,
                                              gsize          length,
                                              char         **out_message);

/* The values sealed (rifq-seal.c, rifq-seal-committee.c) */

/* The policy's tables whose codes a document prints in both languages. */
typedef enum
{
  RIFQ_SEAL_LABELS_SUPPORT_KIND,
  RIFQ_SEAL_LABELS_CHANNEL,
  RIFQ_SEAL_LABELS_DOCUMENT_TYPE,
} RifqSealLabelTable;

/* A member of a sealed record and the words that name it when it no longer matches. */
typedef struct
{
  const char *member;
  const char *label;
} RifqSealLabel;

/* Everything a document prints, from the records as they stand now. */
typedef char *(*RifqSealValuesFunc) (RifqDb  *db,
                                     gint64   subject_id,
                                     GError **error);

/* {"ar": …, "en": …} of a code in one of the policy's tables, as the member name. */
void          _rifq_seal_add_labels     (JsonBuilder        *builder,
                                         RifqDb             *db,
                                         RifqSealLabelTable  table,
                                         const char         *name,
                                         const char         *code);

/* The association's name in Arabic and English, as the member "association". */
void          _rifq_seal_add_association (JsonBuilder *builder,
                                          RifqDb      *db);

/* A member of staff's full name, as a member (name) or, with name NULL, an array element. */
void          _rifq_seal_add_staff_name (JsonBuilder *builder,
                                         RifqDb      *db,
                                         const char  *name,
                                         const char  *username);

/* A value a summary holds: its name there, and where it stands in the values ("a.b.c"). */
typedef struct
{
  const char *name;
  const char *path;
} RifqSealSummaryItem;

/* What a summary holds beyond its items, from all the values. */
typedef void (*RifqSealSummaryFunc) (JsonBuilder *builder,
                                     JsonObject  *all);

/* The text of the values sealed (taken, and freed), as stored and checked; NULL for NULL. */
char         *_rifq_seal_values_text    (JsonNode                  *values);

/* Seals values in the write: their summary, signed with the key in use, is kept with them. The
 * summary opens with the kind of document and its number, holds the items (to one with name NULL)
 * and what more adds, and closes with when it was sealed and the digest of every value. */
gboolean      _rifq_seal_store          (RifqDb                    *db,
                                         RifqDbWrite               *write,
                                         const char                *kind,
                                         gint64                     subject_id,
                                         const char                *number,
                                         JsonNode                  *values,
                                         const RifqSealSummaryItem *items,
                                         RifqSealSummaryFunc        more,
                                         GError                   **error);

/* Whether sql, with id bound to its one parameter, returns a row. */
gboolean      _rifq_seal_has_row        (RifqDb     *db,
                                         const char *sql,
                                         gint64      id);

/* A sealed record against its seal and its record as it stands; subject names it in sentences. */
RifqSealState _rifq_seal_check          (RifqDb               *db,
                                         const char           *kind,
                                         gint64                subject_id,
                                         const char           *subject,
                                         gboolean              should_be_sealed,
                                         const char           *legacy_list,
                                         RifqSealValuesFunc    values_func,
                                         const char           *record,
                                         const RifqSealLabel  *labels,
                                         RifqSeal            **out_seal,
                                         char                **out_message);

G_END_DECLS
