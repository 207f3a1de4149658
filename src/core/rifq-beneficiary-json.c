/* rifq-beneficiary-json.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-beneficiary-json"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rifq-beneficiary-json.h"
#include "rifq-calendar.h"
#include "rifq-error.h"
#include "rifq-json.h"

static const char * const read_only_members[] = {
  "id", "created_at", "updated_at", "birth_date_hijri", NULL
};

static const char * const caregiver_members[] = {
  "name", "relation", "mobile", "is_guardian", "notes", NULL
};

JsonNode *
rifq_beneficiary_to_json (RifqBeneficiary *beneficiary)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GPtrArray *caregivers;
  const char *birth;
  GDate date;

  g_return_val_if_fail (RIFQ_IS_BENEFICIARY (beneficiary), NULL);

  json_builder_begin_object (builder);
  if (rifq_beneficiary_get_id (beneficiary) > 0)
    {
      rifq_json_add_int (builder, "id", rifq_beneficiary_get_id (beneficiary));
    }

  for (guint i = 0; i < RIFQ_N_FIELDS; i++)
    {
      const RifqFieldInfo *info = rifq_field_info (i);
      const char *value = rifq_beneficiary_get (beneficiary, i);

      if (info->kind == RIFQ_FIELD_KIND_COUNT && value != NULL)
        {
          rifq_json_add_int (builder, info->key, g_ascii_strtoll (value, NULL, 10));
        }
      else if (info->kind == RIFQ_FIELD_KIND_BOOLEAN && value != NULL)
        {
          rifq_json_add_boolean (builder, info->key, g_str_equal (value, "true"));
        }
      else
        rifq_json_add_string (builder, info->key, value);
    }

  birth = rifq_beneficiary_get (beneficiary, RIFQ_FIELD_BIRTH_DATE);
  if (birth != NULL && rifq_calendar_from_iso (birth, &date))
    {
      RifqHijriDate hijri;

      if (rifq_calendar_to_hijri (&date, &hijri, NULL))
        {
          g_autofree char *text = g_strdup_printf ("%04d-%02d-%02d%s", hijri.year, hijri.month,
                                                   hijri.day, hijri.approximate ? "~" : "");
          rifq_json_add_string (builder, "birth_date_hijri", text);
        }
    }

  json_builder_set_member_name (builder, "caregivers");
  json_builder_begin_array (builder);
  caregivers = rifq_beneficiary_get_caregivers (beneficiary);
  for (guint i = 0; i < caregivers->len; i++)
    {
      RifqCaregiver *c = g_ptr_array_index (caregivers, i);

      json_builder_begin_object (builder);
      rifq_json_add_string (builder, "name", c->name);
      rifq_json_add_string (builder, "relation", c->relation);
      rifq_json_add_string (builder, "mobile", c->mobile);
      rifq_json_add_boolean (builder, "is_guardian", c->is_guardian);
      rifq_json_add_string (builder, "notes", c->notes);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (rifq_beneficiary_get_created_at (beneficiary) != NULL)
    {
      rifq_json_add_string (builder, "created_at", rifq_beneficiary_get_created_at (beneficiary));
      rifq_json_add_string (builder, "updated_at", rifq_beneficiary_get_updated_at (beneficiary));
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Where each object starts, recorded while parsing: json-glib keeps no positions. */
typedef struct
{
  GHashTable *lines;        /* JsonObject* → line */
  GArray     *starts;       /* stack of lines where objects opened */
  const char *data;         /* the text parsed, length bytes */
  gsize       length;
  GArray     *line_starts;  /* offset in data of each line, from line 1 */
  GHashTable *too_large;    /* JsonNode* of whole numbers past 64 bits, which json-glib wraps */
} LineMap;

static void
object_start_cb (JsonParser *parser,
                 gpointer    user_data)
{
  LineMap *map = user_data;
  guint line = json_parser_get_current_line (parser);

  g_array_append_val (map->starts, line);
}

static void
object_end_cb (JsonParser *parser,
               JsonObject *object,
               gpointer    user_data)
{
  LineMap *map = user_data;
  guint line = g_array_index (map->starts, guint, map->starts->len - 1);

  g_array_set_size (map->starts, map->starts->len - 1);
  g_hash_table_insert (map->lines, object, GUINT_TO_POINTER (line));
}

/* Whether the number that ends just before offset (what follows it skipped) is a whole number
 * too large for 64 bits: json-glib reads one as another number, sometimes negative. */
static gboolean
number_too_large_before (const char *data,
                         gsize       offset)
{
  g_autofree char *literal = NULL;
  gsize end = offset;
  gsize start;

  while (end > 0 && (g_ascii_isspace (data[end - 1]) || data[end - 1] == ',' || data[end - 1] == '}'))
    end--;
  start = end;
  while (start > 0 && g_ascii_isdigit (data[start - 1]))
    start--;
  if (start == end)
    return FALSE;
  if (start > 0 && data[start - 1] == '-')
    start--;
  literal = g_strndup (data + start, end - start);
  return !g_ascii_string_to_signed (literal, 10, G_MININT64, G_MAXINT64, NULL, NULL);
}

static void
object_member_cb (JsonParser *parser,
                  JsonObject *object,
                  const char *member_name,
                  gpointer    user_data)
{
  LineMap *map = user_data;
  JsonNode *node = json_object_get_member (object, member_name);
  guint line = json_parser_get_current_line (parser);

  /* The parser stands just past the member's value, counting bytes from the line's start. */
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64 &&
      line >= 1 && line <= map->line_starts->len &&
      number_too_large_before (map->data, MIN (map->length, g_array_index (map->line_starts, gsize, line - 1) +
                                                          json_parser_get_current_pos (parser))))
    g_hash_table_add (map->too_large, node);
}

static gboolean
refuse (GError    **error,
        guint       line,
        const char *format,
        ...) G_GNUC_PRINTF (3, 4);

static gboolean
refuse (GError    **error,
        guint       line,
        const char *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
               _("Line %u: %s. Nothing was saved."), line, message);
  return FALSE;
}

static gboolean
read_string (JsonNode    *node,
             gboolean     allow_number,
             char       **out_text)
{
  if (JSON_NODE_HOLDS_NULL (node))
    {
      *out_text = NULL;
      return TRUE;
    }
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      *out_text = g_strdup (json_node_get_string (node));
      return TRUE;
    }
  if (allow_number && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    {
      *out_text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      return TRUE;
    }
  return FALSE;
}

static gboolean
read_caregiver (JsonNode        *node,
                guint            index,
                LineMap         *map,
                guint            parent_line,
                RifqBeneficiary *beneficiary,
                GError         **error)
{
  g_autoptr(RifqCaregiver) caregiver = rifq_caregiver_new ();
  JsonObject *object;
  guint line;
  g_autoptr(GList) members = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return refuse (error, parent_line, _("caregiver %u must be an object"), index + 1);
  object = json_node_get_object (node);
  line = GPOINTER_TO_UINT (g_hash_table_lookup (map->lines, object));

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *value = json_object_get_member (object, name);

      if (!g_strv_contains (caregiver_members, name))
        return refuse (error, line, _("“%s” is not a caregiver field"), name);

      if (g_str_equal (name, "is_guardian"))
        {
          if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_BOOLEAN)
            return refuse (error, line, _("“%s” must be true or false"), name);
          caregiver->is_guardian = json_node_get_boolean (value);
          continue;
        }

      {
        char *text = NULL;

        if (g_hash_table_contains (map->too_large, value))
          return refuse (error, line, _("“%s” is too large"), name);
        if (!read_string (value, g_str_equal (name, "mobile"), &text))
          return refuse (error, line, _("“%s” must be text"), name);
        if (g_str_equal (name, "name"))
          caregiver->name = text;
        else if (g_str_equal (name, "relation"))
          caregiver->relation = text;
        else if (g_str_equal (name, "mobile"))
          caregiver->mobile = text;
        else
          caregiver->notes = text;
      }
    }

  if (caregiver->name == NULL)
    return refuse (error, line, _("the caregiver field “%s” is missing"), "name");
  if (caregiver->relation == NULL)
    return refuse (error, line, _("the caregiver field “%s” is missing"), "relation");

  rifq_beneficiary_add_caregiver (beneficiary, g_steal_pointer (&caregiver));
  return TRUE;
}

static RifqBeneficiary *
read_beneficiary (JsonNode *node,
                  LineMap  *map,
                  GError  **error)
{
  g_autoptr(RifqBeneficiary) beneficiary = rifq_beneficiary_new ();
  g_autoptr(GList) members = NULL;
  JsonObject *object;
  guint line;

  /* json-glib keeps no line for anything but an object: the record is named by its place. */
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                           _("A beneficiary must be a JSON object. Nothing was saved."));
      return NULL;
    }
  object = json_node_get_object (node);
  line = GPOINTER_TO_UINT (g_hash_table_lookup (map->lines, object));

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *value = json_object_get_member (object, name);
      const RifqFieldInfo *info;
      RifqField field;

      if (g_strv_contains (read_only_members, name))
        continue;

      if (g_str_equal (name, "caregivers"))
        {
          JsonArray *array;

          if (JSON_NODE_HOLDS_NULL (value))
            continue;
          if (!JSON_NODE_HOLDS_ARRAY (value))
            {
              refuse (error, line, _("“%s” must be a list"), name);
              return NULL;
            }
          array = json_node_get_array (value);
          for (guint i = 0; i < json_array_get_length (array); i++)
            if (!read_caregiver (json_array_get_element (array, i), i, map, line, beneficiary, error))
              return NULL;
          continue;
        }

      if (!rifq_field_from_key (name, &field))
        {
          refuse (error, line, _("“%s” is not a beneficiary field"), name);
          return NULL;
        }
      info = rifq_field_info (field);

      if (info->kind == RIFQ_FIELD_KIND_BOOLEAN)
        {
          if (JSON_NODE_HOLDS_NULL (value))
            continue;
          if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_BOOLEAN)
            {
              refuse (error, line, _("“%s” must be true or false"), name);
              return NULL;
            }
          rifq_beneficiary_set (beneficiary, field, json_node_get_boolean (value) ? "true" : "false");
        }
      else
        {
          g_autofree char *text = NULL;
          gboolean numeric = info->kind == RIFQ_FIELD_KIND_COUNT ||
                             info->kind == RIFQ_FIELD_KIND_NATIONAL_ID ||
                             info->kind == RIFQ_FIELD_KIND_MOBILE;

          if (g_hash_table_contains (map->too_large, value))
            {
              refuse (error, line, _("“%s” is too large"), name);
              return NULL;
            }
          if (!read_string (value, numeric, &text))
            {
              refuse (error, line, numeric ? _("“%s” must be a number or text")
                                           : _("“%s” must be text"), name);
              return NULL;
            }
          rifq_beneficiary_set (beneficiary, field, text);
        }
    }

  for (guint i = 0; i < RIFQ_N_FIELDS; i++)
    {
      const RifqFieldInfo *info = rifq_field_info (i);

      if (info->required && !json_object_has_member (object, info->key))
        {
          refuse (error, line, _("the field “%s” (%s) is missing"), info->key, _(info->label));
          return NULL;
        }
    }

  return g_steal_pointer (&beneficiary);
}

/* One object, or each object of a non-empty array. */
static gboolean
read_all (JsonNode  *root,
          LineMap   *map,
          GPtrArray *result,
          GError   **error)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      RifqBeneficiary *b = read_beneficiary (root, map, error);

      if (b == NULL)
        return FALSE;
      g_ptr_array_add (result, b);
      return TRUE;
    }

  array = json_node_get_array (root);
  if (json_array_get_length (array) == 0)
    {
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                           _("The list [ ] is empty: there is no beneficiary to add. Nothing was saved."));
      return FALSE;
    }
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      RifqBeneficiary *b = read_beneficiary (json_array_get_element (array, i), map, error);

      if (b == NULL)
        {
          /* In a list, the record is named by its place, whatever else the message says. */
          g_prefix_error (error, _("Record %u: "), i + 1);
          return FALSE;
        }
      g_ptr_array_add (result, b);
    }
  return TRUE;
}

GPtrArray *
rifq_beneficiary_parse_json (const char *data,
                             gssize      length,
                             GError    **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;
  LineMap map;
  gboolean ok;

  g_return_val_if_fail (data != NULL, NULL);

  map.lines = g_hash_table_new (NULL, NULL);
  map.starts = g_array_new (FALSE, FALSE, sizeof (guint));
  map.data = data;
  map.line_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  map.too_large = g_hash_table_new (NULL, NULL);
  map.length = length < 0 ? strlen (data) : (gsize) length;
  g_array_append_val (map.line_starts, (gsize) { 0 });
  for (gsize i = 0; i < map.length; i++)
    if (data[i] == '\n')
      g_array_append_val (map.line_starts, (gsize) { i + 1 });
  g_signal_connect (parser, "object-start", G_CALLBACK (object_start_cb), &map);
  g_signal_connect (parser, "object-end", G_CALLBACK (object_end_cb), &map);
  g_signal_connect (parser, "object-member", G_CALLBACK (object_member_cb), &map);

  ok = rifq_json_load (parser, data, length, &local_error);
  if (!ok)
    /* Translators: what is wrong with the JSON, then this */
    g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("%s. Nothing was saved."), local_error->message);
  else
    ok = read_all (json_parser_get_root (parser), &map, result, error);

  g_hash_table_unref (map.lines);
  g_array_unref (map.starts);
  g_array_unref (map.line_starts);
  g_hash_table_unref (map.too_large);
  return ok ? g_steal_pointer (&result) : NULL;
}
