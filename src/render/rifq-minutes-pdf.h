/* rifq-minutes-pdf.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rifq-pdf.h"

#include "rifq-calendar.h"

G_BEGIN_DECLS

/* A member of the research committee as the minutes list them. */
typedef struct
{
  const char *name;     /* full name */
  const char *role;     /* already translated: "رئيس اللجنة" / "عضو" */
  gboolean    present;
  gboolean    chair;    /* signs the minutes as chair; when no member is marked, the first is the chair */
} RifqMinutesMember;

/* One member's vote on one request. */
typedef struct
{
  const char *name;
  const char *vote;     /* translated: "قبول" / "رفض" / "تأجيل" */
  const char *amount;   /* formatted ("١٬٥٠٠ ريال"), or NULL */
  const char *note;     /* or NULL */
} RifqMinutesVote;

/* One request on the meeting's agenda, with its votes and the committee's decision. */
typedef struct
{
  const char            *request_number;    /* "1448/0007" */
  const char            *beneficiary_name;
  const char            *kind;              /* kind of support, translated */
  const RifqMinutesVote *votes;
  guint                  n_votes;
  const char            *tally;             /* the core's sentence on the votes, translated */
  const char            *decision;          /* "قبول" / "رفض" / "تأجيل", or NULL when not decided at this meeting */
  const char            *amount;            /* formatted, or NULL */
  const char            *reasons;           /* or NULL */
} RifqMinutesCase;

/* The minutes of one meeting of the research committee (محضر اجتماع لجنة البحث). Every text
 * arrives ready to print, in the interface language; the minutes only write their headings
 * and fixed labels. */
typedef struct
{
  const char              *association_name;  /* "جمعية رحماء لرعاية كبار السن" */
  const guchar            *logo_png;          /* PNG bytes, or NULL for none */
  gsize                    logo_png_len;
  const char              *title;             /* "محضر اجتماع لجنة البحث" */
  const char              *meeting_line;      /* number, Hijri and Gregorian date, place */
  const char              *quorum_line;       /* "حضر ٤ من ٥ أعضاء؛ النصاب مكتمل." */
  const char              *rule_line;         /* the decision rule in force, from the settings */
  const RifqMinutesMember *members;           /* the whole committee, present or not */
  guint                    n_members;
  const RifqMinutesCase   *cases;             /* the agenda, in order */
  guint                    n_cases;
  RifqDigits               digits;            /* for the numbers the minutes write: items, pages */
  RifqPdfSeal              seal;              /* the seal it carries (all NULL for none) */
  const char              *notice;            /* printed in red under the title: a draft, or not genuine; or NULL */
} RifqMinutes;

/* Writes the minutes as an A4 PDF at path, in the interface's direction: the members and the quorum, then
 * each request with its votes, the tally and the decision, then a signature line for every
 * member present and one for the chair. Tables break between rows onto further pages under a
 * "(continued)" heading; every page has "Page n of m" at its foot. A file already at path is
 * replaced only once the whole document is written. On failure the error is in G_IO_ERROR,
 * with a sentence in the interface language. */
gboolean rifq_minutes_pdf_write (const RifqMinutes  *minutes,
                                 const char         *path,
                                 GError            **error);

G_END_DECLS
