/* rifq-signature.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The version of the JSON form written by rifq_signature_to_json(). */
#define RIFQ_SIGNATURE_VERSION    1
/* Largest width or height of a pad, in pixels. */
#define RIFQ_SIGNATURE_MAX_SIZE   10000
/* Points kept in one signature: more are dropped when drawn and refused when read. */
#define RIFQ_SIGNATURE_MAX_POINTS 100000

/* A point of a stroke in the pad's pixels, y downwards; pressure from 0 to 1. */
typedef struct
{
  double x;
  double y;
  double pressure;
} RifqSignaturePoint;

/* The applicant's signature as drawn on a pad of width × height pixels: strokes of points,
 * each stroke from pen down to pen up. Reference counted; not safe to change from two threads.
 * Coordinates are kept to 0.1 px and pressure to 0.001, so the JSON form is short and reads
 * back to exactly the same numbers. */
typedef struct _RifqSignature RifqSignature;

#define RIFQ_TYPE_SIGNATURE (rifq_signature_get_type ())

GType                     rifq_signature_get_type      (void) G_GNUC_CONST;

RifqSignature            *rifq_signature_new           (double          width,
                                                        double          height);
RifqSignature            *rifq_signature_ref           (RifqSignature  *self);
void                      rifq_signature_unref         (RifqSignature  *self);

double                    rifq_signature_get_width     (RifqSignature  *self);
double                    rifq_signature_get_height    (RifqSignature  *self);

/* Starts a stroke: the points added next belong to it. */
void                      rifq_signature_begin_stroke  (RifqSignature  *self);
/* Adds a point to the last stroke, starting one if there is none. The point is moved inside
 * the pad and the pressure into 0 to 1; a point the same as the one before, or one past
 * RIFQ_SIGNATURE_MAX_POINTS, is not kept. */
void                      rifq_signature_add_point     (RifqSignature  *self,
                                                        double          x,
                                                        double          y,
                                                        double          pressure);

guint                     rifq_signature_get_n_strokes (RifqSignature  *self);
/* Points in all strokes together. */
guint                     rifq_signature_get_n_points  (RifqSignature  *self);
/* The points of stroke i, valid until the signature next changes. */
const RifqSignaturePoint *rifq_signature_get_stroke    (RifqSignature  *self,
                                                        guint           i,
                                                        guint          *n_points);

/* TRUE when no stroke has two points: a tap, or dots alone, is not a signature. */
gboolean                  rifq_signature_is_empty      (RifqSignature  *self);
/* Removes every stroke; the pad's size stays. */
void                      rifq_signature_clear         (RifqSignature  *self);

/* The smallest box holding every point, taps included, without the pen's width; all 0 when
 * there are no points. Any pointer may be NULL. */
void                      rifq_signature_get_bounds    (RifqSignature  *self,
                                                        double         *x0,
                                                        double         *y0,
                                                        double         *x1,
                                                        double         *y1);

/* {"version":1,"width":W,"height":H,"strokes":[[[x,y,p],...],...]} on one line, numbers in
 * their shortest form: rifq_signature_new_from_json() reads back the same values, and writing
 * those gives the same text. */
char                     *rifq_signature_to_json       (RifqSignature  *self);
/* Reads what rifq_signature_to_json() wrote. Refuses, with RIFQ_ERROR_INVALID and a sentence
 * naming the problem: malformed JSON, another version, a size outside 1 to
 * RIFQ_SIGNATURE_MAX_SIZE, a point that is not three numbers, more than 1 px outside the pad or
 * with a pressure outside 0 to 1, more than RIFQ_SIGNATURE_MAX_POINTS points (or strokes), an
 * unknown member.
 * Numbers given more finely are rounded as when drawn. */
RifqSignature            *rifq_signature_new_from_json (const char     *json,
                                                        GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RifqSignature, rifq_signature_unref)

G_END_DECLS
