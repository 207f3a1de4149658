/* bench-preview.c: from a request PDF's bytes to its first page on screen, in the preview
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bench-util.h"

#include <adwaita.h>
#include <locale.h>

#include "rifq-application.h"
#include "rifq-demo.h"
#include "rifq-locale.h"
#include "rifq-pdf-view.h"
#include "rifq-request-sheet.h"
#include "rifq-request-store.h"
#include "rifq-seal.h"
#include "rifq-staff.h"

#define ROUNDS 15

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!rifq_pdf_view_load_finish (RIFQ_PDF_VIEW (source), result, &error))
    g_error ("preview: %s", error->message);
  *(gboolean *) user_data = TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqDb) db = NULL;
  g_autoptr(GPtrArray) submitted = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = g_dir_make_tmp ("rifq-bench-preview-XXXXXX", NULL);
  g_autofree char *path = bench_new_location ("rifq_bench_preview", dir);
  g_autofree char *pdf_path = g_build_filename (dir, "request.pdf", NULL);
  g_autoptr(GBytes) pdf = NULL;
  GtkWidget *window;
  double median;
  char *data;
  gsize length;

  setlocale (LC_ALL, "C.UTF-8");
  rifq_locale_init ();
  gtk_init ();
  rifq_ui_init ();
  g_print ("# engine: %s\n", bench_on_server () ? "PostgreSQL" : "SQLite");
  db = rifq_db_open (path, &error);
  g_assert_no_error (error);
  rifq_db_set_actor (db, "bench");
  g_assert_true (rifq_staff_ensure_first (db, &error) && rifq_seal_ensure_key (db, &error));
  g_assert_true (rifq_demo_fill (db, 200, 1, &error) && rifq_demo_fill_requests (db, 400, 3, &error));
  submitted = rifq_request_store_list (db, RIFQ_REQUEST_SUBMITTED, 0, 1, &error);
  g_assert_true (submitted != NULL && submitted->len == 1);
  g_assert_true (rifq_request_sheet_write (db, ((RifqRequest *) g_ptr_array_index (submitted, 0))->id, pdf_path,
                                           &error));
  g_assert_true (g_file_get_contents (pdf_path, &data, &length, NULL));
  pdf = g_bytes_new_take (data, length);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 1000);
  gtk_window_present (GTK_WINDOW (window));
  for (guint r = 0; r <= ROUNDS; r++)
    {
      RifqPdfView *view = rifq_pdf_view_new ();
      gboolean done = FALSE;
      gint64 start;
      double t;

      gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
      while (g_main_context_iteration (NULL, FALSE))
        ;
      start = g_get_monotonic_time ();
      rifq_pdf_view_load_async (view, pdf, NULL, loaded_cb, &done);
      while (!done)
        g_main_context_iteration (NULL, TRUE);
      t = (g_get_monotonic_time () - start) / 1000.0;
      if (r > 0)
        g_array_append_val (times, t);
    }
  g_array_sort (times, bench_compare_doubles);
  median = g_array_index (times, double, times->len / 2);
  g_print ("preview, a request PDF's first page on screen: median %.1f ms, slowest %.1f ms  [target < 100]\n",
           median, g_array_index (times, double, times->len - 1));
  gtk_window_destroy (GTK_WINDOW (window));
  if (median >= 100)
    {
      g_print ("TARGET MISSED\n");
      return 1;
    }
  return 0;
}
