/* rifq-admin.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-admin"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "rifq-account.h"
#include "rifq-arabic.h"
#include "rifq-audit.h"
#include "rifq-file.h"
#include "rifq-privacy.h"
#include "rifq-permission.h"
#include "rifq-person-pdf.h"
#include "rifq-beneficiary-json.h"
#include "rifq-beneficiary-store.h"
#include "rifq-calendar.h"
#include "rifq-db-copy.h"
#include "rifq-db.h"
#include "rifq-demo.h"
#include "rifq-error.h"
#include "rifq-file.h"
#include "rifq-json.h"
#include "rifq-locale.h"
#include "rifq-validate.h"
#include "rifq-admin.h"
#include "rifq-seal.h"
#include "rifq-settings.h"
#include "rifq-staff.h"

Options opts = { .limit = 50, .beneficiaries = -1, .seed = 1, .amount = -1, .quantity = -1 };

/* The numeric options, read by number_option_cb. */
static const struct
{
  const char *name;
  char        short_name;
  gint64     *value;
  gint64      max;
} number_options[] = {
  { "--limit", 'n', &opts.limit, G_MAXINT },
  { "--offset", 0, &opts.offset, G_MAXINT },
  { "--beneficiaries", 0, &opts.beneficiaries, G_MAXINT },
  { "--requests", 0, &opts.requests, G_MAXINT },
  { "--seed", 0, &opts.seed, G_MAXUINT32 },
  { "--amount", 0, &opts.amount, G_MAXINT64 },
  { "--quantity", 0, &opts.quantity, G_MAXINT64 },
  { "--keep", 0, &opts.keep, 1000 },
};

int
usage (const char *message)
{
  if (message != NULL)
    g_printerr ("%s\n", message);
  g_printerr ("%s\n", _("Usage: rifq-admin [--database PATH] COMMAND …\n"
                        "Commands:\n"
                        "  init [--admin USER [--full-name NAME]]\n"
                        "  server init ADDRESS [--admin USER [--full-name NAME]]\n"
                        "  password\n"
                        "  beneficiary add [FILE|-] [--allow-duplicate REASON]\n"
                        "  beneficiary show ID|NATIONAL-ID [--format json|table]\n"
                        "  beneficiary search QUERY [--limit N] [--format json|table]\n"
                        "  beneficiary list [--offset N] [--limit N] [--format json|table]\n"
                        "  beneficiary export ID|NATIONAL-ID [-o FILE.json|FILE.pdf [--force] | --to FOLDER]\n"
                        "  consent record ID SCOPE [--on DATE] | withdraw CONSENT [--on DATE] | list ID\n"
                        "  retention list [--format json|table]\n"
                        "  validate id|phone VALUE\n"
                        "  date convert DATE\n"
                        "  demo --beneficiaries N [--requests N] [--seed S]\n"
                        "  check\n"
                        "  audit verify\n"
                        "  backup FILE [--encrypt], backup --to FOLDER [--keep N] [--encrypt]\n"
                        "  backup check FILE\n"
                        "  restore FILE\n"
                        "  request create --beneficiary ID --kind K --channel C --description TEXT [--amount N]\n"
                        "  request show NUMBER [--format json|table]\n"
                        "  request list [--state S] [--beneficiary ID] [--limit N] [--format json|table]\n"
                        "  request lookup QUERY\n"
                        "  request document NUMBER TYPE --number N [--issued DATE] [--expires DATE] [--matched]\n"
                        "  request attach NUMBER TYPE FILE\n"
                        "  request sign NUMBER --signature FILE --officer-name NAME [--signer …] [--mark …]\n"
                        "  request advance NUMBER ACTION [--text TEXT] [service or visit options]\n"
                        "  request receipt NUMBER FILE.pdf [--force]\n"
                        "  staff add USER --full-name NAME --roles desk,researcher,…\n"
                        "  staff list\n"
                        "  staff password USER\n"
                        "  committee queue [--kind K] [--city C] [--overdue]\n"
                        "  committee meeting create --on DATE [--place P] | show ID | present ID USER… | agenda ID NUMBER…\n"
                        "  committee meeting remove ID NUMBER…\n"
                        "  committee vote MEETING NUMBER accept|reject|defer [--amount N] [--notes TEXT]\n"
                        "  committee decide MEETING NUMBER accept|reject|defer --text REASONS [--amount N] [--quantity N]\n"
                        "  committee letter NUMBER\n"
                        "  pdf request NUMBER -o FILE.pdf [--force]\n"
                        "  pdf packet MEETING -o FILE.pdf [--force]\n"
                        "  pdf minutes MEETING -o FILE.pdf [--force]\n"
                        "  pdf letter NUMBER -o FILE.pdf [--force]\n"
                        "  verify FILE.pdf --key KEYRING.json | --fingerprint FP | --database PATH\n"
                        "  seal show | export [-o KEYRING.json] | rotate\n"
                        "  settings show | set KEY VALUE | logo FILE.png\n"
                        "Who you are: RIFQ_USER and RIFQ_PASSWORD, or asked at the terminal.\n"
                        "See docs/cli.md for examples."));
  return EXIT_USAGE;
}

/* usage () with a message put together as printf () does. */
int
usage_printf (const char *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  return usage (message);
}

int
refuse (GError *error)
{
  g_printerr ("%s\n", error->message);
  if (g_error_matches (error, RIFQ_ERROR, RIFQ_ERROR_EXISTS))
    g_printerr ("%s\n", _("To replace it, repeat with --force."));
  return g_error_matches (error, RIFQ_ERROR, RIFQ_ERROR_BUSY) ? EXIT_BUSY : EXIT_REFUSED;
}

gboolean
table_format (void)
{
  if (opts.format == NULL || g_str_equal (opts.format, "json"))
    return FALSE;
  return TRUE;
}

/* Every number typed on the command line is read here, as staff type numbers: Arabic-Indic,
 * Eastern Arabic-Indic or Latin digits, thousands separators. A refusal names what was typed
 * where (label): too large, negative, not a whole number. */
gboolean
read_number (const char  *text,
             const char  *label,
             gint64       max,
             gint64      *out_value,
             GError     **error)
{
  return rifq_validate_count (text, label, max, out_value, error);
}

static gboolean
number_option_cb (const char  *option_name,
                  const char  *value,
                  gpointer     data,
                  GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (number_options); i++)
    if (g_str_equal (option_name, number_options[i].name) ||
        (option_name[1] == number_options[i].short_name && option_name[2] == '\0'))
      return read_number (value, number_options[i].name, number_options[i].max, number_options[i].value, error);
  g_return_val_if_reached (FALSE);
}

/* A beneficiary by record number or by national ID, as given with label. */
RifqBeneficiary *
find_beneficiary (RifqDb      *db,
                  const char  *key,
                  const char  *label,
                  GError     **error)
{
  g_autofree char *latin = g_strstrip (rifq_arabic_latin_digits (key));
  RifqNumberKind kind = rifq_number_kind (latin);
  gint64 id;

  if (kind == RIFQ_NUMBER_NONE)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                   _("%s: give the record number or the 10-digit national ID."), label);
      return NULL;
    }
  if (kind != RIFQ_NUMBER_RECORD)
    return rifq_beneficiary_store_get_by_national_id (db, latin, error);
  if (!read_number (latin, label, G_MAXINT64, &id, error))
    return NULL;
  return rifq_beneficiary_store_get (db, id, error);
}

static gboolean
check_format (void)
{
  return opts.format == NULL || g_str_equal (opts.format, "json") || g_str_equal (opts.format, "table");
}

RifqDb *
open_db (GError **error)
{
  g_autofree char *path = opts.database ? g_strdup (opts.database) : rifq_db_default_path ();
  g_autoptr(RifqDb) db = rifq_db_open (path, error);

  if (db == NULL)
    return NULL;
  if (!log_in (db, error) || !rifq_seal_ensure_key (db, error))
    return NULL;
  return g_steal_pointer (&db);
}

int
with_db (DbCommand   command,
         char      **args,
         guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqDb) db = open_db (&error);

  if (db == NULL)
    return refuse (error);
  return command (db, args, n);
}

void
print_built (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  print_json (root);
}

void
print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

static void
pad (GString    *line,
     const char *text,
     glong       width)
{
  glong len = text ? g_utf8_strlen (text, -1) : 0;

  g_string_append (line, text ? text : "");
  for (glong i = len; i < width; i++)
    g_string_append_c (line, ' ');
}

/* Records as the table --format asks for, or as a JSON array of what to_json makes of each. */
void
print_records (GPtrArray          *records,
               const char * const *headers,
               guint               n_columns,
               TableRow            row,
               RecordToJson        to_json)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonArray) array = NULL;

  if (table_format ())
    {
      print_table (headers, n_columns, records, row);
      return;
    }
  root = json_node_new (JSON_NODE_ARRAY);
  array = json_array_new ();
  for (guint i = 0; i < records->len; i++)
    json_array_add_element (array, to_json (g_ptr_array_index (records, i)));
  json_node_set_array (root, array);
  print_json (root);
}

/* The headers, then a line an item: each column as wide as its widest cell, two spaces apart. */
void
print_table (const char * const *headers,
             guint               n_columns,
             GPtrArray          *items,
             TableRow            row)
{
  g_autofree glong *widths = g_new (glong, n_columns);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint c = 0; c < n_columns; c++)
    widths[c] = g_utf8_strlen (headers[c], -1);
  for (guint i = 0; i < items->len; i++)
    {
      char **cells = g_new0 (char *, n_columns + 1);

      row (g_ptr_array_index (items, i), cells);
      for (guint c = 0; c < n_columns; c++)
        {
          if (cells[c] == NULL)
            cells[c] = g_strdup ("");
          widths[c] = MAX (widths[c], g_utf8_strlen (cells[c], -1));
        }
      g_ptr_array_add (rows, cells);
    }
  for (guint i = 0; i <= rows->len; i++)
    {
      const char * const *cells = i == 0 ? headers : g_ptr_array_index (rows, i - 1);
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint c = 0; c < n_columns; c++)
        pad (line, cells[c], c + 1 < n_columns ? widths[c] + 2 : 0);
      g_print ("%s\n", line->str);
    }
}

static void
beneficiary_row (gpointer   item,
                 char     **cells)
{
  RifqBeneficiary *b = item;

  cells[0] = g_strdup (rifq_beneficiary_get (b, RIFQ_FIELD_FILE_NUMBER) ?: "-");
  cells[1] = g_strdup (rifq_beneficiary_get (b, RIFQ_FIELD_NATIONAL_ID));
  cells[2] = rifq_validate_format_mobile (rifq_beneficiary_get (b, RIFQ_FIELD_MOBILE));
  cells[3] = g_strdup (rifq_beneficiary_get (b, RIFQ_FIELD_CITY));
  cells[4] = rifq_beneficiary_dup_full_name (b);
}

/* Beneficiaries as the table or the JSON array --format asks for. */
static void
print_beneficiaries (GPtrArray *beneficiaries)
{
  const char *headers[] = { _("File"), _("National ID"), _("Mobile"), _("City"), _("Name") };

  print_records (beneficiaries, headers, G_N_ELEMENTS (headers), beneficiary_row,
                 (RecordToJson) rifq_beneficiary_to_json);
}

static void
print_record (RifqBeneficiary *b)
{
  GPtrArray *caregivers = rifq_beneficiary_get_caregivers (b);

  for (guint i = 0; i < RIFQ_N_FIELDS; i++)
    {
      const char *value = rifq_beneficiary_get (b, i);
      const RifqFieldInfo *info = rifq_field_info (i);
      g_autofree char *shown = NULL;

      if (value == NULL)
        continue;
      if (info->kind == RIFQ_FIELD_KIND_DATE)
        {
          GDate date;

          if (rifq_calendar_from_iso (value, &date))
            shown = rifq_calendar_format_both (&date, RIFQ_DIGITS_LATIN);
        }
      else if (info->kind == RIFQ_FIELD_KIND_CHOICE)
        shown = g_strdup (rifq_field_choice_label (i, value));
      else if (info->kind == RIFQ_FIELD_KIND_BOOLEAN)
        shown = g_strdup (g_str_equal (value, "true") ? _("yes") : _("no"));
      else if (info->kind == RIFQ_FIELD_KIND_MOBILE)
        shown = rifq_validate_format_mobile (value);
      g_print ("%s: %s\n", rifq_field_label (i), shown ? shown : value);
    }
  for (guint i = 0; i < caregivers->len; i++)
    {
      RifqCaregiver *c = g_ptr_array_index (caregivers, i);
      g_autofree char *mobile = rifq_validate_format_mobile (c->mobile);

      g_print (_("Caregiver: %s (%s)%s%s%s\n"), c->name, c->relation,
               mobile ? " " : "", mobile ? mobile : "",
               c->is_guardian ? _(", guardian") : "");
    }
}

/* JSON from FILE or standard input ("-"), at most RIFQ_JSON_MAX_SIZE bytes, NUL-terminated. */
gboolean
read_input (const char  *file,
            char       **out_data,
            gsize       *out_length,
            GError     **error)
{
  g_autoptr(GString) data = g_string_new (NULL);

  if (file == NULL || g_str_equal (file, "-"))
    {
      char buffer[8192];
      size_t n;

      while (data->len <= RIFQ_JSON_MAX_SIZE && (n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
        g_string_append_len (data, buffer, n);
      if (data->len > RIFQ_JSON_MAX_SIZE)
        {
          g_autofree char *limit = g_format_size (RIFQ_JSON_MAX_SIZE);

          g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_OUT_OF_RANGE,
                       _("The input is longer than %s; at most that much is read."), limit);
          return FALSE;
        }
    }
  else
    {
      g_autoptr(GFile) source = g_file_new_for_commandline_arg (file);
      g_autoptr(GBytes) bytes = rifq_file_load (source, RIFQ_JSON_MAX_SIZE, error);
      gsize size;
      const char *bytes_data;

      if (bytes == NULL)
        return FALSE;
      bytes_data = g_bytes_get_data (bytes, &size);
      g_string_append_len (data, bytes_data, (gssize) size);
    }
  *out_length = data->len;
  *out_data = g_string_free (g_steal_pointer (&data), FALSE);
  return TRUE;
}

/* Where a document is written: never over the database, over another file only with --force. */
gboolean
check_output (const char  *path,
              GError     **error)
{
  return rifq_file_check_output (path, opts.force, error);
}

static int
cmd_beneficiary_add (const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqDb) db = NULL;
  g_autoptr(GPtrArray) beneficiaries = NULL;
  g_autofree char *data = NULL;
  gsize length;

  if (!read_input (file, &data, &length, &error))
    return refuse (error);

  beneficiaries = rifq_beneficiary_parse_json (data, length, &error);
  if (beneficiaries == NULL)
    return refuse (error);

  db = open_db (&error);
  if (db == NULL)
    return refuse (error);

  if (beneficiaries->len == 1)
    {
      g_autoptr(GPtrArray) probable = NULL;
      RifqBeneficiary *b = g_ptr_array_index (beneficiaries, 0);

      if (!rifq_beneficiary_store_add (db, b, opts.allow_duplicate, &probable, &error))
        {
          if (probable == NULL)
            return refuse (error);
          g_printerr ("%s\n", error->message);
          for (guint i = 0; probable != NULL && i < probable->len; i++)
            {
              RifqBeneficiary *other = g_ptr_array_index (probable, i);
              g_autofree char *name = rifq_beneficiary_dup_full_name (other);
              const char *stored = rifq_beneficiary_get (other, RIFQ_FIELD_MOBILE);
              g_autofree char *mobile = rifq_validate_format_mobile (stored);

              g_printerr ("  %s  %s  %s  %s\n", rifq_beneficiary_get (other, RIFQ_FIELD_NATIONAL_ID), mobile,
                          rifq_beneficiary_get (other, RIFQ_FIELD_BIRTH_DATE), name);
            }
          g_printerr ("%s\n", _("To keep it all the same, repeat with --allow-duplicate \"REASON\"."));
          return EXIT_REFUSED;
        }
    }
  else if (!rifq_beneficiary_store_add_many (db, beneficiaries, opts.allow_duplicate, &error))
    return refuse (error);

  if (beneficiaries->len == 1 && !table_format ())
    {
      g_autoptr(JsonNode) node = rifq_beneficiary_to_json (g_ptr_array_index (beneficiaries, 0));
      print_json (node);
    }
  else
    print_beneficiaries (beneficiaries);
  return EXIT_OK;
}

static int
cmd_beneficiary_show (RifqDb  *db,
                      char   **args,
                      guint    n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqBeneficiary) b = find_beneficiary (db, args[2], _("Beneficiary"), &error);

  if (b == NULL)
    return refuse (error);

  if (table_format ())
    print_record (b);
  else
    {
      g_autoptr(JsonNode) node = rifq_beneficiary_to_json (b);
      print_json (node);
    }
  return EXIT_OK;
}

/* beneficiary export ID [-o FILE.json|FILE.pdf]: everything held about one person, for their
 * request under the Personal Data Protection Law, as JSON (with the scans) or as a PDF they can
 * read. */
static int
cmd_beneficiary_export (RifqDb  *db,
                        char   **args,
                        guint    n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqBeneficiary) b = find_beneficiary (db, args[2], _("Beneficiary"), &error);
  g_autoptr(RifqPersonFile) file = NULL;
  g_autoptr(JsonNode) everything = NULL;
  g_autofree char *text = NULL;
  gsize length = opts.output != NULL ? strlen (opts.output) : 0;
  gboolean pdf = length > 4 && g_ascii_strcasecmp (opts.output + length - 4, ".pdf") == 0;

  if (b == NULL)
    return refuse (error);
  /* Who may not export is refused first, whatever they asked for, and the refusal kept. */
  if (!rifq_permission_check (db, RIFQ_PERMISSION_EXPORT_PERSON, &error))
    return refuse (error);
  if ((opts.to != NULL && *opts.to == '\0') || (opts.output != NULL && *opts.output == '\0'))
    return usage (_("export needs a folder (--to FOLDER) or a file (-o FILE), not an empty name."));
  if (opts.to != NULL)
    {
      g_autofree char *json = NULL;
      g_autofree char *written = NULL;

      if (opts.output != NULL)
        return usage (_("export writes either into a folder (--to) or one file (-o), not both."));
      if (opts.force)
        return usage (_("--force does not go with --to: an earlier export in the folder is never written over."));
      if (!rifq_person_export_to_folder (db, rifq_beneficiary_get_id (b), opts.to, &json, &written, &error))
        return refuse (error);
      g_print (_("Everything held about %s is in %s and %s.\n"), rifq_beneficiary_get (b, RIFQ_FIELD_NATIONAL_ID),
               json, written);
      return EXIT_OK;
    }
  if (opts.output != NULL && !rifq_file_check_output (opts.output, opts.force, &error))
    return refuse (error);
  /* A folder that is not there or not writable is said before the export is logged. */
  if (opts.output != NULL)
    {
      g_autofree char *folder = g_path_get_dirname (opts.output);

      if (!g_file_test (folder, G_FILE_TEST_IS_DIR) || g_access (folder, W_OK) != 0)
        {
          g_set_error (&error, G_IO_ERROR, G_IO_ERROR_FAILED, _("“%s” cannot be written: %s"), opts.output,
                       g_strerror (g_file_test (folder, G_FILE_TEST_IS_DIR) ? EACCES : ENOENT));
          return refuse (error);
        }
    }
  file = rifq_privacy_collect (db, rifq_beneficiary_get_id (b), &error);
  if (file == NULL)
    return refuse (error);
  if (pdf)
    {
      if (!rifq_person_pdf_write (db, file, opts.output, &error))
        return refuse (error);
    }
  else
    {
      everything = rifq_person_file_to_json (db, file, &error);
      if (everything == NULL)
        return refuse (error);
      if (opts.output == NULL)
        {
          print_json (everything);
          return EXIT_OK;
        }
      text = rifq_json_to_text (everything);
      if (!rifq_file_save_private (opts.output, text, strlen (text), &error))
        return refuse (error);
    }
  g_print (_("Everything held about %s is in %s.\n"), rifq_beneficiary_get (b, RIFQ_FIELD_NATIONAL_ID), opts.output);
  return EXIT_OK;
}

static void
retention_row (gpointer   item,
               char     **cells)
{
  RifqRetentionItem *file = item;

  cells[0] = g_strdup (file->national_id);
  cells[1] = g_strdup (file->status);
  cells[2] = g_strndup (file->last_activity, 10);
  cells[3] = g_strdup (file->full_name);
}

static JsonNode *
retention_json (gpointer item)
{
  RifqRetentionItem *file = item;
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  rifq_json_add_int (builder, "id", file->id);
  rifq_json_add_string (builder, "national_id", file->national_id);
  rifq_json_add_string (builder, "name", file->full_name);
  rifq_json_add_string (builder, "status", file->status);
  rifq_json_add_string (builder, "last_activity", file->last_activity);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* retention list: the closed files past the retention period, for an administrator to review. */
static int
cmd_retention (RifqDb  *db,
               char   **args,
               guint    n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = NULL;
  const char *headers[] = { N_("National ID"), N_("Status"), N_("Last activity"), N_("Name") };

  if (n != 2 || !g_str_equal (args[1], "list"))
    return usage (_("retention takes: list"));
  files = rifq_privacy_past_retention (db, &error);
  if (files == NULL)
    return refuse (error);
  if (table_format ())
    g_printerr (g_dngettext (GETTEXT_PACKAGE, "%u closed file is past the retention period of %u years.\n",
                             "%u closed files are past the retention period of %u years.\n", files->len),
                files->len, rifq_privacy_retention_years (db));
  print_records (files, headers, G_N_ELEMENTS (headers), retention_row, retention_json);
  return EXIT_OK;
}

static JsonNode *
consent_to_json (gpointer item)
{
  RifqConsent *consent = item;
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  rifq_json_add_int (builder, "id", consent->id);
  rifq_json_add_string (builder, "scope", consent->scope);
  rifq_json_add_string (builder, "given_on", consent->given_on);
  rifq_json_add_string (builder, "recorded_by", consent->recorded_by);
  rifq_json_add_string (builder, "withdrawn_on", consent->withdrawn_on);
  rifq_json_add_string (builder, "withdrawn_by", consent->withdrawn_by);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
consent_row (gpointer   item,
             char     **cells)
{
  RifqConsent *consent = item;

  cells[0] = g_strdup_printf ("%" G_GINT64_FORMAT, consent->id);
  cells[1] = g_strdup (consent->scope);
  cells[2] = g_strdup (consent->given_on);
  cells[3] = g_strdup (consent->withdrawn_on != NULL ? consent->withdrawn_on : "");
  cells[4] = g_strdup (consent->recorded_by);
}

/* consent record ID SCOPE [--on DATE], consent withdraw CONSENT [--on DATE], consent list ID. */
static int
cmd_consent (RifqDb  *db,
             char   **args,
             guint    n)
{
  g_autoptr(GError) error = NULL;
  const char *headers[] = { N_("No."), N_("Scope"), N_("Given on"), N_("Withdrawn on"), N_("Recorded by") };

  if (g_str_equal (args[1], "record") && n == 4)
    {
      g_autoptr(RifqBeneficiary) b = find_beneficiary (db, args[2], _("Beneficiary"), &error);
      g_autoptr(RifqConsent) consent = NULL;

      if (b == NULL)
        return refuse (error);
      consent = rifq_consent_record (db, rifq_beneficiary_get_id (b), args[3], opts.on, &error);
      if (consent == NULL)
        return refuse (error);
      {
        g_autoptr(JsonNode) node = consent_to_json (consent);

        print_json (node);
      }
      return EXIT_OK;
    }
  if (g_str_equal (args[1], "withdraw") && n == 3)
    {
      gint64 id = 0;

      if (!read_number (args[2], _("Consent"), G_MAXINT64, &id, &error) ||
          !rifq_consent_withdraw (db, id, opts.on, &error))
        return refuse (error);
      g_print (_("Consent %s withdrawn.\n"), args[2]);
      return EXIT_OK;
    }
  if (g_str_equal (args[1], "list") && n == 3)
    {
      g_autoptr(RifqBeneficiary) b = find_beneficiary (db, args[2], _("Beneficiary"), &error);
      g_autoptr(GPtrArray) consents = NULL;

      if (b == NULL)
        return refuse (error);
      consents = rifq_consent_list (db, rifq_beneficiary_get_id (b), &error);
      if (consents == NULL)
        return refuse (error);
      print_records (consents, headers, G_N_ELEMENTS (headers), consent_row, consent_to_json);
      return EXIT_OK;
    }
  return usage (_("consent takes: record ID SCOPE [--on DATE], withdraw CONSENT [--on DATE], list ID"));
}

/* beneficiary search QUERY, or beneficiary list. */
static int
cmd_beneficiary_find (RifqDb  *db,
                      char   **args,
                      guint    n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;

  if (n == 3)
    found = rifq_beneficiary_store_search (db, args[2], (guint) MAX (opts.limit, 0), &error);
  else
    found = rifq_beneficiary_store_list (db, (guint) MAX (opts.offset, 0), (guint) MAX (opts.limit, 0), &error);
  if (found == NULL)
    return refuse (error);
  print_beneficiaries (found);
  return EXIT_OK;
}

static int
cmd_validate (const char *what,
              const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *normalized = NULL;

  if (g_str_equal (what, "id"))
    {
      if (!rifq_validate_national_id (value, _("National ID or iqama"), &normalized, &error))
        return refuse (error);
      g_print (_("%s: a valid %s number.\n"), normalized,
               rifq_number_kind (normalized) == RIFQ_NUMBER_NATIONAL_ID ? _("citizen's national ID")
                                                                        : _("resident's iqama"));
      return EXIT_OK;
    }
  if (g_str_equal (what, "phone"))
    {
      g_autofree char *shown = NULL;

      if (!rifq_validate_mobile (value, _("Mobile"), &normalized, &error))
        return refuse (error);
      shown = rifq_validate_format_mobile (normalized);
      g_print (_("%s: a valid Saudi mobile number.\n"), shown);
      return EXIT_OK;
    }
  return usage (_("validate takes “id” or “phone”."));
}

static int
cmd_date_convert (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *gregorian = NULL;
  g_autofree char *hijri_text = NULL;
  RifqCalendarKind kind;
  RifqHijriDate hijri;
  GDate date;

  if (!rifq_calendar_parse (text, &date, &kind, &error) ||
      !rifq_calendar_to_hijri (&date, &hijri, &error))
    {
      g_prefix_error (&error, _("Date “%s”: "), text);
      return refuse (error);
    }

  iso = rifq_calendar_to_iso (&date);
  gregorian = rifq_calendar_format_gregorian (&date, RIFQ_DIGITS_LATIN);
  hijri_text = rifq_calendar_format_hijri (&hijri, RIFQ_DIGITS_LATIN);

  if (table_format ())
    {
      g_print (_("Gregorian: %s (%s)\n"), iso, gregorian);
      g_print (_("Hijri: %04d-%02d-%02d (%s)\n"), hijri.year, hijri.month, hijri.day, hijri_text);
    }
  else
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autofree char *hijri_iso = g_strdup_printf ("%04d-%02d-%02d", hijri.year, hijri.month, hijri.day);

      json_builder_begin_object (builder);
      rifq_json_add_string (builder, "typed_as", kind == RIFQ_CALENDAR_HIJRI ? "hijri" : "gregorian");
      rifq_json_add_string (builder, "gregorian", iso);
      rifq_json_add_string (builder, "gregorian_text", gregorian);
      rifq_json_add_string (builder, "hijri", hijri_iso);
      rifq_json_add_string (builder, "hijri_text", hijri_text);
      rifq_json_add_boolean (builder, "approximate", hijri.approximate);
      json_builder_end_object (builder);
      print_built (builder);
    }
  return EXIT_OK;
}

static int
cmd_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqDb) db = NULL;
  gint64 started;

  if (opts.beneficiaries < 0)
    return usage (_("demo needs --beneficiaries N."));

  db = open_db (&error);
  if (db == NULL)
    return refuse (error);

  started = g_get_monotonic_time ();
  if (!rifq_demo_fill (db, (guint) opts.beneficiaries, (guint32) opts.seed, &error))
    return refuse (error);
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Added %d synthetic beneficiary in %.1f s.\n",
                        "Added %d synthetic beneficiaries in %.1f s.\n",
                        opts.beneficiaries),
           (int) opts.beneficiaries, (g_get_monotonic_time () - started) / 1e6);
  if (opts.requests > 0)
    {
      started = g_get_monotonic_time ();
      if (!rifq_demo_fill_requests (db, (guint) opts.requests, (guint32) opts.seed, &error))
        return refuse (error);
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "Added %d synthetic support request in %.1f s.\n",
                            "Added %d synthetic support requests in %.1f s.\n",
                            opts.requests),
               (int) opts.requests, (g_get_monotonic_time () - started) / 1e6);
    }
  return EXIT_OK;
}

/* The audit log's chain alone, on either engine, for administrators: the first broken link named. */
static int
cmd_audit_verify (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = opts.database ? g_strdup (opts.database) : rifq_db_default_path ();
  g_autoptr(RifqDb) db = rifq_db_open_existing (path, &error);
  g_autofree char *rows_text = NULL;
  gint64 rows = 0;
  gint64 started = g_get_monotonic_time ();

  if (db == NULL || !log_in (db, &error) || !rifq_audit_verify (db, &rows, &error))
    return refuse (error);
  rows_text = g_strdup_printf ("%" G_GINT64_FORMAT, rows);
  g_print (_("Audit log: %s entries, chain intact (checked in %.1f s)\n"), rows_text,
           (g_get_monotonic_time () - started) / 1e6);
  return EXIT_OK;
}

static int
cmd_check (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = opts.database ? g_strdup (opts.database) : rifq_db_default_path ();
  g_autoptr(RifqDb) db = rifq_db_open_existing (path, &error);
  gint64 audit_rows = 0;
  gint64 count;
  int status = EXIT_OK;

  if (db == NULL)
    return refuse (error);
  /* The server, asking who is connecting, shows nothing before. */
  if (rifq_account_server_asks (db) && !log_in (db, &error))
    return refuse (error);

  g_print (_("Database: %s\n"), rifq_db_get_path (db));
  g_print (_("Schema: %d (this program: %d)\n"), rifq_db_get_schema_version (db), RIFQ_SCHEMA_VERSION);
  if (rifq_db_get_schema_version (db) < RIFQ_SCHEMA_VERSION)
    {
      g_print ("%s\n", _("Migrations are pending: run “rifq-admin init” to bring it up to date."));
      status = EXIT_REFUSED;
      return status;
    }
  if (rifq_db_get_actor (db) == NULL && !log_in (db, &error))
    return refuse (error);

  if (!rifq_db_integrity_check (db, &error))
    {
      g_printerr ("%s\n", error->message);
      g_clear_error (&error);
      status = EXIT_REFUSED;
    }
  else
    g_print ("%s\n", _("Integrity: ok"));

  /* The chain, for who may read the log. */
  if (!rifq_audit_verify (db, &audit_rows, &error))
    {
      g_printerr ("%s\n", error->message);
      g_clear_error (&error);
      status = EXIT_REFUSED;
    }
  else
    {
      g_autofree char *rows = g_strdup_printf ("%" G_GINT64_FORMAT, audit_rows);

      g_print (_("Audit log: %s entries, chain intact\n"), rows);
    }

  /* Each record against the state its audit trail ends in. */
  {
    g_autoptr(GPtrArray) problems = NULL;
    guint total = 0;

    if (!rifq_audit_check_records (db, 20, &problems, &total, &error))
      return refuse (error);
    if (total == 0)
      g_print ("%s\n", _("Records: each as its audit trail ends"));
    for (guint i = 0; i < problems->len; i++)
      g_printerr ("%s\n", (const char *) g_ptr_array_index (problems, i));
    if (total > problems->len)
      {
        g_autofree char *more = g_strdup_printf ("%u", total - problems->len);

        g_printerr (_("… and %s more records changed behind Rifq’s back.\n"), more);
      }
    if (total > 0)
      status = EXIT_REFUSED;
  }

  count = rifq_beneficiary_store_count (db, &error);
  if (count < 0)
    return refuse (error);
  {
    g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, count);

    g_print (_("Beneficiaries: %s\n"), number);
  }
  return status;
}

static int
cmd_settings (RifqDb  *db,
              char   **args,
              guint    n)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (args[1], "show") && n == 2)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      for (const char * const *key = rifq_settings_keys (); *key != NULL; key++)
        {
          g_autofree char *value = rifq_db_get_setting (db, *key);

          json_builder_set_member_name (builder, *key);
          /* The logo by its size: its bytes are for the documents, not the terminal. */
          if (g_str_equal (*key, "association_logo_png"))
            {
              g_autoptr(GBytes) logo = rifq_settings_get_logo (db);
              g_autofree char *size = logo ? g_strdup_printf ("%" G_GSIZE_FORMAT, g_bytes_get_size (logo)) : NULL;

              if (logo != NULL)
                json_builder_add_int_value (builder, (gint64) g_bytes_get_size (logo));
              else
                json_builder_add_null_value (builder);
              if (table_format ())
                {
                  if (logo != NULL)
                    /* Translators: how the logo is shown among the settings */
                    g_print (_("%s\tPNG image, %s bytes\n"), *key, size);
                  else
                    g_print ("%s\t\n", *key);
                }
              continue;
            }
          json_builder_add_string_value (builder, value ? value : "");
          if (table_format ())
            g_print ("%s\t%s\n", *key, value ? value : "");
        }
      json_builder_end_object (builder);
      if (!table_format ())
        print_built (builder);
      return EXIT_OK;
    }
  if (g_str_equal (args[1], "set") && n == 4)
    {
      if (!rifq_settings_save (db, args[2], args[3], &error))
        return refuse (error);
      return EXIT_OK;
    }
  if (g_str_equal (args[1], "logo") && n == 3)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (args[2]);
      g_autoptr(GBytes) bytes = rifq_file_load (file, RIFQ_SETTINGS_LOGO_MAX_SIZE, &error);

      if (bytes == NULL || !rifq_settings_save_logo (db, bytes, &error))
        return refuse (error);
      return EXIT_OK;
    }
  return usage_printf (_("Unknown command “settings %s”."), args[1]);
}

/* The association's server: its schema made on an empty database, the person who set it up its
 * first administrator, and the seal's key made here. */
static int
cmd_server_init (const char *location)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqDb) db = NULL;

  if (!rifq_db_is_server_location (location))
    return usage_printf (_("“%s” does not name a server: give a postgresql:// address or a service, "
                           "such as “service=rifq”."), location);
  g_free (opts.database);
  opts.database = g_strdup (location);
  /* By the database's owner, at the server: a workstation's address, with no credential, is
   * asked who is connecting. */
  db = rifq_db_open (location, &error);
  if (db == NULL)
    return refuse (error);
  if (rifq_account_server_asks (db))
    {
      g_printerr (_("%s asks who is connecting: “server init” is run by the database’s owner, at the server "
                    "(build-aux/server does).\n"), rifq_db_get_path (db));
      return EXIT_REFUSED;
    }
  g_clear_object (&db);
  /* With its first administrator, as init makes a desk's; without, its schema alone, set up
   * later with init --admin. */
  if (opts.admin != NULL)
    {
      int status = cmd_init ();

      if (status != EXIT_OK)
        return status;
    }
  db = rifq_db_open (location, &error);
  if (db == NULL)
    return refuse (error);
  g_print (_("The association’s server is ready at %s (schema %d).\n"), rifq_db_get_path (db),
           rifq_db_get_schema_version (db));
  g_print ("%s\n", _("Workstations reach it with the same address: in Preferences, or with --database."));
  if (opts.admin == NULL && rifq_account_setup (db, NULL) == RIFQ_ACCOUNT_SETUP_NEW)
    g_print ("%s\n", _("It has no staff yet: give it its first administrator with “rifq-admin --database "
                        "ADDRESS init --admin USER”."));
  return EXIT_OK;
}

/* A desk's database copied whole onto the server (or back), then checked there. */
static int
cmd_migrate (void)
{
  g_autoptr(GError) error = NULL;
  RifqDbCopySummary summary;
  g_autoptr(RifqDb) source = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *entries = NULL;

  if (opts.from == NULL || opts.to == NULL)
    return usage (_("migrate needs --from LOCATION and --to LOCATION."));
  /* Whoever copies logs in to the database copied, as one of its administrators. */
  source = rifq_db_open_existing (opts.from, &error);
  if (source == NULL || !log_in (source, &error))
    return refuse (error);
  if (!rifq_db_copy (opts.from, opts.to, rifq_db_get_actor (source), 50, &summary, &error))
    return refuse (error);
  rows = g_strdup_printf ("%" G_GINT64_FORMAT, summary.rows);
  entries = g_strdup_printf ("%" G_GINT64_FORMAT, summary.audit_entries);
  g_print (_("Copied %u tables, %s rows, in one transaction.\n"), summary.tables, rows);
  g_print (_("Checked on arrival: every table’s count, the audit log (%s entries, chain intact) and %u "
             "seals.\n"), entries, summary.seals_checked);
  return EXIT_OK;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  guint n;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &opts.database, N_("Use the database at PATH"), N_("PATH") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &opts.format, N_("Output as json (default) or table"), N_("FORMAT") },
    { "limit", 'n', 0, G_OPTION_ARG_CALLBACK, number_option_cb, N_("At most N results (default 50)"), N_("N") },
    { "offset", 0, 0, G_OPTION_ARG_CALLBACK, number_option_cb, N_("Skip the first N (list)"), N_("N") },
    { "allow-duplicate", 0, 0, G_OPTION_ARG_STRING, &opts.allow_duplicate,
      N_("Keep a probable duplicate, for this reason (recorded in the audit log)"), N_("REASON") },
    { "beneficiaries", 0, 0, G_OPTION_ARG_CALLBACK, number_option_cb, N_("How many to generate (demo)"), N_("N") },
    { "requests", 0, 0, G_OPTION_ARG_CALLBACK, number_option_cb, N_("How many support requests to spread over them (demo)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_CALLBACK, number_option_cb, N_("Seed for the same people every time (demo)"), N_("S") },
    { "admin", 0, 0, G_OPTION_ARG_STRING, &opts.admin, N_("The first administrator of a new database (init)"),
      N_("USER") },
    { "beneficiary", 0, 0, G_OPTION_ARG_STRING, &opts.beneficiary, N_("The beneficiary's record number or national ID"), N_("ID") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &opts.kind, N_("Kind of support (code)"), N_("KIND") },
    { "channel", 0, 0, G_OPTION_ARG_STRING, &opts.channel, N_("Channel the request came through (code)"), N_("CHANNEL") },
    { "description", 0, 0, G_OPTION_ARG_STRING, &opts.description, N_("What the applicant asks for"), N_("TEXT") },
    { "amount", 0, 0, G_OPTION_ARG_CALLBACK, number_option_cb, N_("Amount in riyals"), N_("N") },
    { "text", 0, 0, G_OPTION_ARG_STRING, &opts.text, N_("Question, answer or reason of a step"), N_("TEXT") },
    { "state", 0, 0, G_OPTION_ARG_STRING, &opts.state, N_("Only requests in this state (list)"), N_("STATE") },
    { "number", 0, 0, G_OPTION_ARG_STRING, &opts.number, N_("The document's number"), N_("NUMBER") },
    { "issued", 0, 0, G_OPTION_ARG_STRING, &opts.issued, N_("Issue date, Hijri or Gregorian"), N_("DATE") },
    { "expires", 0, 0, G_OPTION_ARG_STRING, &opts.expires, N_("Expiry date, Hijri or Gregorian"), N_("DATE") },
    { "matched", 0, 0, G_OPTION_ARG_NONE, &opts.matched, N_("The document was matched against the original"), NULL },
    { "key", 0, 0, G_OPTION_ARG_FILENAME, &opts.key, N_("The association's keyring, as seal export writes it (verify)"), N_("FILE") },
    { "fingerprint", 0, 0, G_OPTION_ARG_STRING, &opts.fingerprint, N_("The fingerprint of the association's seal key (verify)"), N_("FP") },
    { "signature", 0, 0, G_OPTION_ARG_FILENAME, &opts.signature, N_("The signature's strokes as JSON"), N_("FILE") },
    { "signer", 0, 0, G_OPTION_ARG_STRING, &opts.signer, N_("applicant (default) or caregiver"), N_("WHO") },
    { "signer-name", 0, 0, G_OPTION_ARG_STRING, &opts.signer_name, N_("The caregiver's name"), N_("NAME") },
    { "relation", 0, 0, G_OPTION_ARG_STRING, &opts.relation, N_("The caregiver's relation to the applicant"), N_("RELATION") },
    { "mark", 0, 0, G_OPTION_ARG_STRING, &opts.mark, N_("signature (default) or thumbprint"), N_("MARK") },
    { "officer-name", 0, 0, G_OPTION_ARG_STRING, &opts.officer_name, N_("The officer's own name, to confirm"), N_("NAME") },
    { "visit-on", 0, 0, G_OPTION_ARG_STRING, &opts.visit_on, N_("Day of the home visit"), N_("DATE") },
    { "findings", 0, 0, G_OPTION_ARG_STRING, &opts.findings, N_("Findings of the home visit"), N_("TEXT") },
    { "household", 0, 0, G_OPTION_ARG_STRING, &opts.household, N_("The household seen on the visit"), N_("TEXT") },
    { "recommendation", 0, 0, G_OPTION_ARG_STRING, &opts.recommendation, N_("The researcher's recommendation"), N_("TEXT") },
    { "quantity", 0, 0, G_OPTION_ARG_CALLBACK, number_option_cb, N_("Quantity delivered, or approved by a decision"), N_("N") },
    { "delivered-on", 0, 0, G_OPTION_ARG_STRING, &opts.delivered_on, N_("Day the service was delivered"), N_("DATE") },
    { "delivered-by", 0, 0, G_OPTION_ARG_STRING, &opts.delivered_by, N_("Who delivered the service"), N_("NAME") },
    { "place", 0, 0, G_OPTION_ARG_STRING, &opts.place, N_("office or home (service); where the meeting is held"), N_("PLACE") },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &opts.notes, N_("Notes on the service"), N_("TEXT") },
    { "override", 0, 0, G_OPTION_ARG_STRING, &opts.override,
      N_("Why a service goes beyond what the committee approved (an administrator)"), N_("REASON") },
    { "full-name", 0, 0, G_OPTION_ARG_STRING, &opts.full_name, N_("A member of staff's full name"), N_("NAME") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opts.output, N_("Write the PDF to FILE"), N_("FILE") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &opts.force,
      N_("Replace an existing file that Rifq did not make (never the database)"), NULL },
    { "on", 0, 0, G_OPTION_ARG_STRING, &opts.on, N_("Day of the meeting, Hijri or Gregorian"), N_("DATE") },
    { "city", 0, 0, G_OPTION_ARG_STRING, &opts.city, N_("Only requests from this city (queue)"), N_("CITY") },
    { "overdue", 0, 0, G_OPTION_ARG_NONE, &opts.overdue, N_("Only requests past their reply date (queue)"), NULL },
    { "roles", 0, 0, G_OPTION_ARG_STRING, &opts.roles, N_("Roles, separated by commas"), N_("ROLES") },
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &opts.from, N_("The database to copy: a file or the server (migrate)"),
      N_("LOCATION") },
    { "to", 0, 0, G_OPTION_ARG_FILENAME, &opts.to,
      N_("The empty database to copy into (migrate); the folder of backups (backup) or of a person's export (beneficiary export)"),
      N_("LOCATION") },
    { "keep", 0, 0, G_OPTION_ARG_CALLBACK, number_option_cb, N_("How many backups to keep in the folder (default 14)"),
      N_("N") },
    { "encrypt", 0, 0, G_OPTION_ARG_NONE, &opts.encrypt,
      N_("Seal the backup with a passphrase (RIFQ_BACKUP_PASSPHRASE, or asked)"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &args, NULL, N_("COMMAND …") },
    { NULL }
  };

  rifq_locale_init ();
  /* Not given, as against --keep 0. */
  opts.keep = -1;

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Rifq's headless tool: set up the database, import and "
                                           "look up beneficiaries, convert dates, check integrity."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      /* A number refused is input to correct, named by its option; anything else is a mistake
       * in the command. */
      if (error->domain == RIFQ_ERROR)
        return refuse (error);
      return usage (error->message);
    }
  if (!check_format ())
    return usage (_("--format takes json or table."));

  n = args ? g_strv_length (args) : 0;
  if (n == 0)
    return usage (NULL);

  if (g_str_equal (args[0], "init") && n == 1)
    return cmd_init ();
  if (g_str_equal (args[0], "password") && n == 1)
    return with_db (cmd_password, args, n);
  if (g_str_equal (args[0], "server") && n == 3 && g_str_equal (args[1], "init"))
    return cmd_server_init (args[2]);
  if (g_str_equal (args[0], "migrate") && n == 1)
    return cmd_migrate ();
  if (g_str_equal (args[0], "check") && n == 1)
    return cmd_check ();
  if (g_str_equal (args[0], "audit") && n == 2 && g_str_equal (args[1], "verify"))
    return cmd_audit_verify ();
  if (g_str_equal (args[0], "consent") && n >= 3)
    return with_db (cmd_consent, args, n);
  if (g_str_equal (args[0], "retention") && n >= 2)
    return with_db (cmd_retention, args, n);
  if (g_str_equal (args[0], "backup") && n <= 3)
    return cmd_backup (args, n);
  if (g_str_equal (args[0], "restore") && n == 2)
    return cmd_restore (args[1]);
  if (g_str_equal (args[0], "demo") && n == 1)
    return cmd_demo ();
  if (g_str_equal (args[0], "validate") && n == 3)
    return cmd_validate (args[1], args[2]);
  if (g_str_equal (args[0], "date") && n == 3 && g_str_equal (args[1], "convert"))
    return cmd_date_convert (args[2]);
  if (g_str_equal (args[0], "request") && n >= 2)
    return with_db (cmd_request, args, n);
  if (g_str_equal (args[0], "settings") && n >= 2)
    return with_db (cmd_settings, args, n);
  if (g_str_equal (args[0], "pdf") && n >= 3)
    return with_db (cmd_pdf, args, n);
  if (g_str_equal (args[0], "verify") && n == 2)
    return cmd_verify (args[1]);
  if (g_str_equal (args[0], "seal") && n >= 2)
    return with_db (cmd_seal, args, n);
  if (g_str_equal (args[0], "committee") && n >= 2)
    return with_db (cmd_committee, args, n);
  if (g_str_equal (args[0], "staff") && n >= 2)
    return with_db (cmd_staff, args, n);
  if (g_str_equal (args[0], "beneficiary") && n >= 2)
    {
      if (g_str_equal (args[1], "add") && n <= 3)
        return cmd_beneficiary_add (n == 3 ? args[2] : NULL);
      if (g_str_equal (args[1], "show") && n == 3)
        return with_db (cmd_beneficiary_show, args, n);
      if (g_str_equal (args[1], "export") && n == 3)
        return with_db (cmd_beneficiary_export, args, n);
      if ((g_str_equal (args[1], "search") && n == 3) || (g_str_equal (args[1], "list") && n == 2))
        return with_db (cmd_beneficiary_find, args, n);
    }

  return usage_printf (_("Unknown command “%s”."), args[0]);
}
