/* rifq-seal-reader.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-seal-reader"

#include "config.h"

#include <cairo.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#include <zbar.h>

#include "rifq-arabic.h"
#include "rifq-committee.h"
#include "rifq-error.h"
#include "rifq-json.h"
#include "rifq-packet-pdf.h"
#include "rifq-poppler.h"
#include "rifq-request-pdf.h"
#include "rifq-request-store.h"
#include "rifq-seal-reader.h"

/* Pages are scanned at 200 dpi: three pixels a module of a 124 pt code. */
#define SCAN_SCALE (200.0 / 72.0)

/* The first QR code on the page, or NULL. */
static char *
scan_page (PopplerPage *page)
{
  double width, height;
  int w, h, stride;
  cairo_surface_t *surface;
  cairo_t *cr;
  guchar *gray;
  const guchar *pixels;
  zbar_image_scanner_t *scanner;
  zbar_image_t *image;
  char *found = NULL;

  poppler_page_get_size (page, &width, &height);
  w = (int) (width * SCAN_SCALE);
  h = (int) (height * SCAN_SCALE);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, SCAN_SCALE, SCAN_SCALE);
  poppler_page_render_for_printing (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* zbar reads eight-bit gray ("Y800"). */
  stride = cairo_image_surface_get_stride (surface);
  pixels = cairo_image_surface_get_data (surface);
  gray = g_malloc ((gsize) w * h);
  for (int y = 0; y < h; y++)
    {
      const guint32 *row = (const guint32 *) (pixels + (gsize) y * stride);

      for (int x = 0; x < w; x++)
        {
          guint32 p = row[x];

          gray[(gsize) y * w + x] = (guchar) ((((p >> 16) & 0xff) * 77 + ((p >> 8) & 0xff) * 150 + (p & 0xff) * 29) >> 8);
        }
    }
  cairo_surface_destroy (surface);

  scanner = zbar_image_scanner_create ();
  zbar_image_scanner_set_config (scanner, ZBAR_NONE, ZBAR_CFG_ENABLE, 0);
  zbar_image_scanner_set_config (scanner, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
  image = zbar_image_create ();
  zbar_image_set_format (image, zbar_fourcc ('Y', '8', '0', '0'));
  zbar_image_set_size (image, (unsigned) w, (unsigned) h);
  zbar_image_set_data (image, gray, (unsigned long) w * h, zbar_image_free_data);
  if (zbar_scan_image (scanner, image) > 0)
    for (const zbar_symbol_t *symbol = zbar_image_first_symbol (image); symbol != NULL;
         symbol = zbar_symbol_next (symbol))
      if (zbar_symbol_get_type (symbol) == ZBAR_QRCODE)
        {
          found = g_strdup (zbar_symbol_get_data (symbol));
          break;
        }
  zbar_image_destroy (image);
  zbar_image_scanner_destroy (scanner);
  return found;
}

static gboolean
looks_like_pdf (GBytes *pdf)
{
  gsize size;
  const char *data = g_bytes_get_data (pdf, &size);

  return size >= 5 && memcmp (data, "%PDF-", 5) == 0;
}

/* Direction marks that poppler keeps around runs of digits inside Arabic text. */
static char *
strip_marks (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F)
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* "1,500" and "1٬500" read as 1500: thousands separators between digits are dropped. Takes text. */
static char *
without_thousands (char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if ((c == ',' || c == 0x066C) && out->len > 0 && g_ascii_isdigit (out->str[out->len - 1])
          && g_ascii_isdigit (*next))
        continue;
      g_string_append_unichar (out, c);
    }
  g_free (text);
  return g_string_free (out, FALSE);
}

/* What a PDF holds: its keywords (the sealed values, or a packet's cases) and its text, with
 * the QR codes found on its pages when asked for. */
typedef struct
{
  char      *keywords;
  char      *text;       /* every page's text, direction marks out, digits Latin */
  GPtrArray *payloads;   /* char *, each page's first QR code */
} Reading;

static void
reading_clear (Reading *reading)
{
  g_free (reading->keywords);
  g_free (reading->text);
  g_clear_pointer (&reading->payloads, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reading, reading_clear)

static gboolean
read_document (GBytes   *pdf,
               gboolean  scan,
               Reading  *reading,
               GError  **error)
{
  g_autoptr(RifqPopplerDocument) document = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *marked = NULL;
  int pages;

  if (!looks_like_pdf (pdf))
    {
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("The file is not a PDF."));
      return FALSE;
    }
  document = poppler_document_new_from_bytes (pdf, NULL, &local);
  if (document == NULL)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("The PDF is damaged and cannot be read: %s"),
                   local->message);
      return FALSE;
    }
  reading->keywords = poppler_document_get_keywords (document);
  reading->payloads = g_ptr_array_new_with_free_func (g_free);
  pages = poppler_document_get_n_pages (document);
  for (int i = 0; i < pages; i++)
    {
      g_autoptr(RifqPopplerPage) page = poppler_document_get_page (document, i);
      PopplerRectangle whole = { 0, 0, 0, 0 };
      g_autofree char *page_text = NULL;

      if (page == NULL)
        continue;
      /* Selected by lines: poppler_page_get_text drops some runs of digits isolated left to
       * right inside Arabic lines, such as the request number. */
      poppler_page_get_size (page, &whole.x2, &whole.y2);
      page_text = poppler_page_get_selected_text (page, POPPLER_SELECTION_LINE, &whole);
      if (page_text != NULL)
        g_string_append_printf (text, "%s\n", page_text);
      /* And band by band: over a whole page poppler 22.12 leaves out some lines, such as a
       * letterhead's; over a band it keeps them. */
      for (double top = 0; top < whole.y2; top += 80)
        {
          PopplerRectangle band = { 0, top, whole.x2, MIN (top + 100, whole.y2) };
          g_autofree char *band_text = poppler_page_get_text_for_area (page, &band);

          if (band_text != NULL)
            g_string_append_printf (text, "%s\n", band_text);
        }
      if (scan)
        {
          char *payload = scan_page (page);

          if (payload != NULL)
            g_ptr_array_add (reading->payloads, payload);
        }
    }
  marked = strip_marks (text->str);
  reading->text = without_thousands (rifq_arabic_latin_digits (marked));
  return TRUE;
}

static JsonNode *
keywords_json (const char *keywords,
               const char *prefix)
{
  g_autofree guchar *json = NULL;
  g_autofree char *text = NULL;
  gsize length;

  if (keywords == NULL || !g_str_has_prefix (keywords, prefix))
    return NULL;
  json = g_base64_decode (keywords + strlen (prefix), &length);
  text = g_strndup ((const char *) json, length);
  return rifq_json_parse (text, -1, NULL);
}

gboolean
rifq_seal_read_pdf (GBytes  *pdf,
                    char   **out_payload,
                    char   **out_values,
                    char   **out_text,
                    GError **error)
{
  g_auto(Reading) reading = { 0 };
  g_autoptr(JsonNode) carried = NULL;

  g_return_val_if_fail (pdf != NULL, FALSE);

  if (!read_document (pdf, TRUE, &reading, error))
    return FALSE;
  carried = keywords_json (reading.keywords, RIFQ_REQUEST_PDF_SEALED_PREFIX);
  if (reading.payloads->len == 0)
    {
      if (carried != NULL)
        g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                             _("The seal’s QR code cannot be read: it is damaged or missing."));
      else
        g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_NOT_FOUND, _("The PDF carries no Rifq seal."));
      return FALSE;
    }
  if (out_payload != NULL)
    *out_payload = g_strdup (g_ptr_array_index (reading.payloads, 0));
  if (out_values != NULL)
    *out_values = carried && JSON_NODE_HOLDS_OBJECT (carried)
                    ? g_strdup (json_object_get_string_member_with_default (json_node_get_object (carried),
                                                                            "values", NULL))
                    : NULL;
  if (out_text != NULL)
    *out_text = g_steal_pointer (&reading.text);
  return TRUE;
}

/* Whether text shows value as a whole: not as part of a longer number ("3500" is not in "35000"). */
static gboolean
shows (const char *text,
       const char *value)
{
  gsize length = strlen (value);

  for (const char *at = strstr (text, value); at != NULL; at = strstr (at + 1, value))
    {
      gboolean digit_before = at > text && g_ascii_isdigit (at[-1]);
      gboolean digit_after = g_ascii_isdigit (at[length]);

      if (!digit_before && !digit_after)
        return TRUE;
    }
  return FALSE;
}

/* The seal's values a page must show: the number, the national ID, the amount. NULL when the
 * pages show them all (or have no text: a scan), else a sentence naming the first missing. */
static char *
missing_value (JsonObject *summary,
               const char *text)
{
  const char *checked[] = { "number", "national_id" };

  if (text == NULL || *g_strstrip ((char *) text) == '\0')
    return NULL;
  /* Minutes print no number of their own; their cases are checked by their requests' numbers. */
  if (g_strcmp0 (json_object_get_string_member_with_default (summary, "doc", ""), "minutes") == 0)
    {
      JsonNode *cases = json_object_get_member (summary, "cases");

      for (guint i = 0; cases && JSON_NODE_HOLDS_ARRAY (cases) && i < json_array_get_length (json_node_get_array (cases)); i++)
        {
          const char *request = json_array_get_string_element (
            json_array_get_array_element (json_node_get_array (cases), i), 0);

          if (!shows (text, request))
            return g_strdup_printf (_("the pages no longer show the sealed %s “%s”"), _("request number"), request);
        }
      return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (checked); i++)
    {
      const char *value = json_object_get_string_member_with_default (summary, checked[i], NULL);

      if (value != NULL && !shows (text, value))
        return g_strdup_printf (_("the pages no longer show the sealed %s “%s”"),
                                i == 0 ? _("request number") : _("national ID"), value);
    }
  if (json_object_has_member (summary, "amount") && !json_object_get_null_member (summary, "amount"))
    {
      g_autofree char *amount = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (summary, "amount"));

      if (!shows (text, amount))
        return g_strdup_printf (_("the pages no longer show the sealed amount of %s riyals"), amount);
    }
  return NULL;
}

/* A request PDF whose file seal holds: its seal code, its values, and (with the database) the
 * record. */
static RifqSealVerdict
verify_sealed_request (RifqKeyring  *ring,
                       RifqDb       *db,
                       JsonObject   *carried,
                       char        **out_number,
                       char        **out_message)
{
  g_autoptr(JsonObject) summary = NULL;
  g_autofree char *message = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *described = NULL;
  const char *values = json_object_get_string_member_with_default (carried, "values", NULL);
  const char *number;
  RifqSealVerdict v;

  v = rifq_seal_verify_payload (ring, json_object_get_string_member_with_default (carried, "seal", NULL), &summary,
                                &message);
  if (v != RIFQ_SEAL_VALID)
    return rifq_seal_verdict_take (v, out_message, g_steal_pointer (&message));
  digest = values ? g_compute_checksum_for_string (G_CHECKSUM_SHA256, values, -1) : NULL;
  if (g_strcmp0 (digest, json_object_get_string_member_with_default (summary, "values_sha256", "")) != 0)
    return rifq_seal_verdict_take (RIFQ_SEAL_DOCUMENT_CHANGED, out_message,
                                   g_strdup (_("The values the document carries are not those its seal was made over.")));
  number = json_object_get_string_member_with_default (summary, "number", NULL);
  if (out_number != NULL)
    *out_number = g_strdup (number);
  described = rifq_seal_summary_describe (summary);

  if (db != NULL && number != NULL
      && g_strcmp0 (json_object_get_string_member_with_default (summary, "doc", ""), "minutes") == 0)
    {
      gint64 meeting_id = g_ascii_strtoll (number, NULL, 10);
      g_autoptr(RifqSeal) held = NULL;
      g_autofree char *record = NULL;

      if (rifq_seal_check_minutes (db, meeting_id, &held, &record) != RIFQ_SEAL_STATE_GENUINE || held == NULL)
        return rifq_seal_verdict_take (RIFQ_SEAL_RECORD_CHANGED, out_message,
                                       g_strdup_printf (_("The document is genuine, but the record no longer is: %s"),
                                                        record ? record : number));
      if (g_strcmp0 (held->payload, json_object_get_string_member_with_default (carried, "seal", NULL)) != 0)
        return rifq_seal_verdict_take (RIFQ_SEAL_RECORD_CHANGED, out_message,
                                       g_strdup_printf (_("The document carries a genuine seal, but not the one the "
                                                          "association holds for the minutes of meeting %s."),
                                                        number));
    }
  else if (db != NULL && number != NULL
      && g_strcmp0 (json_object_get_string_member_with_default (summary, "doc", ""), "letter") == 0)
    {
      gint64 letter_id = rifq_committee_letter_by_number (db, number);
      g_autoptr(RifqSeal) held = NULL;
      g_autofree char *record = NULL;

      if (letter_id == 0)
        return rifq_seal_verdict_take (RIFQ_SEAL_RECORD_CHANGED, out_message,
                                       g_strdup_printf (_("The document is genuine, but this database has no decision "
                                                          "letter numbered %s."), number));
      if (rifq_seal_check_letter (db, letter_id, &held, &record) != RIFQ_SEAL_STATE_GENUINE)
        return rifq_seal_verdict_take (RIFQ_SEAL_RECORD_CHANGED, out_message,
                                       g_strdup_printf (_("The document is genuine, but the record no longer is: %s"),
                                                        record));
      if (g_strcmp0 (held->payload, json_object_get_string_member_with_default (carried, "seal", NULL)) != 0)
        return rifq_seal_verdict_take (RIFQ_SEAL_RECORD_CHANGED, out_message,
                                       g_strdup_printf (_("The document carries a genuine seal, but not the one the "
                                                          "association holds for letter %s."), number));
    }
  else if (db != NULL && number != NULL)
    {
      g_autoptr(RifqRequest) request = rifq_request_store_get_by_number (db, number, NULL);
      g_autoptr(RifqSeal) held = NULL;
      g_autofree char *record = NULL;

      if (request == NULL)
        return rifq_seal_verdict_take (RIFQ_SEAL_RECORD_CHANGED, out_message,
                                       g_strdup_printf (_("The document is genuine, but this database has no request numbered %s."),
                                                        number));
      if (rifq_seal_check_request (db, request->id, &held, &record) != RIFQ_SEAL_STATE_GENUINE)
        return rifq_seal_verdict_take (RIFQ_SEAL_RECORD_CHANGED, out_message,
                                       g_strdup_printf (_("The document is genuine, but the record no longer is: %s"), record));
      /* The seal the association holds for this request must be the one on the document. */
      if (g_strcmp0 (held->payload, json_object_get_string_member_with_default (carried, "seal", NULL)) != 0)
        return rifq_seal_verdict_take (RIFQ_SEAL_RECORD_CHANGED, out_message,
                                       g_strdup_printf (_("The document carries a genuine seal, but not the one the "
                                                          "association holds for request %s: it is not the request "
                                                          "as the association has it."), number));
    }
  return rifq_seal_verdict_take (RIFQ_SEAL_VALID, out_message,
                                 g_strdup_printf (_("The document is genuine, exactly as the association sealed it. %s"), described));
}

/* A packet whose file seal holds: every case named with its own verdict. */
static RifqSealVerdict
verify_sealed_packet (RifqKeyring  *ring,
                      JsonArray    *cases,
                      char        **out_message)
{
  g_autoptr(GString) lines = g_string_new (NULL);
  RifqSealVerdict worst = RIFQ_SEAL_VALID;
  guint genuine = 0;

  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *item = json_array_get_object_element (cases, i);
      const char *number = item ? json_object_get_string_member_with_default (item, "number", "—") : "—";
      const char *payload = item ? json_object_get_string_member_with_default (item, "seal", NULL) : NULL;
      g_autoptr(JsonObject) summary = NULL;
      g_autofree char *message = NULL;
      RifqSealVerdict v = RIFQ_SEAL_RECORD_CHANGED;

      if (payload != NULL)
        v = rifq_seal_verify_payload (ring, payload, &summary, &message);
      if (v == RIFQ_SEAL_VALID
          && g_strcmp0 (json_object_get_string_member_with_default (summary, "number", NULL), number) != 0)
        v = RIFQ_SEAL_DOCUMENT_CHANGED;
      g_string_append_c (lines, '\n');
      if (v == RIFQ_SEAL_VALID)
        {
          g_autofree char *described = rifq_seal_summary_describe (summary);

          genuine++;
          g_string_append_printf (lines, _("Case %u, request %s: sealed. %s"), i + 1, number, described);
        }
      else if (payload == NULL)
        g_string_append_printf (lines, _("Case %u, request %s: NOT SEALED — its record no longer matched its seal "
                                         "when the packet was printed."), i + 1, number);
      else
        g_string_append_printf (lines, _("Case %u, request %s: %s"), i + 1, number,
                                message ? message : _("its seal does not match."));
      if (v != RIFQ_SEAL_VALID && worst == RIFQ_SEAL_VALID)
        worst = v;
    }
  if (worst == RIFQ_SEAL_VALID)
    return rifq_seal_verdict_take (worst, out_message,
                                   g_strdup_printf ("%s%s", _("The packet is genuine, exactly as the association sealed it, and "
                                                              "every case in it is sealed."), lines->str));
  {
    g_autofree char *head = g_strdup_printf (_("The packet’s file is genuine, but only %u of its %u cases are "
                                               "sealed."), genuine, json_array_get_length (cases));

    return rifq_seal_verdict_take (worst, out_message, g_strdup_printf ("%s%s", head, lines->str));
  }
}

/* A file that is not the sealed file itself (a scan, a copy saved again, pages taken out, an
 * edit): what its seal codes say, against what its pages show. */
static RifqSealVerdict
verify_codes (RifqKeyring  *ring,
              Reading      *reading,
              const char   *file_message,
              gboolean      file_sealed,
              char        **out_number,
              char        **out_message)
{
  g_autoptr(GString) described = g_string_new (NULL);
  RifqSealVerdict worst = RIFQ_SEAL_VALID_VALUES;

  if (reading->payloads->len == 0)
    {
      if (file_sealed)
        return rifq_seal_verdict_take (RIFQ_SEAL_DOCUMENT_CHANGED, out_message, g_strdup (file_message));
      return rifq_seal_verdict_take (RIFQ_SEAL_MALFORMED, out_message, g_strdup (_("The PDF carries no Rifq seal.")));
    }
  for (guint i = 0; i < reading->payloads->len; i++)
    {
      g_autoptr(JsonObject) summary = NULL;
      g_autofree char *message = NULL;
      g_autofree char *missing = NULL;
      g_autofree char *values = NULL;
      RifqSealVerdict v = rifq_seal_verify_payload (ring, g_ptr_array_index (reading->payloads, i), &summary, &message);

      if (v != RIFQ_SEAL_VALID)
        return rifq_seal_verdict_take (v, out_message, g_steal_pointer (&message));
      if (out_number != NULL && *out_number == NULL)
        *out_number = g_strdup (json_object_get_string_member_with_default (summary, "number", NULL));
      values = rifq_seal_summary_describe (summary);
      g_string_append_printf (described, "\n%s", values);
      missing = missing_value (summary, reading->text);
      if (missing != NULL)
        return rifq_seal_verdict_take (RIFQ_SEAL_DOCUMENT_CHANGED, out_message,
                                       g_strdup_printf (_("The document was changed after it was sealed: %s. Its seal code says: %s"),
                                                        missing, values));
      if (file_sealed)
        worst = RIFQ_SEAL_DOCUMENT_CHANGED;
    }
  if (worst == RIFQ_SEAL_DOCUMENT_CHANGED)
    return rifq_seal_verdict_take (worst, out_message,
                                   g_strdup_printf (_("%s Its seal codes are genuine; they say:%s"), file_message, described->str));
  return rifq_seal_verdict_take (RIFQ_SEAL_VALID_VALUES, out_message,
                                 g_strdup_printf (_("The seal codes are genuine, but this is not the sealed file itself (a scan, a "
                                                    "copy saved again, or pages taken out), so only what the codes carry can be "
                                                    "checked. Compare the paper with it:%s"), described->str));
}

RifqSealVerdict
rifq_seal_verify_pdf (RifqKeyring *ring,
                      RifqDb      *db,
                      GBytes      *pdf,
                      char       **out_number,
                      char       **out_message)
{
  g_autoptr(GError) error = NULL;
  g_auto(Reading) reading = { 0 };
  g_autofree char *file_message = NULL;
  g_autoptr(JsonNode) request = NULL;
  g_autoptr(JsonNode) packet = NULL;
  gsize length;
  const guchar *data;
  RifqSealVerdict file;

  g_return_val_if_fail (ring != NULL, RIFQ_SEAL_MALFORMED);
  g_return_val_if_fail (pdf != NULL, RIFQ_SEAL_MALFORMED);

  if (out_number != NULL)
    *out_number = NULL;
  data = g_bytes_get_data (pdf, &length);
  file = rifq_seal_file_verify (ring, data, length, &file_message);
  if (file == RIFQ_SEAL_OTHER_KEY || file == RIFQ_SEAL_FORGED)
    return rifq_seal_verdict_take (file, out_message, g_steal_pointer (&file_message));

  /* A sealed file is read for its values alone; any other is searched for seal codes. */
  if (!read_document (pdf, file != RIFQ_SEAL_VALID, &reading, &error))
    return rifq_seal_verdict_take (RIFQ_SEAL_MALFORMED, out_message, g_strdup (error->message));

  if (file == RIFQ_SEAL_VALID)
    {
      request = keywords_json (reading.keywords, RIFQ_REQUEST_PDF_SEALED_PREFIX);
      packet = keywords_json (reading.keywords, RIFQ_PACKET_PDF_CASES_PREFIX);
      if (request != NULL && JSON_NODE_HOLDS_OBJECT (request))
        return verify_sealed_request (ring, db, json_node_get_object (request), out_number, out_message);
      if (packet != NULL && JSON_NODE_HOLDS_ARRAY (packet))
        return verify_sealed_packet (ring, json_node_get_array (packet), out_message);
      return rifq_seal_verdict_take (RIFQ_SEAL_VALID, out_message, g_steal_pointer (&file_message));
    }
  return verify_codes (ring, &reading, file_message, file == RIFQ_SEAL_DOCUMENT_CHANGED, out_number, out_message);
}
