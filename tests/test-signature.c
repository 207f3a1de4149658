/* test-signature.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "rifq-error.h"
#include "rifq-signature.h"
#include "rifq-test-util.h"

/* Adds a stroke through cubic Bézier segments, each given as its two control points and end
 * point after the start. The pressure rises and falls along the stroke, with a little tremor,
 * as a hand's does. */
static void
add_stroke (RifqSignature *sig,
            const double  *path,
            guint          n_segments)
{
  const guint steps = 24;
  guint total = n_segments * steps;

  rifq_signature_begin_stroke (sig);
  for (guint k = 0; k <= total; k++)
    {
      guint s = MIN (k / steps, n_segments - 1);
      double t = (k - s * steps) / (double) steps;
      double u = k / (double) total;
      const double *p = path + 6 * s;
      double a = (1 - t) * (1 - t) * (1 - t), b = 3 * t * (1 - t) * (1 - t);
      double c = 3 * t * t * (1 - t), d = t * t * t;

      rifq_signature_add_point (sig,
                                a * p[0] + b * p[2] + c * p[4] + d * p[6],
                                a * p[1] + b * p[3] + c * p[5] + d * p[7],
                                0.2 + 2.8 * u * (1 - u) + (k * 37 % 11) / 200.0);
    }
}

/* A signature as a hand draws one on a 480 × 200 pad: a long looping stroke from right to
 * left, a crossing stroke, and two dots. */
static RifqSignature *
make_signature (void)
{
  static const double name[] = {
    430, 110,
    400, 40,   380, 150,  350, 110,
    330, 80,   310, 80,   300, 120,
    290, 160,  250, 150,  240, 110,
    230, 70,   200, 70,   190, 115,
    180, 150,  120, 150,  100, 120,
    80, 90,    60, 120,   50, 140,
  };
  static const double stroke[] = {
    150, 160,
    200, 150,  280, 110,  330, 90,
  };
  RifqSignature *sig = rifq_signature_new (480, 200);

  add_stroke (sig, name, 6);
  add_stroke (sig, stroke, 1);
  rifq_signature_begin_stroke (sig);
  rifq_signature_add_point (sig, 300.04, 70.06, 0.66667);
  rifq_signature_begin_stroke (sig);
  rifq_signature_add_point (sig, 312.36, 68.94, 1.0);

  return sig;
}

static void
assert_same_signature (RifqSignature *a,
                       RifqSignature *b)
{
  g_assert_cmpfloat (rifq_signature_get_width (a), ==, rifq_signature_get_width (b));
  g_assert_cmpfloat (rifq_signature_get_height (a), ==, rifq_signature_get_height (b));
  g_assert_cmpuint (rifq_signature_get_n_strokes (a), ==, rifq_signature_get_n_strokes (b));
  g_assert_cmpuint (rifq_signature_get_n_points (a), ==, rifq_signature_get_n_points (b));

  for (guint i = 0; i < rifq_signature_get_n_strokes (a); i++)
    {
      guint n_a, n_b;
      const RifqSignaturePoint *pa = rifq_signature_get_stroke (a, i, &n_a);
      const RifqSignaturePoint *pb = rifq_signature_get_stroke (b, i, &n_b);

      g_assert_cmpuint (n_a, ==, n_b);
      for (guint j = 0; j < n_a; j++)
        {
          /* The very same doubles, not merely close ones. */
          g_assert_cmpfloat (pa[j].x, ==, pb[j].x);
          g_assert_cmpfloat (pa[j].y, ==, pb[j].y);
          g_assert_cmpfloat (pa[j].pressure, ==, pb[j].pressure);
        }
    }
}

static void
assert_refused (const char *json,
                const char *expected_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqSignature) sig = rifq_signature_new_from_json (json, &error);

  g_assert_null (sig);
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID);
  if (strstr (error->message, expected_part) == NULL)
    g_error ("“%s” does not say “%s”", error->message, expected_part);
}

static void
test_round_trip_unchanged (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqSignature) sig = make_signature ();
  g_autoptr(RifqSignature) parsed = NULL;
  g_autofree char *json = rifq_signature_to_json (sig);
  g_autofree char *again = NULL;

  g_assert_cmpuint (rifq_signature_get_n_strokes (sig), ==, 4);
  g_assert_cmpuint (rifq_signature_get_n_points (sig), >, 150);
  g_assert_true (g_str_has_prefix (json, "{\"version\":1,\"width\":480,\"height\":200,\"strokes\":[[["));
  g_assert_true (g_str_has_suffix (json, "[[300,70.1,0.667]],[[312.4,68.9,1]]]}"));
  g_assert_null (strchr (json, ' '));
  g_assert_null (strchr (json, '\n'));

  parsed = rifq_signature_new_from_json (json, &error);
  g_assert_no_error (error);
  again = rifq_signature_to_json (parsed);
  g_assert_cmpstr (again, ==, json);
}

static void
test_parsed_values_equal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqSignature) sig = make_signature ();
  g_autofree char *json = rifq_signature_to_json (sig);
  g_autoptr(RifqSignature) parsed = rifq_signature_new_from_json (json, &error);

  g_assert_no_error (error);
  assert_same_signature (sig, parsed);
}

/* Every coordinate in tenths across a wide pad, and every pressure in thousandths, reads back
 * as the same double: what makes the short numbers safe. */
static void
test_every_step_reads_back (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqSignature) sig = rifq_signature_new (3000, 1000);
  g_autoptr(RifqSignature) parsed = NULL;
  g_autofree char *json = NULL;
  g_autofree char *again = NULL;

  rifq_signature_begin_stroke (sig);
  for (int i = 0; i <= 30000; i++)
    rifq_signature_add_point (sig, i / 10.0, (i % 10001) / 10.0, (i % 1001) / 1000.0);
  g_assert_cmpuint (rifq_signature_get_n_points (sig), ==, 30001);

  json = rifq_signature_to_json (sig);
  parsed = rifq_signature_new_from_json (json, &error);
  g_assert_no_error (error);
  assert_same_signature (sig, parsed);
  again = rifq_signature_to_json (parsed);
  g_assert_cmpstr (again, ==, json);
}

static void
test_shortest_numbers (void)
{
  g_autoptr(RifqSignature) sig = rifq_signature_new (360, 180.5);
  g_autofree char *json = NULL;

  rifq_signature_begin_stroke (sig);
  rifq_signature_add_point (sig, 10, 20.26, 0.5);
  rifq_signature_add_point (sig, 0.04, 0.5, 1.0);
  rifq_signature_add_point (sig, 7.25, 3.001, 0.0104);
  json = rifq_signature_to_json (sig);
  g_assert_cmpstr (json, ==,
                   "{\"version\":1,\"width\":360,\"height\":180.5,"
                   "\"strokes\":[[[10,20.3,0.5],[0,0.5,1],[7.3,3,0.01]]]}");
}

static void
test_record_rounds_and_clamps (void)
{
  g_autoptr(RifqSignature) sig = rifq_signature_new (360, 180);
  const RifqSignaturePoint *points;
  guint n;

  rifq_signature_add_point (sig, -5, 500, 1.7);
  rifq_signature_add_point (sig, 1.26, 1.24, 0.12345);
  rifq_signature_add_point (sig, 1.2600001, 1.2399, 0.1234);
  rifq_signature_add_point (sig, 400, -0.01, -0.2);

  /* A point added with no stroke begun starts one. */
  g_assert_cmpuint (rifq_signature_get_n_strokes (sig), ==, 1);
  points = rifq_signature_get_stroke (sig, 0, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (rifq_signature_get_n_points (sig), ==, 3);

  g_assert_cmpfloat (points[0].x, ==, 0);
  g_assert_cmpfloat (points[0].y, ==, 180);
  g_assert_cmpfloat (points[0].pressure, ==, 1);
  g_assert_cmpfloat (points[1].x, ==, 1.3);
  g_assert_cmpfloat (points[1].y, ==, 1.2);
  g_assert_cmpfloat (points[1].pressure, ==, 0.123);
  g_assert_cmpfloat (points[2].x, ==, 360);
  g_assert_cmpfloat (points[2].y, ==, 0);
  g_assert_false (signbit (points[2].y));
  g_assert_cmpfloat (points[2].pressure, ==, 0);
}

static void
test_record_stops_at_limit (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqSignature) sig = rifq_signature_new (1000, 1000);
  g_autoptr(RifqSignature) parsed = NULL;
  g_autofree char *json = NULL;

  rifq_signature_begin_stroke (sig);
  for (int i = 0; i < RIFQ_SIGNATURE_MAX_POINTS + 10; i++)
    rifq_signature_add_point (sig, (i % 1000) / 1.0, (i / 1000) / 1.0, 1);
  g_assert_cmpuint (rifq_signature_get_n_points (sig), ==, RIFQ_SIGNATURE_MAX_POINTS);

  /* Whatever the pad recorded can be read back. */
  json = rifq_signature_to_json (sig);
  parsed = rifq_signature_new_from_json (json, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rifq_signature_get_n_points (parsed), ==, RIFQ_SIGNATURE_MAX_POINTS);
}

static void
test_tap_is_not_a_signature (void)
{
  g_autoptr(RifqSignature) sig = rifq_signature_new (360, 180);

  g_assert_true (rifq_signature_is_empty (sig));

  rifq_signature_begin_stroke (sig);
  rifq_signature_add_point (sig, 50, 50, 0.5);
  /* The same place again is the same tap, not a line. */
  rifq_signature_add_point (sig, 50.01, 49.99, 0.5);
  rifq_signature_begin_stroke (sig);
  rifq_signature_add_point (sig, 80, 50, 0.5);
  g_assert_true (rifq_signature_is_empty (sig));
  g_assert_cmpuint (rifq_signature_get_n_points (sig), ==, 2);

  rifq_signature_begin_stroke (sig);
  rifq_signature_add_point (sig, 100, 50, 0.5);
  rifq_signature_add_point (sig, 140, 60, 0.5);
  g_assert_false (rifq_signature_is_empty (sig));
}

static void
test_begin_stroke_twice_keeps_one (void)
{
  g_autoptr(RifqSignature) sig = rifq_signature_new (360, 180);

  rifq_signature_begin_stroke (sig);
  rifq_signature_begin_stroke (sig);
  g_assert_cmpuint (rifq_signature_get_n_strokes (sig), ==, 1);
}

static void
test_clear_empties (void)
{
  g_autoptr(RifqSignature) sig = make_signature ();
  g_autofree char *json = NULL;

  g_assert_false (rifq_signature_is_empty (sig));
  rifq_signature_clear (sig);
  g_assert_true (rifq_signature_is_empty (sig));
  g_assert_cmpuint (rifq_signature_get_n_strokes (sig), ==, 0);
  g_assert_cmpuint (rifq_signature_get_n_points (sig), ==, 0);
  g_assert_cmpfloat (rifq_signature_get_width (sig), ==, 480);
  g_assert_cmpfloat (rifq_signature_get_height (sig), ==, 200);

  json = rifq_signature_to_json (sig);
  g_assert_cmpstr (json, ==, "{\"version\":1,\"width\":480,\"height\":200,\"strokes\":[]}");
}

static void
test_bounds (void)
{
  g_autoptr(RifqSignature) sig = rifq_signature_new (360, 180);
  double x0 = -1, y0 = -1, x1 = -1, y1 = -1;

  rifq_signature_get_bounds (sig, &x0, &y0, &x1, &y1);
  g_assert_cmpfloat (x0, ==, 0);
  g_assert_cmpfloat (y0, ==, 0);
  g_assert_cmpfloat (x1, ==, 0);
  g_assert_cmpfloat (y1, ==, 0);

  rifq_signature_add_point (sig, 100, 90, 0.5);
  rifq_signature_add_point (sig, 220, 40, 0.5);
  rifq_signature_begin_stroke (sig);
  rifq_signature_add_point (sig, 60.5, 130, 0.5);

  rifq_signature_get_bounds (sig, &x0, &y0, &x1, &y1);
  g_assert_cmpfloat (x0, ==, 60.5);
  g_assert_cmpfloat (y0, ==, 40);
  g_assert_cmpfloat (x1, ==, 220);
  g_assert_cmpfloat (y1, ==, 130);

  rifq_signature_get_bounds (sig, NULL, NULL, &x1, NULL);
  g_assert_cmpfloat (x1, ==, 220);
}

static void
test_boxed_shares_by_reference (void)
{
  g_autoptr(RifqSignature) sig = rifq_signature_new (360, 180);
  RifqSignature *copy;

  g_assert_true (G_TYPE_IS_BOXED (RIFQ_TYPE_SIGNATURE));
  copy = g_boxed_copy (RIFQ_TYPE_SIGNATURE, sig);
  g_assert_true (copy == sig);
  g_boxed_free (RIFQ_TYPE_SIGNATURE, copy);
  g_assert_cmpfloat (rifq_signature_get_width (sig), ==, 360);
}

static void
test_reads_margin_and_whole_numbers (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqSignature) sig = NULL;
  const RifqSignaturePoint *points;
  guint n;

  sig = rifq_signature_new_from_json ("{ \"strokes\": [ [ [-1, 181, 0], [361.0, -0.96, 1] ], [] ],\n"
                                      "  \"height\": 180, \"width\": 360.0, \"version\": 1 }",
                                      &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rifq_signature_get_n_strokes (sig), ==, 2);
  points = rifq_signature_get_stroke (sig, 0, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpfloat (points[0].x, ==, -1);
  g_assert_cmpfloat (points[0].y, ==, 181);
  g_assert_cmpfloat (points[1].x, ==, 361);
  g_assert_cmpfloat (points[1].y, ==, -1);
  rifq_signature_get_stroke (sig, 1, &n);
  g_assert_cmpuint (n, ==, 0);
}

static void
test_refuses_malformed (void)
{
  assert_refused ("{\"version\":1,\"width\":360,", "not valid JSON");
  assert_refused ("", "The JSON is empty");
  assert_refused ("[[[1,2,0.5]]]", "not a JSON object");
  assert_refused ("{\"version\":1,\"width\":360,\"height\":180,\"strokes\":[],\"stroke\":[]}",
                  "“stroke” is not part of a signature");
}

static void
test_refuses_wrong_version (void)
{
  assert_refused ("{\"version\":2,\"width\":360,\"height\":180,\"strokes\":[]}",
                  "version 2 of the format, but this Rifq reads only version 1");
  assert_refused ("{\"width\":360,\"height\":180,\"strokes\":[]}", "does not give the version");
  assert_refused ("{\"version\":\"1\",\"width\":360,\"height\":180,\"strokes\":[]}",
                  "does not give the version");
}

static void
test_refuses_bad_size (void)
{
  const char *sizes[] = {
    "\"width\":0,\"height\":180",
    "\"width\":360,\"height\":-3",
    "\"width\":360",
    "\"width\":\"360\",\"height\":180",
    "\"width\":true,\"height\":180",
    "\"width\":20000,\"height\":180",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"version\":1,%s,\"strokes\":[]}", sizes[i]);

      assert_refused (json, "width and height of a signature must be numbers from 1 to 10000 pixels");
    }
  /* Past what a number holds, refused as JSON before its meaning is read. */
  assert_refused ("{\"version\":1,\"width\":360,\"height\":1e400,\"strokes\":[]}", "a number is too large");
}

static void
test_refuses_bad_strokes (void)
{
  assert_refused ("{\"version\":1,\"width\":360,\"height\":180}", "no list of strokes");
  assert_refused ("{\"version\":1,\"width\":360,\"height\":180,\"strokes\":{}}", "no list of strokes");
  assert_refused ("{\"version\":1,\"width\":360,\"height\":180,\"strokes\":[[[1,2,1]],{\"x\":1}]}",
                  "Stroke 2 of the signature is not a list of points");
  assert_refused ("{\"version\":1,\"width\":360,\"height\":180,\"strokes\":[[[1,2,1],[1,2]]]}",
                  "Point 2 of stroke 1 of the signature is not three numbers");
  assert_refused ("{\"version\":1,\"width\":360,\"height\":180,\"strokes\":[[[1,2,1,4]]]}",
                  "Point 1 of stroke 1 of the signature is not three numbers");
  assert_refused ("{\"version\":1,\"width\":360,\"height\":180,\"strokes\":[[],[[1,\"2\",1]]]}",
                  "Point 1 of stroke 2 of the signature is not three numbers");
  assert_refused ("{\"version\":1,\"width\":360,\"height\":180,\"strokes\":[[[1,2,true]]]}",
                  "Point 1 of stroke 1 of the signature is not three numbers");
  assert_refused ("{\"version\":1,\"width\":360,\"height\":180,\"strokes\":[[[1,2,null]]]}",
                  "Point 1 of stroke 1 of the signature is not three numbers");
  assert_refused ("{\"version\":1,\"width\":360,\"height\":180,\"strokes\":[[1,2,1]]}",
                  "Point 1 of stroke 1 of the signature is not three numbers");
  assert_refused ("{\"version\":1,\"width\":360,\"height\":180,\"strokes\":[[[1,2,1],[2,3,1.5]]]}",
                  "Point 2 of stroke 1 of the signature has a pressure outside 0 to 1");
}

static void
test_refuses_point_outside_pad (void)
{
  const char *points[] = {
    "[361.1,10,1]",
    "[-1.01,10,1]",
    "[10,181.5,1]",
    "[10,-2,1]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"version\":1,\"width\":360,\"height\":180,"
                                               "\"strokes\":[[[5,5,1]],[[5,5,1],%s]]}", points[i]);

      assert_refused (json, "Point 2 of stroke 2 of the signature lies outside the signature pad");
    }
  assert_refused ("{\"version\":1,\"width\":360,\"height\":180,\"strokes\":[[[1e400,10,1]]]}",
                  "a number is too large");
}

static void
test_refuses_deep_nesting_and_lines (void)
{
  gsize depth = 75000;
  g_autofree char *deep = g_malloc (2 * depth + 1);

  /* Strokes nested 75,000 deep overflowed json-glib's stack before any check of a point. */
  memset (deep, '[', depth);
  memset (deep + depth, ']', depth);
  deep[2 * depth] = '\0';
  assert_refused (deep, "nested more than 32 levels deep");
  /* A second signature after the first was dropped without a word. */
  assert_refused ("{\"version\":1,\"width\":360,\"height\":180,\"strokes\":[]}\n"
                  "{\"version\":1,\"width\":360,\"height\":180,\"strokes\":[]}",
                  "line 2, column 1: a second JSON value begins here");
}

static void
test_refuses_too_many_points (void)
{
  g_autoptr(GString) json = g_string_new ("{\"version\":1,\"width\":360,\"height\":180,\"strokes\":[[");
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqSignature) sig = NULL;

  for (int i = 0; i < RIFQ_SIGNATURE_MAX_POINTS; i++)
    g_string_append (json, i == 0 ? "[1,1,1]" : ",[1,1,1]");
  g_string_append (json, "]]}");

  /* The limit itself is allowed... */
  sig = rifq_signature_new_from_json (json->str, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rifq_signature_get_n_points (sig), ==, RIFQ_SIGNATURE_MAX_POINTS);

  /* ...one more point, in a stroke of its own, is not. */
  g_string_truncate (json, json->len - 2);
  g_string_append (json, ",[[2,2,1]]]}");
  assert_refused (json->str, "The signature has more than 100000 points");

  g_string_assign (json, "{\"version\":1,\"width\":360,\"height\":180,\"strokes\":[[]");
  for (int i = 0; i < RIFQ_SIGNATURE_MAX_POINTS; i++)
    g_string_append (json, ",[]");
  g_string_append (json, "]}");
  assert_refused (json->str, "The signature has more than 100000 strokes");
}

int
main (int   argc,
      char *argv[])
{
  rifq_test_init (&argc, &argv);

  g_test_add_func ("/signature/json/round-trip-unchanged", test_round_trip_unchanged);
  g_test_add_func ("/signature/json/parsed-values-equal", test_parsed_values_equal);
  g_test_add_func ("/signature/json/every-step-reads-back-exactly", test_every_step_reads_back);
  g_test_add_func ("/signature/json/shortest-numbers", test_shortest_numbers);
  g_test_add_func ("/signature/json/reads-margin-and-whole-numbers", test_reads_margin_and_whole_numbers);
  g_test_add_func ("/signature/json/refuses-malformed", test_refuses_malformed);
  g_test_add_func ("/signature/json/refuses-wrong-version", test_refuses_wrong_version);
  g_test_add_func ("/signature/json/refuses-bad-size", test_refuses_bad_size);
  g_test_add_func ("/signature/json/refuses-bad-strokes", test_refuses_bad_strokes);
  g_test_add_func ("/signature/json/refuses-point-outside-pad", test_refuses_point_outside_pad);
  g_test_add_func ("/signature/json/refuses-too-many-points", test_refuses_too_many_points);
  g_test_add_func ("/signature/json/refuses-deep-nesting-and-a-second-value", test_refuses_deep_nesting_and_lines);
  g_test_add_func ("/signature/record/rounds-and-clamps", test_record_rounds_and_clamps);
  g_test_add_func ("/signature/record/stops-at-point-limit", test_record_stops_at_limit);
  g_test_add_func ("/signature/record/begin-stroke-twice-keeps-one", test_begin_stroke_twice_keeps_one);
  g_test_add_func ("/signature/empty/tap-is-not-a-signature", test_tap_is_not_a_signature);
  g_test_add_func ("/signature/empty/clear-empties", test_clear_empties);
  g_test_add_func ("/signature/bounds/all-points", test_bounds);
  g_test_add_func ("/signature/boxed/shared-by-reference", test_boxed_shares_by_reference);

  return g_test_run ();
}
