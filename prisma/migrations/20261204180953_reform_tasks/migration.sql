-- CreateEnum
CREATE TYPE "ReformTaskStatus" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'CANCELLED');

-- AlterEnum
ALTER TYPE "ApiScope" ADD VALUE 'REFORM';

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'REFORM_MONITOR';

-- CreateTable
CREATE TABLE "ReformTask" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "document" TEXT,
    "documentDate" DATE,
    "agencyId" INTEGER NOT NULL,
    "ownerAgencyId" INTEGER NOT NULL,
    "deadline" DATE NOT NULL,
    "status" "ReformTaskStatus" NOT NULL DEFAULT 'NOT_STARTED',
    "progressPercent" INTEGER NOT NULL DEFAULT 0,
    "completedOn" DATE,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReformTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReformTaskReport" (
    "id" SERIAL NOT NULL,
    "taskId" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "status" "ReformTaskStatus" NOT NULL,
    "progressPercent" INTEGER NOT NULL,
    "note" TEXT,
    "evidenceUrl" TEXT,
    "evidenceRef" TEXT,

    CONSTRAINT "ReformTaskReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReformTask_agencyId_deadline_idx" ON "ReformTask"("agencyId", "deadline");

-- CreateIndex
CREATE INDEX "ReformTask_ownerAgencyId_deadline_idx" ON "ReformTask"("ownerAgencyId", "deadline");

-- CreateIndex
CREATE INDEX "ReformTask_year_deadline_idx" ON "ReformTask"("year", "deadline");

-- CreateIndex
CREATE INDEX "ReformTaskReport_taskId_at_idx" ON "ReformTaskReport"("taskId", "at");

-- AddForeignKey
ALTER TABLE "ReformTask" ADD CONSTRAINT "ReformTask_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReformTask" ADD CONSTRAINT "ReformTask_ownerAgencyId_fkey" FOREIGN KEY ("ownerAgencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReformTaskReport" ADD CONSTRAINT "ReformTaskReport_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "ReformTask"("id") ON DELETE CASCADE ON UPDATE CASCADE;
