/* rifq-signature.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-signature"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "rifq-error.h"
#include "rifq-json.h"
#include "rifq-signature.h"

/* Steps per pixel and per unit of pressure in which values are kept. */
#define PIXEL_STEPS    10
#define PRESSURE_STEPS 1000
/* How far outside the pad a point read from JSON may lie. */
#define READ_MARGIN    1.0

struct _RifqSignature
{
  /* owned */
  GPtrArray *strokes;   /* of GArray of RifqSignaturePoint */

  /* state */
  double     width;
  double     height;
  guint      n_points;
};

G_DEFINE_BOXED_TYPE (RifqSignature, rifq_signature, rifq_signature_ref, rifq_signature_unref)

/* value × steps to the nearest whole number, without libm. Callers keep value within
 * ±RIFQ_SIGNATURE_MAX_SIZE + 1, so the result fits. */
static gint64
to_steps (double value,
          int    steps)
{
  double scaled = value * steps;

  return (gint64) (scaled < 0 ? scaled - 0.5 : scaled + 0.5);
}

/* A value is kept as n / steps, the double nearest that decimal: the same double strtod()
 * gives for the decimal, which is what makes the JSON read back exactly. */
static double
quantize (double value,
          int    steps)
{
  return (double) to_steps (value, steps) / steps;
}

/* n / steps in its shortest decimal form, without trailing zeros or "-0". */
static void
append_quantized (GString *out,
                  double   value,
                  int      steps)
{
  gint64 n = to_steps (value, steps);
  int digits = steps == PIXEL_STEPS ? 1 : 3;
  char fraction[8];
  int len;

  if (n < 0)
    {
      g_string_append_c (out, '-');
      n = -n;
    }
  g_string_append_printf (out, "%" G_GINT64_FORMAT, n / steps);
  if (n % steps == 0)
    return;

  len = g_snprintf (fraction, sizeof fraction, "%0*d", digits, (int) (n % steps));
  while (len > 0 && fraction[len - 1] == '0')
    fraction[--len] = '\0';
  g_string_append_c (out, '.');
  g_string_append (out, fraction);
}

static GArray *
last_stroke (RifqSignature *self)
{
  if (self->strokes->len == 0)
    return NULL;
  return g_ptr_array_index (self->strokes, self->strokes->len - 1);
}

static void
append_point (RifqSignature *self,
              double         x,
              double         y,
              double         pressure)
{
  RifqSignaturePoint point;
  GArray *stroke;

  point.x = quantize (x, PIXEL_STEPS);
  point.y = quantize (y, PIXEL_STEPS);
  point.pressure = quantize (pressure, PRESSURE_STEPS);

  if ((stroke = last_stroke (self)) == NULL)
    {
      rifq_signature_begin_stroke (self);
      stroke = last_stroke (self);
    }
  g_array_append_val (stroke, point);
  self->n_points++;
}

static void
signature_clear (RifqSignature *self)
{
  g_clear_pointer (&self->strokes, g_ptr_array_unref);
}

RifqSignature *
rifq_signature_new (double width,
                    double height)
{
  RifqSignature *self;

  g_return_val_if_fail (width >= 1 && width <= RIFQ_SIGNATURE_MAX_SIZE, NULL);
  g_return_val_if_fail (height >= 1 && height <= RIFQ_SIGNATURE_MAX_SIZE, NULL);

  self = g_atomic_rc_box_new0 (RifqSignature);
  self->strokes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->width = quantize (width, PIXEL_STEPS);
  self->height = quantize (height, PIXEL_STEPS);
  return self;
}

RifqSignature *
rifq_signature_ref (RifqSignature *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

void
rifq_signature_unref (RifqSignature *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release_full (self, (GDestroyNotify) signature_clear);
}

double
rifq_signature_get_width (RifqSignature *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->width;
}

double
rifq_signature_get_height (RifqSignature *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->height;
}

void
rifq_signature_begin_stroke (RifqSignature *self)
{
  GArray *stroke;

  g_return_if_fail (self != NULL);

  /* A stroke that got no point is used again rather than kept empty. */
  stroke = last_stroke (self);
  if (stroke != NULL && stroke->len == 0)
    return;
  g_ptr_array_add (self->strokes, g_array_new (FALSE, FALSE, sizeof (RifqSignaturePoint)));
}

void
rifq_signature_add_point (RifqSignature *self,
                          double         x,
                          double         y,
                          double         pressure)
{
  GArray *stroke;

  g_return_if_fail (self != NULL);
  g_return_if_fail (isfinite (x) && isfinite (y) && !isnan (pressure));

  if (self->n_points >= RIFQ_SIGNATURE_MAX_POINTS)
    return;

  /* Clamped so that what was drawn can always be read back. */
  x = quantize (CLAMP (x, 0, self->width), PIXEL_STEPS);
  y = quantize (CLAMP (y, 0, self->height), PIXEL_STEPS);
  pressure = quantize (CLAMP (pressure, 0, 1), PRESSURE_STEPS);

  stroke = last_stroke (self);
  if (stroke != NULL && stroke->len > 0)
    {
      const RifqSignaturePoint *before = &g_array_index (stroke, RifqSignaturePoint, stroke->len - 1);

      if (before->x == x && before->y == y && before->pressure == pressure)
        return;
    }

  append_point (self, x, y, pressure);
}

guint
rifq_signature_get_n_strokes (RifqSignature *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->strokes->len;
}

guint
rifq_signature_get_n_points (RifqSignature *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_points;
}

const RifqSignaturePoint *
rifq_signature_get_stroke (RifqSignature *self,
                           guint          i,
                           guint         *n_points)
{
  GArray *stroke;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (i < self->strokes->len, NULL);

  stroke = g_ptr_array_index (self->strokes, i);
  if (n_points != NULL)
    *n_points = stroke->len;
  return (const RifqSignaturePoint *) (gpointer) stroke->data;
}

gboolean
rifq_signature_is_empty (RifqSignature *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  for (guint i = 0; i < self->strokes->len; i++)
    {
      GArray *stroke = g_ptr_array_index (self->strokes, i);

      if (stroke->len >= 2)
        return FALSE;
    }
  return TRUE;
}

void
rifq_signature_clear (RifqSignature *self)
{
  g_return_if_fail (self != NULL);

  g_ptr_array_set_size (self->strokes, 0);
  self->n_points = 0;
}

void
rifq_signature_get_bounds (RifqSignature *self,
                           double        *x0,
                           double        *y0,
                           double        *x1,
                           double        *y1)
{
  double min_x = 0, min_y = 0, max_x = 0, max_y = 0;
  gboolean first = TRUE;

  g_return_if_fail (self != NULL);

  for (guint i = 0; i < self->strokes->len; i++)
    {
      GArray *stroke = g_ptr_array_index (self->strokes, i);

      for (guint j = 0; j < stroke->len; j++)
        {
          const RifqSignaturePoint *p = &g_array_index (stroke, RifqSignaturePoint, j);

          if (first)
            {
              min_x = max_x = p->x;
              min_y = max_y = p->y;
              first = FALSE;
              continue;
            }
          min_x = MIN (min_x, p->x);
          min_y = MIN (min_y, p->y);
          max_x = MAX (max_x, p->x);
          max_y = MAX (max_y, p->y);
        }
    }

  if (x0 != NULL)
    *x0 = min_x;
  if (y0 != NULL)
    *y0 = min_y;
  if (x1 != NULL)
    *x1 = max_x;
  if (y1 != NULL)
    *y1 = max_y;
}

char *
rifq_signature_to_json (RifqSignature *self)
{
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);

  /* Written by hand: json-glib 1.6 writes every double with 17 digits ("12.300000000000001"),
   * which would more than double the size of a signature for no information. */
  out = g_string_sized_new (64 + 20 * self->n_points);
  g_string_append_printf (out, "{\"version\":%d,\"width\":", RIFQ_SIGNATURE_VERSION);
  append_quantized (out, self->width, PIXEL_STEPS);
  g_string_append (out, ",\"height\":");
  append_quantized (out, self->height, PIXEL_STEPS);
  g_string_append (out, ",\"strokes\":[");

  for (guint i = 0; i < self->strokes->len; i++)
    {
      GArray *stroke = g_ptr_array_index (self->strokes, i);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '[');
      for (guint j = 0; j < stroke->len; j++)
        {
          const RifqSignaturePoint *p = &g_array_index (stroke, RifqSignaturePoint, j);

          if (j > 0)
            g_string_append_c (out, ',');
          g_string_append_c (out, '[');
          append_quantized (out, p->x, PIXEL_STEPS);
          g_string_append_c (out, ',');
          append_quantized (out, p->y, PIXEL_STEPS);
          g_string_append_c (out, ',');
          append_quantized (out, p->pressure, PRESSURE_STEPS);
          g_string_append_c (out, ']');
        }
      g_string_append_c (out, ']');
    }

  g_string_append (out, "]}");
  return g_string_free (out, FALSE);
}

/* A JSON number, whole or not; json-glib would also turn true into 1. */
static gboolean
read_number (JsonNode *node,
             double   *out_value)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    return FALSE;
  *out_value = json_node_get_double (node);
  return TRUE;
}

static gboolean
read_strokes (RifqSignature  *self,
              JsonArray      *strokes,
              GError        **error)
{
  /* Empty strokes hold no point, but are not free either. */
  if (json_array_get_length (strokes) > RIFQ_SIGNATURE_MAX_POINTS)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                   _("The signature has more than %d strokes."), RIFQ_SIGNATURE_MAX_POINTS);
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (strokes); i++)
    {
      JsonNode *stroke_node = json_array_get_element (strokes, i);
      JsonArray *stroke;
      guint n;

      if (!JSON_NODE_HOLDS_ARRAY (stroke_node))
        {
          g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                       _("Stroke %u of the signature is not a list of points."), i + 1);
          return FALSE;
        }
      stroke = json_node_get_array (stroke_node);
      n = json_array_get_length (stroke);

      if (n > RIFQ_SIGNATURE_MAX_POINTS - self->n_points)
        {
          g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                       _("The signature has more than %d points."), RIFQ_SIGNATURE_MAX_POINTS);
          return FALSE;
        }

      g_ptr_array_add (self->strokes, g_array_sized_new (FALSE, FALSE, sizeof (RifqSignaturePoint), n));
      for (guint j = 0; j < n; j++)
        {
          JsonNode *point_node = json_array_get_element (stroke, j);
          JsonArray *point;
          double x, y, pressure;

          if (!JSON_NODE_HOLDS_ARRAY (point_node) ||
              json_array_get_length (point = json_node_get_array (point_node)) != 3 ||
              !read_number (json_array_get_element (point, 0), &x) ||
              !read_number (json_array_get_element (point, 1), &y) ||
              !read_number (json_array_get_element (point, 2), &pressure))
            {
              g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                           _("Point %u of stroke %u of the signature is not three numbers [x, y, pressure]."),
                           j + 1, i + 1);
              return FALSE;
            }

          if (!(x >= -READ_MARGIN && x <= self->width + READ_MARGIN &&
                y >= -READ_MARGIN && y <= self->height + READ_MARGIN))
            {
              g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                           _("Point %u of stroke %u of the signature lies outside the signature pad."),
                           j + 1, i + 1);
              return FALSE;
            }

          if (!(pressure >= 0 && pressure <= 1))
            {
              g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                           _("Point %u of stroke %u of the signature has a pressure outside 0 to 1."),
                           j + 1, i + 1);
              return FALSE;
            }

          append_point (self, x, y, pressure);
        }
    }

  return TRUE;
}

RifqSignature *
rifq_signature_new_from_json (const char  *json,
                              GError     **error)
{
  static const char * const members[] = { "version", "width", "height", "strokes", NULL };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(RifqSignature) self = NULL;
  g_autoptr(GList) names = NULL;
  JsonObject *object;
  JsonNode *node;
  double width, height;

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  root = rifq_json_parse (json, -1, &local_error);
  if (root == NULL)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                   _("The signature is not valid JSON (%s)."), local_error->message);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                   _("The signature is not a JSON object."));
      return NULL;
    }
  object = json_node_get_object (root);

  names = json_object_get_members (object);
  for (GList *l = names; l != NULL; l = l->next)
    if (!g_strv_contains (members, l->data))
      {
        g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                     _("“%s” is not part of a signature."), (const char *) l->data);
        return NULL;
      }

  node = json_object_get_member (object, "version");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                   _("The signature does not give the version of its format."));
      return NULL;
    }
  if (json_node_get_int (node) != RIFQ_SIGNATURE_VERSION)
    {
      g_autofree char *version = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                   _("The signature is in version %s of the format, but this Rifq reads only version %d."),
                   version, RIFQ_SIGNATURE_VERSION);
      return NULL;
    }

  if (!read_number (json_object_get_member (object, "width"), &width) ||
      !read_number (json_object_get_member (object, "height"), &height) ||
      !(width >= 1 && width <= RIFQ_SIGNATURE_MAX_SIZE) ||
      !(height >= 1 && height <= RIFQ_SIGNATURE_MAX_SIZE))
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                   _("The width and height of a signature must be numbers from 1 to %d pixels."),
                   RIFQ_SIGNATURE_MAX_SIZE);
      return NULL;
    }

  node = json_object_get_member (object, "strokes");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                   _("The signature has no list of strokes."));
      return NULL;
    }

  self = rifq_signature_new (width, height);
  if (!read_strokes (self, json_node_get_array (node), error))
    return NULL;

  return g_steal_pointer (&self);
}
