/* rifq-test-scan.h: scans and logos that decode whole, of the size a test needs
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <string.h>
#include <zlib.h>

static inline void
rifq_test_put_be32 (guchar  *out,
                    guint32  value)
{
  out[0] = value >> 24;
  out[1] = value >> 16;
  out[2] = value >> 8;
  out[3] = value;
}

/* A PNG of exactly size bytes: a small picture in a colour of its own (seed), padded before
 * its end with a private chunk of bytes that never repeat, as a scan's detail would. */
static inline GBytes *
rifq_test_png (gsize size,
               guint seed)
{
  g_autoptr(GdkPixbuf) picture = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 8, 8);
  g_autofree char *png = NULL;
  g_autoptr(GError) error = NULL;
  guchar *out;
  gsize png_size;
  gsize pad;
  gsize at;

  gdk_pixbuf_fill (picture, (0x203040u + seed * 0x010307u) << 8 | 0xff);
  g_assert_true (gdk_pixbuf_save_to_buffer (picture, &png, &png_size, "png", &error, NULL));
  g_assert_no_error (error);
  /* The picture, a chunk of its own (12 bytes and its data), then IEND (12 bytes). */
  g_assert_cmpuint (size, >=, png_size + 12);
  pad = size - png_size - 12;
  out = g_malloc (size);
  at = png_size - 12;
  memcpy (out, png, at);
  rifq_test_put_be32 (out + at, (guint32) pad);
  memcpy (out + at + 4, "rfQp", 4);
  for (gsize i = 0; i < pad; i++)
    out[at + 8 + i] = (guchar) ((i * 2654435761u + seed * 40503u) >> 13);
  rifq_test_put_be32 (out + at + 8 + pad, (guint32) crc32 (0, out + at + 4, (uInt) pad + 4));
  memcpy (out + size - 12, png + png_size - 12, 12);
  return g_bytes_new_take (out, size);
}

/* The first length bytes of data: a file cut short. */
static inline GBytes *
rifq_test_cut (GBytes *data,
               gsize   length)
{
  return g_bytes_new_from_bytes (data, 0, length);
}

/* A one-page PDF, as small as a PDF can be. */
static const char rifq_test_pdf[] =
  "%PDF-1.4\n"
  "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
  "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
  "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\n"
  "xref\n"
  "0 4\n"
  "0000000000 65535 f \n"
  "0000000009 00000 n \n"
  "0000000058 00000 n \n"
  "0000000115 00000 n \n"
  "trailer << /Size 4 /Root 1 0 R >>\n"
  "startxref\n"
  "186\n"
  "%%EOF\n";
