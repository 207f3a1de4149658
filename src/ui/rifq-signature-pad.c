/* rifq-signature-pad.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-signature-pad"

#include "config.h"

#include <glib/gi18n.h>

#include "rifq-signature-pad.h"

#define MIN_WIDTH      360
#define MIN_HEIGHT     180
/* Mouse and touch report no pressure: their ink is that of a pen pressed normally. */
#define NO_PRESSURE    0.6
/* The line to sign on: its distance from the sides, and from the bottom at least. */
#define BASELINE_INSET 24

struct _RifqSignaturePad
{
  GtkWidget      parent_instance;

  /* owned */
  RifqSignature *signature;

  /* not owned: the gesture drawing the stroke under way, or NULL */
  GtkGesture    *drawing;

  /* state */
  double         drag_x;   /* where the drag began, in the widget */
  double         drag_y;
};

enum {
  CHANGED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (RifqSignaturePad, rifq_signature_pad, GTK_TYPE_WIDGET)

static guint signals[N_SIGNALS];

static double
ink_width (double pressure)
{
  return 1.2 + 2.8 * pressure;
}

/* Where the signature sits in the widget: scaled uniformly to fit, and centred. */
static void
get_fit (RifqSignaturePad *self,
         double           *scale,
         double           *dx,
         double           *dy)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double sig_width = rifq_signature_get_width (self->signature);
  double sig_height = rifq_signature_get_height (self->signature);

  *scale = MIN (width / sig_width, height / sig_height);
  if (*scale <= 0)
    *scale = 1;
  *dx = (width - sig_width * *scale) / 2;
  *dy = (height - sig_height * *scale) / 2;
}

/* An empty signature the size of the pad as it is now. */
static RifqSignature *
new_signature (RifqSignaturePad *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  return rifq_signature_new (CLAMP (width > 0 ? width : MIN_WIDTH, 1, RIFQ_SIGNATURE_MAX_SIZE),
                             CLAMP (height > 0 ? height : MIN_HEIGHT, 1, RIFQ_SIGNATURE_MAX_SIZE));
}

static void
take_signature (RifqSignaturePad *self,
                RifqSignature    *signature)
{
  g_clear_pointer (&self->signature, rifq_signature_unref);
  self->signature = signature;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
announce_change (RifqSignaturePad *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  rifq_signature_is_empty (self->signature)
                                  ? C_("signature pad", "Not signed yet")
                                  : C_("signature pad", "Signed"),
                                  -1);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
add_point (RifqSignaturePad *self,
           double            x,
           double            y,
           double            pressure)
{
  double scale, dx, dy;

  get_fit (self, &scale, &dx, &dy);
  rifq_signature_add_point (self->signature, (x - dx) / scale, (y - dy) / scale, pressure);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
begin_stroke (RifqSignaturePad *self,
              GtkGesture       *gesture,
              double            x,
              double            y,
              double            pressure)
{
  /* The first stroke fixes the signature's size: the pad's own, so the ink is kept 1:1. */
  if (rifq_signature_get_n_points (self->signature) == 0)
    take_signature (self, new_signature (self));

  self->drawing = gesture;
  gtk_gesture_set_state (gesture, GTK_EVENT_SEQUENCE_CLAIMED);
  rifq_signature_begin_stroke (self->signature);
  add_point (self, x, y, pressure);
}

static double
stylus_pressure (GtkGestureStylus *gesture)
{
  GdkDeviceTool *tool = gtk_gesture_stylus_get_device_tool (gesture);
  double pressure;

  /* An event has a pressure axis even when the tool has none; it then reads 0. */
  if (tool != NULL && (gdk_device_tool_get_axes (tool) & GDK_AXIS_FLAG_PRESSURE) != 0 &&
      gtk_gesture_stylus_get_axis (gesture, GDK_AXIS_PRESSURE, &pressure))
    return pressure;
  return NO_PRESSURE;
}

static void
stylus_pressed_cb (GtkGestureStylus *gesture,
                   double            x,
                   double            y,
                   RifqSignaturePad *self)
{
  GdkDeviceTool *tool = gtk_gesture_stylus_get_device_tool (gesture);

  if (self->drawing != NULL ||
      (tool != NULL && gdk_device_tool_get_tool_type (tool) == GDK_DEVICE_TOOL_TYPE_ERASER))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  begin_stroke (self, GTK_GESTURE (gesture), x, y, stylus_pressure (gesture));
}

static void
stylus_moved_cb (GtkGestureStylus *gesture,
                 double            x,
                 double            y,
                 RifqSignaturePad *self)
{
  if (self->drawing == GTK_GESTURE (gesture))
    add_point (self, x, y, stylus_pressure (gesture));
}

static void
drag_began_cb (GtkGestureDrag   *gesture,
               double            x,
               double            y,
               RifqSignaturePad *self)
{
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (gesture));

  /* Events with a tool are the stylus gesture's, which also reads their pressure: this is
   * the very test GtkGestureStylus makes, so a pen stroke is recorded once, never twice
   * and never lost. */
  if (self->drawing != NULL || (event != NULL && gdk_event_get_device_tool (event) != NULL))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  self->drag_x = x;
  self->drag_y = y;
  begin_stroke (self, GTK_GESTURE (gesture), x, y, NO_PRESSURE);
}

static void
drag_updated_cb (GtkGestureDrag   *gesture,
                 double            offset_x,
                 double            offset_y,
                 RifqSignaturePad *self)
{
  if (self->drawing == GTK_GESTURE (gesture))
    add_point (self, self->drag_x + offset_x, self->drag_y + offset_y, NO_PRESSURE);
}

/* Ended or cancelled: what was drawn so far stays. */
static void
gesture_ended_cb (GtkGesture       *gesture,
                  GdkEventSequence *sequence,
                  RifqSignaturePad *self)
{
  if (self->drawing != gesture)
    return;
  self->drawing = NULL;
  announce_change (self);
}

/* Through the midpoints between points, curving at each point, so a stroke stays smooth
 * however far apart its events came; each piece as wide as its point's pressure. */
static void
draw_stroke (cairo_t                  *cr,
             const RifqSignaturePoint *points,
             guint                     n_points)
{
  if (n_points == 1)
    {
      cairo_arc (cr, points[0].x, points[0].y, ink_width (points[0].pressure) / 2, 0, 2 * G_PI);
      cairo_fill (cr);
      return;
    }

  for (guint i = 0; i < n_points; i++)
    {
      const RifqSignaturePoint *p = &points[i];
      double x0, y0, x1, y1;

      /* From halfway to the point before, to halfway to the point after; the ends are the
       * stroke's own. */
      x0 = i == 0 ? p->x : (points[i - 1].x + p->x) / 2;
      y0 = i == 0 ? p->y : (points[i - 1].y + p->y) / 2;
      x1 = i == n_points - 1 ? p->x : (p->x + points[i + 1].x) / 2;
      y1 = i == n_points - 1 ? p->y : (p->y + points[i + 1].y) / 2;

      /* The quadratic curve x0 → x1 pulled towards p, written as a cubic. */
      cairo_move_to (cr, x0, y0);
      cairo_curve_to (cr,
                      x0 + 2.0 / 3.0 * (p->x - x0), y0 + 2.0 / 3.0 * (p->y - y0),
                      x1 + 2.0 / 3.0 * (p->x - x1), y1 + 2.0 / 3.0 * (p->y - y1),
                      x1, y1);
      cairo_set_line_width (cr, ink_width (p->pressure));
      cairo_stroke (cr);
    }
}

static void
rifq_signature_pad_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  RifqSignaturePad *self = RIFQ_SIGNATURE_PAD (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double scale, dx, dy, baseline;
  GdkRGBA color;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* The paper is the "card" background; the line to sign on sits low, as on a form. */
  baseline = (int) (height - MAX (height / 4, BASELINE_INSET)) + 0.5;
  cairo_set_source_rgba (cr, color.red, color.green, color.blue, color.alpha * 0.25);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, BASELINE_INSET, baseline);
  cairo_line_to (cr, width - BASELINE_INSET, baseline);
  cairo_stroke (cr);

  /* Ink drawn opaque, then faded once: with a translucent colour the pieces of a stroke would
   * darken where they overlap. Never mirrored: a signature is a drawing, not text. */
  cairo_push_group (cr);
  get_fit (self, &scale, &dx, &dy);
  cairo_translate (cr, dx, dy);
  cairo_scale (cr, scale, scale);
  cairo_set_source_rgb (cr, color.red, color.green, color.blue);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < rifq_signature_get_n_strokes (self->signature); i++)
    {
      guint n_points;
      const RifqSignaturePoint *points = rifq_signature_get_stroke (self->signature, i, &n_points);

      if (n_points > 0)
        draw_stroke (cr, points, n_points);
    }
  cairo_pop_group_to_source (cr);
  cairo_paint_with_alpha (cr, color.alpha);

  cairo_destroy (cr);
}

static void
rifq_signature_pad_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? MIN_WIDTH : MIN_HEIGHT;
}

static void
rifq_signature_pad_finalize (GObject *object)
{
  RifqSignaturePad *self = (RifqSignaturePad *)object;

  g_clear_pointer (&self->signature, rifq_signature_unref);

  G_OBJECT_CLASS (rifq_signature_pad_parent_class)->finalize (object);
}

static void
rifq_signature_pad_class_init (RifqSignaturePadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = rifq_signature_pad_finalize;
  widget_class->measure = rifq_signature_pad_measure;
  widget_class->snapshot = rifq_signature_pad_snapshot;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "signaturepad");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
rifq_signature_pad_init (RifqSignaturePad *self)
{
  GtkGesture *stylus = gtk_gesture_stylus_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();

  self->signature = rifq_signature_new (MIN_WIDTH, MIN_HEIGHT);

  g_signal_connect (stylus, "down", G_CALLBACK (stylus_pressed_cb), self);
  g_signal_connect (stylus, "motion", G_CALLBACK (stylus_moved_cb), self);
  g_signal_connect (stylus, "end", G_CALLBACK (gesture_ended_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (stylus));

  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_began_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_updated_cb), self);
  g_signal_connect (drag, "end", G_CALLBACK (gesture_ended_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "crosshair");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Signature pad"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, C_("signature pad", "Not signed yet"),
                                  -1);
}

RifqSignature *
rifq_signature_pad_get_signature (RifqSignaturePad *self)
{
  g_return_val_if_fail (RIFQ_IS_SIGNATURE_PAD (self), NULL);
  return self->signature;
}

void
rifq_signature_pad_set_signature (RifqSignaturePad *self,
                                  RifqSignature    *signature)
{
  g_return_if_fail (RIFQ_IS_SIGNATURE_PAD (self));

  if (signature == NULL)
    {
      rifq_signature_pad_clear (self);
      return;
    }

  self->drawing = NULL;
  take_signature (self, rifq_signature_ref (signature));
  announce_change (self);
}

void
rifq_signature_pad_clear (RifqSignaturePad *self)
{
  g_return_if_fail (RIFQ_IS_SIGNATURE_PAD (self));

  /* A new signature rather than emptying this one, which a caller may still hold. */
  self->drawing = NULL;
  take_signature (self, new_signature (self));
  announce_change (self);
}

