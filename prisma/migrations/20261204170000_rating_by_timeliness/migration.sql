-- AlterTable
ALTER TABLE "DossierRollup" ADD COLUMN     "earlyRatings" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "earlySatisfied" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "lateRatings" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "lateSatisfied" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "onTimeRatings" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "onTimeSatisfied" INTEGER NOT NULL DEFAULT 0;

-- Added by hand: the rollups are derived data and the new counters are not in the old rows. Emptied
-- here, they are rebuilt from the raw rows at the next start (api/src/server/start.ts rollupsMissing).
DELETE FROM "DossierRollup";
DELETE FROM "DossierIntervalRollup";
