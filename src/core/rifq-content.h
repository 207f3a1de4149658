/* rifq-content.h: whether a file is what it claims to be
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An image larger than this is refused before it is decoded: an A3 page scanned at 600 dpi
 * has 70 million pixels. */
#define RIFQ_CONTENT_MAX_PIXELS (100 * 1000 * 1000)

/* The MIME type of data, judged by its content, when it is one of allowed (NULL-terminated);
 * NULL otherwise. */
const char *rifq_content_sniff (GBytes             *data,
                                const char * const *allowed);

/* TRUE when data decodes whole as mime_type ("image/png", "image/jpeg", "image/tiff",
 * "image/webp" or "application/pdf"): an image to its last pixel with nothing after its end,
 * a PDF that opens and has pages. FALSE with the reason as a clause in the interface language
 * ("the image is cut short"), RIFQ_ERROR_INVALID. */
gboolean    rifq_content_check (GBytes      *data,
                                const char  *mime_type,
                                GError     **error);

G_END_DECLS
