/* rifq-file.h: files read from outside, documents written out
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Whatever is read is read whole into memory: nothing larger than this, whatever it is. */
#define RIFQ_FILE_READ_MAX (100 * 1000 * 1000)

/* The size of file, when it is a regular file (through links). A folder, a pipe or a device is
 * refused at once (RIFQ_ERROR_INVALID), never opened: a pipe would wait forever. */
gboolean rifq_file_query_size   (GFile       *file,
                                 guint64     *out_size,
                                 GError     **error);

/* The bytes of a regular file of at most max_size bytes (RIFQ_ERROR_OUT_OF_RANGE beyond). */
GBytes  *rifq_file_load         (GFile       *file,
                                 guint64      max_size,
                                 GError     **error);

/* Whether a document may be written at path. Never over a database this process has open or
 * its journals, through any link (RIFQ_ERROR_INVALID), nor over a folder, a pipe or a device
 * (G_IO_ERROR_IS_DIRECTORY, G_IO_ERROR_NOT_REGULAR_FILE).
 * Over an existing file only when it is a document Rifq made, or when replace is TRUE because
 * the person said so (--force, or a save dialog that asked): RIFQ_ERROR_EXISTS otherwise. */
gboolean rifq_file_check_output (const char  *path,
                                 gboolean     replace,
                                 GError     **error);

/* Writes a document holding personal data: readable by its owner only (0600), even where a file
 * of another mode was; a file there is replaced only once all is written. Refused where
 * rifq_file_check_output() with replace refuses. */
gboolean rifq_file_save_private (const char  *path,
                                 const void  *data,
                                 gsize        size,
                                 GError     **error);

G_END_DECLS
