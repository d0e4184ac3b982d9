import type pg from 'pg';

/**
 * The rollup tables in a comparable form: counter rows that carry something (all-zero rows are what
 * incremental updates leave behind and a rebuild does not write), processing minutes as numbers, an
 * all-zero histogram as empty. Used to prove that a rebuild from the raw rows equals the
 * incremental rollups.
 */
export async function rollupSnapshot(pool: pg.Pool) {
  const counters = await pool.query(
    `SELECT * FROM "DossierRollup" ORDER BY grain, "agencyId", "procedureId", day, channel`,
  );
  const intervals = await pool.query(
    `SELECT * FROM "DossierIntervalRollup" ORDER BY kind, "agencyId", "procedureId", "receivedDay", "fromDay", "toDay"`,
  );
  const keep = (row: Record<string, unknown>) =>
    Object.entries(row).some(([k, v]) => typeof v === 'number' && !k.endsWith('Id') && v !== 0) ||
    (Array.isArray(row.processingHistogram) && row.processingHistogram.some((v: number) => v !== 0));
  const normal = (row: Record<string, unknown>): Record<string, unknown> => ({
    ...row,
    processingMinutes: Number(row.processingMinutes),
    processingHistogram: ((row.processingHistogram as number[]) ?? []).some((v) => v !== 0)
      ? row.processingHistogram
      : [],
  });
  return { counters: counters.rows.filter(keep).map(normal), intervals: intervals.rows };
}
