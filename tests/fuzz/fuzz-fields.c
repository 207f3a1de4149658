/* fuzz-fields.c: what a person types into a field: national ID, mobile, a date in Hijri or
 * Gregorian, a count. The first byte says which field; the rest is what was typed.
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "rifq-calendar.h"
#include "rifq-fuzz.h"
#include "rifq-validate.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *typed = NULL;
  g_autofree char *normalized = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (size == 0)
    return 0;
  typed = rifq_fuzz_text (data + 1, size - 1);

  switch (data[0] % 4)
    {
    case 0:
      ok = rifq_validate_national_id (typed, "National ID", &normalized, &error);
      /* Accepted: ten Latin digits that pass their own check. */
      if (ok)
        g_assert (strlen (normalized) == 10 && rifq_luhn_valid (normalized));
      break;
    case 1:
      ok = rifq_validate_mobile (typed, "Mobile", &normalized, &error);
      if (ok)
        {
          g_autofree char *shown = rifq_validate_format_mobile (normalized);
          g_autofree char *again = NULL;

          /* What is shown is accepted again, as the same number. */
          g_assert (rifq_validate_mobile (shown, "Mobile", &again, NULL));
          g_assert (g_str_equal (again, normalized));
        }
      break;
    case 2:
      {
        GDate day;
        RifqCalendarKind kind;

        g_date_clear (&day, 1);
        ok = rifq_calendar_parse (typed, &day, &kind, &error);
        if (ok)
          {
            g_autofree char *iso = rifq_calendar_to_iso (&day);
            GDate back;

            /* A day accepted is a real day, written and read back as itself. */
            g_assert (g_date_valid (&day));
            g_date_clear (&back, 1);
            g_assert (rifq_calendar_from_iso (iso, &back));
            g_assert (g_date_compare (&day, &back) == 0);
          }
        break;
      }
    default:
      {
        gint64 count = 0;

        ok = rifq_validate_count (typed, "Household size", 100, &count, &error);
        if (ok)
          g_assert (count >= 0 && count <= 100);
        break;
      }
    }
  /* Refused with a sentence, or accepted without one. */
  g_assert (ok == (error == NULL));
  return 0;
}
