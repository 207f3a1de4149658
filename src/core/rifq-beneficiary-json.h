/* rifq-beneficiary-json.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "rifq-beneficiary.h"

G_BEGIN_DECLS

/* The record as a JSON object: every field by its key (counts as numbers, consent as a
 * boolean, empty fields as null), caregivers as an array, and the read-only members id,
 * created_at, updated_at and birth_date_hijri. */
JsonNode        *rifq_beneficiary_to_json   (RifqBeneficiary *beneficiary);

/* Reads beneficiaries from JSON text: exactly one object or one non-empty array of objects
 * (rifq_json_check: JSON Lines or a second value are refused, not cut). The input is refused
 * whole, with the line named, when it is malformed, when a member is not a known field, when a
 * required field is missing, or when a value has the wrong type. Read-only members are
 * accepted and ignored. Values are not validated here: the store does that. */
GPtrArray       *rifq_beneficiary_parse_json (const char *data,
                                              gssize      length,
                                              GError    **error);

G_END_DECLS
