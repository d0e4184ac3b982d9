-- AlterTable
ALTER TABLE "Dossier" ADD COLUMN     "openJudgements" JSONB;

-- Added by hand: the period-end ranges, the refused counter and the stored timeliness of dossiers
-- waiting for a supplement change meaning (docs/domain.md §3.8, §3.9). Dossiers are folded again at the
-- next start (those with "openJudgements" NULL, api/src/services/ingestion/refold.ts), then the
-- rollups, emptied here, are rebuilt from the raw rows (api/src/server/start.ts rollupsMissing).
DELETE FROM "DossierRollup";
DELETE FROM "DossierIntervalRollup";
