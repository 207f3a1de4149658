/* rifq-test-util.h: shared set-up for Rifq's tests
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gstdio.h>
#include <locale.h>

#include "rifq-beneficiary.h"
#include "rifq-context.h"
#include "rifq-db.h"
#include "rifq-statement.h"

/* English messages: the tests compare with msgids unless they test Arabic on purpose. */
static inline void
rifq_test_init (int    *argc,
                char ***argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (argc, argv, NULL);
}

/* A fresh database file in its own temporary folder. */
static inline RifqDb *
rifq_test_db_new (char **out_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rifq-test-XXXXXX", &error);
  g_autofree char *path = NULL;
  RifqDb *db;

  g_assert_no_error (error);
  path = g_build_filename (dir, "rifq.db", NULL);
  db = rifq_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  if (out_path != NULL)
    *out_path = g_steal_pointer (&path);
  return db;
}

static inline gint64
rifq_test_count (RifqDb     *db,
                 const char *sql)
{
  RifqStatement *stmt = rifq_db_prepare (db, sql, NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (rifq_statement_step (stmt), ==, RIFQ_STEP_ROW);
  n = rifq_statement_get_int64 (stmt, 0);
  rifq_statement_reset (stmt);
  return n;
}

/* Stops db's clock on day, through a context as the window does. */
static inline void
rifq_test_set_today (RifqDb     *db,
                     const char *day)
{
  g_autoptr(RifqContext) context = rifq_context_new (db, NULL);

  rifq_context_set_today (context, day);
}

/* Changes the records behind Rifq's back, as someone with the database's own tools would. */
static inline void
rifq_test_sql (RifqDb     *db,
               const char *sql)
{
  g_autoptr(GError) error = NULL;

  if (!rifq_db_exec (db, sql, &error))
    g_error ("%s: %s", sql, error->message);
}

/* A complete, valid beneficiary; callers change what the test is about. */
static inline RifqBeneficiary *
rifq_test_beneficiary (const char *national_id,
                       const char *first_name,
                       const char *family_name,
                       const char *mobile)
{
  RifqBeneficiary *b = rifq_beneficiary_new ();

  rifq_beneficiary_set (b, RIFQ_FIELD_NATIONAL_ID, national_id);
  rifq_beneficiary_set (b, RIFQ_FIELD_FIRST_NAME, first_name);
  rifq_beneficiary_set (b, RIFQ_FIELD_FATHER_NAME, "عبدالله");
  rifq_beneficiary_set (b, RIFQ_FIELD_GRANDFATHER_NAME, "سعد");
  rifq_beneficiary_set (b, RIFQ_FIELD_FAMILY_NAME, family_name);
  rifq_beneficiary_set (b, RIFQ_FIELD_SEX, "male");
  rifq_beneficiary_set (b, RIFQ_FIELD_BIRTH_DATE, "1950-03-08");
  rifq_beneficiary_set (b, RIFQ_FIELD_MOBILE, mobile);
  rifq_beneficiary_set (b, RIFQ_FIELD_CITY, "الرياض");
  rifq_beneficiary_set (b, RIFQ_FIELD_LIVING_SITUATION, "alone");
  return b;
}

/* Valid national IDs (Luhn) for tests. */
#define RIFQ_TEST_ID_1 "1000000008"
#define RIFQ_TEST_ID_2 "1000000016"
#define RIFQ_TEST_ID_3 "1000000024"
#define RIFQ_TEST_ID_4 "2000000006"

static inline gboolean
rifq_test_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets the main loop run for ms milliseconds: frames, search delays, idle handlers. */
static inline void
rifq_test_spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, rifq_test_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}
