/* rifq-signature-pad.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rifq-signature.h"

G_BEGIN_DECLS

#define RIFQ_TYPE_SIGNATURE_PAD (rifq_signature_pad_get_type ())
G_DECLARE_FINAL_TYPE (RifqSignaturePad, rifq_signature_pad, RIFQ, SIGNATURE_PAD, GtkWidget)

/* Where the applicant signs with a pen, a finger or the mouse. The ink's width follows the
 * pen's pressure; mouse and touch, which report none, draw as a pen pressed normally (0.6).
 * A signature made on a pad of another size is shown scaled to fit, never mirrored.
 * "changed" is emitted when a stroke ends, and on clear and set. */

/* What is on the pad, never NULL. The first stroke on an empty pad starts a new signature the
 * size of the pad, so fetch it again after "changed" rather than keeping it. */
RifqSignature *rifq_signature_pad_get_signature (RifqSignaturePad *self);
/* Shows a saved signature; strokes drawn next are added to it. NULL clears the pad. */
void           rifq_signature_pad_set_signature (RifqSignaturePad *self,
                                                 RifqSignature    *signature);
void           rifq_signature_pad_clear         (RifqSignaturePad *self);

G_END_DECLS
