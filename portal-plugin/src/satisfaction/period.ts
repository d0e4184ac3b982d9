// The badge's period: the last 12 months up to today in Asia/Ho_Chi_Minh (docs/api.md "Dates and time
// zones": a Date is a Vietnamese calendar day). The same two days all day long, so the query URL, and
// with it the HTTP cache entry, stays the same for every page view of a day.

const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

const day = (date: Date) => date.toISOString().slice(0, 10);

/** { from: the day after the same day a year ago, to: today }, both included: 12 whole months. */
export function lastTwelveMonths(now: Date = new Date()): { from: string; to: string } {
  const today = new Date(now.getTime() + VIETNAM_OFFSET_MS);
  const start = new Date(Date.UTC(today.getUTCFullYear() - 1, today.getUTCMonth(), today.getUTCDate() + 1));
  // 29 February a year on does not exist: Date.UTC rolls it to 1 March, which then becomes 2 March.
  if (today.getUTCMonth() === 1 && today.getUTCDate() === 29) start.setUTCDate(1);
  return { from: day(start), to: day(today) };
}
