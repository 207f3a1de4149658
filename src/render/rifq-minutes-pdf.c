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

#include "rifq-minutes-pdf.h"
#include "rifq-page-flow.h"

#define MARGIN_SIDE    42.0
#define MARGIN_TOP     42.0
#define MARGIN_BOTTOM  30.0

/* Type sizes, in points. */
#define SIZE_ASSOCIATION 15.0
#define SIZE_TITLE       19.0
#define SIZE_MEETING     11.0
#define SIZE_HEADER_CELL 10.0
#define SIZE_CELL        11.0
#define SIZE_BODY        11.5
#define SIZE_SIGN_NAME   10.5
#define SIZE_SIGN_ROLE    9.5

/* Blocks are measured by their ink (see RIFQ_PDF_INK_ABOVE), lines set LINE_SPACING of a box
 * apart, as in the request the committee read. */
#define LINE_SPACING      0.8

#define LOGO_SIZE        56.0
#define CELL_PAD_X        7.0
#define CELL_PAD_Y        5.0
#define SECTION_GAP      16.0
#define BLOCK_GAP         8.0

/* Signatures: a row of SIGN_COLUMNS lines, each with room above it for the pen. */
#define SIGN_COLUMNS      3
#define SIGN_SPACE       34.0
#define SIGN_INSET       18.0
#define SIGN_ROW_GAP     14.0

#define MAX_COLUMNS       4

/* The decision, set apart. */
static const RifqPageBox decision_box = { .pad_x = 12, .pad_y = 8, .radius = 5, .inset = 5, .line_width = 0.8 };

typedef struct
{
  guint        n_columns;
  double       right;                /* of the table, at the reading edge */
  double       width[MAX_COLUMNS];   /* of each cell, padding included; column 0 at the reading edge */
  PangoLayout *header[MAX_COLUMNS];
  double       header_height;        /* without padding */
  double       top;                  /* of the table's part on this page */
  double       body_top;             /* under its header row on this page */
} Table;

typedef struct
{
  RifqPageFlow       flow;
  const RifqMinutes *minutes;
  cairo_surface_t   *logo;
  const QRcode      *qr;           /* the seal, or NULL */
} Painter;

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

/* The page count at the reading edge, the title at the other. */
static double
draw_footer (RifqPageFlow *flow,
             int           number)
{
  const RifqMinutes *minutes = ((Painter *) flow->data)->minutes;

  return rifq_page_flow_footer (flow, number, rifq_pdf_is_empty (minutes->title) ? "" : minutes->title, NULL);
}

/* Header */

static void
draw_header (Painter *painter)
{
  RifqPageFlow *flow = &painter->flow;
  const RifqMinutes *minutes = painter->minutes;
  double top = flow->y;
  double band_height;

  band_height = rifq_page_flow_letterhead (flow, LOGO_SIZE, minutes->association_name, SIZE_ASSOCIATION, 0, 0);

  /* A double rule under the letterhead, as on the association's printed forms. */
  flow->y = top + band_height + 10;
  rifq_page_flow_double_rule (flow, flow->y, 1.4, 0.5, 2.6);
  flow->y += 16;

  if (!rifq_pdf_is_empty (minutes->title))
    rifq_page_flow_centred (flow, minutes->title, SIZE_TITLE, TRUE, &rifq_pdf_ink, 5);
  if (!rifq_pdf_is_empty (minutes->meeting_line))
    {
      g_autofree char *text = rifq_pdf_isolate_value (minutes->meeting_line);

      rifq_page_flow_centred (flow, text, SIZE_MEETING, FALSE, &rifq_pdf_muted, 0);
    }

  if (!rifq_pdf_is_empty (minutes->notice))
    {
      flow->y += BLOCK_GAP;
      rifq_page_flow_notice (flow, minutes->notice, SIZE_BODY, 12, 8);
    }
  flow->y += SECTION_GAP;
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
  table->right = painter->flow.right;
  for (guint c = 0; c < n_columns; c++)
    {
      table->width[c] = painter->flow.width * fractions[c];
      table->header[c] = rifq_page_flow_text (&painter->flow, labels[c], SIZE_HEADER_CELL, TRUE,
                                              table->width[c] - 2 * CELL_PAD_X, RIFQ_PAGE_ALIGN_START);
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
  double right = table->right;

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

  table->top = painter->flow.y;
  if (!painter->flow.dry)
    {
      rifq_pdf_set_colour (painter->flow.cr, &rifq_pdf_label_fill);
      cairo_rectangle (painter->flow.cr, painter->flow.left, painter->flow.y, painter->flow.width, height);
      cairo_fill (painter->flow.cr);
    }
  for (guint c = 0; c < table->n_columns; c++)
    rifq_page_flow_show (&painter->flow, table->header[c], &rifq_pdf_muted,
                         column_right (table, c) - table->width[c] + CELL_PAD_X, painter->flow.y + CELL_PAD_Y);
  painter->flow.y += height;
  rifq_page_flow_rule (&painter->flow, &rifq_pdf_rule, 0.6, painter->flow.left, painter->flow.right, painter->flow.y);
  table->body_top = painter->flow.y;
}

/* Outline of the rows drawn on this page since the table's top, and the rules between the
 * columns. */
static void
close_table (Painter *painter,
             Table   *table)
{
  if (painter->flow.dry || painter->flow.y <= table->top)
    return;

  rifq_pdf_set_colour (painter->flow.cr, &rifq_pdf_cell_border);
  cairo_set_line_width (painter->flow.cr, 0.6);
  cairo_rectangle (painter->flow.cr, painter->flow.left, table->top, painter->flow.width, painter->flow.y - table->top);
  for (guint c = 1; c < table->n_columns; c++)
    {
      cairo_move_to (painter->flow.cr, column_right (table, c), table->top);
      cairo_line_to (painter->flow.cr, column_right (table, c), painter->flow.y);
    }
  cairo_stroke (painter->flow.cr);
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

      row->cells[c] = rifq_page_flow_text (&painter->flow, text, SIZE_CELL, FALSE, table->width[c] - 2 * CELL_PAD_X,
                                           RIFQ_PAGE_ALIGN_START);
      row->height = MAX (row->height, rifq_pdf_layout_height (row->cells[c]));
    }
}

static void
break_table (Painter *painter,
             Table   *table)
{
  close_table (painter, table);
  rifq_page_flow_new_page (&painter->flow);
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

  if (!rifq_page_flow_fits (&painter->flow,
                            row->height + 2 * CELL_PAD_Y) && !rifq_page_flow_page_is_empty (&painter->flow))
    break_table (painter, table);

  while (!done)
    {
      double room = painter->flow.bottom - painter->flow.y - 2 * CELL_PAD_Y;
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

      if (painter->flow.y > table->body_top + 0.5)
        rifq_page_flow_rule (&painter->flow, &rifq_pdf_cell_border, 0.6, painter->flow.left, painter->flow.right,
                             painter->flow.y);
      for (guint c = 0; c < row->n_cells; c++)
        {
          if (last[c] > first[c])
            rifq_page_flow_show_lines (&painter->flow, row->cells[c], first[c], last[c], row->colour,
                                       column_right (table, c) - table->width[c] + CELL_PAD_X,
                                       painter->flow.y + CELL_PAD_Y);
          first[c] = last[c];
        }
      painter->flow.y += height + 2 * CELL_PAD_Y;

      if (!done)
        break_table (painter, table);
    }
}

static void
table_carried_cb (RifqPageFlow *flow,
                  gpointer      data)
{
  draw_table_header (flow->data, data);
}

/* The table's header, carried onto every page its rows run over, then the rows and the outline. */
static void
draw_table (Painter *painter,
            Table   *table,
            GArray  *rows)
{
  draw_table_header (painter, table);
  painter->flow.carry = table_carried_cb;
  painter->flow.carry_data = table;
  for (guint i = 0; i < rows->len; i++)
    draw_row (painter, table, &g_array_index (rows, Row, i));
  close_table (painter, table);
  painter->flow.carry = NULL;
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
  rifq_page_flow_begin_section (&painter->flow, heading,
                                table_header_height (&table) + g_array_index (rows, Row, 0).height + 2 * CELL_PAD_Y);
  draw_table (painter, &table, rows);

  if (!rifq_pdf_is_empty (minutes->quorum_line))
    {
      g_autofree char *text = rifq_pdf_isolate_joined_numbers (minutes->quorum_line);
      g_autoptr(PangoLayout) quorum = rifq_page_flow_text (&painter->flow, text, SIZE_BODY, TRUE,
                                                           painter->flow.width - 2 * CELL_PAD_X, RIFQ_PAGE_ALIGN_START);

      painter->flow.y += BLOCK_GAP;
      rifq_page_flow_block (&painter->flow, quorum, &rifq_pdf_ink, NULL);
    }
  if (!rifq_pdf_is_empty (minutes->rule_line))
    {
      g_autoptr(PangoLayout) rule = rifq_page_flow_text (&painter->flow, minutes->rule_line, SIZE_BODY, FALSE,
                                                         painter->flow.width - 2 * CELL_PAD_X, RIFQ_PAGE_ALIGN_START);

      painter->flow.y += BLOCK_GAP / 2;
      rifq_page_flow_block (&painter->flow, rule, &rifq_pdf_muted, NULL);
    }

  rifq_page_flow_end_section (&painter->flow);
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

  shown = rifq_pdf_digits (markup->str, painter->flow.digits);
  g_string_free (markup, TRUE);
  layout = rifq_page_flow_text_new (&painter->flow, SIZE_BODY, FALSE, painter->flow.width - 2 * decision_box.pad_x);
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
  g_autofree char *ordinal = g_strdup_printf ("%u", index + 1);
  g_autofree char *number = rifq_page_flow_ltr (item->request_number);
  const char *beneficiary = rifq_pdf_is_empty (item->beneficiary_name) ? "—" : item->beneficiary_name;
  g_autofree char *name = rifq_pdf_isolate_value (beneficiary);
  g_autofree char *item_line = NULL;
  g_autofree char *heading = NULL;
  double closing;
  double keep;

  /* Translators: an item of the meeting's agenda, as in "Item 3: request 1448/0007 — <name>". */
  item_line = g_strdup_printf (_("Item %s: request %s — %s"), ordinal, number, name);
  heading = rifq_pdf_digits (item_line, painter->flow.digits);

  if (!rifq_pdf_is_empty (item->kind))
    {
      g_autofree char *value = rifq_pdf_isolate_value (item->kind);
      g_autofree char *text = g_strdup_printf (_("Kind of support: %s"), value);

      kind = rifq_page_flow_text (&painter->flow, text, SIZE_BODY, FALSE, painter->flow.width - 2 * CELL_PAD_X,
                                  RIFQ_PAGE_ALIGN_START);
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
    none = rifq_page_flow_text (&painter->flow, _("No votes were recorded."), SIZE_BODY, FALSE,
                                painter->flow.width - 2 * CELL_PAD_X, RIFQ_PAGE_ALIGN_START);
  if (!rifq_pdf_is_empty (item->tally))
    {
      g_autofree char *text = rifq_pdf_isolate_joined_numbers (item->tally);

      tally = rifq_page_flow_text (&painter->flow, text, SIZE_BODY, FALSE, painter->flow.width - 2 * CELL_PAD_X,
                                   RIFQ_PAGE_ALIGN_START);
    }
  decision = decision_layout (painter, item);
  closing = BLOCK_GAP + rifq_pdf_layout_height (decision) + 2 * decision_box.pad_y;
  if (tally != NULL)
    closing += BLOCK_GAP + rifq_pdf_layout_height (tally);

  /* The heading keeps the table's header and first row with it; without votes, the whole item. */
  keep = kind != NULL ? rifq_pdf_layout_height (kind) + BLOCK_GAP : 0;
  if (rows->len > 0)
    keep += table_header_height (&table) + g_array_index (rows, Row, 0).height + 2 * CELL_PAD_Y;
  else
    keep += rifq_pdf_layout_height (none) + closing;
  rifq_page_flow_begin_section (&painter->flow, heading, keep);

  if (kind != NULL)
    {
      rifq_page_flow_show (&painter->flow, kind, &rifq_pdf_muted, painter->flow.left + CELL_PAD_X, painter->flow.y);
      painter->flow.y += rifq_pdf_layout_height (kind) + BLOCK_GAP;
    }

  if (rows->len > 0)
    draw_table (painter, &table, rows);
  else
    rifq_page_flow_block (&painter->flow, none, &rifq_pdf_muted, NULL);

  /* The tally and the decision it led to are read as one. */
  if (closing <= painter->flow.capacity)
    rifq_page_flow_make_room (&painter->flow, closing);
  if (tally != NULL)
    {
      painter->flow.y += BLOCK_GAP;
      rifq_page_flow_block (&painter->flow, tally, &rifq_pdf_ink, NULL);
    }
  painter->flow.y += BLOCK_GAP;
  rifq_page_flow_block (&painter->flow, decision, &rifq_pdf_ink, &decision_box);

  rifq_page_flow_end_section (&painter->flow);
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
  const double width = painter->flow.width / SIGN_COLUMNS - 2 * SIGN_INSET;

  if (label != NULL)
    signer->label = rifq_page_flow_text (&painter->flow, label, SIZE_SIGN_NAME, TRUE, width, RIFQ_PAGE_ALIGN_CENTER);
  signer->name = rifq_page_flow_text (&painter->flow, rifq_pdf_is_empty (name) ? "" : name, SIZE_SIGN_NAME, TRUE,
                                      width, RIFQ_PAGE_ALIGN_CENTER);
  if (!rifq_pdf_is_empty (role))
    signer->role = rifq_page_flow_text (&painter->flow, role, SIZE_SIGN_ROLE, FALSE, width, RIFQ_PAGE_ALIGN_CENTER);
}

/* In the column-th cell from the reading edge: room to sign, a line, the name under it. */
static void
draw_signer (Painter      *painter,
             const Signer *signer,
             guint         column)
{
  double cell_width = painter->flow.width / SIGN_COLUMNS;
  double left = painter->flow.right - (column + 1) * cell_width + SIGN_INSET;
  double width = cell_width - 2 * SIGN_INSET;
  double y = painter->flow.y;

  if (signer->label != NULL)
    {
      rifq_page_flow_show (&painter->flow, signer->label, &rifq_pdf_ink, left, y);
      y += rifq_pdf_layout_height (signer->label) + 4;
    }
  y += SIGN_SPACE;
  rifq_page_flow_sign_line (&painter->flow, left, left + width, y);
  y += 5;
  rifq_page_flow_show (&painter->flow, signer->name, &rifq_pdf_ink, left, y);
  y += rifq_pdf_layout_height (signer->name) + 3;
  if (signer->role != NULL)
    rifq_page_flow_show (&painter->flow, signer->role, &rifq_pdf_muted, left, y);
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

  rifq_page_flow_begin_section (&painter->flow, heading, first_row);

  for (guint start = 0; start < signers->len; start += SIGN_COLUMNS)
    {
      double height = 0;

      for (guint i = start; i < MIN (start + SIGN_COLUMNS, signers->len); i++)
        height = MAX (height, signer_height (&g_array_index (signers, Signer, i)));
      rifq_page_flow_make_room (&painter->flow, height);
      for (guint i = start; i < MIN (start + SIGN_COLUMNS, signers->len); i++)
        draw_signer (painter, &g_array_index (signers, Signer, i), i - start);
      painter->flow.y += height + SIGN_ROW_GAP;
    }

  /* The chair approves the minutes at the far end, as an official signs a letter. */
  painter->flow.y += signers->len > 0 ? SIGN_ROW_GAP : 0;
  rifq_page_flow_make_room (&painter->flow, signer_height (&chair));
  draw_signer (painter, &chair, SIGN_COLUMNS - 1);
  painter->flow.y += signer_height (&chair);

  rifq_page_flow_end_section (&painter->flow);
}

/* Drawing */

/* The seal under the signatures, at the far end. */
static void
draw_seal (Painter *painter)
{
  RifqPageFlow *flow = &painter->flow;
  const char *code = painter->minutes->seal.short_code ? painter->minutes->seal.short_code : "";

  if (painter->qr == NULL)
    return;
  rifq_page_flow_make_room (flow, SECTION_GAP + rifq_page_flow_seal_height (flow, code));
  flow->y += SECTION_GAP;
  flow->y = rifq_page_flow_seal (flow, painter->qr, code, flow->left, flow->y);
}

static void
paint (gpointer data)
{
  Painter *painter = data;
  const RifqMinutes *minutes = painter->minutes;

  painter->flow.pages = 0;
  painter->flow.section = NULL;
  painter->flow.carry = NULL;
  rifq_page_flow_measure (&painter->flow, _("Signatures"));

  rifq_page_flow_begin_page (&painter->flow);
  draw_header (painter);
  draw_members (painter);
  for (guint i = 0; i < minutes->n_cases; i++)
    draw_case (painter, &minutes->cases[i], i);
  draw_signatures (painter);
  draw_seal (painter);
  rifq_page_flow_end_page (&painter->flow);
}

gboolean
rifq_minutes_pdf_write (const RifqMinutes  *minutes,
                        const char         *path,
                        GError            **error)
{
  g_autoptr(GByteArray) data = NULL;
  g_autoptr(QRcode) qr = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  Painter painter;

  g_return_val_if_fail (minutes != NULL, FALSE);
  g_return_val_if_fail (minutes->n_members == 0 || minutes->members != NULL, FALSE);
  g_return_val_if_fail (minutes->n_cases == 0 || minutes->cases != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!rifq_page_flow_encode_seal (minutes->seal.payload, &qr, error))
    return FALSE;

  /* Drawn in memory and then saved in one go: a failed write never leaves half the minutes. */
  data = g_byte_array_new ();
  surface = rifq_pdf_document_new (data, rifq_pdf_is_empty (minutes->title) ? _("Minutes of the committee meeting")
                                                                          : minutes->title,
                                   minutes->association_name);
  if (!rifq_pdf_is_empty (minutes->meeting_line))
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, minutes->meeting_line);

  rifq_pdf_set_sealed_keywords (surface, minutes->seal.payload, minutes->seal.sealed_json);

  cr = cairo_create (surface);
  rifq_pdf_mirror_page (cr);
  rifq_page_flow_init (&painter.flow, cr, MARGIN_SIDE, MARGIN_TOP, MARGIN_BOTTOM);
  painter.flow.line_spacing = LINE_SPACING;
  painter.flow.digits = minutes->digits;
  painter.flow.section_gap = SECTION_GAP;
  painter.flow.footer = draw_footer;
  painter.flow.data = &painter;
  painter.minutes = minutes;
  painter.flow.logo = rifq_pdf_load_png (minutes->logo_png, minutes->logo_png_len);
  painter.qr = qr;

  /* Count the pages first, the same drawing with nothing drawn, for "Page n of m". */
  rifq_page_flow_paint_counted (&painter.flow, paint, &painter);

  g_clear_pointer (&painter.flow.logo, cairo_surface_destroy);
  cairo_destroy (cr);

  return rifq_pdf_document_save_sealed (surface, data, minutes->seal.file, minutes->seal.file_data, path,
                                        _("The minutes could not be drawn: "), _("The minutes could not be saved: "),
                                        error);
}
