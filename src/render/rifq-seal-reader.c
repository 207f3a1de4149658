/* rifq-seal-reader.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <glib/gi18n-lib.h>
#include <poppler.h>
#include <string.h>
#include <zbar.h>

#include "rifq-arabic.h"
#include "rifq-error.h"
#include "rifq-seal-reader.h"

/* poppler-glib 22.12 declares no autoptr cleanups of its own. */
typedef PopplerDocument RifqPopplerDocument;
typedef PopplerPage RifqPopplerPage;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RifqPopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RifqPopplerPage, g_object_unref)

#define KEYWORDS_PREFIX "rifq-sealed:"
/* Pages are scanned at 150 dpi: enough for a 90 pt code, quick on a whole packet. */
#define SCAN_SCALE (150.0 / 72.0)

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

gboolean
rifq_seal_read_pdf (GBytes  *pdf,
                    char   **out_payload,
                    char   **out_sealed,
                    char   **out_text,
                    GError **error)
{
  g_autoptr(RifqPopplerDocument) document = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *keywords = NULL;
  g_autofree char *payload = NULL;
  g_autofree char *sealed = NULL;
  int pages;

  g_return_val_if_fail (pdf != NULL, FALSE);

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

  keywords = poppler_document_get_keywords (document);
  if (keywords != NULL && g_str_has_prefix (keywords, KEYWORDS_PREFIX))
    {
      gsize length;
      guchar *json = g_base64_decode (keywords + strlen (KEYWORDS_PREFIX), &length);

      sealed = g_strndup ((const char *) json, length);
      g_free (json);
    }

  pages = poppler_document_get_n_pages (document);
  for (int i = 0; i < pages; i++)
    {
      g_autoptr(RifqPopplerPage) page = poppler_document_get_page (document, i);
      g_autofree char *page_text = NULL;

      if (page == NULL)
        continue;
      {
        PopplerRectangle whole = { 0, 0, 0, 0 };

        /* Selected by lines: poppler_page_get_text drops some runs of digits isolated
         * left to right inside Arabic lines, such as the request number. */
        poppler_page_get_size (page, &whole.x2, &whole.y2);
        page_text = poppler_page_get_selected_text (page, POPPLER_SELECTION_LINE, &whole);
      }
      if (page_text != NULL)
        g_string_append (text, page_text);
      if (payload == NULL)
        payload = scan_page (page);
    }

  if (payload == NULL)
    {
      if (sealed != NULL)
        g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                             _("The seal’s QR code cannot be read: it is damaged or missing."));
      else
        g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_NOT_FOUND, _("The PDF carries no Rifq seal."));
      return FALSE;
    }
  if (out_payload != NULL)
    *out_payload = g_steal_pointer (&payload);
  if (out_sealed != NULL)
    *out_sealed = g_steal_pointer (&sealed);
  if (out_text != NULL)
    *out_text = g_string_free (g_steal_pointer (&text), FALSE);
  return TRUE;
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

RifqSealVerdict
rifq_seal_verify_pdf (RifqDb  *db,
                      GBytes  *pdf,
                      char   **out_number,
                      char   **out_message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *payload = NULL;
  g_autofree char *sealed = NULL;
  g_autofree char *raw_text = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) root = NULL;
  RifqSealVerdict verdict;
  const char *checked[] = { "number", "national_id" };

  if (out_number != NULL)
    *out_number = NULL;
  if (!rifq_seal_read_pdf (pdf, &payload, &sealed, &raw_text, &error))
    {
      if (out_message != NULL)
        *out_message = g_strdup (error->message);
      return RIFQ_SEAL_MALFORMED;
    }
  if (sealed == NULL)
    {
      if (out_message != NULL)
        *out_message = g_strdup (_("The document does not carry what was sealed: it was changed after printing."));
      return RIFQ_SEAL_DOCUMENT_CHANGED;
    }

  verdict = rifq_seal_verify (db, payload, sealed, out_number, out_message);
  if (verdict != RIFQ_SEAL_VALID && verdict != RIFQ_SEAL_RECORD_CHANGED)
    return verdict;

  /* The pages must still show what was sealed, in whichever digits they print numbers. */
  {
    g_autofree char *marked = strip_marks (raw_text);

    text = rifq_arabic_latin_digits (marked);
  }
  root = json_from_string (sealed, NULL);
  for (guint i = 0; root != NULL && JSON_NODE_HOLDS_OBJECT (root) && i < G_N_ELEMENTS (checked); i++)
    {
      const char *value = json_object_get_string_member_with_default (json_node_get_object (root), checked[i], NULL);

      if (value != NULL && strstr (text, value) == NULL)
        {
          if (out_message != NULL)
            {
              g_free (*out_message);
              *out_message = g_strdup_printf (_("The printed pages no longer show what was sealed (%s): the PDF was "
                                                "changed after it was made."), value);
            }
          return RIFQ_SEAL_DOCUMENT_CHANGED;
        }
    }
  return verdict;
}
