/* rifq-json.c: the one door every JSON Rifq reads comes through
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-json"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "rifq-error.h"
#include "rifq-json.h"

#define BYTE_ORDER_MARK "\xef\xbb\xbf"
/* How much of a member name or a word an error message quotes. */
#define QUOTED_MAX 40

/* json-glib's parser takes JSON Lines as their first line, comments, single quotes and
 * hexadecimal numbers, cuts a string at \u0000 and recurses once a level: the text is walked
 * here first, with a stack of its own, so that only strict JSON of bounded depth reaches it. */
typedef struct
{
  const char *start;
  const char *p;
  const char *end;
  guint       depth;
  char        open[RIFQ_JSON_MAX_DEPTH];   /* '{' or '[' of each level open */
  GHashTable *names[RIFQ_JSON_MAX_DEPTH];  /* the member names of each object open */
} Scanner;

typedef enum
{
  EXPECT_VALUE,
  EXPECT_NAME,
  AFTER_VALUE,
} State;

static gboolean
stop (Scanner     *s,
      const char  *where,
      GError     **error,
      const char  *format,
      ...) G_GNUC_PRINTF (4, 5);

/* Refuses the text, naming the line and the column (in characters) of where. */
static gboolean
stop (Scanner     *s,
      const char  *where,
      GError     **error,
      const char  *format,
      ...)
{
  g_autofree char *reason = NULL;
  const char *line_start = s->start;
  guint line = 1;
  va_list args;

  for (const char *p = s->start; p < where; p++)
    if (*p == '\n')
      {
        line++;
        line_start = p + 1;
      }

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: line, column, then what is wrong there */
  g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("The JSON is malformed at line %u, column %ld: %s"),
               line, g_utf8_strlen (line_start, where - line_start) + 1, reason);
  return FALSE;
}

static char *
shorten (const char *text)
{
  g_autofree char *head = NULL;

  if (g_utf8_strlen (text, -1) <= QUOTED_MAX)
    return g_strdup (text);
  head = g_utf8_substring (text, 0, QUOTED_MAX);
  return g_strconcat (head, "…", NULL);
}

static void
skip_space (Scanner *s)
{
  while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
    s->p++;
}

/* What was found instead of what was expected; quotes and comments are named, as the usual
 * slips from JavaScript. */
static gboolean
unexpected (Scanner     *s,
            const char  *expected,
            GError     **error)
{
  if (s->p >= s->end)
    return stop (s, s->end, error, "%s", _("the JSON ends before it is complete"));
  if (*s->p == '\'')
    return stop (s, s->p, error, "%s", _("text must be in double quotes, not single quotes"));
  if (*s->p == '/')
    return stop (s, s->p, error, "%s", _("comments are not part of JSON"));
  return stop (s, s->p, error, "%s", expected);
}

static gboolean
read_hex4 (Scanner  *s,
           gunichar *out_value)
{
  gunichar value = 0;

  if (s->end - s->p < 4)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (s->p[i]);

      if (digit < 0)
        return FALSE;
      value = value * 16 + (gunichar) digit;
    }
  s->p += 4;
  *out_value = value;
  return TRUE;
}

/* A \u escape, after the u: one character, or a surrogate pair written as two escapes. */
static gboolean
scan_unicode_escape (Scanner     *s,
                     const char  *escape,
                     GString     *text,
                     GError     **error)
{
  gunichar c;
  gunichar low;

  if (!read_hex4 (s, &c))
    return stop (s, escape, error, "%s", _("“\\u” must be followed by four hexadecimal digits"));
  if (c == 0)
    return stop (s, escape, error, "%s", _("a string may not hold the character U+0000 (\\u0000)"));
  if (c >= 0xdc00 && c <= 0xdfff)
    return stop (s, escape, error, "%s", _("a “\\u” escape gives half a character (a lone surrogate)"));
  if (c >= 0xd800 && c <= 0xdbff)
    {
      if (s->end - s->p < 2 || s->p[0] != '\\' || s->p[1] != 'u')
        return stop (s, escape, error, "%s", _("a “\\u” escape gives half a character (a lone surrogate)"));
      s->p += 2;
      if (!read_hex4 (s, &low) || low < 0xdc00 || low > 0xdfff)
        return stop (s, escape, error, "%s", _("a “\\u” escape gives half a character (a lone surrogate)"));
      c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
    }
  if (text != NULL)
    g_string_append_unichar (text, c);
  return TRUE;
}

/* A string at s->p; its text in out_text when asked (member names, to find them twice). */
static gboolean
scan_string (Scanner     *s,
             char       **out_text,
             GError     **error)
{
  g_autoptr(GString) text = out_text ? g_string_new (NULL) : NULL;
  const char *opening = s->p++;
  const char *run = s->p;

  for (;;)
    {
      const char *escape;
      guchar c;

      if (s->p >= s->end)
        return stop (s, opening, error, "%s", _("a string begun here is not closed"));
      c = (guchar) *s->p;
      if (c == '"')
        break;
      if (c < 0x20)
        return stop (s, s->p, error, "%s",
                     _("a line break or another control character inside a string must be written as an escape"));
      if (c != '\\')
        {
          s->p++;
          continue;
        }

      if (text != NULL)
        g_string_append_len (text, run, s->p - run);
      escape = s->p++;
      if (s->p >= s->end)
        return stop (s, opening, error, "%s", _("a string begun here is not closed"));
      c = (guchar) *s->p++;
      switch (c)
        {
        case '"': case '\\': case '/':
          break;
        case 'b':
          c = '\b';
          break;
        case 'f':
          c = '\f';
          break;
        case 'n':
          c = '\n';
          break;
        case 'r':
          c = '\r';
          break;
        case 't':
          c = '\t';
          break;
        case 'u':
          if (!scan_unicode_escape (s, escape, text, error))
            return FALSE;
          c = 0;
          break;
        default:
          return stop (s, escape, error, "%s",
                       _("a backslash in a string must begin one of the escapes \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX"));
        }
      if (text != NULL && c != 0)
        g_string_append_c (text, (char) c);
      run = s->p;
    }

  if (text != NULL)
    {
      g_string_append_len (text, run, s->p - run);
      *out_text = g_string_free (g_steal_pointer (&text), FALSE);
    }
  s->p++;
  return TRUE;
}

static void
skip_digits (Scanner *s)
{
  while (s->p < s->end && g_ascii_isdigit (*s->p))
    s->p++;
}

/* -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?, and nothing glued to it. */
static gboolean
scan_number (Scanner  *s,
             GError  **error)
{
  const char *number = s->p;

  if (*s->p == '-')
    s->p++;
  if (s->p < s->end && *s->p == '0')
    s->p++;
  else if (s->p < s->end && *s->p >= '1' && *s->p <= '9')
    skip_digits (s);
  else
    goto wrong;
  if (s->p < s->end && *s->p == '.')
    {
      s->p++;
      if (s->p >= s->end || !g_ascii_isdigit (*s->p))
        goto wrong;
      skip_digits (s);
    }
  if (s->p < s->end && (*s->p == 'e' || *s->p == 'E'))
    {
      s->p++;
      if (s->p < s->end && (*s->p == '+' || *s->p == '-'))
        s->p++;
      if (s->p >= s->end || !g_ascii_isdigit (*s->p))
        goto wrong;
      skip_digits (s);
    }
  if (s->p < s->end && (g_ascii_isalnum (*s->p) || *s->p == '.'))
    goto wrong;
  /* Beyond what a number can hold (3e999 is infinity) it could not be written back as JSON. */
  {
    g_autofree char *text = g_strndup (number, (gsize) (s->p - number));

    if (!isfinite (g_ascii_strtod (text, NULL)))
      return stop (s, number, error, "%s", _("a number is too large"));
  }
  return TRUE;

wrong:
  return stop (s, number, error, "%s", _("a number is written in a way JSON does not allow"));
}

static gboolean
is_word_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '$';
}

/* true, false, null; any other word is named. */
static gboolean
scan_word (Scanner  *s,
           GError  **error)
{
  static const char * const literals[] = { "true", "false", "null" };
  const char *word = s->p;
  g_autofree char *found = NULL;
  g_autofree char *shown = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (literals); i++)
    {
      gsize length = strlen (literals[i]);

      if ((gsize) (s->end - s->p) >= length && memcmp (s->p, literals[i], length) == 0 &&
          (s->p + length == s->end || !is_word_char (s->p[length])))
        {
          s->p += length;
          return TRUE;
        }
    }
  if (*s->p == '.' || *s->p == '+')
    return stop (s, s->p, error, "%s", _("a number is written in a way JSON does not allow"));
  if (!is_word_char (*s->p))
    return unexpected (s, _("a value was expected here"), error);

  while (s->p < s->end && is_word_char (*s->p))
    s->p++;
  found = g_strndup (word, s->p - word);
  shown = shorten (found);
  return stop (s, word, error, _("“%s” is not a JSON value; text must be in double quotes"), shown);
}

static gboolean
push (Scanner  *s,
      char      bracket,
      GError  **error)
{
  if (s->depth == RIFQ_JSON_MAX_DEPTH)
    return stop (s, s->p, error, _("the JSON is nested more than %d levels deep"), RIFQ_JSON_MAX_DEPTH);
  s->open[s->depth] = bracket;
  if (bracket == '{')
    {
      if (s->names[s->depth] == NULL)
        s->names[s->depth] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      else
        g_hash_table_remove_all (s->names[s->depth]);
    }
  s->depth++;
  s->p++;
  return TRUE;
}

static gboolean
scan_name (Scanner  *s,
           GError  **error)
{
  const char *at = s->p;
  g_autofree char *name = NULL;
  GHashTable *names = s->names[s->depth - 1];

  if (s->p >= s->end || *s->p != '"')
    return unexpected (s, _("a member name in double quotes was expected here"), error);
  if (!scan_string (s, &name, error))
    return FALSE;
  if (g_hash_table_contains (names, name))
    {
      g_autofree char *shown = shorten (name);

      return stop (s, at, error, _("the member “%s” appears twice in one object"), shown);
    }
  g_hash_table_add (names, g_steal_pointer (&name));
  skip_space (s);
  if (s->p >= s->end || *s->p != ':')
    return unexpected (s, _("“:” was expected after the member name"), error);
  s->p++;
  return TRUE;
}

/* After a value inside a container: a comma and the next, or the container's end. */
static gboolean
scan_after_value (Scanner  *s,
                  State    *state,
                  GError  **error)
{
  char closing = s->open[s->depth - 1] == '{' ? '}' : ']';

  if (s->p < s->end && *s->p == ',')
    {
      s->p++;
      skip_space (s);
      if (s->p < s->end && *s->p == closing)
        return stop (s, s->p, error, _("a comma is followed by no more before “%c”"), closing);
      *state = closing == '}' ? EXPECT_NAME : EXPECT_VALUE;
      return TRUE;
    }
  if (s->p < s->end && *s->p == closing)
    {
      s->p++;
      s->depth--;
      *state = AFTER_VALUE;
      return TRUE;
    }
  return unexpected (s, closing == '}' ? _("“,” or “}” was expected here") : _("“,” or “]” was expected here"),
                     error);
}

static gboolean
scan_value (Scanner  *s,
            State    *state,
            GError  **error)
{
  char c;

  if (s->p >= s->end)
    return unexpected (s, _("a value was expected here"), error);
  c = *s->p;
  if (c == '{' || c == '[')
    {
      char closing = c == '{' ? '}' : ']';

      if (!push (s, c, error))
        return FALSE;
      skip_space (s);
      if (s->p < s->end && *s->p == closing)
        {
          s->p++;
          s->depth--;
          *state = AFTER_VALUE;
        }
      else
        *state = c == '{' ? EXPECT_NAME : EXPECT_VALUE;
      return TRUE;
    }
  *state = AFTER_VALUE;
  if (c == '"')
    return scan_string (s, NULL, error);
  if (c == '-' || g_ascii_isdigit (c))
    return scan_number (s, error);
  return scan_word (s, error);
}

/* Only space may follow the one value: a second one is how JSON Lines and objects written
 * back to back would lose every record but the first. */
static gboolean
scan_end (Scanner  *s,
          GError  **error)
{
  skip_space (s);
  if (s->p == s->end)
    return TRUE;
  if (*s->p == '{' || *s->p == '[' || *s->p == '"' || *s->p == '-' || g_ascii_isalnum (*s->p))
    return stop (s, s->p, error, "%s",
                 _("a second JSON value begins here; give one object, or one array [ … ] holding them all"));
  return unexpected (s, _("there is more after the end of the JSON"), error);
}

static gboolean
scan (Scanner  *s,
      GError  **error)
{
  State state = EXPECT_VALUE;

  for (;;)
    {
      gboolean ok;

      skip_space (s);
      if (state == AFTER_VALUE && s->depth == 0)
        return scan_end (s, error);
      switch (state)
        {
        case EXPECT_VALUE:
          ok = scan_value (s, &state, error);
          break;
        case EXPECT_NAME:
          ok = scan_name (s, error);
          state = EXPECT_VALUE;
          break;
        case AFTER_VALUE:
        default:
          ok = scan_after_value (s, &state, error);
          break;
        }
      if (!ok)
        return FALSE;
    }
}

gboolean
rifq_json_check (const char  *data,
                 gssize       length,
                 GError     **error)
{
  Scanner s = { 0 };
  gsize size;
  const char *invalid;
  gboolean ok;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  size = length < 0 ? strlen (data) : (gsize) length;
  if (size > RIFQ_JSON_MAX_SIZE)
    {
      g_autofree char *shown = g_format_size (size);
      g_autofree char *limit = g_format_size (RIFQ_JSON_MAX_SIZE);

      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("The JSON is %s; at most %s is read"), shown, limit);
      return FALSE;
    }

  s.start = data;
  s.p = data;
  s.end = data + size;
  if (!g_utf8_validate_len (data, size, &invalid))
    return stop (&s, invalid, error, "%s",
                 *invalid == '\0' ? _("the text holds the character U+0000") : _("the text is not valid UTF-8"));
  if (size >= strlen (BYTE_ORDER_MARK) && memcmp (data, BYTE_ORDER_MARK, strlen (BYTE_ORDER_MARK)) == 0)
    s.p += strlen (BYTE_ORDER_MARK);

  skip_space (&s);
  if (s.p == s.end)
    {
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("The JSON is empty"));
      return FALSE;
    }
  if (*s.p != '{' && *s.p != '[')
    return unexpected (&s, _("the JSON must be one object or one array"), error);

  ok = scan (&s, error);
  for (guint i = 0; i < RIFQ_JSON_MAX_DEPTH; i++)
    g_clear_pointer (&s.names[i], g_hash_table_unref);
  return ok;
}

gboolean
rifq_json_load (JsonParser  *parser,
                const char  *data,
                gssize       length,
                GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize size;

  g_return_val_if_fail (JSON_IS_PARSER (parser), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  if (!rifq_json_check (data, length, error))
    return FALSE;

  size = length < 0 ? strlen (data) : (gsize) length;
  if (size >= strlen (BYTE_ORDER_MARK) && memcmp (data, BYTE_ORDER_MARK, strlen (BYTE_ORDER_MARK)) == 0)
    {
      data += strlen (BYTE_ORDER_MARK);
      size -= strlen (BYTE_ORDER_MARK);
    }
  if (!json_parser_load_from_data (parser, data, (gssize) size, &local_error))
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("The JSON is malformed: %s"), local_error->message);
      return FALSE;
    }
  return TRUE;
}

JsonNode *
rifq_json_parse (const char  *data,
                 gssize       length,
                 GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();

  if (!rifq_json_load (parser, data, length, error))
    return NULL;
  return json_parser_steal_root (parser);
}

void
rifq_json_add_string (JsonBuilder *builder,
                      const char  *name,
                      const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* A member of the object builder is in, as name and value. */
void
rifq_json_add_int (JsonBuilder *builder,
                   const char  *name,
                   gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

void
rifq_json_add_int_if (JsonBuilder *builder,
                      const char  *name,
                      gboolean     known,
                      gint64       value)
{
  json_builder_set_member_name (builder, name);
  if (known)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
rifq_json_add_boolean (JsonBuilder *builder,
                       const char  *name,
                       gboolean     value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

char *
rifq_json_to_text (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *written = NULL;
  gboolean in_string = FALSE;
  gboolean exponent = FALSE;
  GString *text;

  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, FALSE);
  written = json_generator_to_data (generator, NULL);

  /* json-glib (1.6) writes what JSON does not allow, and rifq_json_check then refuses what Rifq
   * wrote (an audit entry, a seal's values): some control characters inside strings as they are
   * (U+001F, say), escaped here; and a number with an exponent with ".0" after it (3e22 as
   * "3e+22.0"), taken off here. */
  text = g_string_sized_new (strlen (written));
  for (const char *p = written; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (in_string)
        {
          if (c == '\\' && p[1] != '\0')
            {
              g_string_append_len (text, p, 2);
              p++;
              continue;
            }
          in_string = c != '"';
          if (c < 0x20)
            g_string_append_printf (text, "\\u%04x", (guint) c);
          else
            g_string_append_c (text, (char) c);
          continue;
        }
      in_string = c == '"';
      if (c == 'e' || c == 'E')
        exponent = TRUE;
      else if (exponent && c == '.' && p[1] == '0' && !g_ascii_isdigit (p[2]))
        {
          p++;
          continue;
        }
      else if (!g_ascii_isdigit (c) && c != '+' && c != '-')
        exponent = FALSE;
      g_string_append_c (text, (char) c);
    }
  return g_string_free (text, FALSE);
}

const char *
rifq_json_get_string (JsonObject *object,
                      const char *name)
{
  return object ? json_object_get_string_member_with_default (object, name, NULL) : NULL;
}

JsonObject *
rifq_json_get_object (JsonObject *object,
                      const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}
