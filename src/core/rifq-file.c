/* rifq-file.c: files read from outside, documents written out
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* memmem() */
#define _GNU_SOURCE

#define G_LOG_DOMAIN "rifq-file"

#include "config.h"

#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rifq-db.h"
#include "rifq-error.h"
#include "rifq-file.h"

/* Every document Rifq draws names Rifq as its creator (rifq_pdf_document_new); cairo writes
 * that in the document's information, at its end. */
#define RIFQ_CREATOR    "/Creator (Rifq)"
#define CREATOR_WINDOW  (1024 * 1024)  /* the cross-reference table of a 400-page packet, and more */

gboolean
rifq_file_query_size (GFile    *file,
                      guint64  *out_size,
                      GError  **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return FALSE;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      name = g_file_get_parse_name (file);
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                   _("“%s” is not a file but a folder, a pipe or a device: give the path of a file."), name);
      return FALSE;
    }
  if (out_size != NULL)
    *out_size = (guint64) g_file_info_get_size (info);
  return TRUE;
}

static gboolean
refuse_size (GFile    *file,
             guint64   size,
             guint64   max_size,
             GError  **error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *shown = g_format_size (size);
  g_autofree char *limit = g_format_size (max_size);

  g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_OUT_OF_RANGE, _("“%s” is %s; at most %s is read."), name, shown,
               limit);
  return FALSE;
}

GBytes *
rifq_file_load (GFile    *file,
                guint64   max_size,
                GError  **error)
{
  g_autoptr(GBytes) bytes = NULL;
  guint64 size;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!rifq_file_query_size (file, &size, error))
    return NULL;
  if (size > max_size)
    {
      refuse_size (file, size, max_size, error);
      return NULL;
    }
  bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL)
    return NULL;
  /* It may have grown since it was measured. */
  if (g_bytes_get_size (bytes) > max_size)
    {
      refuse_size (file, g_bytes_get_size (bytes), max_size, error);
      return NULL;
    }
  return g_steal_pointer (&bytes);
}

/* A PDF that names Rifq as its creator: made by Rifq, so Rifq may make it again. */
static gboolean
made_by_rifq (const char *path)
{
  g_autofree char *tail = g_malloc (CREATOR_WINDOW);
  char head[5];
  GStatBuf buf;
  gsize window;
  gboolean made = FALSE;
  int fd;

  /* Not blocking: what is checked is a regular file, and nothing else is waited on. */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    return FALSE;
  if (fstat (fd, &buf) == 0 && S_ISREG (buf.st_mode) && buf.st_size > (off_t) sizeof head)
    {
      window = MIN ((gsize) buf.st_size, CREATOR_WINDOW);
      made = pread (fd, head, sizeof head, 0) == (ssize_t) sizeof head && memcmp (head, "%PDF-", sizeof head) == 0 &&
             pread (fd, tail, window, buf.st_size - (off_t) window) == (ssize_t) window &&
             memmem (tail, window, RIFQ_CREATOR, strlen (RIFQ_CREATOR)) != NULL;
    }
  close (fd);
  return made;
}

/* Whether path would land in the key folder, however it is spelled (links resolved). */
static gboolean
in_key_folder (const char *path)
{
  g_autofree char *keys = rifq_db_key_dir ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *real_keys = realpath (keys, NULL);
  g_autofree char *real_dir = realpath (dir, NULL);

  return real_keys != NULL && real_dir != NULL
         && (g_str_equal (real_dir, real_keys)
             || (g_str_has_prefix (real_dir, real_keys) && real_dir[strlen (real_keys)] == G_DIR_SEPARATOR));
}

gboolean
rifq_file_check_output (const char  *path,
                        gboolean     replace,
                        GError     **error)
{
  GStatBuf buf;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (rifq_db_file_is_open (path))
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                   _("“%s” is the database Rifq has open: a document is never written over it."), path);
      return FALSE;
    }
  if (in_key_folder (path))
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                   _("“%s” is in the folder of Rifq’s keys: nothing else is ever written there."), path);
      return FALSE;
    }
  if (g_stat (path, &buf) != 0)
    return TRUE;
  if (!S_ISREG (buf.st_mode))
    {
      g_set_error (error, G_IO_ERROR, S_ISDIR (buf.st_mode) ? G_IO_ERROR_IS_DIRECTORY : G_IO_ERROR_NOT_REGULAR_FILE,
                   _("“%s” is not a file but a folder, a pipe or a device: a document is written to a file."), path);
      return FALSE;
    }
  if (!replace && !made_by_rifq (path))
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_EXISTS,
                   _("“%s” already exists and is not a document Rifq made: it was left as it is."), path);
      return FALSE;
    }
  return TRUE;
}

gboolean
rifq_file_save_private (const char  *path,
                        const void  *data,
                        gsize        size,
                        GError     **error)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || size == 0, FALSE);

  if (!rifq_file_check_output (path, TRUE, error))
    return FALSE;
  /* Replacing the destination, not keeping its mode: a file once 0644 becomes 0600. */
  file = g_file_new_for_path (path);
  return g_file_replace_contents (file, data, size, NULL, FALSE,
                                  G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}
