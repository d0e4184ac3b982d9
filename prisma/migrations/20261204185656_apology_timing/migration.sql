-- AlterTable
ALTER TABLE "DueDateChange" ADD COLUMN     "apologyTimely" BOOLEAN;

-- Added by hand: the apologies already recorded, checked as ingestion now checks them
-- (api/src/domain/apology-timing.ts): timely when issued on or before the last working day before
-- the due day it moves, days in Asia/Ho_Chi_Minh; a working day is Monday–Friday unless a
-- CalendarDay row says otherwise (docs/domain.md §3.2).
UPDATE "DueDateChange" c
   SET "apologyTimely" = (c."changedAt" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= (
         SELECT max(d::date)
           FROM generate_series((c."previousDueAt" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date - 366,
                                (c."previousDueAt" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date - 1,
                                interval '1 day') AS d
           LEFT JOIN "CalendarDay" cd ON cd.date = d::date
          WHERE coalesce(cd.working, extract(isodow FROM d) < 6))
 WHERE c.reason = 'APOLOGY' AND c."previousDueAt" IS NOT NULL;
