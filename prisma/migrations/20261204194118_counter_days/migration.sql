-- AlterTable
ALTER TABLE "Dossier" ADD COLUMN     "counterDays" JSONB;

-- Added by hand: supplement requests and apologies now count in the rollups on the day each was made
-- or issued, not on the reception day (docs/statistics.md). At the next start the rollups, emptied
-- here, are rebuilt from the raw rows (api/src/server/start.ts rollupsMissing; requests from the
-- events, apologies from "DueDateChange"), then every dossier is folded again ("openJudgements" NULL,
-- api/src/services/ingestion/refold.ts), which writes "counterDays" and moves the rollups by the difference.
UPDATE "Dossier" SET "openJudgements" = NULL;
DELETE FROM "DossierRollup";
DELETE FROM "DossierIntervalRollup";
