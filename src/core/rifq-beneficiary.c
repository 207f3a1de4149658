/* rifq-beneficiary.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-beneficiary"

#include "config.h"

#include <glib/gi18n.h>

#include "rifq-arabic.h"
#include "rifq-beneficiary.h"
#include "rifq-calendar.h"
#include "rifq-error.h"
#include "rifq-record.h"
#include "rifq-validate.h"

struct _RifqBeneficiary
{
  GObject    parent_instance;

  /* owned */
  char      *values[RIFQ_N_FIELDS];
  GPtrArray *caregivers;
  char      *created_at;
  char      *updated_at;

  /* state */
  gint64     id;
  gint64     version;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_FULL_NAME,
  PROP_NATIONAL_ID,
  PROP_FILE_NUMBER,
  PROP_SUBTITLE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (RifqBeneficiary, rifq_beneficiary, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static const char * const sex_choices[] = { "male", "female", NULL };
static const char * const living_choices[] = { "alone", "with_family", "with_caregiver", "care_home", NULL };
static const char * const mobility_choices[] = { "independent", "walking_aid", "wheelchair", "bedridden", NULL };
static const char * const status_choices[] = { "applicant", "registered", "inactive", "deceased", NULL };

static const RifqFieldInfo fields[RIFQ_N_FIELDS] = {
  [RIFQ_FIELD_NATIONAL_ID] = { "national_id", N_("National ID or iqama"), RIFQ_FIELD_KIND_NATIONAL_ID, RIFQ_FIELD_GROUP_IDENTITY, TRUE },
  [RIFQ_FIELD_FIRST_NAME] = { "first_name", N_("First name"), RIFQ_FIELD_KIND_TEXT, RIFQ_FIELD_GROUP_IDENTITY, TRUE, .text = RIFQ_TEXT_NAME },
  [RIFQ_FIELD_FATHER_NAME] = { "father_name", N_("Father's name"), RIFQ_FIELD_KIND_TEXT, RIFQ_FIELD_GROUP_IDENTITY, TRUE, .text = RIFQ_TEXT_NAME },
  [RIFQ_FIELD_GRANDFATHER_NAME] = { "grandfather_name", N_("Grandfather's name"), RIFQ_FIELD_KIND_TEXT, RIFQ_FIELD_GROUP_IDENTITY, TRUE, .text = RIFQ_TEXT_NAME },
  [RIFQ_FIELD_FAMILY_NAME] = { "family_name", N_("Family name"), RIFQ_FIELD_KIND_TEXT, RIFQ_FIELD_GROUP_IDENTITY, TRUE, .text = RIFQ_TEXT_NAME },
  [RIFQ_FIELD_SEX] = { "sex", N_("Sex"), RIFQ_FIELD_KIND_CHOICE, RIFQ_FIELD_GROUP_IDENTITY, TRUE, 0, sex_choices },
  [RIFQ_FIELD_BIRTH_DATE] = { "birth_date", N_("Date of birth"), RIFQ_FIELD_KIND_DATE, RIFQ_FIELD_GROUP_IDENTITY, TRUE },
  [RIFQ_FIELD_MOBILE] = { "mobile", N_("Mobile"), RIFQ_FIELD_KIND_MOBILE, RIFQ_FIELD_GROUP_CONTACT, TRUE },
  [RIFQ_FIELD_PHONE2] = { "phone2", N_("Second mobile"), RIFQ_FIELD_KIND_MOBILE, RIFQ_FIELD_GROUP_CONTACT, FALSE },
  [RIFQ_FIELD_CITY] = { "city", N_("City"), RIFQ_FIELD_KIND_TEXT, RIFQ_FIELD_GROUP_CONTACT, TRUE, .text = RIFQ_TEXT_NAME },
  [RIFQ_FIELD_DISTRICT] = { "district", N_("District"), RIFQ_FIELD_KIND_TEXT, RIFQ_FIELD_GROUP_CONTACT, FALSE, .text = RIFQ_TEXT_NAME },
  [RIFQ_FIELD_NATIONAL_ADDRESS] = { "national_address", N_("National address"), RIFQ_FIELD_KIND_TEXT, RIFQ_FIELD_GROUP_CONTACT, FALSE },
  [RIFQ_FIELD_PREFERRED_CHANNEL] = { "preferred_channel", N_("Preferred channel"), RIFQ_FIELD_KIND_CHANNEL, RIFQ_FIELD_GROUP_CONTACT, FALSE },
  [RIFQ_FIELD_LIVING_SITUATION] = { "living_situation", N_("Living situation"), RIFQ_FIELD_KIND_CHOICE, RIFQ_FIELD_GROUP_LIVING, TRUE, 0, living_choices },
  [RIFQ_FIELD_HOUSEHOLD_SIZE] = { "household_size", N_("Household size"), RIFQ_FIELD_KIND_COUNT, RIFQ_FIELD_GROUP_LIVING, FALSE, 60 },
  [RIFQ_FIELD_MONTHLY_INCOME] = { "monthly_income", N_("Monthly income (SAR)"), RIFQ_FIELD_KIND_COUNT, RIFQ_FIELD_GROUP_LIVING, FALSE, 1000000 },
  [RIFQ_FIELD_INCOME_SOURCES] = { "income_sources", N_("Income sources"), RIFQ_FIELD_KIND_TEXT, RIFQ_FIELD_GROUP_LIVING, FALSE },
  [RIFQ_FIELD_MOBILITY] = { "mobility", N_("Mobility"), RIFQ_FIELD_KIND_CHOICE, RIFQ_FIELD_GROUP_HEALTH, FALSE, 0, mobility_choices },
  [RIFQ_FIELD_HEALTH_NOTES] = { "health_notes", N_("Health notes"), RIFQ_FIELD_KIND_LONG_TEXT, RIFQ_FIELD_GROUP_HEALTH, FALSE, .text = RIFQ_TEXT_NOTES },
  [RIFQ_FIELD_CATEGORY] = { "category", N_("Category"), RIFQ_FIELD_KIND_TEXT, RIFQ_FIELD_GROUP_FILE, FALSE, .text = RIFQ_TEXT_NAME },
  [RIFQ_FIELD_STATUS] = { "status", N_("Status"), RIFQ_FIELD_KIND_CHOICE, RIFQ_FIELD_GROUP_FILE, FALSE, 0, status_choices, "applicant" },
  [RIFQ_FIELD_CONSENT] = { "consent", N_("Consents to data use"), RIFQ_FIELD_KIND_BOOLEAN, RIFQ_FIELD_GROUP_FILE, FALSE, 0, NULL, "false" },
  [RIFQ_FIELD_FILE_NUMBER] = { "file_number", N_("File number"), RIFQ_FIELD_KIND_READ_ONLY, RIFQ_FIELD_GROUP_FILE, FALSE, .text = RIFQ_TEXT_NAME },
};

const RifqFieldInfo *
rifq_field_info (RifqField field)
{
  g_return_val_if_fail (field < RIFQ_N_FIELDS, NULL);
  return &fields[field];
}

gboolean
rifq_field_from_key (const char *key,
                     RifqField  *out_field)
{
  for (guint i = 0; i < RIFQ_N_FIELDS; i++)
    if (g_strcmp0 (fields[i].key, key) == 0)
      {
        *out_field = i;
        return TRUE;
      }
  return FALSE;
}

const char *
rifq_field_label (RifqField field)
{
  g_return_val_if_fail (field < RIFQ_N_FIELDS, NULL);
  return _(fields[field].label);
}

const char *
rifq_field_group_title (RifqFieldGroup group)
{
  switch (group)
    {
    case RIFQ_FIELD_GROUP_IDENTITY: return _("Identity");
    case RIFQ_FIELD_GROUP_CONTACT: return _("Contact and address");
    case RIFQ_FIELD_GROUP_LIVING: return _("Household and income");
    case RIFQ_FIELD_GROUP_HEALTH: return _("Health and mobility");
    case RIFQ_FIELD_GROUP_FILE: return _("File");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
rifq_field_choice_label (RifqField   field,
                         const char *code)
{
  static const struct { RifqField field; const char *code; const char *label; } labels[] = {
    { RIFQ_FIELD_SEX, "male", NC_("sex", "Male") },
    { RIFQ_FIELD_SEX, "female", NC_("sex", "Female") },
    { RIFQ_FIELD_LIVING_SITUATION, "alone", N_("Lives alone") },
    { RIFQ_FIELD_LIVING_SITUATION, "with_family", N_("Lives with family") },
    { RIFQ_FIELD_LIVING_SITUATION, "with_caregiver", N_("Lives with a caregiver") },
    { RIFQ_FIELD_LIVING_SITUATION, "care_home", N_("Lives in a care home") },
    { RIFQ_FIELD_MOBILITY, "independent", N_("Moves independently") },
    { RIFQ_FIELD_MOBILITY, "walking_aid", N_("Walks with an aid") },
    { RIFQ_FIELD_MOBILITY, "wheelchair", N_("Uses a wheelchair") },
    { RIFQ_FIELD_MOBILITY, "bedridden", N_("Bedridden") },
    { RIFQ_FIELD_STATUS, "applicant", NC_("beneficiary status", "Applicant") },
    { RIFQ_FIELD_STATUS, "registered", NC_("beneficiary status", "Registered") },
    { RIFQ_FIELD_STATUS, "inactive", NC_("beneficiary status", "Inactive") },
    { RIFQ_FIELD_STATUS, "deceased", NC_("beneficiary status", "Deceased") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (labels[i].field == field && g_strcmp0 (labels[i].code, code) == 0)
      {
        if (field == RIFQ_FIELD_SEX)
          return g_dpgettext2 (NULL, "sex", labels[i].label);
        if (field == RIFQ_FIELD_STATUS)
          return g_dpgettext2 (NULL, "beneficiary status", labels[i].label);
        return _(labels[i].label);
      }
  return code;
}

RifqCaregiver *
rifq_caregiver_new (void)
{
  return g_new0 (RifqCaregiver, 1);
}

RifqCaregiver *
rifq_caregiver_copy (const RifqCaregiver *caregiver)
{
  RifqCaregiver *copy = rifq_caregiver_new ();

  copy->name = g_strdup (caregiver->name);
  copy->relation = g_strdup (caregiver->relation);
  copy->mobile = g_strdup (caregiver->mobile);
  copy->is_guardian = caregiver->is_guardian;
  copy->notes = g_strdup (caregiver->notes);
  return copy;
}

void
rifq_caregiver_free (RifqCaregiver *caregiver)
{
  if (caregiver == NULL)
    return;
  g_free (caregiver->name);
  g_free (caregiver->relation);
  g_free (caregiver->mobile);
  g_free (caregiver->notes);
  g_free (caregiver);
}

void
rifq_problem_free (RifqProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->message);
  g_free (problem);
}

static void
rifq_beneficiary_finalize (GObject *object)
{
  RifqBeneficiary *self = (RifqBeneficiary *)object;

  for (guint i = 0; i < RIFQ_N_FIELDS; i++)
    g_free (self->values[i]);
  g_clear_pointer (&self->caregivers, g_ptr_array_unref);
  g_free (self->created_at);
  g_free (self->updated_at);

  G_OBJECT_CLASS (rifq_beneficiary_parent_class)->finalize (object);
}

static char *
dup_subtitle (RifqBeneficiary *self)
{
  GString *s = g_string_new (NULL);
  const char *parts[] = {
    self->values[RIFQ_FIELD_NATIONAL_ID],
    self->values[RIFQ_FIELD_MOBILE],
    self->values[RIFQ_FIELD_CITY],
    self->values[RIFQ_FIELD_DISTRICT],
  };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i] == NULL || *parts[i] == '\0')
        continue;
      if (s->len > 0)
        g_string_append (s, " · ");
      /* Desk officers read and dial mobiles in the local form, 05XXXXXXXX. */
      if (i == 1 && g_str_has_prefix (parts[i], "+966"))
        g_string_append_printf (s, "0%s", parts[i] + 4);
      else
        g_string_append (s, parts[i]);
    }
  return g_string_free (s, FALSE);
}

static void
get_full_name (GObject    *object,
               GParamSpec *pspec,
               GValue     *value)
{
  g_value_take_string (value, rifq_beneficiary_dup_full_name (RIFQ_BENEFICIARY (object)));
}

static void
get_subtitle (GObject    *object,
              GParamSpec *pspec,
              GValue     *value)
{
  g_value_take_string (value, dup_subtitle (RIFQ_BENEFICIARY (object)));
}

static void
rifq_beneficiary_class_init (RifqBeneficiaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  /* In the order of the enum: the editor's changes notify them. */
  const RifqRecordProperty table[] = {
    RIFQ_RECORD_FIELD (RifqBeneficiary, id, "id", G_TYPE_INT64),
    RIFQ_RECORD_WORKED_OUT ("full-name", G_TYPE_STRING, get_full_name),
    RIFQ_RECORD_FIELD (RifqBeneficiary, values[RIFQ_FIELD_NATIONAL_ID], "national-id", G_TYPE_STRING),
    RIFQ_RECORD_FIELD (RifqBeneficiary, values[RIFQ_FIELD_FILE_NUMBER], "file-number", G_TYPE_STRING),
    RIFQ_RECORD_WORKED_OUT ("subtitle", G_TYPE_STRING, get_subtitle),
  };

  object_class->finalize = rifq_beneficiary_finalize;
  rifq_record_class_install_properties (object_class, table, G_N_ELEMENTS (table));
  for (guint i = PROP_0 + 1; i < N_PROPS; i++)
    properties[i] = g_object_class_find_property (object_class, table[i - 1].name);
}

static void
rifq_beneficiary_init (RifqBeneficiary *self)
{
  self->caregivers = g_ptr_array_new_with_free_func ((GDestroyNotify) rifq_caregiver_free);
}

RifqBeneficiary *
rifq_beneficiary_new (void)
{
  return g_object_new (RIFQ_TYPE_BENEFICIARY, NULL);
}

RifqBeneficiary *
rifq_beneficiary_copy (RifqBeneficiary *self)
{
  RifqBeneficiary *copy;

  g_return_val_if_fail (RIFQ_IS_BENEFICIARY (self), NULL);

  copy = rifq_beneficiary_new ();
  copy->id = self->id;
  copy->version = self->version;
  for (guint i = 0; i < RIFQ_N_FIELDS; i++)
    copy->values[i] = g_strdup (self->values[i]);
  for (guint i = 0; i < self->caregivers->len; i++)
    g_ptr_array_add (copy->caregivers, rifq_caregiver_copy (g_ptr_array_index (self->caregivers, i)));
  copy->created_at = g_strdup (self->created_at);
  copy->updated_at = g_strdup (self->updated_at);
  return copy;
}

gint64
rifq_beneficiary_get_id (RifqBeneficiary *self)
{
  g_return_val_if_fail (RIFQ_IS_BENEFICIARY (self), 0);
  return self->id;
}

gint64
rifq_beneficiary_get_version (RifqBeneficiary *self)
{
  g_return_val_if_fail (RIFQ_IS_BENEFICIARY (self), 0);
  return self->version;
}

void
rifq_beneficiary_set_version (RifqBeneficiary *self,
                              gint64           version)
{
  g_return_if_fail (RIFQ_IS_BENEFICIARY (self));
  self->version = version;
}

void
rifq_beneficiary_set_id (RifqBeneficiary *self,
                         gint64           id)
{
  g_return_if_fail (RIFQ_IS_BENEFICIARY (self));
  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

const char *
rifq_beneficiary_get (RifqBeneficiary *self,
                      RifqField        field)
{
  g_return_val_if_fail (RIFQ_IS_BENEFICIARY (self), NULL);
  g_return_val_if_fail (field < RIFQ_N_FIELDS, NULL);
  return self->values[field];
}

void
rifq_beneficiary_set (RifqBeneficiary *self,
                      RifqField        field,
                      const char      *value)
{
  g_return_if_fail (RIFQ_IS_BENEFICIARY (self));
  g_return_if_fail (field < RIFQ_N_FIELDS);

  if (g_strcmp0 (self->values[field], value) == 0)
    return;
  g_free (self->values[field]);
  self->values[field] = value != NULL && *value != '\0' ? g_strdup (value) : NULL;

  if (field <= RIFQ_FIELD_FAMILY_NAME)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FULL_NAME]);
  if (field == RIFQ_FIELD_NATIONAL_ID)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NATIONAL_ID]);
  if (field == RIFQ_FIELD_FILE_NUMBER)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE_NUMBER]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
}

const char *
rifq_beneficiary_get_created_at (RifqBeneficiary *self)
{
  g_return_val_if_fail (RIFQ_IS_BENEFICIARY (self), NULL);
  return self->created_at;
}

const char *
rifq_beneficiary_get_updated_at (RifqBeneficiary *self)
{
  g_return_val_if_fail (RIFQ_IS_BENEFICIARY (self), NULL);
  return self->updated_at;
}

void
rifq_beneficiary_set_timestamps (RifqBeneficiary *self,
                                 const char      *created_at,
                                 const char      *updated_at)
{
  char *created;
  char *updated;

  g_return_if_fail (RIFQ_IS_BENEFICIARY (self));

  /* Either may be this record's own value: copied before the old ones are freed. */
  created = g_strdup (created_at);
  updated = g_strdup (updated_at);
  g_free (self->created_at);
  g_free (self->updated_at);
  self->created_at = created;
  self->updated_at = updated;
}

GPtrArray *
rifq_beneficiary_get_caregivers (RifqBeneficiary *self)
{
  g_return_val_if_fail (RIFQ_IS_BENEFICIARY (self), NULL);
  return self->caregivers;
}

void
rifq_beneficiary_add_caregiver (RifqBeneficiary *self,
                                RifqCaregiver   *caregiver)
{
  g_return_if_fail (RIFQ_IS_BENEFICIARY (self));
  g_return_if_fail (caregiver != NULL);
  g_ptr_array_add (self->caregivers, caregiver);
}

void
rifq_beneficiary_clear_caregivers (RifqBeneficiary *self)
{
  g_return_if_fail (RIFQ_IS_BENEFICIARY (self));
  g_ptr_array_set_size (self->caregivers, 0);
}

char *
rifq_beneficiary_dup_full_name (RifqBeneficiary *self)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (RIFQ_IS_BENEFICIARY (self), NULL);

  for (guint i = RIFQ_FIELD_FIRST_NAME; i <= RIFQ_FIELD_FAMILY_NAME; i++)
    {
      if (self->values[i] == NULL)
        continue;
      if (s->len > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, self->values[i]);
    }
  return g_string_free (s, FALSE);
}

char *
rifq_beneficiary_dup_name_norm (RifqBeneficiary *self)
{
  g_autofree char *full = rifq_beneficiary_dup_full_name (self);

  return rifq_arabic_normalize (full);
}

static void
add_problem (GPtrArray  *problems,
             RifqField   field,
             int         caregiver,
             const char *message)
{
  RifqProblem *problem = g_new0 (RifqProblem, 1);

  problem->field = field;
  problem->caregiver = caregiver;
  problem->message = g_strdup (message);
  g_ptr_array_add (problems, problem);
}

static void
take_value (RifqBeneficiary *self,
            RifqField        field,
            char            *value)
{
  g_free (self->values[field]);
  self->values[field] = value;
}

static gboolean
validate_field (RifqBeneficiary *self,
                RifqField        field,
                const GDate     *today,
                GError         **error)
{
  const RifqFieldInfo *info = &fields[field];
  const char *label = _(info->label);
  const char *value = self->values[field];
  g_autofree char *trimmed = NULL;
  char *normalized = NULL;

  if (!rifq_validate_text (value, info->text, label, error))
    return FALSE;
  trimmed = value ? g_strstrip (g_strdup (value)) : NULL;
  if (trimmed == NULL || *trimmed == '\0')
    {
      if (info->required)
        return rifq_validate_required ("", label, NULL, error);
      take_value (self, field, g_strdup (info->fallback));
      return TRUE;
    }

  switch (info->kind)
    {
    case RIFQ_FIELD_KIND_NATIONAL_ID:
      if (!rifq_validate_national_id (trimmed, label, &normalized, error))
        return FALSE;
      break;

    case RIFQ_FIELD_KIND_MOBILE:
      if (!rifq_validate_mobile (trimmed, label, &normalized, error))
        return FALSE;
      break;

    case RIFQ_FIELD_KIND_DATE:
      if (!rifq_validate_birth_date (trimmed, label, today, &normalized, error))
        return FALSE;
      break;

    case RIFQ_FIELD_KIND_COUNT:
      {
        gint64 n;

        if (!rifq_validate_count (trimmed, label, info->max, &n, error))
          return FALSE;
        normalized = g_strdup_printf ("%" G_GINT64_FORMAT, n);
      }
      break;

    case RIFQ_FIELD_KIND_CHOICE:
      if (!g_strv_contains (info->choices, trimmed))
        {
          g_autoptr(GString) allowed = g_string_new (NULL);

          for (guint i = 0; info->choices[i] != NULL; i++)
            g_string_append_printf (allowed, "%s%s", i ? ", " : "", info->choices[i]);
          g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                       _("%s: “%s” is not one of the choices (%s)"), label, trimmed, allowed->str);
          return FALSE;
        }
      normalized = g_strdup (trimmed);
      break;

    case RIFQ_FIELD_KIND_BOOLEAN:
      if (!g_str_equal (trimmed, "true") && !g_str_equal (trimmed, "false"))
        {
          g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                       _("%s: must be yes or no"), label);
          return FALSE;
        }
      normalized = g_strdup (trimmed);
      break;

    case RIFQ_FIELD_KIND_TEXT:
    case RIFQ_FIELD_KIND_LONG_TEXT:
    case RIFQ_FIELD_KIND_CHANNEL:
    case RIFQ_FIELD_KIND_READ_ONLY:
    default:
      if (info->kind == RIFQ_FIELD_KIND_LONG_TEXT)
        normalized = g_strdup (trimmed);
      else if (!rifq_validate_required (trimmed, label, &normalized, error))
        return FALSE;
      break;
    }

  take_value (self, field, normalized);
  return TRUE;
}

/* A caregiver's value (*value, NULL as empty) as check normalizes it, or its refusal among the problems. */
static void
check_caregiver_value (GPtrArray   *problems,
                       guint        caregiver,
                       gboolean   (*check) (const char  *input,
                                            const char  *field_label,
                                            char       **out_normalized,
                                            GError     **error),
                       const char  *label,
                       char       **value)
{
  g_autoptr(GError) error = NULL;
  char *normalized = NULL;

  if (!check (*value ? *value : "", label, &normalized, &error))
    {
      add_problem (problems, RIFQ_N_FIELDS, (int) caregiver, error->message);
      return;
    }
  g_free (*value);
  *value = normalized;
}

GPtrArray *
rifq_beneficiary_validate (RifqBeneficiary *self,
                           const GDate     *today)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) rifq_problem_free);

  g_return_val_if_fail (RIFQ_IS_BENEFICIARY (self), NULL);

  for (guint i = 0; i < RIFQ_N_FIELDS; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!validate_field (self, i, today, &error))
        add_problem (problems, i, -1, error->message);
    }

  for (guint i = 0; i < self->caregivers->len; i++)
    {
      RifqCaregiver *c = g_ptr_array_index (self->caregivers, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *name_label = g_strdup_printf (_("Caregiver %u, name"), i + 1);
      g_autofree char *relation_label = g_strdup_printf (_("Caregiver %u, relation"), i + 1);
      g_autofree char *mobile_label = g_strdup_printf (_("Caregiver %u, mobile"), i + 1);
      g_autofree char *notes_label = g_strdup_printf (_("Caregiver %u, notes"), i + 1);
      const RifqTextField texts[] = {
        { c->name, RIFQ_TEXT_FULL_NAME, name_label },
        { c->relation, RIFQ_TEXT_NAME, relation_label },
        { c->mobile, RIFQ_TEXT_LINE, mobile_label },
        { c->notes, RIFQ_TEXT_NOTES, notes_label },
      };

      if (!rifq_validate_texts (texts, G_N_ELEMENTS (texts), &error))
        {
          add_problem (problems, RIFQ_N_FIELDS, i, error->message);
          continue;
        }
      check_caregiver_value (problems, i, rifq_validate_required, name_label, &c->name);
      check_caregiver_value (problems, i, rifq_validate_required, relation_label, &c->relation);
      if (c->mobile != NULL && *c->mobile != '\0')
        check_caregiver_value (problems, i, rifq_validate_mobile, mobile_label, &c->mobile);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
  return g_steal_pointer (&problems);
}

GError *
rifq_problems_to_error (GPtrArray *problems)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (problems != NULL && problems->len > 0, NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      RifqProblem *problem = g_ptr_array_index (problems, i);

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, problem->message);
    }
  return g_error_new_literal (RIFQ_ERROR, RIFQ_ERROR_INVALID, text->str);
}

static gboolean
caregivers_equal (GPtrArray *a,
                  GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      RifqCaregiver *x = g_ptr_array_index (a, i);
      RifqCaregiver *y = g_ptr_array_index (b, i);

      if (g_strcmp0 (x->name, y->name) != 0 || g_strcmp0 (x->relation, y->relation) != 0 ||
          g_strcmp0 (x->mobile, y->mobile) != 0 || g_strcmp0 (x->notes, y->notes) != 0 ||
          !x->is_guardian != !y->is_guardian)
        return FALSE;
    }
  return TRUE;
}

/* Empty and absent are the same value. */
static const char *
value_or_empty (const char *value)
{
  return value != NULL ? value : "";
}

RifqBeneficiary *
rifq_beneficiary_rebase (RifqBeneficiary *mine,
                         RifqBeneficiary *read,
                         RifqBeneficiary *latest)
{
  g_autoptr(RifqBeneficiary) changed = NULL;
  g_autoptr(RifqBeneficiary) was = NULL;
  g_autoptr(GPtrArray) ignored_changed = NULL;
  g_autoptr(GPtrArray) ignored_was = NULL;
  RifqBeneficiary *rebased;

  g_return_val_if_fail (RIFQ_IS_BENEFICIARY (mine), NULL);
  g_return_val_if_fail (RIFQ_IS_BENEFICIARY (read), NULL);
  g_return_val_if_fail (RIFQ_IS_BENEFICIARY (latest), NULL);

  changed = rifq_beneficiary_copy (mine);
  was = rifq_beneficiary_copy (read);
  ignored_changed = rifq_beneficiary_validate (changed, NULL);
  ignored_was = rifq_beneficiary_validate (was, NULL);

  rebased = rifq_beneficiary_copy (latest);
  for (guint i = 0; i < RIFQ_N_FIELDS; i++)
    if (rifq_field_info (i)->kind != RIFQ_FIELD_KIND_READ_ONLY &&
        g_strcmp0 (value_or_empty (changed->values[i]), value_or_empty (was->values[i])) != 0)
      rifq_beneficiary_set (rebased, i, mine->values[i]);

  if (!caregivers_equal (changed->caregivers, was->caregivers))
    {
      rifq_beneficiary_clear_caregivers (rebased);
      for (guint i = 0; i < mine->caregivers->len; i++)
        rifq_beneficiary_add_caregiver (rebased, rifq_caregiver_copy (g_ptr_array_index (mine->caregivers, i)));
    }
  return rebased;
}
