-- The same-day cut-off (docs/domain.md §2.3) becomes versioned content like the time limits it
-- qualifies (§2.4): a dossier keeps the cut-off in force at its reception. Every version of a
-- procedure takes the procedure's current value (until now the only one there was), then the
-- procedure's own column goes.

-- AlterTable
ALTER TABLE "ProcedureVersion" ADD COLUMN     "sameDayCutoffMinute" INTEGER;

UPDATE "ProcedureVersion" v SET "sameDayCutoffMinute" = p."sameDayCutoffMinute"
  FROM "Procedure" p
 WHERE p.id = v."procedureId" AND p."sameDayCutoffMinute" IS NOT NULL;

-- AlterTable
ALTER TABLE "Procedure" DROP COLUMN "sameDayCutoffMinute";
