/* test-arabic.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <glib.h>

#include "rifq-arabic.h"

typedef struct
{
  const char *input;
  const char *expected;
} NormalizePair;

static const NormalizePair normalize_pairs[] = {
  /* alef forms */
  { "أحمد", "احمد" },
  { "إبراهيم", "ابراهيم" },
  { "آمنة", "امنه" },
  { "ٱلله", "الله" },
  { "الأمير", "الامير" },
  /* teh marbuta, alef maksura */
  { "فاطمة", "فاطمه" },
  { "مصطفى", "مصطفي" },
  { "عيسى موسى", "عيسي موسي" },
  /* tashkeel and tatweel */
  { "مُحَمَّد", "محمد" },
  { "عَلِيٌّ", "علي" },
  { "سَعْدٍ", "سعد" },
  { "الرَّحْمٰن", "الرحمن" },
  { "محـــمد", "محمد" },
  { "عـبـد الـلـه", "عبدالله" },
  /* digits */
  { "٠١٢٣٤٥٦٧٨٩", "0123456789" },
  { "۰۱۲۳۴۵۶۷۸۹", "0123456789" },
  { "رقم ١٠٠٠٠٠٠٠٠٨", "رقم 1000000008" },
  /* Latin case folding */
  { "Mohammed AL-Qahtani", "mohammed al qahtani" },
  { "ÉLODIE", "élodie" },
  /* punctuation, symbols and spaces */
  { "  محمد   بن    سعد  ", "محمد بن سعد" },
  { "سعد،علي؛ (خالد)", "سعد علي خالد" },
  { "نورة\tسعد\nالعتيبي", "نوره سعد العتيبي" },
  { "«عبير» - ريم!", "عبير ريم" },
  { "سارة \u200fالقحطاني", "ساره القحطاني" },
  { "مح\u200cمد", "محمد" },
  { "خالد\u00a0سعد", "خالد سعد" },
  { "", "" },
  { " ،. ", "" },
  /* "عبد" joined to a following word that starts with alef */
  { "عبد الله", "عبدالله" },
  { "عبدالله", "عبدالله" },
  { "عبد الرحمن", "عبدالرحمن" },
  { "عبد العزيز بن عبد الله", "عبدالعزيز بن عبدالله" },
  { "عبد  الإله", "عبدالاله" },
  { "عبدُ الله", "عبدالله" },
  { "محمد عبد الله السبيعي", "محمد عبدالله السبيعي" },
  { "عبد ربه", "عبد ربه" },
  { "عبد", "عبد" },
  { "العبد الله", "العبد الله" },
  { "سعد الله", "سعد الله" },
  { "عبد-الله", "عبدالله" },
  { "عبدة الله", "عبده الله" },
};

static void
test_normalize_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (normalize_pairs); i++)
    {
      const NormalizePair *pair = &normalize_pairs[i];
      g_autofree char *got = rifq_arabic_normalize (pair->input);

      if (g_strcmp0 (got, pair->expected) != 0)
        g_test_fail_printf ("pair %u: normalize (\"%s\") gave \"%s\", expected \"%s\"",
                            i, pair->input, got, pair->expected);
    }
}

static void
test_normalize_idempotent (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (normalize_pairs); i++)
    {
      g_autofree char *once = rifq_arabic_normalize (normalize_pairs[i].input);
      g_autofree char *twice = rifq_arabic_normalize (once);

      if (g_strcmp0 (once, twice) != 0)
        g_test_fail_printf ("pair %u: normalizing \"%s\" again gave \"%s\"", i, once, twice);
    }
}

static void
test_normalize_alef_forms (void)
{
  static const char *forms[] = { "ا", "أ", "إ", "آ", "ٱ" };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autofree char *got = rifq_arabic_normalize (forms[i]);

      g_assert_cmpstr (got, ==, "ا");
    }
}

static void
test_normalize_invalid_utf8_is_a_word_break (void)
{
  g_autofree char *got = rifq_arabic_normalize ("سعد\xff\xfe" "علي");

  g_assert_cmpstr (got, ==, "سعد علي");
}

static void
test_normalize_query_abd_partial (void)
{
  static const NormalizePair pairs[] = {
    { "عبد ا", "عبدا" },
    { "عبد ال", "عبدال" },
    { "عبد ", "عبد" },
    { "عبد", "عبد" },
    { "محمد عبد ", "محمد عبد" },
    { "محمد عبد ا", "محمد عبدا" },
    { "أحمد ", "احمد" },
    { "  عبدالر", "عبدالر" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_autofree char *got = rifq_arabic_normalize_query (pairs[i].input);

      if (g_strcmp0 (got, pairs[i].expected) != 0)
        g_test_fail_printf ("query %u: normalize_query (\"%s\") gave \"%s\", expected \"%s\"",
                            i, pairs[i].input, got, pairs[i].expected);
    }
}

static void
test_normalize_query_is_prefix_of_name (void)
{
  g_autofree char *name = rifq_arabic_normalize ("عبد الرَّحمن بن سعد");
  g_autofree char *query = rifq_arabic_normalize_query ("عبد الر");

  g_assert_true (g_str_has_prefix (name, query));
}

static void
test_digits_latin (void)
{
  g_autofree char *arabic = rifq_arabic_latin_digits ("٠١٢٣٤٥٦٧٨٩");
  g_autofree char *eastern = rifq_arabic_latin_digits ("۰۱۲۳۴۵۶۷۸۹");
  g_autofree char *mixed = rifq_arabic_latin_digits ("جوال ٠٥٥ 123-٤٥٦");
  g_autofree char *untouched = rifq_arabic_latin_digits ("سعد Saad");

  g_assert_cmpstr (arabic, ==, "0123456789");
  g_assert_cmpstr (eastern, ==, "0123456789");
  g_assert_cmpstr (mixed, ==, "جوال 055 123-456");
  g_assert_cmpstr (untouched, ==, "سعد Saad");
}

static void
test_digits_indic (void)
{
  g_autofree char *digits = rifq_arabic_indic_digits ("0123456789");
  g_autofree char *date = rifq_arabic_indic_digits ("21 صفر 1446");

  g_assert_cmpstr (digits, ==, "٠١٢٣٤٥٦٧٨٩");
  g_assert_cmpstr (date, ==, "٢١ صفر ١٤٤٦");
}

static void
test_digits_round_trip (void)
{
  g_autofree char *indic = rifq_arabic_indic_digits ("1000000008");
  g_autofree char *latin = rifq_arabic_latin_digits (indic);

  g_assert_cmpstr (latin, ==, "1000000008");
}

static void
test_is_numeric (void)
{
  g_assert_true (rifq_arabic_is_numeric ("1000000008"));
  g_assert_true (rifq_arabic_is_numeric ("١٠٠٠٠٠٠٠٠٨"));
  g_assert_true (rifq_arabic_is_numeric ("  0551234567 "));
  g_assert_true (rifq_arabic_is_numeric ("+966551234567"));
  g_assert_true (rifq_arabic_is_numeric ("۰۵۵"));

  g_assert_false (rifq_arabic_is_numeric (""));
  g_assert_false (rifq_arabic_is_numeric ("   "));
  g_assert_false (rifq_arabic_is_numeric ("+"));
  g_assert_false (rifq_arabic_is_numeric ("055 123"));
  g_assert_false (rifq_arabic_is_numeric ("1+1"));
  g_assert_false (rifq_arabic_is_numeric ("محمد"));
  g_assert_false (rifq_arabic_is_numeric ("12a"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "en", TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/arabic/normalize/table", test_normalize_table);
  g_test_add_func ("/arabic/normalize/idempotent", test_normalize_idempotent);
  g_test_add_func ("/arabic/normalize/alef-forms", test_normalize_alef_forms);
  g_test_add_func ("/arabic/normalize/invalid-utf8-is-a-word-break",
                   test_normalize_invalid_utf8_is_a_word_break);
  g_test_add_func ("/arabic/normalize-query/abd-joins-while-typing", test_normalize_query_abd_partial);
  g_test_add_func ("/arabic/normalize-query/is-prefix-of-name", test_normalize_query_is_prefix_of_name);
  g_test_add_func ("/arabic/digits/to-latin", test_digits_latin);
  g_test_add_func ("/arabic/digits/to-indic", test_digits_indic);
  g_test_add_func ("/arabic/digits/round-trip", test_digits_round_trip);
  g_test_add_func ("/arabic/is-numeric/digits-and-leading-plus", test_is_numeric);

  return g_test_run ();
}
