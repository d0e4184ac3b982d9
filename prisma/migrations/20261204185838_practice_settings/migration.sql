-- CreateEnum
CREATE TYPE "ComparisonGranularity" AS ENUM ('DAY', 'INSTANT');

-- CreateTable
CREATE TABLE "PracticeSettings" (
    "id" SERIAL NOT NULL,
    "agencyId" INTEGER NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "workingHours" JSONB NOT NULL,
    "sameDayCutoffMinute" INTEGER NOT NULL,
    "comparisonGranularity" "ComparisonGranularity" NOT NULL,
    "evaluationBands" JSONB NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PracticeSettings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PracticeSettings_agencyId_effectiveFrom_key" ON "PracticeSettings"("agencyId", "effectiveFrom");

-- AddForeignKey
ALTER TABLE "PracticeSettings" ADD CONSTRAINT "PracticeSettings_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
