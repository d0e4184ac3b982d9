-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN     "agencyId" INTEGER;

-- AlterTable
ALTER TABLE "ProcedureVersion" ADD COLUMN     "appliesFrom" TIMESTAMPTZ(3),
ADD COLUMN     "changes" JSONB,
ADD COLUMN     "createdBy" TEXT;

-- AlterTable
ALTER TABLE "Rating" ADD COLUMN     "commentHiddenAt" TIMESTAMPTZ(3),
ADD COLUMN     "commentHiddenBy" TEXT,
ADD COLUMN     "commentHiddenReason" TEXT;

-- CreateIndex
CREATE INDEX "AuditLog_actor_at_idx" ON "AuditLog"("actor", "at");

-- CreateIndex
CREATE INDEX "AuditLog_agencyId_at_idx" ON "AuditLog"("agencyId", "at");
