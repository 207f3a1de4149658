/* rifq-content.c: whether a file is what it claims to be
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* memmem() */
#define _GNU_SOURCE

#define G_LOG_DOMAIN "rifq-content"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#include <zlib.h>

#include "rifq-content.h"
#include "rifq-error.h"
#include "rifq-poppler.h"

/* A PDF ends with %%EOF, give or take a line break or a few bytes some writers add. */
#define PDF_END_WINDOW 1024

const char *
rifq_content_sniff (GBytes             *data,
                    const char * const *allowed)
{
  g_autofree char *guess = NULL;
  g_autofree char *mime = NULL;
  gboolean uncertain;
  gsize size;
  const guchar *bytes = g_bytes_get_data (data, &size);

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (allowed != NULL, NULL);

  guess = g_content_type_guess (NULL, bytes, MIN (size, 4096), &uncertain);
  mime = g_content_type_get_mime_type (guess);
  if (uncertain)
    return NULL;
  for (guint i = 0; allowed[i] != NULL; i++)
    if (g_strcmp0 (mime, allowed[i]) == 0)
      return allowed[i];
  return NULL;
}

static gboolean
cut_short (GError **error)
{
  g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("the image is cut short"));
  return FALSE;
}

static gboolean
damaged (GError     **error,
         const char  *why)
{
  g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("the image is damaged (%s)"), why);
  return FALSE;
}

static gboolean
data_after_end (GError **error)
{
  g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("the image has other data after its end"));
  return FALSE;
}

static guint32
read_be32 (const guchar *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | (guint32) p[3];
}

static guint32
read_le32 (const guchar *p)
{
  return (guint32) p[3] << 24 | (guint32) p[2] << 16 | (guint32) p[1] << 8 | (guint32) p[0];
}

/* The decoder draws what it has of a cut PNG and says nothing: each chunk is counted and its
 * checksum checked, from IHDR to IEND with nothing after. */
static gboolean
check_png (const guchar  *data,
           gsize          size,
           GError       **error)
{
  gsize at = 8;

  if (memcmp (data, "\x89PNG\r\n\x1a\n", 8) != 0)
    return damaged (error, "PNG");
  for (gboolean first = TRUE;; first = FALSE)
    {
      const guchar *chunk = data + at;
      guint32 length;

      if (size - at < 12)
        return cut_short (error);
      length = read_be32 (chunk);
      if (length > size - at - 12)
        return cut_short (error);
      if (first && memcmp (chunk + 4, "IHDR", 4) != 0)
        return damaged (error, "IHDR");
      if (crc32 (0, chunk + 4, length + 4) != read_be32 (chunk + 8 + length))
        return damaged (error, "CRC");
      at += 12 + (gsize) length;
      if (memcmp (chunk + 4, "IEND", 4) == 0)
        break;
    }
  return at == size || data_after_end (error);
}

/* The same for a JPEG: its segments, then the coded data of each scan, up to the end marker
 * (what follows it is a trailer some cameras add). */
static gboolean
check_jpeg (const guchar  *data,
            gsize          size,
            GError       **error)
{
  gsize at = 2;

  if (data[0] != 0xff || data[1] != 0xd8)
    return damaged (error, "SOI");
  for (;;)
    {
      guchar marker;
      gsize length;

      if (at >= size)
        return cut_short (error);
      if (data[at] != 0xff)
        return damaged (error, "marker");
      while (at < size && data[at] == 0xff)
        at++;
      if (at >= size)
        return cut_short (error);
      marker = data[at++];
      if (marker == 0xd9)
        return TRUE;
      if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7))
        continue;
      if (size - at < 2)
        return cut_short (error);
      length = (gsize) data[at] << 8 | data[at + 1];
      if (length < 2)
        return damaged (error, "segment");
      if (length > size - at)
        return cut_short (error);
      at += length;
      if (marker != 0xda)
        continue;
      /* Coded data until a marker that is neither a stuffed 0xff nor a restart. */
      while (at + 1 < size && !(data[at] == 0xff && data[at + 1] != 0 && (data[at + 1] < 0xd0 || data[at + 1] > 0xd7)))
        at++;
      if (at + 1 >= size)
        return cut_short (error);
    }
}

/* A WebP is a RIFF file: its size is written in its header. */
static gboolean
check_webp (const guchar  *data,
            gsize          size,
            GError       **error)
{
  guint64 length;

  if (size < 12 || memcmp (data, "RIFF", 4) != 0 || memcmp (data + 8, "WEBP", 4) != 0)
    return damaged (error, "RIFF");
  length = (guint64) read_le32 (data + 4) + 8;
  length += length % 2;
  if (length > size)
    return cut_short (error);
  return length == size || data_after_end (error);
}

typedef struct
{
  int      width;
  int      height;
  int      drawn;      /* rows from the top the decoder reported */
  gboolean too_big;
} Decoding;

static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  Decoding *decoding = user_data;

  decoding->width = width;
  decoding->height = height;
  if ((gint64) width * height > RIFQ_CONTENT_MAX_PIXELS)
    {
      decoding->too_big = TRUE;
      /* A size of zero stops the decoder before it allocates the pixels. */
      gdk_pixbuf_loader_set_size (loader, 0, 0);
    }
}

static void
area_updated_cb (GdkPixbufLoader *loader,
                 int              x,
                 int              y,
                 int              width,
                 int              height,
                 gpointer         user_data)
{
  Decoding *decoding = user_data;

  decoding->drawn = MAX (decoding->drawn, y + height);
}

static gboolean
decode_image (GBytes      *data,
              const char  *mime_type,
              GError     **error)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) local_error = NULL;
  Decoding decoding = { 0 };
  GdkPixbuf *pixbuf;
  gsize size;
  const guchar *bytes = g_bytes_get_data (data, &size);
  gboolean ok;

  loader = gdk_pixbuf_loader_new_with_mime_type (mime_type, &local_error);
  if (loader == NULL)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                   _("images of this kind (%s) cannot be read on this computer"), mime_type);
      return FALSE;
    }
  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), &decoding);
  g_signal_connect (loader, "area-updated", G_CALLBACK (area_updated_cb), &decoding);

  ok = gdk_pixbuf_loader_write (loader, bytes, size, &local_error);
  /* Closed either way: a failed write has closed it already, and a second close is harmless. */
  if (ok)
    ok = gdk_pixbuf_loader_close (loader, &local_error);
  else
    gdk_pixbuf_loader_close (loader, NULL);

  if (decoding.too_big)
    {
      g_autofree char *limit = g_strdup_printf ("%d", RIFQ_CONTENT_MAX_PIXELS / 1000000);

      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                   _("the image is %d × %d pixels; at most %s million pixels are accepted"),
                   decoding.width, decoding.height, limit);
      return FALSE;
    }
  if (!ok)
    return damaged (error, local_error ? local_error->message : mime_type);
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL || decoding.drawn < gdk_pixbuf_get_height (pixbuf))
    return cut_short (error);
  return TRUE;
}

static gboolean
contains (const guchar *data,
          gsize         size,
          const char   *needle)
{
  return memmem (data, size, needle, strlen (needle)) != NULL;
}

static gboolean
check_pdf (GBytes  *data,
           GError **error)
{
  g_autoptr(RifqPopplerDocument) document = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize size;
  const guchar *bytes = g_bytes_get_data (data, &size);
  gsize tail = MIN (size, PDF_END_WINDOW);
  int pages;

  /* poppler rebuilds a cut PDF from what is left and opens it: its end is looked for first. */
  if (!contains (bytes + size - tail, tail, "%%EOF"))
    {
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("the PDF is cut short"));
      return FALSE;
    }
  document = poppler_document_new_from_bytes (data, NULL, &local_error);
  if (document == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("the PDF is locked with a password"));
      else
        g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("the PDF cannot be opened (%s)"), local_error->message);
      return FALSE;
    }
  pages = poppler_document_get_n_pages (document);
  if (pages < 1)
    {
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("the PDF has no pages"));
      return FALSE;
    }
  for (int i = 0; i < pages; i++)
    {
      g_autoptr(RifqPopplerPage) page = poppler_document_get_page (document, i);

      if (page == NULL)
        {
          g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("page %d of the PDF cannot be read"), i + 1);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
rifq_content_check (GBytes      *data,
                    const char  *mime_type,
                    GError     **error)
{
  gsize size;
  const guchar *bytes;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (mime_type != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = g_bytes_get_data (data, &size);
  if (g_str_equal (mime_type, "application/pdf"))
    return check_pdf (data, error);
  if (size < 12)
    return cut_short (error);
  if (g_str_equal (mime_type, "image/png") && !check_png (bytes, size, error))
    return FALSE;
  if (g_str_equal (mime_type, "image/jpeg") && !check_jpeg (bytes, size, error))
    return FALSE;
  if (g_str_equal (mime_type, "image/webp") && !check_webp (bytes, size, error))
    return FALSE;
  return decode_image (data, mime_type, error);
}
