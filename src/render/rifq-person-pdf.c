/* rifq-person-pdf.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-person-pdf"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>
#include <string.h>

#include "rifq-audit.h"
#include "rifq-calendar.h"
#include "rifq-beneficiary-store.h"
#include "rifq-channel.h"
#include "rifq-file.h"
#include "rifq-json.h"
#include "rifq-locale.h"
#include "rifq-page-flow.h"
#include "rifq-permission.h"
#include "rifq-person-pdf.h"
#include "rifq-request-store.h"
#include "rifq-settings.h"
#include "rifq-staff.h"

#define MARGIN_SIDE    42.0
#define MARGIN_TOP     42.0
#define MARGIN_BOTTOM  30.0

/* Type sizes, in points. */
#define SIZE_ASSOCIATION 15.0
#define SIZE_TITLE       18.0
#define SIZE_NAME        13.0
#define SIZE_LINE        10.0
#define SIZE_ITEM        11.0
#define SIZE_GROUP       10.0
#define SIZE_BODY        10.0

#define LOGO_SIZE        52.0
#define SECTION_GAP      14.0
#define ITEM_GAP          9.0
#define ROW_GAP           3.0
#define COLUMN_GAP       12.0

/* The labels' column, as a share of the content's width. */
#define LABEL_SHARE       0.28

/* The document is said first as a list of what goes down the page, then drawn from it twice:
 * once to count the pages, once to draw them. */
typedef enum
{
  PART_SECTION,   /* a heading; text */
  PART_GROUP,     /* a small heading inside a section; text */
  PART_ITEM,      /* one thing of a section (a request, an entry of the log); text */
  PART_ROW,       /* label, and text as its value */
  PART_NOTE,      /* a muted sentence across the content; text */
} PartKind;

typedef struct
{
  PartKind  kind;
  char     *label;
  char     *text;
  gboolean  latin;    /* digits kept as they are (fingerprints) */
  gboolean  isolated; /* its parts already isolated: set in the document's direction */
} Part;

typedef struct
{
  RifqDb               *db;
  const RifqPersonFile *file;
  GArray               *parts;
  GHashTable           *names;      /* user name → full name, as the staff list has it */
  GHashTable           *channels;   /* code → label */
  RifqDigits            digits;
} Build;

typedef struct
{
  RifqPageFlow  flow;
  const Build  *build;
  const char   *association;
  const char   *title;
  const char   *name;
  const char   *subtitle;
} Painter;

static void
clear_part (Part *part)
{
  g_free (part->label);
  g_free (part->text);
}

/* Saying what goes on the page */

static void
add (Build      *build,
     PartKind    kind,
     const char *label,
     char       *text)
{
  Part part = { kind, g_strdup (label), text, FALSE, FALSE };

  g_array_append_val (build->parts, part);
}

static void
add_row (Build      *build,
         const char *label,
         const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  add (build, PART_ROW, label, g_strdup (value));
}

static void
add_row_take (Build      *build,
              const char *label,
              char       *value)
{
  add_row (build, label, value);
  g_free (value);
}

/* A section's heading, and what it says when it holds n_items == 0. */
static void
section (Build      *build,
         const char *heading,
         guint       n_items,
         const char *none)
{
  add (build, PART_SECTION, NULL, g_strdup (heading));
  if (n_items == 0)
    add (build, PART_NOTE, NULL, g_strdup (none));
}

static char *
day (const Build *build,
     const char  *iso)
{
  return iso != NULL && *iso != '\0' ? rifq_calendar_format_iso_both (iso, build->digits) : NULL;
}

/* A member of staff as the staff list names them (rifq_staff_dup_name), each looked up once. */
static const char *
person (Build      *build,
        const char *username)
{
  const char *name;

  if (username == NULL || *username == '\0')
    return NULL;
  name = g_hash_table_lookup (build->names, username);
  if (name == NULL)
    {
      name = rifq_staff_dup_name (build->db, username);
      g_hash_table_insert (build->names, g_strdup (username), (char *) name);
    }
  return name;
}

/* "when, by whom" for a moment and a user name, either of which may be missing. */
static char *
done (Build      *build,
      const char *at,
      const char *by)
{
  g_autofree char *when = day (build, at);
  const char *who = person (build, by);

  if (when != NULL && who != NULL)
    return g_strdup_printf (_("%s, by %s"), when, who);
  return g_strdup (when != NULL ? when : who);
}

static char *
riyals (gint64 amount)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, amount);

  return g_strdup_printf (_("%s riyals"), number);
}

static void
build_record (Build *build)
{
  RifqBeneficiary *b = build->file->beneficiary;
  GPtrArray *caregivers = rifq_beneficiary_get_caregivers (b);
  int group = -1;

  add (build, PART_SECTION, NULL, g_strdup (_("The Record")));
  for (RifqField f = 0; f < RIFQ_N_FIELDS; f++)
    {
      const RifqFieldInfo *info = rifq_field_info (f);
      const char *value = rifq_beneficiary_get (b, f);
      g_autofree char *shown = NULL;

      if (value == NULL || *value == '\0')
        continue;
      if ((int) info->group != group)
        {
          group = info->group;
          add (build, PART_GROUP, NULL, g_strdup (rifq_field_group_title (info->group)));
        }
      switch (info->kind)
        {
        case RIFQ_FIELD_KIND_DATE:
          shown = day (build, value);
          break;
        case RIFQ_FIELD_KIND_CHOICE:
          shown = g_strdup (rifq_field_choice_label (f, value));
          break;
        case RIFQ_FIELD_KIND_CHANNEL:
          shown = g_strdup (g_hash_table_lookup (build->channels, value));
          break;
        case RIFQ_FIELD_KIND_BOOLEAN:
          shown = g_strdup (g_str_equal (value, "true") ? _("Yes") : _("No"));
          break;
        default:
          break;
        }
      add_row (build, rifq_field_label (f), shown != NULL ? shown : value);
    }

  section (build, _("Caregivers"), caregivers != NULL ? caregivers->len : 0, _("No caregiver is recorded."));
  for (guint i = 0; caregivers != NULL && i < caregivers->len; i++)
    {
      RifqCaregiver *caregiver = g_ptr_array_index (caregivers, i);

      add (build, PART_ITEM, NULL, g_strdup (caregiver->name));
      add_row (build, _("Relation"), caregiver->relation);
      add_row (build, _("Mobile"), caregiver->mobile);
      add_row (build, _("Guardian"), caregiver->is_guardian ? _("Yes") : _("No"));
      add_row (build, _("Notes"), caregiver->notes);
    }
}

static void
build_consents (Build *build)
{
  GPtrArray *consents = build->file->consents;

  section (build, _("Consents"), consents->len, _("No consent is recorded."));
  for (guint i = 0; i < consents->len; i++)
    {
      RifqConsent *consent = g_ptr_array_index (consents, i);
      g_autofree char *given = day (build, consent->given_on);
      g_autofree char *withdrawn = day (build, consent->withdrawn_on);
      const char *recorder = person (build, consent->recorded_by);
      g_autofree char *line = g_strdup_printf (_("Given on %s; recorded by %s."), given, recorder ? recorder : "—");

      if (withdrawn != NULL)
        {
          const char *by = person (build, consent->withdrawn_by);
          g_autofree char *more = g_strdup_printf (_("Withdrawn on %s; recorded by %s."), withdrawn, by ? by : "—");

          add_row_take (build, rifq_consent_scope_label (consent->scope), g_strconcat (line, " ", more, NULL));
        }
      else
        add_row_take (build, rifq_consent_scope_label (consent->scope),
                      g_strconcat (line, " ", _("It stands."), NULL));
    }
}

/* Adds text, a sentence, to those before it. */
static void
sentence (GString *value,
          char    *text)
{
  if (value->len > 0)
    g_string_append_c (value, ' ');
  g_string_append (value, text);
  g_free (text);
}

static void
build_documents (Build       *build,
                 RifqRequest *request)
{
  for (guint d = 0; request->documents != NULL && d < request->documents->len; d++)
    {
      RifqDocument *document = g_ptr_array_index (request->documents, d);
      g_autoptr(GString) value = g_string_new (NULL);
      g_autofree char *issued = day (build, document->issued_on);
      g_autofree char *expires = day (build, document->expires_on);
      guint n_scans = document->scans != NULL ? document->scans->len : 0;

      if (document->version == 0 && n_scans == 0)
        continue;
      if (document->number != NULL && *document->number != '\0')
        sentence (value, g_strdup_printf (_("Number %s."), document->number));
      if (issued != NULL)
        sentence (value, g_strdup_printf (_("Issued on %s."), issued));
      if (expires != NULL)
        sentence (value, g_strdup_printf (_("Expires on %s."), expires));
      if (document->matched)
        {
          g_autofree char *matched = done (build, document->verified_at, document->verified_by);

          sentence (value, g_strdup_printf (_("Matched against the original: %s."), matched ? matched : "—"));
        }
      else
        sentence (value, g_strdup (_("Not matched against the original.")));
      if (n_scans > 0)
        sentence (value, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u scan.", "%u scans.", n_scans), n_scans));
      add_row (build, document->type_label != NULL ? document->type_label : document->type, value->str);
    }
}

static void
build_referrals (Build       *build,
                 RifqRequest *request)
{
  for (guint r = 0; request->referrals != NULL && r < request->referrals->len; r++)
    {
      RifqReferral *referral = g_ptr_array_index (request->referrals, r);

      add_row_take (build, _("Referred for research"), done (build, referral->asked_at, referral->asked_by));
      add_row (build, _("Question"), referral->question);
      add_row_take (build, _("Answered"), done (build, referral->answered_at, referral->answered_by));
      add_row (build, _("Answer"), referral->answer);
      add_row_take (build, _("Home visit"), day (build, referral->visit_on));
      add_row (build, _("Findings"), referral->visit_findings);
      add_row (build, _("Household"), referral->visit_household);
      add_row (build, _("Recommendation"), referral->visit_recommendation);
    }
}

static void
build_services (Build       *build,
                RifqRequest *request)
{
  for (guint s = 0; request->services != NULL && s < request->services->len; s++)
    {
      RifqService *service = g_ptr_array_index (request->services, s);
      g_autofree char *delivered = done (build, service->delivered_on, service->delivered_by);
      g_autofree char *given = service->amount >= 0 ? riyals (service->amount)
                                                    : g_strdup_printf ("%" G_GINT64_FORMAT, service->quantity);
      const char *place = g_strcmp0 (service->place, "home") == 0 ? _("at home") : _("at the office");
      g_autofree char *line = g_strdup_printf (_("%s: %s, delivered %s (%s)."),
                                               rifq_request_store_kind_label (build->db, service->kind),
                                               given, place, delivered ? delivered : "—");

      add_row (build, _("Service"), line);
      add_row (build, _("Notes"), service->notes);
      add_row (build, _("Beyond the approval, because"), service->override_reason);
    }
}

static void
build_requests (Build *build)
{
  GPtrArray *requests = build->file->requests;

  section (build, _("Support Requests"), requests->len, _("No support request is recorded."));
  for (guint i = 0; i < requests->len; i++)
    {
      RifqRequest *request = g_ptr_array_index (requests, i);

      add (build, PART_ITEM, NULL,
           g_strdup_printf (_("Request %s — %s"), request->number ? request->number : "—",
                            rifq_request_store_kind_label (build->db, request->kind)));
      add_row (build, _("State"), rifq_request_state_label (request->state));
      add_row (build, _("Channel"), g_hash_table_lookup (build->channels, request->channel ? request->channel : ""));
      add_row_take (build, _("Received"), done (build, request->received_at, request->received_by));
      add_row (build, _("Description"), request->description);
      if (request->amount >= 0)
        add_row_take (build, _("Amount asked"), riyals (request->amount));
      add_row_take (build, _("Signed"), done (build, request->signed_at, request->signed_by));
      if (request->signer_name != NULL && *request->signer_name != '\0')
        add_row_take (build, _("Signed for the applicant by"),
                      g_strdup_printf ("%s (%s)", request->signer_name,
                                       request->signer_relation ? request->signer_relation : "—"));
      add_row_take (build, _("Submitted on"), day (build, request->submitted_on));
      add_row_take (build, _("Reply expected by"), day (build, request->due_on));
      build_documents (build, request);
      build_referrals (build, request);
      add_row_take (build, _("Decided"), done (build, request->decided_at, request->decided_by));
      add_row (build, _("Decision reasons"), request->decision_reason);
      build_services (build, request);
      add_row_take (build, _("Registered"), day (build, request->registered_at));
      add_row_take (build, _("Closed"), day (build, request->closed_at));
      add_row (build, _("Why it was closed"), request->close_reason);
    }
}

static void
build_scans (Build *build)
{
  GPtrArray *requests = build->file->requests;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  add (build, PART_SECTION, NULL, g_strdup (_("Scans Held")));
  add (build, PART_NOTE, NULL, g_strdup (_("The scanned documents themselves are in the JSON file exported with "
                                           "this one, under their fingerprint (SHA-256).")));
  g_array_index (build->parts, Part, build->parts->len - 1).latin = TRUE;
  for (guint i = 0; i < requests->len; i++)
    {
      RifqRequest *request = g_ptr_array_index (requests, i);

      for (guint d = 0; request->documents != NULL && d < request->documents->len; d++)
        {
          RifqDocument *document = g_ptr_array_index (request->documents, d);

          for (guint s = 0; document->scans != NULL && s < document->scans->len; s++)
            {
              RifqScan *scan = g_ptr_array_index (document->scans, s);
              g_autofree char *size = g_format_size ((guint64) MAX (scan->size, 0));
              Part part = { PART_ROW, NULL, NULL, TRUE, FALSE };

              if (!g_hash_table_add (seen, scan->sha256))
                continue;
              part.label = g_strdup (scan->name);
              part.text = g_strdup_printf ("%s · %s · %s", scan->mime ? scan->mime : "—", size, scan->sha256);
              g_array_append_val (build->parts, part);
            }
        }
    }
  if (g_hash_table_size (seen) == 0)
    add (build, PART_NOTE, NULL, g_strdup (_("No scan is held.")));
}

static void
build_log (Build *build)
{
  GPtrArray *entries = build->file->entries;

  add (build, PART_SECTION, NULL, g_strdup (_("The Audit Log")));
  add (build, PART_NOTE, NULL, g_strdup (_("Every change recorded about the person, their consents and their requests, "
                                           "the oldest first, with who made it and when.")));
  for (guint i = 0; i < entries->len; i++)
    {
      RifqAuditEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(GPtrArray) changes = rifq_audit_entry_changes (entry);
      g_autofree char *when = day (build, entry->at);

      add (build, PART_ITEM, NULL,
           g_strdup_printf (_("%s — %s %s, by %s"), when ? when : "—", rifq_audit_action_label (entry->record_kind, entry->action),
                            rifq_audit_kind_label (entry->record_kind),
                            entry->actor_name ? entry->actor_name : entry->actor));
      for (guint c = 0; c < changes->len; c++)
        {
          RifqAuditChange *change = g_ptr_array_index (changes, c);
          const char *label = rifq_audit_member_label (entry->record_kind, change->member);
          Part part = { PART_ROW, g_strdup (label), NULL, FALSE, FALSE };

          /* What was recorded new is said as it is; a change, each side isolated, so that the
           * arrow reads from before to after in the document's direction whatever the values'
           * scripts. A member no form shows is kept as Rifq wrote it, its digits too. */
          if (change->before == NULL)
            part.text = g_strdup (change->after ? change->after : "—");
          else
            {
              g_autofree char *before = rifq_pdf_isolate_value (change->before);
              g_autofree char *after = rifq_pdf_isolate_value (change->after ? change->after : "—");

              part.text = g_strdup_printf (_("%s → %s"), before, after);
              part.isolated = TRUE;
            }
          part.latin = g_strcmp0 (label, change->member) == 0;
          g_array_append_val (build->parts, part);
        }
      add_row (build, _("Reason"), entry->reason);
    }
}

static void
build_init (Build                *build,
            RifqDb               *db,
            const RifqPersonFile *file)
{
  g_autoptr(GPtrArray) channels = rifq_channel_list (db, NULL);

  build->db = db;
  build->file = file;
  build->digits = rifq_calendar_interface_digits ();
  build->parts = g_array_new (FALSE, TRUE, sizeof (Part));
  g_array_set_clear_func (build->parts, (GDestroyNotify) clear_part);
  build->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  build->channels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; channels != NULL && i < channels->len; i++)
    {
      RifqPolicyItem *item = g_ptr_array_index (channels, i);

      g_hash_table_insert (build->channels, g_strdup (item->code), g_strdup (rifq_policy_item_label (item)));
    }

  build_record (build);
  build_consents (build);
  build_requests (build);
  build_scans (build);
  build_log (build);
}

static void
build_clear (Build *build)
{
  g_clear_pointer (&build->parts, g_array_unref);
  g_clear_pointer (&build->names, g_hash_table_unref);
  g_clear_pointer (&build->channels, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Build, build_clear)

/* Drawing */

static double
draw_footer (RifqPageFlow *flow,
             int           number)
{
  const Painter *painter = flow->data;

  return rifq_page_flow_footer (flow, number, painter->name, painter->title);
}

static void
draw_header (Painter *painter)
{
  RifqPageFlow *flow = &painter->flow;
  double top = flow->y;
  double band_height;
  g_autoptr(PangoLayout) line = NULL;

  band_height = rifq_page_flow_letterhead (flow, LOGO_SIZE, painter->association, SIZE_ASSOCIATION, 0, 0);
  flow->y = top + band_height + 10;
  rifq_page_flow_double_rule (flow, flow->y, 1.4, 0.5, 2.6);
  flow->y += 16;

  rifq_page_flow_centred (flow, painter->title, SIZE_TITLE, TRUE, &rifq_pdf_ink, 6);
  rifq_page_flow_centred (flow, painter->name, SIZE_NAME, TRUE, &rifq_pdf_ink, 4);
  line = rifq_page_flow_text_new (flow, SIZE_LINE, FALSE, flow->width);
  {
    g_autofree char *shown = rifq_pdf_digits (painter->subtitle, flow->digits);

    pango_layout_set_text (line, shown, -1);
    pango_layout_set_alignment (line, PANGO_ALIGN_CENTER);
  }
  rifq_page_flow_show (flow, line, &rifq_pdf_muted, flow->left, flow->y);
  flow->y += rifq_page_flow_height (flow, line) + SECTION_GAP;
}

static PangoLayout *
text_layout (Painter    *painter,
             const char *text,
             double      size,
             gboolean    bold,
             double      width,
             gboolean    latin,
             gboolean    already_isolated)
{
  PangoLayout *layout = rifq_page_flow_text_new (&painter->flow, size, bold, width);
  /* What Rifq wrote for itself (codes, fingerprints, sealed summaries) reads left to right, as
   * written; a person's words take their own direction. */
  g_autofree char *isolated = already_isolated ? g_strdup (text)
                              : latin ? rifq_page_flow_ltr (text)
                              : rifq_pdf_isolate_value (text);
  g_autofree char *shown = latin ? g_strdup (isolated) : rifq_pdf_digits (isolated, painter->flow.digits);

  pango_layout_set_text (layout, shown, -1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (latin)
    {
      /* A paragraph of its own direction, its lines broken left to right, at the column's
       * reading edge. */
      pango_context_set_base_dir (pango_layout_get_context (layout), PANGO_DIRECTION_LTR);
      pango_layout_context_changed (layout);
      pango_layout_set_alignment (layout, rifq_pdf_rtl () ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
    }
  return layout;
}

/* A label in its column at the reading edge (the right of the content: pages of left-to-right
 * documents are drawn turned over) and its value beside it, kept on one page when
 * they fit one; a value longer than a page runs on under its label. */
static void
draw_row (Painter    *painter,
          const Part *part)
{
  RifqPageFlow *flow = &painter->flow;
  double label_width = flow->width * LABEL_SHARE;
  double value_width = flow->width - label_width - COLUMN_GAP;
  g_autoptr(PangoLayout) label = text_layout (painter, part->label ? part->label : "", SIZE_BODY, TRUE,
                                              label_width, FALSE, FALSE);
  g_autoptr(PangoLayout) value = text_layout (painter, part->text, SIZE_BODY, FALSE, value_width, part->latin,
                                                 part->isolated);
  double height = MAX (rifq_page_flow_height (flow, label), rifq_page_flow_height (flow, value));

  if (height > flow->capacity)
    {
      rifq_page_flow_make_room (flow, rifq_page_flow_height (flow, label));
      rifq_page_flow_show (flow, label, &rifq_pdf_muted, flow->right - label_width, flow->y);
      rifq_page_flow_paragraph (flow, value, &rifq_pdf_ink, flow->left);
    }
  else
    {
      rifq_page_flow_make_room (flow, height);
      rifq_page_flow_show (flow, label, &rifq_pdf_muted, flow->right - label_width, flow->y);
      rifq_page_flow_show (flow, value, &rifq_pdf_ink, flow->left, flow->y);
      flow->y += height;
    }
  flow->y += ROW_GAP;
}

/* How much of what follows a heading goes with it onto its page. */
static double
keep_after (Painter *painter,
            guint    index)
{
  const GArray *parts = painter->build->parts;

  if (index + 1 >= parts->len)
    return 0;
  return 3 * (SIZE_BODY * 1.6 + ROW_GAP);
}

static void
paint (gpointer data)
{
  Painter *painter = data;
  RifqPageFlow *flow = &painter->flow;
  const GArray *parts = painter->build->parts;
  gboolean in_section = FALSE;

  flow->pages = 0;
  flow->section = NULL;
  flow->carry = NULL;
  rifq_page_flow_measure (flow, _("The Audit Log"));
  rifq_page_flow_begin_page (flow);
  draw_header (painter);

  for (guint i = 0; i < parts->len; i++)
    {
      const Part *part = &g_array_index (parts, Part, i);

      switch (part->kind)
        {
        case PART_SECTION:
          if (in_section)
            rifq_page_flow_end_section (flow);
          rifq_page_flow_begin_section (flow, part->text, keep_after (painter, i));
          in_section = TRUE;
          break;

        case PART_GROUP:
        case PART_ITEM:
          {
            gboolean item = part->kind == PART_ITEM;
            g_autoptr(PangoLayout) layout = text_layout (painter, part->text, item ? SIZE_ITEM : SIZE_GROUP, TRUE,
                                                         flow->width, FALSE, FALSE);
            double height = rifq_page_flow_height (flow, layout);

            flow->y += item ? ITEM_GAP : ITEM_GAP / 2;
            rifq_page_flow_make_room (flow, height + keep_after (painter, i));
            rifq_page_flow_show (flow, layout, item ? &rifq_pdf_ink : &rifq_pdf_muted, flow->left, flow->y);
            flow->y += height + ROW_GAP;
            if (item)
              rifq_page_flow_rule (flow, &rifq_pdf_rule, 0.5, flow->left, flow->right, flow->y - ROW_GAP / 2);
            flow->y += ROW_GAP;
          }
          break;

        case PART_ROW:
          draw_row (painter, part);
          break;

        case PART_NOTE:
          {
            g_autoptr(PangoLayout) layout = text_layout (painter, part->text, SIZE_BODY, FALSE, flow->width, part->latin,
                                                         FALSE);

            rifq_page_flow_paragraph (flow, layout, &rifq_pdf_muted, flow->left);
            flow->y += ROW_GAP * 2;
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }
  if (in_section)
    rifq_page_flow_end_section (flow);
  rifq_page_flow_end_page (flow);
}

gboolean
rifq_person_pdf_write (RifqDb               *db,
                       const RifqPersonFile *file,
                       const char           *path,
                       GError              **error)
{
  g_auto(Build) build = { 0 };
  g_autoptr(GBytes) logo = NULL;
  g_autoptr(GByteArray) data = NULL;
  g_autofree char *association = NULL;
  g_autofree char *name = NULL;
  g_autofree char *when = NULL;
  g_autofree char *subtitle = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  Painter painter = { 0 };

  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);
  g_return_val_if_fail (file != NULL && file->beneficiary != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  build_init (&build, db, file);
  association = rifq_db_get_setting (db, rifq_locale_is_arabic () ? "association_name_ar" : "association_name_en");
  if (association == NULL || *association == '\0')
    {
      g_free (association);
      association = rifq_db_get_setting (db, "association_name_ar");
    }
  name = rifq_beneficiary_dup_full_name (file->beneficiary);
  when = day (&build, file->exported_at);
  subtitle = g_strdup_printf (_("National ID %s · exported on %s by %s"),
                              rifq_beneficiary_get (file->beneficiary, RIFQ_FIELD_NATIONAL_ID),
                              when ? when : "—", person (&build, file->exported_by));

  data = g_byte_array_new ();
  surface = rifq_pdf_document_new (data, _("Everything the Association Holds About a Beneficiary"), association);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, name);
  cr = cairo_create (surface);
  rifq_pdf_mirror_page (cr);
  rifq_page_flow_init (&painter.flow, cr, MARGIN_SIDE, MARGIN_TOP, MARGIN_BOTTOM);
  painter.flow.digits = build.digits;
  painter.flow.section_gap = SECTION_GAP;
  painter.flow.footer = draw_footer;
  painter.flow.data = &painter;
  logo = rifq_settings_get_logo (db);
  if (logo != NULL)
    painter.flow.logo = rifq_pdf_load_png (g_bytes_get_data (logo, NULL), g_bytes_get_size (logo));
  painter.build = &build;
  painter.association = association ? association : "";
  painter.title = _("Everything the Association Holds About a Beneficiary");
  painter.name = name;
  painter.subtitle = subtitle;

  rifq_page_flow_paint_counted (&painter.flow, paint, &painter);

  g_clear_pointer (&painter.flow.logo, cairo_surface_destroy);
  cairo_destroy (cr);

  return rifq_pdf_document_save (surface, data, path, _("The document could not be drawn: "),
                                 _("The document could not be saved: "), error);
}

gboolean
rifq_person_export_to_folder (RifqDb      *db,
                              gint64       beneficiary_id,
                              const char  *folder,
                              char       **json_path,
                              char       **pdf_path,
                              GError     **error)
{
  g_autoptr(RifqBeneficiary) beneficiary = NULL;
  g_autoptr(RifqPersonFile) file = NULL;
  g_autoptr(JsonNode) everything = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *json = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  gboolean taken[2] = { FALSE, FALSE };
  gboolean written = FALSE;

  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Who may not export is refused before anything about the person is read. */
  if (!rifq_permission_check (db, RIFQ_PERMISSION_EXPORT_PERSON, error))
    return FALSE;
  beneficiary = rifq_beneficiary_store_get (db, beneficiary_id, error);
  if (beneficiary == NULL)
    return FALSE;
  stem = g_strdup_printf ("rifq-%s", rifq_beneficiary_get (beneficiary, RIFQ_FIELD_NATIONAL_ID));
  json = g_strconcat (folder, G_DIR_SEPARATOR_S, stem, ".json", NULL);
  pdf = g_strconcat (folder, G_DIR_SEPARATOR_S, stem, ".pdf", NULL);
  /* Both names taken first, made here and now (never a file or a link already there): an
   * earlier export is the person's copy of another day, and is never written over, even by
   * another export made at the same moment. */
  for (guint i = 0; i < 2; i++)
    {
      const char *path = i == 0 ? json : pdf;
      gboolean there = g_file_test (path, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK);
      int fd = -1;
      int saved = EEXIST;

      if (!there && !rifq_file_check_output (path, FALSE, error))
        break;
      if (!there)
        {
          fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
          saved = errno;
        }
      if (fd < 0)
        {
          if (saved == EEXIST)
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                         _("“%s” is already there, and an earlier export is never written over: move it away or "
                           "choose another folder."), path);
          else
            g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("“%s” cannot be written: %s"), path,
                         g_strerror (saved));
          break;
        }
      close (fd);
      taken[i] = TRUE;
    }

  if (taken[0] && taken[1] && (file = rifq_privacy_collect (db, beneficiary_id, error)) != NULL &&
      (everything = rifq_person_file_to_json (db, file, error)) != NULL)
    {
      text = rifq_json_to_text (everything);
      written = rifq_file_save_private (json, text, strlen (text), error) &&
                rifq_person_pdf_write (db, file, pdf, error);
    }
  if (!written)
    {
      /* Nothing half made is left: only the names this export took are given back. */
      if (taken[0])
        g_unlink (json);
      if (taken[1])
        g_unlink (pdf);
      return FALSE;
    }
  if (json_path != NULL)
    *json_path = g_steal_pointer (&json);
  if (pdf_path != NULL)
    *pdf_path = g_steal_pointer (&pdf);
  return TRUE;
}
