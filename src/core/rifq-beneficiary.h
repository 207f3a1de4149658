/* rifq-beneficiary.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rifq-validate.h"

G_BEGIN_DECLS

/* The fields of a beneficiary, in the order the form shows them. The same table drives
 * validation, JSON, SQL columns and the form's rows, so a field is described once. */
typedef enum
{
  RIFQ_FIELD_NATIONAL_ID,
  RIFQ_FIELD_FIRST_NAME,
  RIFQ_FIELD_FATHER_NAME,
  RIFQ_FIELD_GRANDFATHER_NAME,
  RIFQ_FIELD_FAMILY_NAME,
  RIFQ_FIELD_SEX,
  RIFQ_FIELD_BIRTH_DATE,
  RIFQ_FIELD_MOBILE,
  RIFQ_FIELD_PHONE2,
  RIFQ_FIELD_CITY,
  RIFQ_FIELD_DISTRICT,
  RIFQ_FIELD_NATIONAL_ADDRESS,
  RIFQ_FIELD_PREFERRED_CHANNEL,
  RIFQ_FIELD_LIVING_SITUATION,
  RIFQ_FIELD_HOUSEHOLD_SIZE,
  RIFQ_FIELD_MONTHLY_INCOME,
  RIFQ_FIELD_INCOME_SOURCES,
  RIFQ_FIELD_MOBILITY,
  RIFQ_FIELD_HEALTH_NOTES,
  RIFQ_FIELD_CATEGORY,
  RIFQ_FIELD_STATUS,
  RIFQ_FIELD_CONSENT,
  RIFQ_FIELD_FILE_NUMBER,
  RIFQ_N_FIELDS
} RifqField;

typedef enum
{
  RIFQ_FIELD_KIND_TEXT,
  RIFQ_FIELD_KIND_LONG_TEXT,
  RIFQ_FIELD_KIND_NATIONAL_ID,
  RIFQ_FIELD_KIND_MOBILE,
  RIFQ_FIELD_KIND_DATE,
  RIFQ_FIELD_KIND_COUNT,
  RIFQ_FIELD_KIND_CHOICE,     /* one of a fixed list of codes */
  RIFQ_FIELD_KIND_CHANNEL,    /* a channel code from the database */
  RIFQ_FIELD_KIND_BOOLEAN,    /* "true" / "false" */
  RIFQ_FIELD_KIND_READ_ONLY,  /* assigned by the association, not typed */
} RifqFieldKind;

typedef enum
{
  RIFQ_FIELD_GROUP_IDENTITY,
  RIFQ_FIELD_GROUP_CONTACT,
  RIFQ_FIELD_GROUP_LIVING,
  RIFQ_FIELD_GROUP_HEALTH,
  RIFQ_FIELD_GROUP_FILE,
} RifqFieldGroup;

typedef struct
{
  const char         *key;       /* JSON member and SQL column */
  const char         *label;     /* English msgid: rifq_field_label() translates it */
  RifqFieldKind       kind;
  RifqFieldGroup      group;
  gboolean            required;
  gint64              max;       /* COUNT: largest value accepted */
  const char * const *choices;   /* CHOICE: codes, NULL-terminated */
  const char         *fallback;  /* value when empty and not required, or NULL */
  RifqTextKind        text;      /* how long the value may be, as typed */
} RifqFieldInfo;

const RifqFieldInfo *rifq_field_info          (RifqField field);
gboolean             rifq_field_from_key      (const char *key,
                                               RifqField  *out_field);
const char          *rifq_field_label         (RifqField field);
const char          *rifq_field_group_title   (RifqFieldGroup group);

/* The label of a CHOICE code in the interface language ("alone" → "يعيش وحده"). */
const char          *rifq_field_choice_label  (RifqField   field,
                                               const char *code);

/* A caregiver or guardian who may be contacted for, or act for, the beneficiary. */
typedef struct
{
  char     *name;
  char     *relation;
  char     *mobile;
  gboolean  is_guardian;
  char     *notes;
} RifqCaregiver;

RifqCaregiver *rifq_caregiver_new  (void);
RifqCaregiver *rifq_caregiver_copy (const RifqCaregiver *caregiver);
void           rifq_caregiver_free (RifqCaregiver *caregiver);

/* A problem found by validation: which field (or caregiver) and what is wrong, in the
 * interface language. caregiver is -1 for the beneficiary's own fields. */
typedef struct
{
  RifqField  field;
  int        caregiver;
  char      *message;
} RifqProblem;

void rifq_problem_free (RifqProblem *problem);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RifqCaregiver, rifq_caregiver_free)

#define RIFQ_TYPE_BENEFICIARY (rifq_beneficiary_get_type ())
G_DECLARE_FINAL_TYPE (RifqBeneficiary, rifq_beneficiary, RIFQ, BENEFICIARY, GObject)

RifqBeneficiary *rifq_beneficiary_new          (void);
RifqBeneficiary *rifq_beneficiary_copy         (RifqBeneficiary *self);

gint64           rifq_beneficiary_get_id       (RifqBeneficiary *self);
void             rifq_beneficiary_set_id       (RifqBeneficiary *self,
                                                gint64           id);

/* Values are kept as text in canonical form once validated: ISO dates, +9665… mobiles,
 * ASCII digits, choice codes, "true"/"false". NULL or "" means empty. */
const char      *rifq_beneficiary_get          (RifqBeneficiary *self,
                                                RifqField        field);
void             rifq_beneficiary_set          (RifqBeneficiary *self,
                                                RifqField        field,
                                                const char      *value);

/* The version of the record as it was read: 1 when first saved, one more at every save. A save
 * over a record saved since at another workstation is refused (RIFQ_ERROR_CONFLICT). */
gint64           rifq_beneficiary_get_version  (RifqBeneficiary *self);
void             rifq_beneficiary_set_version  (RifqBeneficiary *self,
                                                gint64           version);

const char      *rifq_beneficiary_get_created_at (RifqBeneficiary *self);
const char      *rifq_beneficiary_get_updated_at (RifqBeneficiary *self);
void             rifq_beneficiary_set_timestamps (RifqBeneficiary *self,
                                                  const char      *created_at,
                                                  const char      *updated_at);

GPtrArray       *rifq_beneficiary_get_caregivers (RifqBeneficiary *self);
void             rifq_beneficiary_add_caregiver  (RifqBeneficiary *self,
                                                  RifqCaregiver   *caregiver);
void             rifq_beneficiary_clear_caregivers (RifqBeneficiary *self);

/* "محمد عبدالله سعد القحطاني": the four parts joined. */
char            *rifq_beneficiary_dup_full_name  (RifqBeneficiary *self);
/* The search form of the full name (rifq_arabic_normalize). */
char            *rifq_beneficiary_dup_name_norm  (RifqBeneficiary *self);

/* A record someone was editing (mine, from the version they read) put on top of the latest
 * version saved since: each field they changed takes their value, every other field the latest
 * one, and their caregivers replace the latest ones only if they changed them. Values are
 * compared in canonical form, so a mobile shown as dialled is not taken for a change. The result
 * carries the latest version, to be saved over it. */
RifqBeneficiary *rifq_beneficiary_rebase         (RifqBeneficiary *mine,
                                                  RifqBeneficiary *read,
                                                  RifqBeneficiary *latest);

/* Checks every field and caregiver against the rules in core and puts each value in its
 * canonical form. Returns the problems found (empty when the record may be saved). today is
 * the day used for "not in the future" (NULL: the real today). Does not look at the database:
 * the store adds the checks that need it (duplicates, channel codes). */
GPtrArray       *rifq_beneficiary_validate       (RifqBeneficiary *self,
                                                  const GDate     *today);

/* One GError (RIFQ_ERROR_INVALID) listing the problems, one per line. */
GError          *rifq_problems_to_error          (GPtrArray *problems);

G_END_DECLS
