/* test-file.c: files read from outside and documents written out; whether a file is what it
 * claims to be
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rifq-content.h"
#include "rifq-error.h"
#include "rifq-file.h"
#include "rifq-test-scan.h"
#include "rifq-test-util.h"

static char *
temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("rifq-file-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
test_load_refuses_pipe_and_device_at_once (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *fifo = g_build_filename (dir, "scan.png", NULL);
  g_autoptr(GFile) pipe_file = g_file_new_for_path (fifo);
  g_autoptr(GFile) device = g_file_new_for_path ("/dev/zero");
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  /* Opening a pipe for reading waits for a writer, forever; /dev/zero never ends. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  bytes = rifq_file_load (pipe_file, RIFQ_FILE_READ_MAX, &error);
  g_assert_null (bytes);
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "is not a file but a folder, a pipe or a device"));
  g_clear_error (&error);
  g_assert_null (rifq_file_load (device, RIFQ_FILE_READ_MAX, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (rifq_file_load (folder, RIFQ_FILE_READ_MAX, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID);
  g_unlink (fifo);
}

static void
test_load_refuses_larger_than_asked (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "logo.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "0123456789", 10, NULL));
  g_assert_null (rifq_file_load (file, 9, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  bytes = rifq_file_load (file, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, 10);
}

static void
assert_database_unchanged (const char *path,
                           GBytes     *before)
{
  g_autofree char *after = NULL;
  gsize size;

  g_assert_true (g_file_get_contents (path, &after, &size, NULL));
  g_assert_cmpmem (after, size, g_bytes_get_data (before, NULL), g_bytes_get_size (before));
}

static void
test_output_never_over_the_open_database (void)
{
  g_autofree char *path = NULL;
  g_autoptr(RifqDb) db = rifq_test_db_new (&path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *symbolic = g_build_filename (dir, "request.pdf", NULL);
  g_autofree char *hard = g_build_filename (dir, "copy.pdf", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) before = NULL;
  gsize size;

  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  before = g_bytes_new_take (g_steal_pointer (&contents), size);
  g_assert_cmpint (symlink (path, symbolic), ==, 0);
  g_assert_cmpint (link (path, hard), ==, 0);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  /* By its own name, through a symbolic or a hard link, or its write-ahead log: never, even
   * when the person asked to replace. */
  {
    const char *targets[] = { path, symbolic, hard, wal };

    for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
      {
        g_autoptr(GError) error = NULL;

        g_assert_false (rifq_file_check_output (targets[i], TRUE, &error));
        g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID);
        g_assert_nonnull (strstr (error->message, "is the database Rifq has open"));
        g_clear_error (&error);
        g_assert_false (rifq_file_save_private (targets[i], "%PDF-", 5, &error));
        g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID);
      }
  }
  assert_database_unchanged (path, before);
  g_assert_true (g_file_test (symbolic, G_FILE_TEST_IS_SYMLINK));

  /* Closed, it is a file like another: replaced only when asked. */
  g_clear_object (&db);
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (rifq_file_check_output (path, FALSE, &error));
    g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_EXISTS);
  }
}

static void
test_output_replaces_only_what_rifq_made (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *letter = g_build_filename (dir, "letter.odt", NULL);
  g_autofree char *ours = g_build_filename (dir, "request.pdf", NULL);
  g_autofree char *other_pdf = g_build_filename (dir, "other.pdf", NULL);
  g_autofree char *fresh = g_build_filename (dir, "new.pdf", NULL);
  g_autofree char *kept = NULL;
  g_autoptr(GError) error = NULL;
  static const char rifq_pdf[] = "%PDF-1.5\n1 0 obj << /Creator (Rifq) >> endobj\n%%EOF\n";

  g_assert_true (g_file_set_contents (letter, "Dear committee,", -1, NULL));
  g_assert_true (g_file_set_contents (ours, rifq_pdf, -1, NULL));
  g_assert_true (g_file_set_contents (other_pdf, rifq_test_pdf, -1, NULL));

  g_assert_false (rifq_file_check_output (letter, FALSE, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "already exists and is not a document Rifq made"));
  g_clear_error (&error);
  g_assert_false (rifq_file_check_output (other_pdf, FALSE, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (letter, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "Dear committee,");

  g_assert_true (rifq_file_check_output (ours, FALSE, &error));
  g_assert_true (rifq_file_check_output (fresh, FALSE, &error));
  g_assert_true (rifq_file_check_output (letter, TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (rifq_file_check_output (dir, TRUE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
}

static void
test_output_readable_by_owner_only (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *fresh = g_build_filename (dir, "receipt.pdf", NULL);
  g_autofree char *old = g_build_filename (dir, "minutes.pdf", NULL);
  g_autoptr(GError) error = NULL;
  GStatBuf buf;

  /* Written 0644 under the usual umask, a document of personal data was readable by all. */
  umask (022);
  g_assert_true (g_file_set_contents (old, "old", -1, NULL));
  g_assert_cmpint (g_chmod (old, 0644), ==, 0);
  g_assert_true (rifq_file_save_private (fresh, "%PDF-", 5, &error));
  g_assert_true (rifq_file_save_private (old, "%PDF-", 5, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (fresh, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (old, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);
}

static void
put_chunk (GByteArray *png,
           const char *type,
           const void *data,
           guint32     length)
{
  guchar word[4];
  guint offset = png->len;

  rifq_test_put_be32 (word, length);
  g_byte_array_append (png, word, 4);
  g_byte_array_append (png, (const guint8 *) type, 4);
  g_byte_array_append (png, data, length);
  rifq_test_put_be32 (word, (guint32) crc32 (0, png->data + offset + 4, length + 4));
  g_byte_array_append (png, word, 4);
}

/* A PNG whose every chunk is sound, of any size the header says. */
static GBytes *
png_of_size (guint32 width,
             guint32 height)
{
  g_autoptr(GByteArray) png = g_byte_array_new ();
  guchar header[13] = { 0 };
  guchar row[] = { 0, 0 };
  guchar packed[64];
  uLongf packed_size = sizeof packed;

  g_byte_array_append (png, (const guint8 *) "\x89PNG\r\n\x1a\n", 8);
  rifq_test_put_be32 (header, width);
  rifq_test_put_be32 (header + 4, height);
  header[8] = 8;  /* bits, greyscale */
  put_chunk (png, "IHDR", header, sizeof header);
  g_assert_cmpint (compress (packed, &packed_size, row, sizeof row), ==, Z_OK);
  put_chunk (png, "IDAT", packed, (guint32) packed_size);
  put_chunk (png, "IEND", NULL, 0);
  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}

static void
test_content_image_too_large_refused_before_decoding (void)
{
  g_autoptr(GBytes) huge = png_of_size (20000, 20000);
  g_autoptr(GError) error = NULL;

  /* Four hundred million pixels from a few dozen bytes: refused, not allocated. */
  g_assert_false (rifq_content_check (huge, "image/png", &error));
  g_assert_cmpstr (error->message, ==, "the image is 20000 × 20000 pixels; at most 100 million pixels are accepted");
}

static void
test_content_png_with_data_after_end_refused (void)
{
  g_autoptr(GBytes) png = rifq_test_png (1000, 1);
  g_autoptr(GByteArray) longer = g_byte_array_new ();
  g_autoptr(GBytes) appended = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (rifq_content_check (png, "image/png", &error));
  g_byte_array_append (longer, g_bytes_get_data (png, NULL), g_bytes_get_size (png));
  g_byte_array_append (longer, (const guint8 *) "<?php system($_GET['c']); ?>", 28);
  appended = g_byte_array_free_to_bytes (g_steal_pointer (&longer));
  g_assert_false (rifq_content_check (appended, "image/png", &error));
  g_assert_cmpstr (error->message, ==, "the image has other data after its end");
}

static void
test_content_pdf_without_pages_refused (void)
{
  static const char no_pages[] =
    "%PDF-1.4\n"
    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
    "trailer << /Root 1 0 R >>\n"
    "%%EOF\n";
  g_autoptr(GBytes) pdf = g_bytes_new_static (no_pages, strlen (no_pages));
  g_autoptr(GBytes) good = g_bytes_new_static (rifq_test_pdf, strlen (rifq_test_pdf));
  g_autoptr(GError) error = NULL;

  g_assert_true (rifq_content_check (good, "application/pdf", &error));
  g_assert_no_error (error);
  g_assert_false (rifq_content_check (pdf, "application/pdf", &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  rifq_test_init (&argc, &argv);

  g_test_add_func ("/file/load/refuses-pipe-device-and-folder-at-once", test_load_refuses_pipe_and_device_at_once);
  g_test_add_func ("/file/load/refuses-larger-than-asked", test_load_refuses_larger_than_asked);
  g_test_add_func ("/file/output/never-over-the-open-database", test_output_never_over_the_open_database);
  g_test_add_func ("/file/output/replaces-only-what-rifq-made-unless-asked", test_output_replaces_only_what_rifq_made);
  g_test_add_func ("/file/output/readable-by-owner-only", test_output_readable_by_owner_only);
  g_test_add_func ("/content/image/too-large-refused-before-decoding", test_content_image_too_large_refused_before_decoding);
  g_test_add_func ("/content/png/data-after-its-end-refused", test_content_png_with_data_after_end_refused);
  g_test_add_func ("/content/pdf/without-pages-refused", test_content_pdf_without_pages_refused);

  return g_test_run ();
}
