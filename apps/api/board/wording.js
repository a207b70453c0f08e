/** How the board words the API's values for a reader. */

export const LIFECYCLE_LABELS = { open: 'Open', active: 'Active', stalled: 'Stalled', concluded: 'Concluded' };

export const CEASEFIRE_LABELS = { none: 'None', agreed: 'Agreed', in_effect: 'In effect', violated: 'Violated', ended: 'Ended', collapsed: 'Collapsed' };

export const CONFIDENCE_LABELS = { confirmed: 'Confirmed', reported: 'Reported', rumoured: 'Rumoured', denied: 'Denied' };

/** A claim's stance over its sources; `asserted` (no source denies it) goes without saying. */
export const STANCE_LABELS = { denied: 'Denied', disputed: 'Disputed' };

export const CONFLICT_LABELS = { dates: 'Conflicting dates', counts: 'Conflicting counts' };

/** `MeetingHeld` → `Meeting held`. */
export const claimTypeLabel = (type) => type.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/ (\w)/g, (_, letter) => ` ${letter.toLowerCase()}`);

const number = new Intl.NumberFormat('en-GB');

/** A count as sources give it: `33`, or `1,900 (1,800–2,000)` when they disagree. */
export function rangeText({ best, low, high }) {
  if (low === high && best === low) return number.format(best);
  return `${number.format(best)} (${number.format(low)}–${number.format(high)})`;
}

export const countText = (count) => number.format(count);

const FORMATS = {
  exact: new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }),
  day: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
  month: new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  year: new Intl.DateTimeFormat('en-GB', { year: 'numeric', timeZone: 'UTC' }),
};

/** A claim's date no more precise than its claim: "in August 2021" stays a month. */
export function claimDateText(value, precision = 'day') {
  if (!value) return '—';
  return (FORMATS[precision] ?? FORMATS.day).format(new Date(value));
}

/** A range no more precise than its claim, its shared parts said once: "24–30 Nov 2023". */
export function claimPeriodText(from, until, precision = 'day') {
  if (!until) return claimDateText(from, precision);
  return (FORMATS[precision] ?? FORMATS.day).formatRange(new Date(from), new Date(until));
}

/** `Doha, QAT`: a place as the claim states it. */
export const placeText = (place) => [place?.city, place?.country].filter(Boolean).join(', ');

const recorded = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });

export const recordedText = (value) => `${recorded.format(new Date(value))} UTC`;
