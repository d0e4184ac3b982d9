-- Added by hand, no schema change: counter rollup rows for every agency, one procedure each
-- ("agencyId" 0, ALL_AGENCIES in api/src/domain/rollup-contribution.ts), so that a procedure's figures
-- over the province are read from one row per (procedure, day or month, channel) instead of one per
-- agency. Summed here from the rows of each agency; from now on ingestion, ratings and
-- `rollups rebuild` write them like the others. There is no row for every agency and every procedure.
WITH own AS (
  SELECT * FROM "DossierRollup" WHERE "agencyId" <> 0 AND "procedureId" <> 0
),
buckets AS (
  SELECT o.grain, o."procedureId", o.day, o.channel, h.i, sum(h.n)::int AS n
    FROM own o CROSS JOIN LATERAL unnest(o."processingHistogram") WITH ORDINALITY AS h(n, i)
   GROUP BY 1, 2, 3, 4, 5
),
histograms AS (
  SELECT grain, "procedureId", day, channel, array_agg(n ORDER BY i) AS histogram
    FROM buckets
   GROUP BY 1, 2, 3, 4
)
INSERT INTO "DossierRollup" (grain, "agencyId", "procedureId", day, channel, "processingHistogram",
                             "received", "receivedOnTime", "finished", "early", "onTime", "late", "withdrawn", "refused", "stopped", "supplementRequests", "apologies", "processingMinutes", "verySatisfied", "satisfied", "dissatisfied", "ratingLinksIssued", "dislikedOrPetitioned", "earlyRatings", "earlySatisfied", "onTimeRatings", "onTimeSatisfied", "lateRatings", "lateSatisfied")
SELECT o.grain, 0, o."procedureId", o.day, o.channel, coalesce(h.histogram, '{}'::int[]),
       sum(o."received")::int,
       sum(o."receivedOnTime")::int,
       sum(o."finished")::int,
       sum(o."early")::int,
       sum(o."onTime")::int,
       sum(o."late")::int,
       sum(o."withdrawn")::int,
       sum(o."refused")::int,
       sum(o."stopped")::int,
       sum(o."supplementRequests")::int,
       sum(o."apologies")::int,
       sum(o."processingMinutes")::bigint,
       sum(o."verySatisfied")::int,
       sum(o."satisfied")::int,
       sum(o."dissatisfied")::int,
       sum(o."ratingLinksIssued")::int,
       sum(o."dislikedOrPetitioned")::int,
       sum(o."earlyRatings")::int,
       sum(o."earlySatisfied")::int,
       sum(o."onTimeRatings")::int,
       sum(o."onTimeSatisfied")::int,
       sum(o."lateRatings")::int,
       sum(o."lateSatisfied")::int
  FROM own o
  LEFT JOIN histograms h ON h.grain = o.grain AND h."procedureId" = o."procedureId" AND h.day = o.day AND h.channel = o.channel
 GROUP BY o.grain, o."procedureId", o.day, o.channel, h.histogram;
