// Month labels of the charts and their tables: "10/2026". Pure.

/** "10/2026" for the month of an ISO day ("2026-10-01") or of a Date (in Việt Nam). */
export function monthLabel(month: string | Date): string {
  const iso =
    typeof month === 'string'
      ? month
      : new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(month);
  return `${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
