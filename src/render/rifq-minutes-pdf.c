/* rifq-minutes-pdf.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-minutes-pdf"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <cairo-pdf.h>
#include <string.h>

#include "rifq-arabic.h"
#include "rifq-minutes-pdf.h"
#include "rifq-pdf.h"

#define MARGIN_SIDE    42.0
#define MARGIN_TOP     42.0
#define MARGIN_BOTTOM  30.0
#define FOOTER_GAP     12.0   /* between the content and the footer's rule */
#define CONTENT_LEFT   MARGIN_SIDE
#define CONTENT_RIGHT  (RIFQ_PDF_A4_WIDTH - MARGIN_SIDE)
#define CONTENT_WIDTH  (CONTENT_RIGHT - CONTENT_LEFT)

/* Type sizes, in points. */
#define SIZE_ASSOCIATION 15.0
#define SIZE_TITLE       19.0
#define SIZE_MEETING     11.0
#define SIZE_HEADER_CELL 10.0
#define SIZE_CELL        11.0
#define SIZE_BODY        11.5
#define SIZE_SIGN_NAME   10.5
#define SIZE_SIGN_ROLE    9.5
#define SIZE_FOOTER       9.0

/* Blocks are measured by their ink (see RIFQ_PDF_INK_ABOVE), lines set LINE_SPACING of a box
 * apart, as in the request the committee read. */
#define LINE_SPACING      0.8

#define LOGO_SIZE        56.0
#define CELL_PAD_X        7.0
#define CELL_PAD_Y        5.0
#define SECTION_GAP      16.0
#define BLOCK_GAP         8.0
#define BOX_PAD_X        12.0
#define BOX_PAD_Y         8.0

/* Signatures: a row of SIGN_COLUMNS lines, each with room above it for the pen. */
#define SIGN_COLUMNS      3
#define SIGN_SPACE       34.0
#define SIGN_INSET       18.0
#define SIGN_ROW_GAP     14.0
#define QR_SIZE         104.0
#define SIZE_CODE         9.5
#define SIZE_CAPTION      8.0

#define MAX_COLUMNS       4

/* Bidi isolates: LRI…PDI keeps a number such as "1448/0007" in its own left-to-right order
 * inside Arabic text. */
#define LRI  "\xe2\x81\xa6"
#define PDI  "\xe2\x81\xa9"

static const RifqPdfColour box_fill = { 0.945, 0.945, 0.955 };

typedef struct
{
  guint        n_columns;
  double       width[MAX_COLUMNS];   /* of each cell, padding included; column 0 at the reading edge */
  PangoLayout *header[MAX_COLUMNS];
  double       header_height;        /* without padding */
  double       top;                  /* of the table's part on this page */
  double       body_top;             /* under its header row on this page */
} Table;

typedef struct
{
  cairo_t           *cr;
  const RifqMinutes *minutes;
  cairo_surface_t   *logo;
  const QRcode      *qr;           /* the seal, or NULL */

  gboolean           dry;          /* measuring only: nothing reaches the page */
  int                total_pages;
  int                pages;        /* pages begun */
  double             y;            /* top of the next block */
  double             page_top;     /* where content starts on this page */
  double             bottom;       /* lowest point content may reach on a page */
  double             capacity;     /* room on a page under a "(continued)" heading */
  const char        *section;      /* heading of the section under way, for "(continued)" */
  Table             *table;        /* table under way, whose header row starts each new page */
} Painter;

static char *
format_count (int        n,
              RifqDigits digits)
{
  g_autofree char *latin = g_strdup_printf ("%d", n);

  if (digits == RIFQ_DIGITS_ARABIC)
    return rifq_arabic_indic_digits (latin);
  return g_steal_pointer (&latin);
}

static PangoLayout *
text_layout (Painter    *painter,
             const char *text,
             double      size_pt,
             gboolean    bold,
             double      width_pt)
{
  g_autofree char *shown = rifq_pdf_digits (text, painter->minutes->digits);
  PangoLayout *layout;

  layout = rifq_pdf_layout_new (painter->cr, NULL, size_pt, bold, rifq_pdf_rtl (), width_pt);
  pango_layout_set_line_spacing (layout, LINE_SPACING);
  pango_layout_set_text (layout, shown, -1);
  return layout;
}

/* A label in bold and its value, isolated and both escaped for Pango's markup. */
static char *
labelled_markup (const char *label,
                 const char *value)
{
  g_autofree char *isolated = rifq_pdf_isolate_value (value);
  g_autofree char *escaped_label = g_markup_escape_text (label, -1);
  g_autofree char *escaped_value = g_markup_escape_text (isolated, -1);

  return g_strconcat ("<b>", escaped_label, "</b> ", escaped_value, NULL);
}

/* Draws a layout with the top of its ink, as rifq_pdf_layout_height() counts it, at y. */
static void
show_layout (Painter             *painter,
             PangoLayout         *layout,
             const RifqPdfColour *colour,
             double               x,
             double               y)
{
  if (painter->dry)
    return;
  rifq_pdf_set_colour (painter->cr, colour);
  cairo_move_to (painter->cr, x, y - rifq_pdf_layout_ink_top (layout));
  rifq_pdf_show_layout (painter->cr, layout);
}

/* Draws lines first to last - 1 of a layout with the top of their ink at y: the part of a
 * paragraph that fits on a page. */
static void
show_lines (Painter             *painter,
            PangoLayout         *layout,
            int                  first,
            int                  last,
            const RifqPdfColour *colour,
            double               x,
            double               y)
{
  if (painter->dry)
    return;
  rifq_pdf_set_colour (painter->cr, colour);
  rifq_pdf_show_lines (painter->cr, layout, first, last, x, y);
}

static void
horizontal_line (Painter             *painter,
                 const RifqPdfColour *colour,
                 double               line_width,
                 double               x0,
                 double               x1,
                 double               y)
{
  if (painter->dry)
    return;
  rifq_pdf_horizontal_line (painter->cr, colour, line_width, x0, x1, y);
}

/* Footer */

static char *
page_text (Painter *painter,
           int      number)
{
  /* Translators: page number and page count, as in "Page 2 of 5". */
  g_autofree char *text = g_strdup_printf (_("Page %d of %d"), number, MAX (painter->total_pages, number));

  if (painter->minutes->digits == RIFQ_DIGITS_ARABIC)
    return rifq_arabic_indic_digits (text);
  return g_steal_pointer (&text);
}

/* The page count at the reading edge, the title at the other; returns the height it takes. */
static double
draw_footer (Painter *painter,
             int      number)
{
  const RifqMinutes *minutes = painter->minutes;
  g_autofree char *page = page_text (painter, number);
  g_autoptr(PangoLayout) page_layout = text_layout (painter, page, SIZE_FOOTER, FALSE, CONTENT_WIDTH / 2);
  g_autoptr(PangoLayout) title_layout = text_layout (painter, rifq_pdf_is_empty (minutes->title) ? "" : minutes->title,
                                                     SIZE_FOOTER, FALSE, CONTENT_WIDTH / 2);
  double y = RIFQ_PDF_A4_HEIGHT - MARGIN_BOTTOM;

  pango_layout_set_alignment (title_layout, rifq_pdf_align_end ());
  y -= MAX (rifq_pdf_layout_height (page_layout), rifq_pdf_layout_height (title_layout));
  show_layout (painter, page_layout, &rifq_pdf_muted, CONTENT_LEFT + CONTENT_WIDTH / 2, y);
  show_layout (painter, title_layout, &rifq_pdf_muted, CONTENT_LEFT, y);

  y -= 6;
  horizontal_line (painter, &rifq_pdf_rule, 0.6, CONTENT_LEFT, CONTENT_RIGHT, y);
  return RIFQ_PDF_A4_HEIGHT - MARGIN_BOTTOM - y;
}

/* Pages */

static void draw_heading      (Painter    *painter,
                               const char *heading,
                               gboolean    continued);
static void draw_table_header (Painter    *painter,
                               Table      *table);

static void
begin_page (Painter *painter)
{
  painter->pages++;
  painter->y = MARGIN_TOP;
  if (painter->section != NULL)
    draw_heading (painter, painter->section, TRUE);
  if (painter->table != NULL)
    draw_table_header (painter, painter->table);
  painter->page_top = painter->y;
}

static void
end_page (Painter *painter)
{
  draw_footer (painter, painter->pages);
  if (!painter->dry)
    cairo_show_page (painter->cr);
}

static void
new_page (Painter *painter)
{
  end_page (painter);
  begin_page (painter);
}

static gboolean
fits (Painter *painter,
      double   height)
{
  return painter->y + height <= painter->bottom;
}

static gboolean
page_is_empty (Painter *painter)
{
  return painter->y <= painter->page_top + 0.5;
}

/* Moves to a new page unless height fits below, or the page is still empty. */
static void
make_room (Painter *painter,
           double   height)
{
  if (!fits (painter, height) && !page_is_empty (painter))
    new_page (painter);
}

/* Header */

static void
draw_logo (Painter *painter,
           double   right,
           double   top)
{
  if (!painter->dry)
    rifq_pdf_draw_logo (painter->cr, painter->logo, LOGO_SIZE, right, top);
}

static void
draw_header (Painter *painter)
{
  const RifqMinutes *minutes = painter->minutes;
  g_autoptr(PangoLayout) association = NULL;
  double top = painter->y;
  double name_right = CONTENT_RIGHT;
  double band_height = 0;

  if (painter->logo != NULL)
    {
      band_height = LOGO_SIZE;
      name_right -= LOGO_SIZE + 12;
    }
  if (!rifq_pdf_is_empty (minutes->association_name))
    {
      association = text_layout (painter, minutes->association_name, SIZE_ASSOCIATION, TRUE,
                                 name_right - CONTENT_LEFT);
      band_height = MAX (band_height, rifq_pdf_layout_height (association));
    }

  if (painter->logo != NULL)
    draw_logo (painter, CONTENT_RIGHT, top + (band_height - LOGO_SIZE) / 2);
  if (association != NULL)
    show_layout (painter, association, &rifq_pdf_ink, CONTENT_LEFT,
                 top + (band_height - rifq_pdf_layout_height (association)) / 2);

  /* A double rule under the letterhead, as on the association's printed forms. */
  painter->y = top + band_height + 10;
  horizontal_line (painter, &rifq_pdf_ink, 1.4, CONTENT_LEFT, CONTENT_RIGHT, painter->y);
  horizontal_line (painter, &rifq_pdf_ink, 0.5, CONTENT_LEFT, CONTENT_RIGHT, painter->y + 2.6);
  painter->y += 16;

  if (!rifq_pdf_is_empty (minutes->title))
    {
      g_autoptr(PangoLayout) title = text_layout (painter, minutes->title, SIZE_TITLE, TRUE, CONTENT_WIDTH);

      pango_layout_set_alignment (title, PANGO_ALIGN_CENTER);
      show_layout (painter, title, &rifq_pdf_ink, CONTENT_LEFT, painter->y);
      painter->y += rifq_pdf_layout_height (title) + 5;
    }

  if (!rifq_pdf_is_empty (minutes->meeting_line))
    {
      g_autofree char *text = rifq_pdf_isolate_value (minutes->meeting_line);
      g_autoptr(PangoLayout) meeting = text_layout (painter, text, SIZE_MEETING, FALSE, CONTENT_WIDTH);

      pango_layout_set_alignment (meeting, PANGO_ALIGN_CENTER);
      show_layout (painter, meeting, &rifq_pdf_muted, CONTENT_LEFT, painter->y);
      painter->y += rifq_pdf_layout_height (meeting);
    }

  if (!rifq_pdf_is_empty (painter->minutes->notice))
    {
      g_autofree char *text = rifq_pdf_isolate_numbers (painter->minutes->notice);
      g_autoptr(PangoLayout) notice = text_layout (painter, text, SIZE_BODY, TRUE, CONTENT_WIDTH - 2 * BOX_PAD_X);
      double height = rifq_pdf_layout_height (notice) + 2 * BOX_PAD_Y;

      pango_layout_set_alignment (notice, PANGO_ALIGN_CENTER);
      painter->y += BLOCK_GAP;
      if (!painter->dry)
        {
          rifq_pdf_rounded_rectangle (painter->cr, CONTENT_LEFT, painter->y, CONTENT_WIDTH, height, 4);
          rifq_pdf_set_colour (painter->cr, &rifq_pdf_alert);
          cairo_set_line_width (painter->cr, 1.4);
          cairo_stroke (painter->cr);
        }
      show_layout (painter, notice, &rifq_pdf_alert, CONTENT_LEFT + BOX_PAD_X, painter->y + BOX_PAD_Y);
      painter->y += height;
    }
  painter->y += SECTION_GAP;
}

/* Sections */

static PangoLayout *
heading_layout (Painter    *painter,
                const char *heading,
                gboolean    continued)
{
  return rifq_pdf_heading_layout (painter->cr, heading, continued, CONTENT_WIDTH);
}

static double
heading_height (Painter    *painter,
                const char *heading)
{
  g_autoptr(PangoLayout) layout = heading_layout (painter, heading, FALSE);

  return rifq_pdf_heading_height (layout);
}

static void
draw_heading (Painter    *painter,
              const char *heading,
              gboolean    continued)
{
  g_autoptr(PangoLayout) layout = heading_layout (painter, heading, continued);

  if (!painter->dry)
    rifq_pdf_draw_heading (painter->cr, layout, CONTENT_LEFT, painter->y, CONTENT_WIDTH);
  painter->y += rifq_pdf_heading_height (layout);
}

/* The heading, with keep_with_heading points of what follows it, on one page. */
static void
begin_section (Painter    *painter,
               const char *heading,
               double      keep_with_heading)
{
  painter->section = NULL;
  painter->table = NULL;
  make_room (painter, heading_height (painter, heading) + MIN (keep_with_heading, painter->capacity / 2));
  draw_heading (painter, heading, FALSE);
  painter->section = heading;
}

static void
end_section (Painter *painter)
{
  painter->section = NULL;
  painter->table = NULL;
  painter->y += SECTION_GAP;
}

/* A block of text, boxed or not, that breaks between its lines where the page ends when it
 * is taller than a page; shorter blocks move to the next page whole. */
static void
flow_block (Painter             *painter,
            PangoLayout         *layout,
            const RifqPdfColour *colour,
            gboolean             boxed)
{
  const double pad_x = boxed ? BOX_PAD_X : 0;
  const double pad_y = boxed ? BOX_PAD_Y : 0;
  int n_lines = pango_layout_get_line_count (layout);
  int first = 0;

  make_room (painter, rifq_pdf_layout_height (layout) + 2 * pad_y);

  while (first < n_lines)
    {
      double room = painter->bottom - painter->y - 2 * pad_y;
      int last;
      double height;

      if (rifq_pdf_lines_height (layout, first, first + 1) > room && !page_is_empty (painter))
        {
          new_page (painter);
          continue;
        }

      last = rifq_pdf_lines_fitting (layout, first, room);
      height = rifq_pdf_lines_height (layout, first, last) + 2 * pad_y;

      if (boxed && !painter->dry)
        {
          rifq_pdf_rounded_rectangle (painter->cr, CONTENT_LEFT, painter->y, CONTENT_WIDTH, height, 5);
          rifq_pdf_set_colour (painter->cr, &box_fill);
          cairo_fill_preserve (painter->cr);
          rifq_pdf_set_colour (painter->cr, &rifq_pdf_rule);
          cairo_set_line_width (painter->cr, 0.8);
          cairo_stroke (painter->cr);
          rifq_pdf_set_colour (painter->cr, &rifq_pdf_ink);
          cairo_rectangle (painter->cr, CONTENT_RIGHT - 4, painter->y + 5, 2.5, height - 10);
          cairo_fill (painter->cr);
        }
      show_lines (painter, layout, first, last, colour, CONTENT_LEFT + pad_x, painter->y + pad_y);
      painter->y += height;
      first = last;
      if (first < n_lines)
        new_page (painter);
    }
}

/* Tables */

static void
table_init (Painter           *painter,
            Table             *table,
            guint              n_columns,
            const double      *fractions,
            const char *const *labels)
{
  g_assert (n_columns <= MAX_COLUMNS);

  memset (table, 0, sizeof *table);
  table->n_columns = n_columns;
  for (guint c = 0; c < n_columns; c++)
    {
      table->width[c] = CONTENT_WIDTH * fractions[c];
      table->header[c] = text_layout (painter, labels[c], SIZE_HEADER_CELL, TRUE, table->width[c] - 2 * CELL_PAD_X);
      table->header_height = MAX (table->header_height, rifq_pdf_layout_height (table->header[c]));
    }
}

static void
table_clear (Table *table)
{
  for (guint c = 0; c < table->n_columns; c++)
    g_clear_object (&table->header[c]);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Table, table_clear)

/* Right edge of a column's cell: the columns run from the reading edge. */
static double
column_right (const Table *table,
              guint        column)
{
  double right = CONTENT_RIGHT;

  for (guint c = 0; c < column; c++)
    right -= table->width[c];
  return right;
}

static double
table_header_height (const Table *table)
{
  return table->header_height + 2 * CELL_PAD_Y;
}

static void
draw_table_header (Painter *painter,
                   Table   *table)
{
  double height = table_header_height (table);

  table->top = painter->y;
  if (!painter->dry)
    {
      rifq_pdf_set_colour (painter->cr, &rifq_pdf_label_fill);
      cairo_rectangle (painter->cr, CONTENT_LEFT, painter->y, CONTENT_WIDTH, height);
      cairo_fill (painter->cr);
    }
  for (guint c = 0; c < table->n_columns; c++)
    show_layout (painter, table->header[c], &rifq_pdf_muted, column_right (table, c) - table->width[c] + CELL_PAD_X,
                 painter->y + CELL_PAD_Y);
  painter->y += height;
  horizontal_line (painter, &rifq_pdf_rule, 0.6, CONTENT_LEFT, CONTENT_RIGHT, painter->y);
  table->body_top = painter->y;
}

/* Outline of the rows drawn on this page since the table's top, and the rules between the
 * columns. */
static void
close_table (Painter *painter,
             Table   *table)
{
  if (painter->dry || painter->y <= table->top)
    return;

  rifq_pdf_set_colour (painter->cr, &rifq_pdf_cell_border);
  cairo_set_line_width (painter->cr, 0.6);
  cairo_rectangle (painter->cr, CONTENT_LEFT, table->top, CONTENT_WIDTH, painter->y - table->top);
  for (guint c = 1; c < table->n_columns; c++)
    {
      cairo_move_to (painter->cr, column_right (table, c), table->top);
      cairo_line_to (painter->cr, column_right (table, c), painter->y);
    }
  cairo_stroke (painter->cr);
}

typedef struct
{
  PangoLayout         *cells[MAX_COLUMNS];
  guint                n_cells;
  const RifqPdfColour *colour;
  double               height;  /* without padding */
} Row;

static void
clear_row (Row *row)
{
  for (guint c = 0; c < row->n_cells; c++)
    g_clear_object (&row->cells[c]);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Row, clear_row)

/* texts[c] NULL or empty prints empty_text. */
static void
measure_row (Painter             *painter,
             const Table         *table,
             const char *const   *texts,
             const char          *empty_text,
             const RifqPdfColour *colour,
             Row                 *row)
{
  row->n_cells = table->n_columns;
  row->colour = colour;
  row->height = 0;
  for (guint c = 0; c < table->n_columns; c++)
    {
      g_autofree char *text = rifq_pdf_isolate_value (rifq_pdf_is_empty (texts[c]) ? empty_text : texts[c]);

      row->cells[c] = text_layout (painter, text, SIZE_CELL, FALSE, table->width[c] - 2 * CELL_PAD_X);
      row->height = MAX (row->height, rifq_pdf_layout_height (row->cells[c]));
    }
}

static void
break_table (Painter *painter,
             Table   *table)
{
  close_table (painter, table);
  new_page (painter);
}

/* A row moves to the next page whole when it does not fit below; one taller than a page
 * breaks between lines, each cell going on from where it stopped. */
static void
draw_row (Painter *painter,
          Table   *table,
          Row     *row)
{
  int first[MAX_COLUMNS] = { 0 };
  gboolean done = FALSE;

  if (!fits (painter, row->height + 2 * CELL_PAD_Y) && !page_is_empty (painter))
    break_table (painter, table);

  while (!done)
    {
      double room = painter->bottom - painter->y - 2 * CELL_PAD_Y;
      int last[MAX_COLUMNS] = { 0 };
      double height = 0;

      done = TRUE;
      for (guint c = 0; c < row->n_cells; c++)
        {
          int n_lines = pango_layout_get_line_count (row->cells[c]);

          last[c] = first[c];
          if (first[c] >= n_lines)
            continue;
          last[c] = rifq_pdf_lines_fitting (row->cells[c], first[c], room);
          height = MAX (height, rifq_pdf_lines_height (row->cells[c], first[c], last[c]));
          done &= last[c] >= n_lines;
        }

      if (painter->y > table->body_top + 0.5)
        horizontal_line (painter, &rifq_pdf_cell_border, 0.6, CONTENT_LEFT, CONTENT_RIGHT, painter->y);
      for (guint c = 0; c < row->n_cells; c++)
        {
          if (last[c] > first[c])
            show_lines (painter, row->cells[c], first[c], last[c], row->colour,
                        column_right (table, c) - table->width[c] + CELL_PAD_X, painter->y + CELL_PAD_Y);
          first[c] = last[c];
        }
      painter->y += height + 2 * CELL_PAD_Y;

      if (!done)
        break_table (painter, table);
    }
}

static void
begin_table (Painter *painter,
             Table   *table)
{
  draw_table_header (painter, table);
  painter->table = table;
}

static void
end_table (Painter *painter,
           Table   *table)
{
  close_table (painter, table);
  painter->table = NULL;
}

/* Members and quorum */

static void
draw_members (Painter *painter)
{
  const RifqMinutes *minutes = painter->minutes;
  static const double fractions[] = { 0.50, 0.28, 0.22 };
  const char *labels[] = { _("Name"), _("Role"), _("Attendance") };
  const char *heading = _("Members of the committee");
  g_auto(Table) table = { 0 };
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));

  if (minutes->n_members == 0)
    return;

  g_array_set_clear_func (rows, (GDestroyNotify) clear_row);
  table_init (painter, &table, G_N_ELEMENTS (fractions), fractions, labels);
  for (guint i = 0; i < minutes->n_members; i++)
    {
      const RifqMinutesMember *member = &minutes->members[i];
      const char *texts[] = { member->name, member->role, member->present ? _("Present") : _("Absent") };
      Row row = { 0 };

      measure_row (painter, &table, texts, "—", member->present ? &rifq_pdf_ink : &rifq_pdf_muted, &row);
      g_array_append_val (rows, row);
    }

  /* The heading stays with the table's header and first row. */
  begin_section (painter, heading,
                 table_header_height (&table) + g_array_index (rows, Row, 0).height + 2 * CELL_PAD_Y);
  begin_table (painter, &table);
  for (guint i = 0; i < rows->len; i++)
    draw_row (painter, &table, &g_array_index (rows, Row, i));
  end_table (painter, &table);

  if (!rifq_pdf_is_empty (minutes->quorum_line))
    {
      g_autofree char *text = rifq_pdf_isolate_joined_numbers (minutes->quorum_line);
      g_autoptr(PangoLayout) quorum = text_layout (painter, text, SIZE_BODY, TRUE, CONTENT_WIDTH - 2 * CELL_PAD_X);

      painter->y += BLOCK_GAP;
      flow_block (painter, quorum, &rifq_pdf_ink, FALSE);
    }
  if (!rifq_pdf_is_empty (minutes->rule_line))
    {
      g_autoptr(PangoLayout) rule = text_layout (painter, minutes->rule_line, SIZE_BODY, FALSE,
                                                 CONTENT_WIDTH - 2 * CELL_PAD_X);

      painter->y += BLOCK_GAP / 2;
      flow_block (painter, rule, &rifq_pdf_muted, FALSE);
    }

  end_section (painter);
}

/* The agenda */

static PangoLayout *
decision_layout (Painter               *painter,
                 const RifqMinutesCase *item)
{
  GString *markup = g_string_new (NULL);
  g_autofree char *decision = NULL;
  g_autofree char *shown = NULL;
  PangoLayout *layout;

  decision = labelled_markup (_("Decision:"),
                              rifq_pdf_is_empty (item->decision) ? _("Not decided at this meeting") : item->decision);
  g_string_append (markup, decision);
  if (!rifq_pdf_is_empty (item->amount))
    {
      g_autofree char *amount = labelled_markup (_("Amount approved:"), item->amount);

      g_string_append_printf (markup, "\n%s", amount);
    }
  if (!rifq_pdf_is_empty (item->reasons))
    {
      g_autofree char *reasons = labelled_markup (_("Reasons:"), item->reasons);

      g_string_append_printf (markup, "\n%s", reasons);
    }

  shown = rifq_pdf_digits (markup->str, painter->minutes->digits);
  g_string_free (markup, TRUE);
  layout = text_layout (painter, "", SIZE_BODY, FALSE, CONTENT_WIDTH - 2 * BOX_PAD_X);
  pango_layout_set_markup (layout, shown, -1);
  return layout;
}

static void
draw_case (Painter               *painter,
           const RifqMinutesCase *item,
           guint                  index)
{
  static const double fractions[] = { 0.30, 0.14, 0.18, 0.38 };
  const char *labels[] = { _("Member"), _("Vote"), _("Amount"), _("Note") };
  g_auto(Table) table = { 0 };
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_autoptr(PangoLayout) kind = NULL;
  g_autoptr(PangoLayout) tally = NULL;
  g_autoptr(PangoLayout) decision = NULL;
  g_autoptr(PangoLayout) none = NULL;
  g_autofree char *ordinal = format_count ((int) index + 1, painter->minutes->digits);
  g_autofree char *number = g_strconcat (LRI, item->request_number, PDI, NULL);
  const char *beneficiary = rifq_pdf_is_empty (item->beneficiary_name) ? "—" : item->beneficiary_name;
  g_autofree char *name = rifq_pdf_isolate_value (beneficiary);
  g_autofree char *item_line = NULL;
  g_autofree char *heading = NULL;
  double closing;
  double keep;

  /* Translators: an item of the meeting's agenda, as in "Item 3: request 1448/0007 — <name>". */
  item_line = g_strdup_printf (_("Item %s: request %s — %s"), ordinal, number, name);
  heading = rifq_pdf_digits (item_line, painter->minutes->digits);

  if (!rifq_pdf_is_empty (item->kind))
    {
      g_autofree char *value = rifq_pdf_isolate_value (item->kind);
      g_autofree char *text = g_strdup_printf (_("Kind of support: %s"), value);

      kind = text_layout (painter, text, SIZE_BODY, FALSE, CONTENT_WIDTH - 2 * CELL_PAD_X);
    }

  g_array_set_clear_func (rows, (GDestroyNotify) clear_row);
  table_init (painter, &table, G_N_ELEMENTS (fractions), fractions, labels);
  for (guint i = 0; i < item->n_votes; i++)
    {
      const RifqMinutesVote *vote = &item->votes[i];
      const char *texts[] = { vote->name, vote->vote, vote->amount, vote->note };
      Row row = { 0 };

      measure_row (painter, &table, texts, "", &rifq_pdf_ink, &row);
      g_array_append_val (rows, row);
    }

  if (rows->len == 0)
    none = text_layout (painter, _("No votes were recorded."), SIZE_BODY, FALSE, CONTENT_WIDTH - 2 * CELL_PAD_X);
  if (!rifq_pdf_is_empty (item->tally))
    {
      g_autofree char *text = rifq_pdf_isolate_joined_numbers (item->tally);

      tally = text_layout (painter, text, SIZE_BODY, FALSE, CONTENT_WIDTH - 2 * CELL_PAD_X);
    }
  decision = decision_layout (painter, item);
  closing = BLOCK_GAP + rifq_pdf_layout_height (decision) + 2 * BOX_PAD_Y;
  if (tally != NULL)
    closing += BLOCK_GAP + rifq_pdf_layout_height (tally);

  /* The heading keeps the table's header and first row with it; without votes, the whole item. */
  keep = kind != NULL ? rifq_pdf_layout_height (kind) + BLOCK_GAP : 0;
  if (rows->len > 0)
    keep += table_header_height (&table) + g_array_index (rows, Row, 0).height + 2 * CELL_PAD_Y;
  else
    keep += rifq_pdf_layout_height (none) + closing;
  begin_section (painter, heading, keep);

  if (kind != NULL)
    {
      show_layout (painter, kind, &rifq_pdf_muted, CONTENT_LEFT + CELL_PAD_X, painter->y);
      painter->y += rifq_pdf_layout_height (kind) + BLOCK_GAP;
    }

  if (rows->len > 0)
    {
      begin_table (painter, &table);
      for (guint i = 0; i < rows->len; i++)
        draw_row (painter, &table, &g_array_index (rows, Row, i));
      end_table (painter, &table);
    }
  else
    flow_block (painter, none, &rifq_pdf_muted, FALSE);

  /* The tally and the decision it led to are read as one. */
  if (closing <= painter->capacity)
    make_room (painter, closing);
  if (tally != NULL)
    {
      painter->y += BLOCK_GAP;
      flow_block (painter, tally, &rifq_pdf_ink, FALSE);
    }
  painter->y += BLOCK_GAP;
  flow_block (painter, decision, &rifq_pdf_ink, TRUE);

  end_section (painter);
}

/* Signatures */

typedef struct
{
  PangoLayout *label;   /* over the line, for the chair */
  PangoLayout *name;
  PangoLayout *role;
} Signer;

static void
clear_signer (Signer *signer)
{
  g_clear_object (&signer->label);
  g_clear_object (&signer->name);
  g_clear_object (&signer->role);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Signer, clear_signer)

static double
signer_height (const Signer *signer)
{
  double height = SIGN_SPACE + 5 + rifq_pdf_layout_height (signer->name);

  if (signer->label != NULL)
    height += rifq_pdf_layout_height (signer->label) + 4;
  if (signer->role != NULL)
    height += 3 + rifq_pdf_layout_height (signer->role);
  return height;
}

static void
measure_signer (Painter    *painter,
                Signer     *signer,
                const char *label,
                const char *name,
                const char *role)
{
  const double width = CONTENT_WIDTH / SIGN_COLUMNS - 2 * SIGN_INSET;

  if (label != NULL)
    {
      signer->label = text_layout (painter, label, SIZE_SIGN_NAME, TRUE, width);
      pango_layout_set_alignment (signer->label, PANGO_ALIGN_CENTER);
    }
  signer->name = text_layout (painter, rifq_pdf_is_empty (name) ? "" : name, SIZE_SIGN_NAME, TRUE, width);
  pango_layout_set_alignment (signer->name, PANGO_ALIGN_CENTER);
  if (!rifq_pdf_is_empty (role))
    {
      signer->role = text_layout (painter, role, SIZE_SIGN_ROLE, FALSE, width);
      pango_layout_set_alignment (signer->role, PANGO_ALIGN_CENTER);
    }
}

/* In the column-th cell from the reading edge: room to sign, a line, the name under it. */
static void
draw_signer (Painter      *painter,
             const Signer *signer,
             guint         column)
{
  double cell_width = CONTENT_WIDTH / SIGN_COLUMNS;
  double left = CONTENT_RIGHT - (column + 1) * cell_width + SIGN_INSET;
  double width = cell_width - 2 * SIGN_INSET;
  double y = painter->y;

  if (signer->label != NULL)
    {
      show_layout (painter, signer->label, &rifq_pdf_ink, left, y);
      y += rifq_pdf_layout_height (signer->label) + 4;
    }
  y += SIGN_SPACE;
  if (!painter->dry)
    {
      cairo_save (painter->cr);
      cairo_set_dash (painter->cr, (const double[]) { 1.2, 2.0 }, 2, 0);
      horizontal_line (painter, &rifq_pdf_ink, 0.7, left, left + width, y);
      cairo_restore (painter->cr);
    }
  y += 5;
  show_layout (painter, signer->name, &rifq_pdf_ink, left, y);
  y += rifq_pdf_layout_height (signer->name) + 3;
  if (signer->role != NULL)
    show_layout (painter, signer->role, &rifq_pdf_muted, left, y);
}

static guint
chair_index (const RifqMinutes *minutes)
{
  for (guint i = 0; i < minutes->n_members; i++)
    {
      if (minutes->members[i].chair)
        return i;
    }
  /* The committee lists its chair first. */
  return 0;
}

static void
draw_signatures (Painter *painter)
{
  const RifqMinutes *minutes = painter->minutes;
  const char *heading = _("Signatures");
  g_autoptr(GArray) signers = g_array_new (FALSE, TRUE, sizeof (Signer));
  g_auto(Signer) chair = { 0 };
  guint chair_at;
  double first_row = 0;

  if (minutes->n_members == 0)
    return;

  g_array_set_clear_func (signers, (GDestroyNotify) clear_signer);
  chair_at = chair_index (minutes);
  for (guint i = 0; i < minutes->n_members; i++)
    {
      const RifqMinutesMember *member = &minutes->members[i];
      Signer signer = { 0 };

      if (i == chair_at || !member->present)
        continue;
      measure_signer (painter, &signer, NULL, member->name, member->role);
      g_array_append_val (signers, signer);
    }
  measure_signer (painter, &chair, _("Chair of the committee"), minutes->members[chair_at].name, NULL);

  for (guint i = 0; i < MIN (signers->len, SIGN_COLUMNS); i++)
    first_row = MAX (first_row, signer_height (&g_array_index (signers, Signer, i)));
  if (signers->len == 0)
    first_row = signer_height (&chair);

  begin_section (painter, heading, first_row);

  for (guint start = 0; start < signers->len; start += SIGN_COLUMNS)
    {
      double height = 0;

      for (guint i = start; i < MIN (start + SIGN_COLUMNS, signers->len); i++)
        height = MAX (height, signer_height (&g_array_index (signers, Signer, i)));
      make_room (painter, height);
      for (guint i = start; i < MIN (start + SIGN_COLUMNS, signers->len); i++)
        draw_signer (painter, &g_array_index (signers, Signer, i), i - start);
      painter->y += height + SIGN_ROW_GAP;
    }

  /* The chair approves the minutes at the far end, as an official signs a letter. */
  painter->y += signers->len > 0 ? SIGN_ROW_GAP : 0;
  make_room (painter, signer_height (&chair));
  draw_signer (painter, &chair, SIGN_COLUMNS - 1);
  painter->y += signer_height (&chair);

  end_section (painter);
}

/* Drawing */

/* The footer takes the same room on every page; what is left is the content's. */
static void
measure_page (Painter *painter)
{
  gboolean dry = painter->dry;

  painter->dry = TRUE;
  painter->bottom = RIFQ_PDF_A4_HEIGHT - MARGIN_BOTTOM - draw_footer (painter, 1) - FOOTER_GAP;
  painter->capacity = painter->bottom - MARGIN_TOP - heading_height (painter, _("Signatures"));
  painter->dry = dry;
}

/* The seal under the signatures, at the far end: the QR code, its short code, what it is. */
static void
draw_seal (Painter *painter)
{
  const double column = QR_SIZE + 40;
  const double left = CONTENT_LEFT;
  g_autofree char *code = NULL;
  g_autoptr(PangoLayout) code_layout = NULL;
  g_autoptr(PangoLayout) caption = NULL;
  double height;

  if (painter->qr == NULL)
    return;
  /* In Western digits whatever the minutes': it is typed as printed. */
  code = g_strconcat ("\xe2\x81\xa6", painter->minutes->seal_short_code ? painter->minutes->seal_short_code : "",
                      "\xe2\x81\xa9", NULL);
  code_layout = rifq_pdf_layout_new (painter->cr, NULL, SIZE_CODE, TRUE, rifq_pdf_rtl (), column);
  pango_layout_set_text (code_layout, code, -1);
  pango_layout_set_alignment (code_layout, PANGO_ALIGN_CENTER);
  caption = text_layout (painter, _("Seal of the association"), SIZE_CAPTION, FALSE, column);
  pango_layout_set_alignment (caption, PANGO_ALIGN_CENTER);
  height = SECTION_GAP + QR_SIZE + 3 + rifq_pdf_layout_height (code_layout) + 2 + rifq_pdf_layout_height (caption);
  make_room (painter, height);
  painter->y += SECTION_GAP;
  if (!painter->dry)
    rifq_pdf_draw_qr (painter->cr, painter->qr, left + (column - QR_SIZE) / 2, painter->y, QR_SIZE);
  painter->y += QR_SIZE + 3;
  show_layout (painter, code_layout, &rifq_pdf_ink, left, painter->y);
  painter->y += rifq_pdf_layout_height (code_layout) + 2;
  show_layout (painter, caption, &rifq_pdf_muted, left, painter->y);
  painter->y += rifq_pdf_layout_height (caption);
}

static void
paint (Painter *painter)
{
  const RifqMinutes *minutes = painter->minutes;

  painter->pages = 0;
  painter->section = NULL;
  painter->table = NULL;
  measure_page (painter);

  begin_page (painter);
  draw_header (painter);
  draw_members (painter);
  for (guint i = 0; i < minutes->n_cases; i++)
    draw_case (painter, &minutes->cases[i], i);
  draw_signatures (painter);
  draw_seal (painter);
  end_page (painter);
}

gboolean
rifq_minutes_pdf_write (const RifqMinutes  *minutes,
                        const char         *path,
                        GError            **error)
{
  g_autoptr(GByteArray) data = NULL;
  g_autoptr(QRcode) qr = NULL;
  cairo_surface_t *surface;
  Painter painter = { 0 };

  g_return_val_if_fail (minutes != NULL, FALSE);
  g_return_val_if_fail (minutes->n_members == 0 || minutes->members != NULL, FALSE);
  g_return_val_if_fail (minutes->n_cases == 0 || minutes->cases != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!rifq_pdf_is_empty (minutes->seal_payload))
    {
      qr = QRcode_encodeString (minutes->seal_payload, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
      if (qr == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("The seal is too long to print as a QR code."));
          return FALSE;
        }
    }

  /* Drawn in memory and then saved in one go: a failed write never leaves half the minutes. */
  data = g_byte_array_new ();
  surface = rifq_pdf_document_new (data, rifq_pdf_is_empty (minutes->title) ? _("Minutes of the committee meeting")
                                                                          : minutes->title,
                                   minutes->association_name);
  if (!rifq_pdf_is_empty (minutes->meeting_line))
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, minutes->meeting_line);

  rifq_pdf_set_sealed_keywords (surface, minutes->seal_payload, minutes->sealed_json);

  painter.cr = cairo_create (surface);
  rifq_pdf_mirror_page (painter.cr);
  painter.minutes = minutes;
  painter.logo = rifq_pdf_load_png (minutes->logo_png, minutes->logo_png_len);
  painter.qr = qr;

  /* Count the pages first, the same drawing with nothing drawn, for "Page n of m". */
  painter.dry = TRUE;
  paint (&painter);
  painter.total_pages = painter.pages;
  painter.dry = FALSE;
  paint (&painter);

  g_clear_pointer (&painter.logo, cairo_surface_destroy);
  cairo_destroy (painter.cr);

  return rifq_pdf_document_save_sealed (surface, data, minutes->seal_file, minutes->seal_file_data, path,
                                        _("The minutes could not be drawn: "), _("The minutes could not be saved: "),
                                        error);
}
