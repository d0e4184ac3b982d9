-- DropIndex
DROP INDEX "Dossier_agencyId_endedAt_idx";

-- DropIndex
DROP INDEX "Dossier_procedureId_receivedAt_idx";

-- DropIndex
DROP INDEX "Dossier_status_dueAt_idx";

-- DropIndex
DROP INDEX "DossierRollup_grain_day_idx";

-- Added by hand: the initial due date is Dossier."initialDueAt"; the history keeps the changes.
DELETE FROM "DueDateChange" WHERE reason = 'INITIAL';
