/* rifq-pdf.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-pdf"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <cairo-pdf.h>
#include <string.h>

#include "rifq-file.h"
#include "rifq-arabic.h"
#include "rifq-locale.h"
#include "rifq-json.h"
#include "rifq-pdf.h"
#include "rifq-seal.h"

/* Whether cr draws a left-to-right document's page turned over (rifq_pdf_mirror_page()). */
static gboolean
is_mirrored (cairo_t *cr)
{
  cairo_matrix_t matrix;

  cairo_get_matrix (cr, &matrix);
  return matrix.xx * matrix.yy - matrix.xy * matrix.yx < 0;
}

PangoLayout *
rifq_pdf_layout_new (cairo_t    *cr,
                     const char *family,
                     double      size_pt,
                     gboolean    bold,
                     gboolean    rtl,
                     double      width_pt)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();
  PangoLayout *layout;
  PangoContext *context;

  g_return_val_if_fail (cr != NULL, NULL);

  /* Laid out as the text is drawn: the right way round (see rifq_pdf_mirror_page()). */
  cairo_save (cr);
  if (is_mirrored (cr))
    cairo_scale (cr, -1, 1);
  layout = pango_cairo_create_layout (cr);
  cairo_restore (cr);
  context = pango_layout_get_context (layout);
  /* Glyphs where the font puts them: positions rounded to whole points open gaps inside
   * words and swap letters that overlap, and text extraction reads both as written. */
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_base_dir (context, rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
  pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_context_changed (layout);

  pango_font_description_set_family (font, family ? family : RIFQ_PDF_FONT_FAMILY);
  pango_font_description_set_size (font, (int) (size_pt * PANGO_SCALE));
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);

  pango_layout_set_width (layout, (int) (width_pt * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* With the base direction fixed, LEFT means "the reading edge" no more: say it outright. */
  pango_layout_set_alignment (layout, rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  return layout;
}

/* Layouts a thread made lately, in two generations: when the young one is full the old one is
 * dropped, and a layout found among the old is brought back among the young. What is in use
 * across a packet stays; a value seen once goes within two generations. */
#define SHARED_GENERATION 512

typedef struct
{
  GHashTable *young;  /* key → PangoLayout */
  GHashTable *old;
} SharedLayouts;

static void
shared_layouts_free (gpointer data)
{
  SharedLayouts *shared = data;

  g_hash_table_unref (shared->young);
  g_hash_table_unref (shared->old);
  g_free (shared);
}

static GPrivate shared_layouts_key = G_PRIVATE_INIT (shared_layouts_free);

/* What a layout is made of: the style, the context's font options and scale, the text. Built
 * without formatting numbers, which would cost more than the lookup saves. */
typedef struct
{
  RifqPdfTextStyle style;     /* family points into family_copy */
  gulong           options;   /* cairo_font_options_hash () */
  cairo_matrix_t   matrix;
  char            *family_copy;
  char            *text;
} LayoutKey;

static void
layout_key_free (gpointer data)
{
  LayoutKey *key = data;

  g_free (key->family_copy);
  g_free (key->text);
  g_free (key);
}

static guint
double_hash (double value)
{
  return g_double_hash (&value);
}

static guint
layout_key_hash (gconstpointer data)
{
  const LayoutKey *key = data;
  guint hash = g_str_hash (key->text);

  hash = hash * 31 + double_hash (key->style.size_pt);
  hash = hash * 31 + double_hash (key->style.width_pt);
  hash = hash * 31 + (guint) key->style.alignment * 4 + (guint) key->style.bold * 2 + (guint) key->style.justify;
  return hash * 31 + (guint) key->options;
}

static gboolean
layout_key_equal (gconstpointer a,
                  gconstpointer b)
{
  const LayoutKey *x = a;
  const LayoutKey *y = b;

  return x->style.size_pt == y->style.size_pt && x->style.width_pt == y->style.width_pt &&
         x->style.line_spacing == y->style.line_spacing && x->style.bold == y->style.bold &&
         x->style.rtl == y->style.rtl && x->style.alignment == y->style.alignment &&
         x->style.justify == y->style.justify && x->options == y->options &&
         x->matrix.xx == y->matrix.xx && x->matrix.yx == y->matrix.yx &&
         x->matrix.xy == y->matrix.xy && x->matrix.yy == y->matrix.yy &&
         g_strcmp0 (x->style.family, y->style.family) == 0 && strcmp (x->text, y->text) == 0;
}

static GHashTable *
shared_generation_new (void)
{
  return g_hash_table_new_full (layout_key_hash, layout_key_equal, layout_key_free, g_object_unref);
}

static SharedLayouts *
shared_layouts (void)
{
  SharedLayouts *shared = g_private_get (&shared_layouts_key);

  if (shared == NULL)
    {
      shared = g_new0 (SharedLayouts, 1);
      shared->young = shared_generation_new ();
      shared->old = shared_generation_new ();
      g_private_set (&shared_layouts_key, shared);
    }
  return shared;
}

static void
shared_layouts_add (SharedLayouts *shared,
                    LayoutKey     *key,
                    PangoLayout   *layout)
{
  if (g_hash_table_size (shared->young) >= SHARED_GENERATION)
    {
      g_hash_table_unref (shared->old);
      shared->old = g_steal_pointer (&shared->young);
      shared->young = shared_generation_new ();
    }
  g_hash_table_insert (shared->young, key, layout);
}

void
rifq_pdf_layout_shared_clear (void)
{
  SharedLayouts *shared = g_private_get (&shared_layouts_key);

  if (shared == NULL)
    return;
  g_hash_table_remove_all (shared->young);
  g_hash_table_remove_all (shared->old);
}

PangoLayout *
rifq_pdf_layout_shared (cairo_t                *cr,
                        const RifqPdfTextStyle *style,
                        const char             *text)
{
  SharedLayouts *shared;
  cairo_font_options_t *options;
  cairo_font_options_t *own;
  LayoutKey probe = { 0 };
  LayoutKey *key;
  LayoutKey *old_key;
  PangoLayout *layout;

  g_return_val_if_fail (cr != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  shared = shared_layouts ();
  /* Metrics hinted for a screen differ from a PDF's, and a layout is made for the context's
   * scale: the font options and the matrix are part of the key. */
  options = cairo_font_options_create ();
  own = cairo_font_options_create ();
  cairo_surface_get_font_options (cairo_get_target (cr), options);
  cairo_get_font_options (cr, own);
  cairo_font_options_merge (options, own);
  probe.style = *style;
  probe.options = cairo_font_options_hash (options);
  cairo_get_matrix (cr, &probe.matrix);
  if (is_mirrored (cr))
    {
      probe.matrix.xx = -probe.matrix.xx;
      probe.matrix.yx = -probe.matrix.yx;
    }
  probe.text = (char *) text;
  cairo_font_options_destroy (options);
  cairo_font_options_destroy (own);

  layout = g_hash_table_lookup (shared->young, &probe);
  if (layout != NULL)
    return g_object_ref (layout);
  if (g_hash_table_steal_extended (shared->old, &probe, (gpointer *) &old_key, (gpointer *) &layout))
    {
      shared_layouts_add (shared, old_key, layout);
      return g_object_ref (layout);
    }

  layout = rifq_pdf_layout_new (cr, style->family, style->size_pt, style->bold, style->rtl, style->width_pt);
  pango_layout_set_alignment (layout, style->alignment);
  pango_layout_set_justify (layout, style->justify);
  if (style->line_spacing > 0)
    pango_layout_set_line_spacing (layout, (float) style->line_spacing);
  pango_layout_set_text (layout, text, -1);
  /* Laid out now, so that sharing it later only reads it. */
  pango_layout_get_line_count (layout);
  key = g_memdup2 (&probe, sizeof probe);
  key->family_copy = g_strdup (style->family);
  key->style.family = key->family_copy;
  key->text = g_strdup (text);
  shared_layouts_add (shared, key, g_object_ref (layout));
  return layout;
}

double
rifq_pdf_draw_text (cairo_t    *cr,
                    const char *text,
                    double      size_pt,
                    gboolean    bold,
                    gboolean    rtl,
                    double      x,
                    double      y,
                    double      width_pt)
{
  g_autoptr(PangoLayout) layout = rifq_pdf_layout_new (cr, NULL, size_pt, bold, rtl, width_pt);
  int height;

  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x, y);
  rifq_pdf_show_layout (cr, layout);
  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

/* Direction */

gboolean
rifq_pdf_rtl (void)
{
  return rifq_locale_is_rtl ();
}

PangoAlignment
rifq_pdf_align_start (void)
{
  return rifq_pdf_rtl () ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
}

PangoAlignment
rifq_pdf_align_end (void)
{
  return rifq_pdf_rtl () ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT;
}

void
rifq_pdf_mirror_page (cairo_t *cr)
{
  g_return_if_fail (cr != NULL);

  if (rifq_pdf_rtl ())
    return;
  cairo_translate (cr, RIFQ_PDF_A4_WIDTH, 0);
  cairo_scale (cr, -1, 1);
}

void
rifq_pdf_unmirror (cairo_t *cr,
                   double   x,
                   double   width)
{
  g_return_if_fail (cr != NULL);

  if (!is_mirrored (cr))
    return;
  /* The box from x to x + width onto itself, turned: its left edge where its right was. */
  cairo_translate (cr, 2 * x + width, 0);
  cairo_scale (cr, -1, 1);
}

/* Text that reads back as it was written
 *
 * Text extraction (poppler's pdftotext, and the viewers built on it) rebuilds words from the
 * glyphs in the order they are written and the gaps between their boxes, a box being as wide
 * as the glyph's advance in the font. Drawn through pango_cairo_show_layout(), Arabic reads
 * back broken, for three reasons this drawing avoids:
 *  - pango hands cairo a right-to-left run's clusters backwards, and cairo writes its glyphs
 *    right to left: each glyph then overlaps the one before and is read as a word of its own,
 *    with a space wherever two letters stand more than 0.03 em apart;
 *  - Amiri kerns ر and و away from a following ي by 0.16 em, more than the 0.1 em that ends a
 *    word ("الر ياض"); and where a glyph narrower than 0.1 em has split a word (pdftotext takes
 *    it for a character printed twice), the parts join again only when less than 0.03 em apart;
 *  - harakat sit on their letter by offsets that move them out of the word's line and order
 *    ("يس ّرنا"). They are drawn after the line and given no text: what reads back is the
 *    letters. */

/* Widest gap between two glyphs of a word, in em: under the 0.03 em that pdftotext reads as a
 * space between the parts of a word. Amiri's widest, between ر and ي, closes by a seventh of an
 * em, and the tail of ر still clears the dots of ي. */
#define WORD_GAP_MAX 0.02

typedef enum
{
  GLYPH_LETTER,
  GLYPH_SPACE,
  GLYPH_MARK,   /* a haraka: drawn, not read back */
  GLYPH_NONE,   /* nothing to draw (an isolate, a missing glyph) */
} GlyphKind;

typedef struct
{
  cairo_scaled_font_t *font;
  GArray              *glyphs;  /* cairo_glyph_t */
} MarkGlyphs;

static void
mark_glyphs_free (gpointer data)
{
  MarkGlyphs *marks = data;

  g_array_unref (marks->glyphs);
  g_free (marks);
}

static gboolean
is_haraka (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_ENCLOSING_MARK;
}

/* Lines drawn while recording, for the tests that read documents back. */
static GMutex recorded_lock;
static GPtrArray *recorded_lines;
static GPrivate measuring_key;  /* set while rifq_pdf_fitting_scale() tries scales */

void
rifq_pdf_record_text_begin (void)
{
  g_mutex_lock (&recorded_lock);
  g_clear_pointer (&recorded_lines, g_ptr_array_unref);
  recorded_lines = g_ptr_array_new_with_free_func (g_free);
  g_mutex_unlock (&recorded_lock);
}

GStrv
rifq_pdf_record_text_end (void)
{
  GPtrArray *lines;

  g_mutex_lock (&recorded_lock);
  lines = g_steal_pointer (&recorded_lines);
  g_mutex_unlock (&recorded_lock);
  if (lines == NULL)
    lines = g_ptr_array_new ();
  g_ptr_array_add (lines, NULL);
  return (GStrv) g_ptr_array_free (lines, FALSE);
}

static void
record_line (const char *text,
             int         length)
{
  if (g_private_get (&measuring_key) != NULL)
    return;
  g_mutex_lock (&recorded_lock);
  if (recorded_lines != NULL)
    g_ptr_array_add (recorded_lines, g_strndup (text, length));
  g_mutex_unlock (&recorded_lock);
}

typedef struct
{
  int start_glyph;  /* the cluster's glyphs, start_glyph to end_glyph - 1 */
  int end_glyph;
  int start_index;  /* and its text */
  int end_index;
} Cluster;

/* Draws one run with its baseline's left end at (x, y); its harakat go to marks. */
static void
show_run (cairo_t        *cr,
          PangoLayoutRun *run,
          const char     *text,
          double          x,
          double          y,
          GPtrArray      *marks)
{
  PangoGlyphString *glyphs = run->glyphs;
  PangoFont *font = run->item->analysis.font;
  cairo_scaled_font_t *scaled_font = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (font));
  gboolean backward = run->item->analysis.level % 2 == 1;
  int n = glyphs->num_glyphs;
  g_autofree double *glyph_x = g_new (double, n);
  g_autofree double *shift = g_new0 (double, n);
  g_autofree GlyphKind *kind = g_new (GlyphKind, n);
  g_autoptr(GArray) clusters = g_array_new (FALSE, FALSE, sizeof (Cluster));
  g_autoptr(GArray) cairo_glyphs = g_array_sized_new (FALSE, FALSE, sizeof (cairo_glyph_t), n);
  g_autoptr(GArray) cairo_clusters = g_array_new (FALSE, FALSE, sizeof (cairo_text_cluster_t));
  g_autoptr(GString) shown = g_string_new (NULL);
  PangoGlyphItemIter iter;
  cairo_matrix_t font_matrix;
  double gap_max;
  double pen = x;
  double total_shift = 0;
  int right = -1;
  int pending = 0;  /* glyphs written for the next cluster */

  if (n == 0 || scaled_font == NULL)
    return;
  cairo_scaled_font_get_font_matrix (scaled_font, &font_matrix);
  gap_max = WORD_GAP_MAX * font_matrix.yy;

  for (int i = 0; i < n; i++)
    {
      PangoGlyph glyph = glyphs->glyphs[i].glyph;

      glyph_x[i] = pen + (double) glyphs->glyphs[i].geometry.x_offset / PANGO_SCALE;
      pen += (double) glyphs->glyphs[i].geometry.width / PANGO_SCALE;
      kind[i] = glyph == PANGO_GLYPH_EMPTY || (glyph & PANGO_GLYPH_UNKNOWN_FLAG) ? GLYPH_NONE : GLYPH_LETTER;
    }

  /* What each glyph is, from the text of its cluster. */
  if (pango_glyph_item_iter_init_start (&iter, (PangoGlyphItem *) run, text))
    {
      do
        {
          Cluster cluster = {
            MIN (iter.start_glyph, iter.end_glyph + 1), MAX (iter.start_glyph + 1, iter.end_glyph),
            iter.start_index, iter.end_index,
          };
          gboolean harakat = FALSE;
          gboolean space = TRUE;

          for (const char *p = text + cluster.start_index; p < text + cluster.end_index; p = g_utf8_next_char (p))
            {
              gunichar c = g_utf8_get_char (p);

              harakat |= is_haraka (c);
              space &= g_unichar_isspace (c);
            }
          for (int i = cluster.start_glyph; i < cluster.end_glyph; i++)
            {
              if (kind[i] == GLYPH_NONE)
                continue;
              if (harakat && glyphs->glyphs[i].geometry.width == 0)
                kind[i] = GLYPH_MARK;
              else if (space)
                kind[i] = GLYPH_SPACE;
            }
          g_array_append_val (clusters, cluster);
        }
      while (pango_glyph_item_iter_next_cluster (&iter));
    }

  /* Gaps inside a word narrowed to gap_max, the run's right end kept where it is. */
  for (int i = n - 1; i >= 0; i--)
    {
      if (kind[i] == GLYPH_SPACE)
        right = -1;
      if (kind[i] != GLYPH_LETTER)
        continue;
      if (right >= 0)
        {
          PangoRectangle logical;
          double gap;

          pango_font_get_glyph_extents (font, glyphs->glyphs[i].glyph, NULL, &logical);
          gap = glyph_x[right] - (glyph_x[i] + (double) logical.width / PANGO_SCALE);
          if (gap > gap_max)
            total_shift += gap - gap_max;
        }
      shift[i] = total_shift;
      right = i;
    }
  /* A haraka moves with its letter: the one before it in the text. */
  for (int i = 0; i < n; i++)
    {
      if (kind[i] != GLYPH_MARK)
        continue;
      for (int j = backward ? i + 1 : i - 1; j >= 0 && j < n; j += backward ? 1 : -1)
        {
          if (kind[j] == GLYPH_LETTER || kind[j] == GLYPH_SPACE)
            {
              shift[i] = shift[j];
              break;
            }
        }
    }

  /* Clusters left to right, so that the glyphs are written in the order they stand. A glyph
   * that only makes room for harakat (Amiri stretches the joint under a stack of them) goes
   * with the letter they sit on: the cluster before in the text. */
  for (guint k = 0; k < clusters->len; k++)
    {
      const Cluster *cluster = &g_array_index (clusters, Cluster, backward ? clusters->len - 1 - k : k);
      cairo_text_cluster_t cairo_cluster = { 0, pending };

      for (int i = cluster->start_glyph; i < cluster->end_glyph; i++)
        {
          cairo_glyph_t glyph = {
            glyphs->glyphs[i].glyph,
            glyph_x[i] + shift[i],
            y + (double) glyphs->glyphs[i].geometry.y_offset / PANGO_SCALE,
          };

          if (kind[i] == GLYPH_MARK)
            {
              MarkGlyphs *same_font = NULL;

              for (guint m = 0; m < marks->len && same_font == NULL; m++)
                {
                  if (((MarkGlyphs *) g_ptr_array_index (marks, m))->font == scaled_font)
                    same_font = g_ptr_array_index (marks, m);
                }
              if (same_font == NULL)
                {
                  same_font = g_new0 (MarkGlyphs, 1);
                  same_font->font = scaled_font;
                  same_font->glyphs = g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t));
                  g_ptr_array_add (marks, same_font);
                }
              g_array_append_val (same_font->glyphs, glyph);
            }
          else if (kind[i] != GLYPH_NONE)
            {
              g_array_append_val (cairo_glyphs, glyph);
              cairo_cluster.num_glyphs++;
            }
        }
      pending = 0;
      if (cairo_cluster.num_glyphs == 0)
        continue;  /* an isolate, drawn as nothing: its text goes too */
      for (const char *p = text + cluster->start_index; p < text + cluster->end_index; p = g_utf8_next_char (p))
        {
          if (!is_haraka (g_utf8_get_char (p)))
            {
              g_string_append_len (shown, p, g_utf8_next_char (p) - p);
              cairo_cluster.num_bytes += g_utf8_next_char (p) - p;
            }
        }
      if (cairo_cluster.num_bytes == 0 && !backward && cairo_clusters->len > 0)
        {
          guint last = cairo_clusters->len - 1;

          g_array_index (cairo_clusters, cairo_text_cluster_t, last).num_glyphs += cairo_cluster.num_glyphs;
        }
      else if (cairo_cluster.num_bytes == 0 && backward && k + 1 < clusters->len)
        pending = cairo_cluster.num_glyphs;
      else
        g_array_append_val (cairo_clusters, cairo_cluster);
    }

  if (cairo_glyphs->len == 0)
    return;
  cairo_set_scaled_font (cr, scaled_font);
  cairo_show_text_glyphs (cr, shown->str, (int) shown->len, (cairo_glyph_t *) cairo_glyphs->data,
                          (int) cairo_glyphs->len, (cairo_text_cluster_t *) cairo_clusters->data,
                          (int) cairo_clusters->len, 0);
}

/* Draws a line with its baseline's left end at (x, y), in the current source. */
static void
show_line (cairo_t         *cr,
           PangoLayoutLine *line,
           double           x,
           double           y)
{
  const char *text = pango_layout_get_text (line->layout);
  g_autoptr(GPtrArray) marks = g_ptr_array_new_with_free_func (mark_glyphs_free);

  record_line (text + line->start_index, line->length);
  for (GSList *l = line->runs; l != NULL; l = l->next)
    {
      PangoLayoutRun *run = l->data;

      show_run (cr, run, text, x, y - (double) run->y_offset / PANGO_SCALE, marks);
      x += (double) pango_glyph_string_get_width (run->glyphs) / PANGO_SCALE;
    }

  /* The harakat, with no text: an empty ActualText once the line's words are written. */
  for (guint m = 0; m < marks->len; m++)
    {
      MarkGlyphs *same_font = g_ptr_array_index (marks, m);
      cairo_text_cluster_t cluster = { 0, (int) same_font->glyphs->len };

      cairo_set_scaled_font (cr, same_font->font);
      cairo_show_text_glyphs (cr, "", 0, (cairo_glyph_t *) same_font->glyphs->data, (int) same_font->glyphs->len,
                              &cluster, 1, 0);
    }
}

/* The box a layout's lines are aligned in. */
static double
box_width (PangoLayout *layout)
{
  int width = pango_layout_get_width (layout);

  if (width < 0)
    pango_layout_get_size (layout, &width, NULL);
  return (double) width / PANGO_SCALE;
}

/* Lines first to last - 1, the layout's top-left corner at (x, y). */
static void
show_layout_lines (cairo_t     *cr,
                   PangoLayout *layout,
                   int          first,
                   int          last,
                   double       x,
                   double       y)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  cairo_save (cr);
  rifq_pdf_unmirror (cr, x, box_width (layout));
  for (int i = 0; i < last; i++)
    {
      if (i >= first)
        {
          PangoRectangle logical;

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          show_line (cr, pango_layout_iter_get_line_readonly (iter), x + (double) logical.x / PANGO_SCALE,
                     y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE);
        }
      if (!pango_layout_iter_next_line (iter))
        break;
    }
  cairo_restore (cr);
  pango_layout_iter_free (iter);
}

void
rifq_pdf_show_layout (cairo_t     *cr,
                      PangoLayout *layout)
{
  double x;
  double y;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (PANGO_IS_LAYOUT (layout));

  cairo_get_current_point (cr, &x, &y);
  show_layout_lines (cr, layout, 0, pango_layout_get_line_count (layout), x, y);
}

/* LRO…PDF holds a run left to right whatever its digits. */
#define LRO "\xe2\x80\xad"
#define PDF "\xe2\x80\xac"

const RifqPdfColour rifq_pdf_ink = { 0.10, 0.10, 0.12 };
const RifqPdfColour rifq_pdf_muted = { 0.36, 0.36, 0.40 };
const RifqPdfColour rifq_pdf_rule = { 0.62, 0.62, 0.66 };
const RifqPdfColour rifq_pdf_cell_border = { 0.78, 0.78, 0.81 };
const RifqPdfColour rifq_pdf_label_fill = { 0.955, 0.955, 0.965 };
const RifqPdfColour rifq_pdf_band_fill = { 0.915, 0.915, 0.93 };
/* GNOME's red (error), for what must not be missed: a print that is not sealed. */
const RifqPdfColour rifq_pdf_alert = { 0.75, 0.11, 0.16 };

void
rifq_pdf_set_colour (cairo_t             *cr,
                     const RifqPdfColour *colour)
{
  cairo_set_source_rgb (cr, colour->r, colour->g, colour->b);
}

gboolean
rifq_pdf_is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

static gboolean
is_number_part (gunichar c)
{
  return g_ascii_isalnum (c) ||
         (c >= 0x0660 && c <= 0x0669) ||  /* Arabic-Indic digits */
         (c >= 0x06F0 && c <= 0x06F9);    /* Eastern Arabic-Indic digits */
}

static gboolean
is_number_separator (gunichar c)
{
  return c == '-' || c == '/' || c == '.' || c == ':' || c == '_';
}

/* Wraps each run such as "55-90871", "2026/11/26" or, with phone_numbers, "+966 55 123 4567"
 * in LRI…PDI. After Arabic letters the bidi algorithm turns such runs round ("55-90871" prints
 * "90871-55"); a plain run of digits is never turned round, and is left alone. */
static char *
isolate_numbers (const char *text,
                 gboolean    phone_numbers)
{
  GString *out = g_string_sized_new (strlen (text) + 16);
  const char *p = text;

  while (*p != '\0')
    {
      const char *end = p;
      gboolean has_digit = FALSE;
      gboolean has_separator = FALSE;

      /* A phone number's "+" belongs to it. */
      if (phone_numbers && *end == '+' && g_ascii_isdigit (end[1]))
        {
          has_separator = TRUE;
          end++;
        }

      while (*end != '\0')
        {
          gunichar c = g_utf8_get_char (end);
          const char *next = g_utf8_next_char (end);

          if (is_number_part (c))
            has_digit |= g_unichar_isdigit (c);
          else if (end > p && is_number_separator (c) && is_number_part (g_utf8_get_char (next)))
            has_separator = TRUE;
          /* Groups of Latin digits apart by single spaces, as in a phone number, read as one. */
          else if (phone_numbers && end > p && c == ' ' && g_ascii_isdigit (end[-1]) && g_ascii_isdigit (end[1]))
            has_separator = TRUE;
          else
            break;
          end = next;
        }

      if (end == p)
        {
          end = g_utf8_next_char (p);
          g_string_append_len (out, p, end - p);
        }
      else if (has_digit && has_separator)
        {
          /* Overridden as well as isolated: Arabic-Indic digits either side of a hyphen would
           * otherwise still stand right to left ("٥٥-٩٠٨٧١" printing "٩٠٨٧١-٥٥"). */
          g_string_append (out, RIFQ_PDF_LRI LRO);
          g_string_append_len (out, p, end - p);
          g_string_append (out, PDF RIFQ_PDF_PDI);
        }
      else
        {
          g_string_append_len (out, p, end - p);
        }
      p = end;
    }

  return g_string_free (out, FALSE);
}

char *
rifq_pdf_isolate_numbers (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  return isolate_numbers (text, TRUE);
}

char *
rifq_pdf_isolate_joined_numbers (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  return isolate_numbers (text, FALSE);
}

char *
rifq_pdf_isolate_value (const char *text)
{
  g_autofree char *numbers = NULL;
  g_auto(GStrv) lines = NULL;
  GString *out;

  if (rifq_pdf_is_empty (text))
    return g_strdup ("");

  /* An isolate ends with its paragraph: each line is one of its own. */
  numbers = rifq_pdf_isolate_joined_numbers (text);
  lines = g_strsplit (numbers, "\n", -1);
  out = g_string_sized_new (strlen (numbers) + 8);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, '\n');
      if (*lines[i] != '\0')
        g_string_append_printf (out, RIFQ_PDF_FSI "%s" RIFQ_PDF_PDI, lines[i]);
    }
  return g_string_free (out, FALSE);
}

char *
rifq_pdf_digits (const char *text,
                 RifqDigits  digits)
{
  g_return_val_if_fail (text != NULL, NULL);

  return digits == RIFQ_DIGITS_ARABIC ? rifq_arabic_indic_digits (text) : rifq_arabic_latin_digits (text);
}

double
rifq_pdf_layout_font_size (PangoLayout *layout)
{
  return (double) pango_font_description_get_size (pango_layout_get_font_description (layout)) / PANGO_SCALE;
}

double
rifq_pdf_line_baseline (PangoLayout *layout,
                        int          i)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double baseline;

  for (int n = 0; n < i && pango_layout_iter_next_line (iter); n++)
    ;
  baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
  pango_layout_iter_free (iter);
  return baseline;
}

double
rifq_pdf_lines_height (PangoLayout *layout,
                       int          first,
                       int          last)
{
  double size = rifq_pdf_layout_font_size (layout);

  return rifq_pdf_line_baseline (layout, last - 1) - rifq_pdf_line_baseline (layout, first) +
         (RIFQ_PDF_INK_ABOVE + RIFQ_PDF_INK_BELOW) * size;
}

double
rifq_pdf_layout_ink_top (PangoLayout *layout)
{
  return rifq_pdf_line_baseline (layout, 0) - RIFQ_PDF_INK_ABOVE * rifq_pdf_layout_font_size (layout);
}

double
rifq_pdf_layout_height (PangoLayout *layout)
{
  return rifq_pdf_lines_height (layout, 0, pango_layout_get_line_count (layout));
}

double
rifq_pdf_layout_natural_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

/* At least one line, so that a line taller than a page still moves on. */
int
rifq_pdf_lines_fitting (PangoLayout *layout,
                        int          first,
                        double       height)
{
  int n_lines = pango_layout_get_line_count (layout);
  int last;

  for (last = first + 1; last < n_lines; last++)
    {
      if (rifq_pdf_lines_height (layout, first, last + 1) > height)
        break;
    }
  return last;
}

/* The part of a paragraph that fits on a page. */
void
rifq_pdf_show_lines (cairo_t     *cr,
                     PangoLayout *layout,
                     int          first,
                     int          last,
                     double       x,
                     double       y)
{
  double first_baseline = rifq_pdf_line_baseline (layout, first);
  double above = RIFQ_PDF_INK_ABOVE * rifq_pdf_layout_font_size (layout);

  show_layout_lines (cr, layout, first, last, x, y + above - first_baseline);
}

void
rifq_pdf_rounded_rectangle (cairo_t *cr,
                            double   x,
                            double   y,
                            double   width,
                            double   height,
                            double   radius)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI_2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI_2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI_2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI_2);
  cairo_close_path (cr);
}

void
rifq_pdf_horizontal_line (cairo_t             *cr,
                          const RifqPdfColour *colour,
                          double               line_width,
                          double               x0,
                          double               x1,
                          double               y)
{
  rifq_pdf_set_colour (cr, colour);
  cairo_set_line_width (cr, line_width);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
}

#define SCALE_STEP 0.05
#define MIN_SCALE  0.55

double
rifq_pdf_fitting_scale (RifqPdfOverflowFunc overflow,
                        gpointer            user_data)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  double scale;

  g_return_val_if_fail (overflow != NULL, 1.0);

  surface = cairo_pdf_surface_create_for_stream (NULL, NULL, RIFQ_PDF_A4_WIDTH, RIFQ_PDF_A4_HEIGHT);
  cr = cairo_create (surface);
  rifq_pdf_mirror_page (cr);
  g_private_set (&measuring_key, GINT_TO_POINTER (TRUE));
  for (scale = 1.0; scale > MIN_SCALE; scale -= SCALE_STEP)
    {
      if (overflow (cr, scale, user_data) <= 0)
        break;
    }
  g_private_set (&measuring_key, NULL);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return MAX (scale, MIN_SCALE);
}

#define HEADING_SIZE   12.5
#define HEADING_PAD_Y   4.0
#define HEADING_GAP     6.0
#define HEADING_INDENT 12.0

PangoLayout *
rifq_pdf_heading_layout (cairo_t    *cr,
                         const char *heading,
                         gboolean    continued,
                         double      width)
{
  g_autofree char *text = NULL;
  RifqPdfTextStyle style = {
    .size_pt = HEADING_SIZE,
    .bold = TRUE,
    .rtl = rifq_pdf_rtl (),
    .width_pt = width - 2 * HEADING_INDENT,
    .alignment = rifq_pdf_align_start (),
    .line_spacing = 0.8,
  };

  g_return_val_if_fail (heading != NULL, NULL);

  /* Translators: %s is the heading of a section that began on the page before. */
  text = continued ? g_strdup_printf (_("%s (continued)"), heading) : g_strdup (heading);
  return rifq_pdf_layout_shared (cr, &style, text);
}

double
rifq_pdf_heading_height (PangoLayout *layout)
{
  return rifq_pdf_layout_height (layout) + 2 * HEADING_PAD_Y + HEADING_GAP;
}

void
rifq_pdf_draw_heading (cairo_t     *cr,
                       PangoLayout *layout,
                       double       x,
                       double       y,
                       double       width)
{
  double height = rifq_pdf_layout_height (layout) + 2 * HEADING_PAD_Y;

  rifq_pdf_set_colour (cr, &rifq_pdf_band_fill);
  cairo_rectangle (cr, x, y, width, height);
  cairo_fill (cr);
  rifq_pdf_set_colour (cr, &rifq_pdf_ink);
  cairo_rectangle (cr, x + width - 4, y, 4, height);
  cairo_fill (cr);
  cairo_move_to (cr, x + HEADING_INDENT, y + HEADING_PAD_Y - rifq_pdf_layout_ink_top (layout));
  rifq_pdf_show_layout (cr, layout);
}

typedef struct
{
  const guchar *data;
  gsize         length;
  gsize         offset;
} PngReader;

static cairo_status_t
read_png_cb (void          *closure,
             unsigned char *data,
             unsigned int   length)
{
  PngReader *reader = closure;

  if (length > reader->length - reader->offset)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data + reader->offset, length);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

cairo_surface_t *
rifq_pdf_load_png (const guchar *png,
                   gsize         png_len)
{
  PngReader reader = { png, png_len, 0 };
  cairo_surface_t *surface;

  if (png == NULL || png_len == 0)
    return NULL;

  surface = cairo_image_surface_create_from_png_stream (read_png_cb, &reader);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS ||
      cairo_image_surface_get_width (surface) <= 0 ||
      cairo_image_surface_get_height (surface) <= 0)
    {
      /* A damaged logo costs a document its picture, not the reader the document. */
      g_debug ("Logo left out: %s", cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return NULL;
    }
  return surface;
}

void
rifq_pdf_draw_logo (cairo_t         *cr,
                    cairo_surface_t *image,
                    double           size,
                    double           right,
                    double           top)
{
  double width = cairo_image_surface_get_width (image);
  double height = cairo_image_surface_get_height (image);
  double scale = MIN (size / width, size / height);

  cairo_save (cr);
  rifq_pdf_unmirror (cr, right - size, size);
  cairo_translate (cr, right - width * scale, top + (size - height * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_restore (cr);
}

cairo_status_t
rifq_pdf_append_to_bytes (void                *closure,
                          const unsigned char *data,
                          unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

cairo_surface_t *
rifq_pdf_document_new (GByteArray *data,
                       const char *title,
                       const char *author)
{
  cairo_surface_t *surface;

  g_return_val_if_fail (data != NULL, NULL);

  surface = cairo_pdf_surface_create_for_stream (rifq_pdf_append_to_bytes, data, RIFQ_PDF_A4_WIDTH,
                                                 RIFQ_PDF_A4_HEIGHT);
  if (!rifq_pdf_is_empty (title))
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Rifq");
  if (!rifq_pdf_is_empty (author))
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, author);
  return surface;
}

gboolean
rifq_pdf_document_save (cairo_surface_t  *surface,
                        GByteArray       *data,
                        const char       *path,
                        const char       *drawn_prefix,
                        const char       *saved_prefix,
                        GError          **error)
{
  return rifq_pdf_document_save_sealed (surface, data, NULL, NULL, path, drawn_prefix, saved_prefix, error);
}

gboolean
rifq_pdf_seal_with_signer (GByteArray  *pdf,
                           gpointer     user_data,
                           GError     **error)
{
  return rifq_seal_file_append (user_data, pdf, error);
}

gboolean
rifq_pdf_document_save_sealed (cairo_surface_t  *surface,
                               GByteArray       *data,
                               RifqPdfSealFunc   seal_func,
                               gpointer          seal_data,
                               const char       *path,
                               const char       *drawn_prefix,
                               const char       *saved_prefix,
                               GError          **error)
{
  cairo_status_t status;

  g_return_val_if_fail (surface != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      /* After the prefix, the drawing library's own description of what went wrong. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s%s", drawn_prefix, cairo_status_to_string (status));
      return FALSE;
    }
  if (seal_func != NULL && !seal_func (data, seal_data, error))
    return FALSE;
  if (!rifq_file_save_private (path, data->data, data->len, error))
    {
      g_prefix_error (error, "%s", saved_prefix);
      return FALSE;
    }
  return TRUE;
}

void
rifq_pdf_draw_qr (cairo_t      *cr,
                  const QRcode *qr,
                  double        x,
                  double        y,
                  double        size)
{
  cairo_surface_t *image;
  cairo_pattern_t *pattern;
  guchar *pixels;
  int modules, stride;

  g_return_if_fail (cr != NULL && qr != NULL);

  /* One module a pixel, quiet zone included, scaled up without smoothing: one small image in
   * the PDF rather than thousands of rectangles, and as sharp at any size. */
  modules = qr->width + 2 * 4;
  image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, modules, modules);
  stride = cairo_image_surface_get_stride (image);
  cairo_surface_flush (image);
  pixels = cairo_image_surface_get_data (image);
  for (int row = 0; row < modules; row++)
    for (int column = 0; column < modules; column++)
      {
        int r = row - 4, c = column - 4;
        gboolean dark = r >= 0 && c >= 0 && r < qr->width && c < qr->width && (qr->data[r * qr->width + c] & 1);

        ((guint32 *) (pixels + row * stride))[column] = dark ? 0x000000 : 0xffffff;
      }
  cairo_surface_mark_dirty (image);

  cairo_save (cr);
  rifq_pdf_unmirror (cr, x, size);
  cairo_translate (cr, x, y);
  cairo_scale (cr, size / modules, size / modules);
  cairo_set_source_surface (cr, image, 0, 0);
  pattern = cairo_get_source (cr);
  cairo_pattern_set_filter (pattern, CAIRO_FILTER_NEAREST);
  cairo_rectangle (cr, 0, 0, modules, modules);
  cairo_fill (cr);
  cairo_restore (cr);
  cairo_surface_destroy (image);
}

void
rifq_pdf_set_sealed_keywords (cairo_surface_t *surface,
                              const char      *payload,
                              const char      *values)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *carried = NULL;
  g_autofree char *encoded = NULL;
  g_autofree char *keywords = NULL;

  if (rifq_pdf_is_empty (payload) || rifq_pdf_is_empty (values))
    return;
  json_builder_begin_object (builder);
  rifq_json_add_string (builder, "seal", payload);
  rifq_json_add_string (builder, "values", values);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  carried = rifq_json_to_text (root);
  encoded = g_base64_encode ((const guchar *) carried, strlen (carried));
  keywords = g_strconcat (RIFQ_PDF_SEALED_PREFIX, encoded, NULL);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, keywords);
}
