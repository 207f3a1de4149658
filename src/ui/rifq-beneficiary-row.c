/* rifq-beneficiary-row.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-beneficiary-row"

#include "config.h"

#include "rifq-beneficiary-row.h"

#define PADDING_X   12
#define PADDING_Y   9
#define LINE_GAP    3
#define DETAILS_SCALE 0.85

struct _RifqBeneficiaryRow
{
  GtkWidget    parent_instance;

  /* owned */
  char        *name;
  char        *details;
  PangoLayout *name_layout;
  PangoLayout *details_layout;

  /* state */
  int          line_height;   /* of the name line, measured once per font */
  int          details_height;
};

G_DEFINE_FINAL_TYPE (RifqBeneficiaryRow, rifq_beneficiary_row, GTK_TYPE_WIDGET)

static void
forget_layouts (RifqBeneficiaryRow *self)
{
  g_clear_object (&self->name_layout);
  g_clear_object (&self->details_layout);
}

/* The height of a line of a name: Arabic and Latin letters and both kinds of digits, as a
 * label would measure it, laid out once for all rows. */
static int
measure_line (GtkWidget *widget,
              gboolean   bold,
              double     scale)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, "محمد عبدالله Ag ١٢٣ 123");
  PangoAttrList *attrs = pango_attr_list_new ();
  PangoRectangle logical;

  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_attr_list_insert (attrs, pango_attr_scale_new (scale));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  return logical.height;
}

/* One measurement for every row drawn with the same font. */
static void
ensure_heights (RifqBeneficiaryRow *self)
{
  static char *cached_font;
  static int cached_name, cached_details;
  PangoContext *context;
  g_autofree char *font = NULL;

  if (self->line_height > 0)
    return;

  context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  font = pango_font_description_to_string (pango_context_get_font_description (context));
  if (g_strcmp0 (font, cached_font) != 0)
    {
      g_free (cached_font);
      cached_font = g_strdup (font);
      cached_name = measure_line (GTK_WIDGET (self), TRUE, 1.0);
      cached_details = measure_line (GTK_WIDGET (self), FALSE, DETAILS_SCALE);
    }
  self->line_height = cached_name;
  self->details_height = cached_details;
}

static void
rifq_beneficiary_row_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  RifqBeneficiaryRow *self = RIFQ_BENEFICIARY_ROW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Long names are ellipsized: the row asks for no width of its own. */
      *minimum = 2 * PADDING_X;
      *natural = 2 * PADDING_X + 400;
      return;
    }

  ensure_heights (self);
  *minimum = *natural = 2 * PADDING_Y + self->line_height + LINE_GAP + self->details_height;
}

static PangoLayout *
make_layout (RifqBeneficiaryRow *self,
             const char         *text,
             gboolean            bold,
             double              scale,
             int                 width)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  if (scale != 1.0)
    pango_attr_list_insert (attrs, pango_attr_scale_new (scale));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  /* The reading edge: right in an Arabic interface, left in English, whatever the text. */
  pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_set_alignment (layout, gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL
                                      ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  return layout;
}

static void
rifq_beneficiary_row_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  RifqBeneficiaryRow *self = RIFQ_BENEFICIARY_ROW (widget);

  if (self->name_layout != NULL &&
      pango_layout_get_width (self->name_layout) != (width - 2 * PADDING_X) * PANGO_SCALE)
    forget_layouts (self);
}

static void
rifq_beneficiary_row_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  RifqBeneficiaryRow *self = RIFQ_BENEFICIARY_ROW (widget);
  int width = MAX (gtk_widget_get_width (widget) - 2 * PADDING_X, 1);
  GdkRGBA color, dim;

  ensure_heights (self);
  if (self->name_layout == NULL)
    {
      self->name_layout = make_layout (self, self->name, TRUE, 1.0, width);
      self->details_layout = make_layout (self, self->details, FALSE, DETAILS_SCALE, width);
    }

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  dim = color;
  dim.alpha *= 0.55f;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (PADDING_X, PADDING_Y));
  gtk_snapshot_append_layout (snapshot, self->name_layout, &color);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, self->line_height + LINE_GAP));
  gtk_snapshot_append_layout (snapshot, self->details_layout, &dim);
  gtk_snapshot_restore (snapshot);
}

static void
rifq_beneficiary_row_css_changed (GtkWidget         *widget,
                                  GtkCssStyleChange *change)
{
  RifqBeneficiaryRow *self = RIFQ_BENEFICIARY_ROW (widget);

  GTK_WIDGET_CLASS (rifq_beneficiary_row_parent_class)->css_changed (widget, change);
  self->line_height = 0;
  forget_layouts (self);
  gtk_widget_queue_resize (widget);
}

static void
rifq_beneficiary_row_direction_changed (GtkWidget        *widget,
                                        GtkTextDirection  previous)
{
  forget_layouts (RIFQ_BENEFICIARY_ROW (widget));
  gtk_widget_queue_draw (widget);
}

static void
rifq_beneficiary_row_finalize (GObject *object)
{
  RifqBeneficiaryRow *self = (RifqBeneficiaryRow *)object;

  forget_layouts (self);
  g_free (self->name);
  g_free (self->details);

  G_OBJECT_CLASS (rifq_beneficiary_row_parent_class)->finalize (object);
}

static void
rifq_beneficiary_row_class_init (RifqBeneficiaryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = rifq_beneficiary_row_finalize;
  widget_class->measure = rifq_beneficiary_row_measure;
  widget_class->size_allocate = rifq_beneficiary_row_size_allocate;
  widget_class->snapshot = rifq_beneficiary_row_snapshot;
  widget_class->css_changed = rifq_beneficiary_row_css_changed;
  widget_class->direction_changed = rifq_beneficiary_row_direction_changed;

  gtk_widget_class_set_css_name (widget_class, "beneficiaryrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
rifq_beneficiary_row_init (RifqBeneficiaryRow *self)
{
}

GtkWidget *
rifq_beneficiary_row_new (void)
{
  return g_object_new (RIFQ_TYPE_BENEFICIARY_ROW, NULL);
}

void
rifq_beneficiary_row_set_text (RifqBeneficiaryRow *self,
                               const char         *name,
                               const char         *details)
{
  g_autofree char *spoken = NULL;

  g_return_if_fail (RIFQ_IS_BENEFICIARY_ROW (self));

  g_free (self->name);
  g_free (self->details);
  self->name = g_strdup (name ? name : "");
  self->details = g_strdup (details ? details : "");
  forget_layouts (self);

  spoken = g_strconcat (self->name, ", ", self->details, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

