/* rifq-numbering.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-numbering"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rifq-arabic.h"
#include "rifq-error.h"
#include "rifq-numbering.h"
#include "rifq-statement.h"

typedef enum
{
  PART_TEXT,
  PART_YEAR,
  PART_SEQUENCE,
} PartKind;

typedef struct
{
  PartKind  kind;
  char     *text;   /* PART_TEXT */
  int       width;  /* PART_SEQUENCE */
} Part;

struct _RifqNumberFormat
{
  GArray   *parts;
  gboolean  has_year;
};

static const struct
{
  const char *key;
  const char *sequence;  /* its row in the sequence table */
  const char *fallback;  /* when the settings have none */
  const char *label;
} registers[] = {
  [RIFQ_REGISTER_REQUEST] = { "request_number_format", "request", "{year}/{seq:6}", N_("Request number format") },
  [RIFQ_REGISTER_LETTER]  = { "letter_number_format", "letter", "{year}/{seq:4}", N_("Letter number format") },
  [RIFQ_REGISTER_FILE]    = { "file_number_format", "file", "{seq:6}", N_("File number format") },
};

static void
part_clear (gpointer data)
{
  Part *part = data;

  g_free (part->text);
}

void
rifq_number_format_free (RifqNumberFormat *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->parts);
  g_free (self);
}

static void
add_text (RifqNumberFormat *self,
          const char       *start,
          gsize             length)
{
  Part part = { PART_TEXT, g_strndup (start, length), 0 };

  if (length > 0)
    g_array_append_val (self->parts, part);
}

/* The width of {seq:N}, in either digits. */
static gboolean
read_width (const char *text,
            int        *out_width)
{
  g_autofree char *latin = rifq_arabic_latin_digits (text);
  guint64 width;

  if (!g_ascii_string_to_unsigned (latin, 10, 0, RIFQ_NUMBER_WIDTH_MAX, &width, NULL))
    return FALSE;
  *out_width = (int) width;
  return TRUE;
}

RifqNumberFormat *
rifq_number_format_parse (const char  *text,
                          GError     **error)
{
  g_autoptr(RifqNumberFormat) self = g_new0 (RifqNumberFormat, 1);
  gboolean has_sequence = FALSE;
  const char *p = text;

  g_return_val_if_fail (text != NULL, NULL);

  self->parts = g_array_new (FALSE, FALSE, sizeof (Part));
  g_array_set_clear_func (self->parts, part_clear);

  while (*p != '\0')
    {
      const char *open = strchr (p, '{');
      const char *close;
      g_autofree char *name = NULL;
      Part part = { 0 };

      if (open == NULL)
        {
          add_text (self, p, strlen (p));
          break;
        }
      add_text (self, p, open - p);
      close = strchr (open, '}');
      if (close == NULL)
        {
          g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                       _("the placeholder “%s” is not closed with “}”"), open);
          return NULL;
        }
      name = g_strndup (open + 1, close - open - 1);
      if (g_str_equal (name, "year"))
        {
          part.kind = PART_YEAR;
          self->has_year = TRUE;
        }
      else if (g_str_equal (name, "seq") || g_str_has_prefix (name, "seq:"))
        {
          part.kind = PART_SEQUENCE;
          if (name[3] == ':' && !read_width (name + 4, &part.width))
            {
              g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                           _("in “{%s}” the width must be a whole number from 0 to %d"), name,
                           RIFQ_NUMBER_WIDTH_MAX);
              return NULL;
            }
          has_sequence = TRUE;
        }
      else
        {
          g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                       _("“{%s}” is not a placeholder: use {year} and {seq} or {seq:N}"), name);
          return NULL;
        }
      g_array_append_val (self->parts, part);
      p = close + 1;
    }

  if (!has_sequence)
    {
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                           _("the format needs the sequence, as in {year}/{seq:6}"));
      return NULL;
    }
  return g_steal_pointer (&self);
}

char *
rifq_number_format_write (const RifqNumberFormat *self,
                          int                     year,
                          gint64                  sequence)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->parts->len; i++)
    {
      const Part *part = &g_array_index (self->parts, Part, i);

      if (part->kind == PART_TEXT)
        g_string_append (out, part->text);
      else if (part->kind == PART_YEAR)
        g_string_append_printf (out, "%d", year);
      else
        g_string_append_printf (out, "%0*" G_GINT64_FORMAT, part->width, sequence);
    }
  return g_string_free (out, FALSE);
}

/* A register's format, with the rule of its register: file numbers never restart. */
static RifqNumberFormat *
parse_for (RifqRegister   reg,
           const char    *text,
           GError       **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(RifqNumberFormat) format = rifq_number_format_parse (text, &local);

  if (format != NULL && reg == RIFQ_REGISTER_FILE && format->has_year)
    g_set_error_literal (&local, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                         _("file numbers run on from year to year: {year} cannot be part of them"));
  if (local != NULL)
    {
      /* Translators: the setting's name, its key, then what is wrong with the format */
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("%s (%s): %s."), _(registers[reg].label),
                   registers[reg].key, local->message);
      return NULL;
    }
  return g_steal_pointer (&format);
}

gboolean
rifq_numbering_check_setting (const char  *key,
                              const char  *value,
                              GError     **error)
{
  g_autoptr(RifqNumberFormat) format = NULL;

  g_return_val_if_fail (key != NULL && value != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (registers); i++)
    if (g_str_equal (key, registers[i].key))
      {
        format = parse_for (i, value, error);
        return format != NULL;
      }
  return TRUE;
}

/* The register's format in the settings today. A format stored before formats were checked is
 * refused here, not turned into a number. */
static RifqNumberFormat *
load_format (RifqDb        *db,
             RifqRegister   reg,
             GError       **error)
{
  g_autofree char *text = rifq_db_get_setting (db, registers[reg].key);

  return parse_for (reg, text != NULL ? text : registers[reg].fallback, error);
}

char *
rifq_numbering_write (RifqDb       *db,
                      RifqRegister  reg,
                      int           year,
                      gint64        sequence)
{
  g_autoptr(RifqNumberFormat) format = NULL;

  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);
  g_return_val_if_fail (reg < G_N_ELEMENTS (registers), NULL);

  format = load_format (db, reg, NULL);
  return format != NULL ? rifq_number_format_write (format, year, sequence) : NULL;
}

char *
rifq_numbering_next (RifqDb        *db,
                     RifqRegister   reg,
                     int            hijri_year,
                     int           *out_sequence_year,
                     gint64        *out_sequence,
                     GError       **error)
{
  g_autoptr(RifqNumberFormat) format = NULL;
  g_autoptr(GError) local = NULL;
  gint64 sequence;
  int year;

  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);
  g_return_val_if_fail (reg < G_N_ELEMENTS (registers), NULL);

  format = load_format (db, reg, error);
  if (format == NULL)
    return NULL;

  /* Numbers start again each Hijri year only when the year is part of them. */
  year = format->has_year ? hijri_year : 0;
  sequence = rifq_db_execute_insert (db, "INSERT INTO sequence (name, year, last) VALUES (?1, ?2, 1)"
                                         " ON CONFLICT (name, year) DO UPDATE SET last = sequence.last + 1 RETURNING last",
                                     RIFQ_PARAMS (RIFQ_TEXT (registers[reg].sequence), RIFQ_INT (year)), &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  /* Numbers count up from 1: a register below zero was written outside Rifq. */
  if (sequence < 0)
    {
      g_autofree char *last = g_strdup_printf ("%" G_GINT64_FORMAT, sequence - 1);

      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE,
                   _("The register “%s” was changed outside Rifq: its last number is %s."),
                   registers[reg].sequence, last);
      return NULL;
    }

  if (out_sequence_year != NULL)
    *out_sequence_year = year;
  if (out_sequence != NULL)
    *out_sequence = sequence;
  return rifq_number_format_write (format, hijri_year, sequence);
}

gboolean
rifq_numbering_keep_above (RifqDb        *db,
                           RifqRegister   reg,
                           const char    *number,
                           GError       **error)
{
  guint64 value;

  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);
  g_return_val_if_fail (reg < G_N_ELEMENTS (registers), FALSE);

  /* Only a number of digits alone was given by this register; a file number typed otherwise
   * takes no place in its sequence. */
  if (number == NULL || *number == '\0' || strspn (number, "0123456789") != strlen (number) ||
      !g_ascii_string_to_unsigned (number, 10, 0, G_MAXINT64, &value, NULL))
    return TRUE;
  return rifq_db_execute (db, "UPDATE sequence SET last = ?1 WHERE name = ?2 AND year = 0 AND last < ?1",
                          RIFQ_PARAMS (RIFQ_INT (value), RIFQ_TEXT (registers[reg].sequence)), error);
}

gboolean
rifq_numbering_parse_short (const char *typed,
                            int        *out_year,
                            gint64     *out_sequence)
{
  g_autofree char *latin = NULL;
  g_auto(GStrv) parts = NULL;
  guint64 year;
  guint64 sequence;

  g_return_val_if_fail (typed != NULL, FALSE);

  latin = g_strstrip (rifq_arabic_latin_digits (typed));
  parts = g_strsplit (latin, "/", -1);
  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 1, 9999, &year, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, G_MAXINT64, &sequence, NULL))
    return FALSE;
  if (out_year != NULL)
    *out_year = (int) year;
  if (out_sequence != NULL)
    *out_sequence = (gint64) sequence;
  return TRUE;
}
