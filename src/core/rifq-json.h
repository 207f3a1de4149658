/* rifq-json.h: the one door every JSON Rifq reads comes through
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* More than this is refused before it is read: 10,000 beneficiaries take about 10 MB. */
#define RIFQ_JSON_MAX_SIZE  (32 * 1000 * 1000)
/* Rifq's own documents nest four levels; json-glib's parser recurses once a level. */
#define RIFQ_JSON_MAX_DEPTH 32

/* Checks that data is exactly one strict JSON value (RFC 8259), an object or an array: no
 * second value after it (JSON Lines, objects back to back), no comments, single quotes,
 * hexadecimal or other numbers JSON does not have, no trailing commas, no member twice in an
 * object, no U+0000 in a string, valid UTF-8, at most RIFQ_JSON_MAX_SIZE bytes and
 * RIFQ_JSON_MAX_DEPTH levels. A leading byte-order mark is allowed. On refusal, error
 * (RIFQ_ERROR_INVALID) says where, by line and column, in the interface language. */
gboolean  rifq_json_check (const char  *data,
                           gssize       length,
                           GError     **error);

/* rifq_json_check(), then parser loads the data: for readers that follow the parser's
 * signals. */
gboolean  rifq_json_load  (JsonParser  *parser,
                           const char  *data,
                           gssize       length,
                           GError     **error);

/* rifq_json_load() into a parser of its own: the root, or NULL and error. */
JsonNode *rifq_json_parse (const char  *data,
                           gssize       length,
                           GError     **error);

/* A member holding text, or null when value is NULL. */
void      rifq_json_add_string (JsonBuilder *builder,
                                const char  *name,
                                const char  *value);
void      rifq_json_add_int    (JsonBuilder *builder,
                                const char  *name,
                                gint64       value);
/* A member holding value when known is true, or null. */
void      rifq_json_add_int_if (JsonBuilder *builder,
                                const char  *name,
                                gboolean     known,
                                gint64       value);
void      rifq_json_add_boolean (JsonBuilder *builder,
                                 const char  *name,
                                 gboolean     value);

/* node as compact JSON, members in their order: the same value gives the same bytes. */
/* A member of object (which may be NULL): its text, or NULL. */
const char *rifq_json_get_string (JsonObject *object,
                                  const char *name);
/* A member of object (which may be NULL) that is an object, or NULL. */
JsonObject *rifq_json_get_object (JsonObject *object,
                                  const char *name);

char     *rifq_json_to_text    (JsonNode    *node);

G_END_DECLS
