/* test-search.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rifq-arabic.h"
#include "rifq-beneficiary-model.h"
#include "rifq-beneficiary-store.h"
#include "rifq-demo.h"
#include "rifq-test-util.h"

typedef struct
{
  const char *id;
  const char *first;
  const char *father;
  const char *grandfather;
  const char *family;
  const char *mobile;
} Person;

/* Written as people write them: with hamza or without, tashkeel, tatweel, ة or ه. */
static const Person people[] = {
  { "1000000008", "أحمد", "عبد الله", "سعد", "القحطاني", "0501111111" },
  { "1000000016", "أحمد", "سعد", "محمد", "العتيبي", "0502222222" },
  { "1000000024", "مُحَمَّد", "أحمد", "عبدالله", "الشهري", "0503333333" },
  { "1000000032", "فاطمة", "علي", "ناصر", "الزهراني", "0504444444" },
  { "1000000040", "ليلى", "سعد", "إبراهيم", "الغامدي", "0505555555" },
  { "1000000057", "سعد", "أحمد", "عبدالرحمن", "الدوسري", "0506666666" },
  { "1000000065", "عبـــدالله", "فهد", "خالد", "المطيري", "0507777777" },
  { "1000000073", "منيرة", "عبد العزيز", "سلطان", "الحربي", "0508888888" },
};

static RifqDb *
populated_db (void)
{
  RifqDb *db = rifq_test_db_new (NULL);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      RifqBeneficiary *b = rifq_test_beneficiary (people[i].id, people[i].first, people[i].family, people[i].mobile);

      rifq_beneficiary_set (b, RIFQ_FIELD_FATHER_NAME, people[i].father);
      rifq_beneficiary_set (b, RIFQ_FIELD_GRANDFATHER_NAME, people[i].grandfather);
      g_ptr_array_add (all, b);
    }
  g_assert_true (rifq_beneficiary_store_add_many (db, all, NULL, &error));
  g_assert_no_error (error);
  return db;
}

static GPtrArray *
search (RifqDb     *db,
        const char *query)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *found = rifq_beneficiary_store_search (db, query, 50, &error);

  g_assert_no_error (error);
  g_assert_nonnull (found);
  return found;
}

static gboolean
finds (GPtrArray  *found,
       const char *national_id)
{
  for (guint i = 0; i < found->len; i++)
    if (g_strcmp0 (rifq_beneficiary_get (g_ptr_array_index (found, i), RIFQ_FIELD_NATIONAL_ID), national_id) == 0)
      return TRUE;
  return FALSE;
}

static const char *
nth_id (GPtrArray *found,
        guint      i)
{
  g_assert_cmpuint (found->len, >, i);
  return rifq_beneficiary_get (g_ptr_array_index (found, i), RIFQ_FIELD_NATIONAL_ID);
}

static void
test_alef_forms (void)
{
  g_autoptr(RifqDb) db = populated_db ();
  g_autoptr(GPtrArray) found = search (db, "احمد");
  g_autoptr(GPtrArray) found_hamza = search (db, "إبراهيم");
  g_autoptr(GPtrArray) found_bare = search (db, "ابراهيم");

  g_assert_true (finds (found, "1000000008"));
  g_assert_true (finds (found, "1000000016"));
  g_assert_true (finds (found_hamza, "1000000040"));
  g_assert_true (finds (found_bare, "1000000040"));
}

static void
test_ta_marbuta_and_alef_maqsura (void)
{
  g_autoptr(RifqDb) db = populated_db ();
  g_autoptr(GPtrArray) by_ha = search (db, "فاطمه");
  g_autoptr(GPtrArray) by_ya = search (db, "ليلي");
  g_autoptr(GPtrArray) munira = search (db, "منيره");

  g_assert_true (finds (by_ha, "1000000032"));
  g_assert_true (finds (by_ya, "1000000040"));
  g_assert_true (finds (munira, "1000000073"));
}

static void
test_tashkeel_and_tatweel (void)
{
  g_autoptr(RifqDb) db = populated_db ();
  g_autoptr(GPtrArray) plain = search (db, "محمد الشهري");
  g_autoptr(GPtrArray) marked = search (db, "مُحمّد");
  g_autoptr(GPtrArray) stretched = search (db, "عبدالله فهد");

  g_assert_cmpstr (nth_id (plain, 0), ==, "1000000024");
  g_assert_true (finds (marked, "1000000024"));
  g_assert_cmpstr (nth_id (stretched, 0), ==, "1000000065");
}

static void
test_abd_with_or_without_space (void)
{
  g_autoptr(RifqDb) db = populated_db ();
  g_autoptr(GPtrArray) joined = search (db, "عبدالله");
  g_autoptr(GPtrArray) spaced = search (db, "عبد الله");
  g_autoptr(GPtrArray) typing = search (db, "عبد ال");
  g_autoptr(GPtrArray) aziz = search (db, "عبدالعزيز");

  /* Stored as "عبد الله" (father of 1000000008) and "عبدالله" (1000000024, 1000000065). */
  for (guint i = 0; i < 2; i++)
    {
      GPtrArray *found = i == 0 ? joined : spaced;

      g_assert_true (finds (found, "1000000008"));
      g_assert_true (finds (found, "1000000024"));
      g_assert_true (finds (found, "1000000065"));
    }
  g_assert_true (finds (typing, "1000000008"));
  g_assert_true (finds (aziz, "1000000073"));
}

static void
test_ranking_best_first (void)
{
  g_autoptr(RifqDb) db = populated_db ();
  g_autoptr(GPtrArray) full = search (db, "احمد سعد محمد العتيبي");
  g_autoptr(GPtrArray) first_name = search (db, "سعد");
  g_autoptr(GPtrArray) order = search (db, "احمد سعد");
  g_autoptr(GPtrArray) any_order = search (db, "الدوسري احمد");

  /* The whole four-part name: that person, first. */
  g_assert_cmpstr (nth_id (full, 0), ==, "1000000016");
  g_assert_cmpuint (full->len, ==, 1);

  /* A first name: people called سعد come before those whose father or grandfather is. */
  g_assert_cmpstr (nth_id (first_name, 0), ==, "1000000057");
  g_assert_true (finds (first_name, "1000000016"));
  g_assert_true (finds (first_name, "1000000040"));

  /* Two names in order: the name starting with them first, then those names in order inside. */
  g_assert_cmpstr (nth_id (order, 0), ==, "1000000016");
  g_assert_true (finds (order, "1000000057"));
  g_assert_true (finds (order, "1000000008"));

  /* Words in another order still find the person. */
  g_assert_cmpstr (nth_id (any_order, 0), ==, "1000000057");
}

static void
test_prefix_as_you_type (void)
{
  g_autoptr(RifqDb) db = populated_db ();
  g_autoptr(GPtrArray) one = search (db, "ف");
  g_autoptr(GPtrArray) partial = search (db, "فاط");
  g_autoptr(GPtrArray) later_word = search (db, "الزهر");

  g_assert_cmpstr (nth_id (one, 0), ==, "1000000032");
  g_assert_true (finds (one, "1000000065"));    /* father فهد */
  g_assert_cmpstr (nth_id (partial, 0), ==, "1000000032");
  g_assert_cmpuint (partial->len, ==, 1);
  g_assert_true (finds (later_word, "1000000032"));
}

static void
test_id_and_phone_prefix (void)
{
  g_autoptr(RifqDb) db = populated_db ();
  g_autoptr(GPtrArray) by_id = search (db, "100000005");
  g_autoptr(GPtrArray) by_indic_id = search (db, "١٠٠٠٠٠٠٠٧");
  g_autoptr(GPtrArray) by_local = search (db, "0504");
  g_autoptr(GPtrArray) by_international = search (db, "+96650777");
  g_autoptr(GPtrArray) by_indic_phone = search (db, "٠٥٠٨");

  g_assert_cmpuint (by_id->len, ==, 1);
  g_assert_cmpstr (nth_id (by_id, 0), ==, "1000000057");
  g_assert_cmpstr (nth_id (by_indic_id, 0), ==, "1000000073");
  g_assert_cmpstr (nth_id (by_local, 0), ==, "1000000032");
  g_assert_cmpstr (nth_id (by_international, 0), ==, "1000000065");
  g_assert_cmpstr (nth_id (by_indic_phone, 0), ==, "1000000073");
}

static void
test_spaced_mobile (void)
{
  g_autoptr(RifqDb) db = populated_db ();
  g_autoptr(GPtrArray) spaced = search (db, "050 444 4444");
  g_autoptr(GPtrArray) dashed = search (db, "+966 50-777-7777");

  g_assert_cmpuint (spaced->len, ==, 1);
  g_assert_cmpstr (nth_id (spaced, 0), ==, "1000000032");
  g_assert_cmpuint (dashed->len, ==, 1);
  g_assert_cmpstr (nth_id (dashed, 0), ==, "1000000065");
}

static void
test_no_match_and_empty (void)
{
  g_autoptr(RifqDb) db = populated_db ();
  g_autoptr(GPtrArray) none = search (db, "زيد");
  g_autoptr(GPtrArray) empty = search (db, "   ");
  g_autoptr(GPtrArray) punctuation = search (db, "\"*(");

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_cmpuint (punctuation->len, ==, 0);
}

static void
test_model_reads_pages_on_demand (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqBeneficiaryModel) model = NULL;
  g_autoptr(RifqBeneficiary) last = NULL;
  g_autoptr(RifqBeneficiary) first = NULL;

  g_assert_true (rifq_demo_fill (db, 1000, 3, &error));
  model = rifq_beneficiary_model_new (db);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1000);
  g_assert_cmpuint (rifq_beneficiary_model_get_pages_read (model), ==, 0);

  last = g_list_model_get_item (G_LIST_MODEL (model), 999);
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_nonnull (last);
  g_assert_nonnull (first);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 1000));
  /* Two rows far apart: two pages read, not the table. */
  g_assert_cmpuint (rifq_beneficiary_model_get_pages_read (model), ==, 2);
}

/* The registry opened at any row (its scroll bar dragged there, a model of its own each time)
 * shows the row that reading it in order from the start reaches there, names that sort alike
 * included (in record order), and nothing past its end. */
static void
test_model_opened_at_any_row (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqBeneficiaryModel) in_order = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const guint positions[] = { 0, 1, 99, 100, 101, 150, 151, 152, 153, 154, 199, 200, 480, 777, 998, 999 };
  guint n;

  g_assert_true (rifq_demo_fill (db, 1000, 3, &error));
  g_assert_no_error (error);
  /* Six names that sort alike, in the middle of the registry. */
  rifq_test_sql (db, "UPDATE beneficiary SET name_norm = (SELECT name_norm FROM beneficiary WHERE id = 500)"
                     " WHERE id BETWEEN 501 AND 505");
  in_order = rifq_beneficiary_model_new (db);
  n = g_list_model_get_n_items (G_LIST_MODEL (in_order));
  g_assert_cmpuint (n, ==, 1000);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RifqBeneficiary) b = g_list_model_get_item (G_LIST_MODEL (in_order), i);
      gint64 id = rifq_beneficiary_get_id (b);

      g_array_append_val (ids, id);
    }
  for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
    {
      g_autoptr(RifqBeneficiaryModel) opened = rifq_beneficiary_model_new (db);
      g_autoptr(RifqBeneficiary) b = g_list_model_get_item (G_LIST_MODEL (opened), positions[i]);

      g_assert_nonnull (b);
      g_assert_cmpint (rifq_beneficiary_get_id (b), ==, g_array_index (ids, gint64, positions[i]));
    }
  {
    g_autoptr(RifqBeneficiaryModel) opened = rifq_beneficiary_model_new (db);
    g_autoptr(GPtrArray) tail = rifq_beneficiary_store_list (db, 999, 100, &error);

    g_assert_no_error (error);
    g_assert_null (g_list_model_get_item (G_LIST_MODEL (opened), 1000));
    g_assert_cmpuint (tail->len, ==, 1);
    g_assert_cmpint (rifq_beneficiary_get_id (g_ptr_array_index (tail, 0)), ==, g_array_index (ids, gint64, 999));
    g_clear_pointer (&tail, g_ptr_array_unref);
    tail = rifq_beneficiary_store_list (db, 1000, 100, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (tail->len, ==, 0);
  }
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *calls)
{
  (*calls)++;
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint calls;
} Change;

static void
change_cb (GListModel *model,
           guint       position,
           guint       removed,
           guint       added,
           Change     *change)
{
  change->position = position;
  change->removed = removed;
  change->added = added;
  change->calls++;
}

static void
assert_in_name_order (RifqBeneficiaryModel *model)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  for (guint i = 1; i < n; i++)
    {
      g_autoptr(RifqBeneficiary) a = g_list_model_get_item (G_LIST_MODEL (model), i - 1);
      g_autoptr(RifqBeneficiary) b = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_autofree char *na = rifq_beneficiary_dup_name_norm (a);
      g_autofree char *nb = rifq_beneficiary_dup_name_norm (b);

      g_assert_cmpstr (na, <=, nb);
    }
}

/* The model follows the store: a beneficiary added or renamed, here or at another workstation,
 * announces only the rows that moved. */
static void
test_model_saved_announces_moved_rows (void)
{
  g_autoptr(RifqDb) db = populated_db ();
  g_autoptr(RifqBeneficiaryModel) model = rifq_beneficiary_model_new (db);
  g_autoptr(RifqBeneficiary) before = NULL;
  g_autoptr(RifqBeneficiary) after = NULL;
  g_autoptr(RifqBeneficiary) added = rifq_test_beneficiary ("1000000081", "يوسف", "العمري", "0509999999");
  g_autoptr(RifqBeneficiary) last = NULL;
  Change change = { 0 };
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  g_signal_connect (model, "items-changed", G_CALLBACK (change_cb), &change);

  /* A new person: one row inserted where the name falls, nothing else announced. */
  /* Read as the list shows it: the first page. */
  g_clear_object (&last);
  last = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_clear_object (&last);
  g_assert_true (rifq_beneficiary_store_add (db, added, NULL, NULL, NULL));
  g_assert_cmpuint (change.calls, ==, 1);
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n + 1);
  last = g_list_model_get_item (G_LIST_MODEL (model), change.position);
  g_assert_cmpstr (rifq_beneficiary_get (last, RIFQ_FIELD_NATIONAL_ID), ==, "1000000081");
  assert_in_name_order (model);

  /* أحمد … renamed to the end of the alphabet: the rows between the two places change. */
  before = g_list_model_get_item (G_LIST_MODEL (model), 0);
  after = rifq_beneficiary_store_get (db, rifq_beneficiary_get_id (before), NULL);
  rifq_beneficiary_set (after, RIFQ_FIELD_FIRST_NAME, "ياسر");
  g_assert_true (rifq_beneficiary_store_update (db, after, "rename", NULL, NULL));
  g_assert_cmpuint (change.calls, ==, 2);
  g_assert_cmpuint (change.position, ==, 0);
  g_assert_cmpuint (change.removed, ==, change.added);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n + 1);
  assert_in_name_order (model);
}

/* On the server, an applicant registered at another workstation appears in this one's list
 * by itself, where the name falls. */
static void
test_model_follows_other_workstations (void)
{
  g_autofree char *location = NULL;
  g_autoptr(RifqDb) here = rifq_test_db_new (&location);
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqDb) there = rifq_test_db_open (location, &error);
  g_autoptr(RifqBeneficiaryModel) model = NULL;
  g_autoptr(RifqBeneficiary) first = rifq_test_beneficiary (RIFQ_TEST_ID_1, "محمد", "القحطاني", "0501234567");
  g_autoptr(RifqBeneficiary) added = rifq_test_beneficiary (RIFQ_TEST_ID_2, "أحمد", "العمري", "0509999999");
  g_autoptr(RifqBeneficiary) shown = NULL;
  gint64 start;

  g_assert_no_error (error);
  rifq_db_set_actor (there, "admin");
  g_assert_true (rifq_beneficiary_store_add (here, first, NULL, NULL, &error));
  model = rifq_beneficiary_model_new (here);
  g_assert_true (rifq_db_watch_others (here, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);

  g_assert_true (rifq_beneficiary_store_add (there, added, NULL, NULL, &error));
  start = g_get_monotonic_time ();
  while (g_list_model_get_n_items (G_LIST_MODEL (model)) < 2 && g_get_monotonic_time () - start < RIFQ_TEST_PATIENCE)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  shown = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpstr (rifq_beneficiary_get (shown, RIFQ_FIELD_NATIONAL_ID), ==, RIFQ_TEST_ID_2);
}

/* A name changed, renumbered or removed by another program, not through Rifq, is found by its
 * new words and number and no longer by its old ones, and a name Rifq would never write does
 * not stop the write: the words searched are kept by the database itself (schema 13's
 * triggers), whoever writes the name. */
static void
test_words_follow_names_changed_by_another_program (void)
{
  g_autofree char *location = NULL;
  g_autoptr(RifqDb) db = rifq_test_db_new (&location);
  g_autoptr(RifqBeneficiary) first = rifq_test_beneficiary (RIFQ_TEST_ID_1, "محمد", "القحطاني", "0501234567");
  g_autoptr(RifqBeneficiary) second = rifq_test_beneficiary (RIFQ_TEST_ID_2, "أحمد", "العمري", "0509999999");
  g_autoptr(GError) error = NULL;
  const char *found_by[] = { "القحطاني", "الزهراني", "العمري", "محمد عبدالله سعد الزهراني", "الدوسري" };
  const char *changes[] = {
    NULL,
    /* the first renamed */
    "UPDATE beneficiary SET family_name = 'الزهراني', name_norm = 'محمد عبدالله سعد الزهراني'"
    " WHERE national_id = '" RIFQ_TEST_ID_1 "'",
    /* the second removed */
    "DELETE FROM beneficiary WHERE national_id = '" RIFQ_TEST_ID_2 "'",
    /* the first given another number */
    "UPDATE beneficiary SET id = 4242 WHERE national_id = '" RIFQ_TEST_ID_1 "'",
    /* a name no normalisation makes, written as it is: quotes, a backslash */
    "UPDATE beneficiary SET name_norm = 'محمد \"عبدالله\" سعد الزهراني\\' WHERE id = 4242",
    /* the row written again whole, under another name (on a desk, INSERT OR REPLACE, which
     * runs no trigger for the row it replaces) */
    RIFQ_TEST_DIALECT ("CREATE TEMP TABLE t AS SELECT * FROM beneficiary WHERE id = 4242;"
                       " UPDATE t SET name_norm = 'سالم عبدالله سعد الدوسري';"
                       " INSERT OR REPLACE INTO beneficiary SELECT * FROM t",
                       "INSERT INTO beneficiary SELECT * FROM beneficiary WHERE id = 4242"
                       " ON CONFLICT (id) DO UPDATE SET name_norm = 'سالم عبدالله سعد الدوسري'"),
  };
  guint expected[][G_N_ELEMENTS (found_by)] = {
    { 1, 0, 1, 0, 0 },
    { 0, 1, 1, 1, 0 },
    { 0, 1, 0, 1, 0 },
    { 0, 1, 0, 1, 0 },
    { 0, 1, 0, 0, 0 },
    { 0, 0, 0, 0, 1 },
  };

  g_assert_true (rifq_beneficiary_store_add (db, first, NULL, NULL, &error));
  g_assert_true (rifq_beneficiary_store_add (db, second, NULL, NULL, &error));
  g_assert_no_error (error);
  for (guint step = 0; step < G_N_ELEMENTS (expected); step++)
    {
      if (changes[step] != NULL)
        rifq_test_other_program_sql (location, changes[step]);
      for (guint q = 0; q < G_N_ELEMENTS (found_by); q++)
        {
          g_autoptr(GPtrArray) rows = rifq_beneficiary_store_search (db, found_by[q], 50, &error);

          g_assert_no_error (error);
          if (rows->len != expected[step][q])
            g_error ("after step %u, “%s” found %u names, not %u", step, found_by[q], rows->len, expected[step][q]);
          /* Found under the number it has now. */
          if (step >= 3 && rows->len > 0)
            g_assert_cmpint (rifq_beneficiary_get_id (g_ptr_array_index (rows, 0)), ==, 4242);
        }
    }
}

/* How many times the server has read table whole (its statistics, brought up to date first
 * by the session that searched). */
static gint64
whole_reads (RifqDb     *db,
             const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT seq_scan FROM pg_stat_user_tables WHERE relname = '%s'", table);

  rifq_test_sql (db, "SELECT pg_stat_force_next_flush ()");
  return rifq_test_count (db, sql);
}

/* On the server, the names holding words are read through the word table's index, never by
 * reading it whole (it holds every word of every name), however common the word. (The table of
 * the words alone is a few pages here, which the server rightly reads whole.) */
static void
test_search_words_answered_by_the_index (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *queries[] = { "عبدالله", "محمد عبدالله", "القحطاني", "عبدالله محمد", "عبدالر", "العتيبي فهد" };
  gint64 before;

  /* Enough applicants for the plans to be those a branch's registry gets. */
  g_assert_true (rifq_demo_fill (db, 3000, 1, &error));
  g_assert_no_error (error);
  before = whole_reads (db, "beneficiary_word");
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GPtrArray) found = rifq_beneficiary_store_search (db, queries[i], 50, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (found->len, >, 0);
    }
  g_assert_cmpint (whole_reads (db, "beneficiary_word"), ==, before);
}

/* Whether name holds the words at a word's start: one after another, the last a prefix
 * (phrase), or each anywhere. Written out here, letter by letter, as the search promises it. */
static gboolean
holds_words (const char    *name,
             char * const  *words,
             gboolean       phrase)
{
  g_autofree char *spaced = g_strconcat (" ", name, NULL);

  if (phrase)
    {
      g_autofree char *joined = g_strjoinv (" ", (char **) words);
      g_autofree char *needle = g_strconcat (" ", joined, NULL);

      return strstr (spaced, needle) != NULL;
    }
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *needle = g_strconcat (" ", words[i], NULL);

      if (strstr (spaced, needle) == NULL)
        return FALSE;
    }
  return TRUE;
}

/* A family name half the registry shares: the search finds the same names, in name order, as
 * reading every name one by one would. 2,600 names hold it (الضيفاني), each word's names read
 * from the word table in name order; their first name, "يمان", puts them after the 2,400
 * others. Their grandfathers' names are a hundred words starting "ضض", more than the search
 * reads through the word table: "ضض" is found by reading the registry in name order, past its
 * first chunk of names. Seventy words starting "ظظ", held by seventy names, are as many
 * spellings but few names: read from the word table whole and sorted. Two words typed one
 * after the other ("ضضاب الضيفاني") are read as the pair the word table holds. */
#define WRONG_COUNTS "SELECT count(*) FROM name_word n" \
                     " WHERE names <> (SELECT count(*) FROM beneficiary_word b WHERE b.word = n.word)"

static void
test_common_word_same_names_in_order (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) registry = rifq_demo_generate (5000, 7, 0);
  g_autoptr(GPtrArray) everyone = NULL;
  const char *queries[] = { "الضيفاني", "الضيف", "يمان الضيفاني", "الضيفاني يمان", "ضض", "ضض ا", "يمان ضض",
                            "ظظ", "ظظ ا", "ضضاب الضيفاني", "ضضاب الض", "الضيفاني ضضاب" };
  const char *letters[] = { "ا", "ب", "ت", "ث", "ج", "ح", "خ", "د", "ذ", "ر" };

  for (guint i = 0; i < 2600; i++)
    {
      g_autofree char *grandfather = g_strconcat ("ضض", letters[i % 10], letters[(i / 10) % 10], NULL);

      rifq_beneficiary_set (g_ptr_array_index (registry, i), RIFQ_FIELD_FIRST_NAME, "يمان");
      /* A third of them hold it as their father's name, apart from the family name. */
      if (i % 3 == 0)
        rifq_beneficiary_set (g_ptr_array_index (registry, i), RIFQ_FIELD_FATHER_NAME, grandfather);
      else
        rifq_beneficiary_set (g_ptr_array_index (registry, i), RIFQ_FIELD_GRANDFATHER_NAME, grandfather);
      rifq_beneficiary_set (g_ptr_array_index (registry, i), RIFQ_FIELD_FAMILY_NAME, "الضيفاني");
    }
  /* Seventy names of seventy words starting "ظظ": as many spellings, but few names. */
  for (guint i = 2600; i < 2670; i++)
    {
      g_autofree char *grandfather = g_strconcat ("ظظ", letters[i % 10], letters[(i / 10) % 10], NULL);

      rifq_beneficiary_set (g_ptr_array_index (registry, i), RIFQ_FIELD_GRANDFATHER_NAME, grandfather);
    }
  g_assert_true (rifq_beneficiary_store_add_many (db, registry, "test", &error));
  g_assert_no_error (error);
  /* Each word's and pair's count is right after many names at once, counted a thousand at a
   * time; names removed by another program are counted out when counted again. */
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM name_word"), >, 2000);
  g_assert_cmpint (rifq_test_count (db, WRONG_COUNTS), ==, 0);
  rifq_test_sql (db, "DELETE FROM beneficiary WHERE id IN (SELECT id FROM beneficiary ORDER BY id DESC LIMIT 10)");
  g_assert_cmpint (rifq_test_count (db, WRONG_COUNTS), >, 0);
  rifq_beneficiary_store_count_words (db);
  g_assert_cmpint (rifq_test_count (db, WRONG_COUNTS), ==, 0);
  /* More words start with "ضض", "ظظ" and "ا" than the word table is read through. */
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM name_word WHERE word LIKE 'ضض%'"), ==, 100);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM name_word WHERE word LIKE 'ظظ%'"), ==, 70);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM name_word WHERE word LIKE 'ا%'"), >, 64);
  everyone = rifq_beneficiary_store_list (db, 0, registry->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (everyone->len, ==, registry->len - 10);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autofree char *norm = rifq_arabic_normalize_query (queries[q]);
      g_auto(GStrv) words = g_strsplit (norm, " ", -1);
      g_autoptr(GPtrArray) found = rifq_beneficiary_store_search (db, queries[q], 50, &error);
      g_autoptr(GPtrArray) expected = g_ptr_array_new ();
      g_autoptr(GHashTable) taken = g_hash_table_new (NULL, NULL);

      g_assert_no_error (error);
      /* The names starting with the query, then those holding its words in order, then those
       * holding every word anywhere: each in name order, each name once. */
      for (guint step = 0; step < 3; step++)
        for (guint i = 0; i < everyone->len && expected->len < 50; i++)
          {
            RifqBeneficiary *b = g_ptr_array_index (everyone, i);
            g_autofree char *name = rifq_beneficiary_dup_name_norm (b);
            gboolean match = step == 0 ? g_str_has_prefix (name, norm)
                             : step == 1 ? holds_words (name, words, TRUE)
                             : g_strv_length (words) > 1 && holds_words (name, words, FALSE);

            if (match && g_hash_table_add (taken, b))
              g_ptr_array_add (expected, b);
          }
      g_assert_cmpuint (expected->len, >, 0);
      g_assert_cmpuint (found->len, ==, expected->len);
      for (guint i = 0; i < found->len; i++)
        if (rifq_beneficiary_get_id (g_ptr_array_index (found, i)) != rifq_beneficiary_get_id (g_ptr_array_index (expected, i)))
          g_error ("“%s”: name %u found is %" G_GINT64_FORMAT ", not %" G_GINT64_FORMAT, queries[q], i,
                   rifq_beneficiary_get_id (g_ptr_array_index (found, i)),
                   rifq_beneficiary_get_id (g_ptr_array_index (expected, i)));
    }
}

static void
test_model_query_updates_items (void)
{
  g_autoptr(RifqDb) db = populated_db ();
  g_autoptr(RifqBeneficiaryModel) model = rifq_beneficiary_model_new (db);
  g_autoptr(RifqBeneficiary) item = NULL;
  guint calls = 0;

  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &calls);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, G_N_ELEMENTS (people));

  rifq_beneficiary_model_set_query (model, "فاطمه");
  g_assert_cmpuint (calls, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  item = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpstr (rifq_beneficiary_get (item, RIFQ_FIELD_NATIONAL_ID), ==, "1000000032");

  rifq_beneficiary_model_set_query (model, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, G_N_ELEMENTS (people));
}

int
main (int   argc,
      char *argv[])
{
  rifq_test_init (&argc, &argv);

  g_test_add_func ("/search/normalised/alef-forms", test_alef_forms);
  g_test_add_func ("/search/normalised/ta-marbuta-and-alef-maqsura", test_ta_marbuta_and_alef_maqsura);
  g_test_add_func ("/search/normalised/tashkeel-and-tatweel", test_tashkeel_and_tatweel);
  g_test_add_func ("/search/normalised/abd-with-or-without-space", test_abd_with_or_without_space);
  g_test_add_func ("/search/ranking/best-matches-first", test_ranking_best_first);
  g_test_add_func ("/search/prefix/as-you-type", test_prefix_as_you_type);
  g_test_add_func ("/search/digits/id-and-mobile-prefix", test_id_and_phone_prefix);
  g_test_add_func ("/search/digits/spaced-or-dashed-mobile", test_spaced_mobile);
  g_test_add_func ("/search/no-match-and-empty-query", test_no_match_and_empty);
  g_test_add_func ("/search/words/common-word-same-names-in-name-order", test_common_word_same_names_in_order);
  g_test_add_func ("/search/words/follow-names-changed-by-another-program",
                   test_words_follow_names_changed_by_another_program);
  g_test_add_func ("/model/store-save-announces-only-moved-rows", test_model_saved_announces_moved_rows);
  /* Only the server has other workstations. */
  if (rifq_test_on_server ())
    {
      g_test_add_func ("/model/follows-other-workstations", test_model_follows_other_workstations);
      g_test_add_func ("/search/server/words-answered-by-the-index", test_search_words_answered_by_the_index);
    }
  g_test_add_func ("/model/reads-pages-on-demand", test_model_reads_pages_on_demand);
  g_test_add_func ("/model/opened-at-any-row-shows-what-reading-in-order-reaches", test_model_opened_at_any_row);
  g_test_add_func ("/model/query-updates-items", test_model_query_updates_items);

  return g_test_run ();
}
