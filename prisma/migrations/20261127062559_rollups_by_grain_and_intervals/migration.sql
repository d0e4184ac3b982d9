/*
  Warnings:

  - The primary key for the `DossierRollup` table will be changed. If it partially fails, the table could be left without primary key constraint.
  - You are about to drop the `RatingRollup` table. If the table is not empty, all the data it contains will be lost.
  - Added the required column `grain` to the `DossierRollup` table without a default value. This is not possible if the table is not empty.

*/
-- Added by hand: rollups are derived data. Empty them so the new key can be added; the API
-- rebuilds them from the raw rows at start when it finds dossiers without rollups.
TRUNCATE "DossierRollup";

-- CreateEnum
CREATE TYPE "RollupGrain" AS ENUM ('DAY', 'MONTH');

-- CreateEnum
CREATE TYPE "DossierIntervalKind" AS ENUM ('IN_TIME_NOT_ON_TIME', 'OVERDUE_LATE', 'OVERDUE_ON_TIME');

-- DropForeignKey
ALTER TABLE "DossierRollup" DROP CONSTRAINT "DossierRollup_agencyId_fkey";

-- DropForeignKey
ALTER TABLE "DossierRollup" DROP CONSTRAINT "DossierRollup_procedureId_fkey";

-- DropForeignKey
ALTER TABLE "RatingRollup" DROP CONSTRAINT "RatingRollup_agencyId_fkey";

-- DropForeignKey
ALTER TABLE "RatingRollup" DROP CONSTRAINT "RatingRollup_procedureId_fkey";

-- DropIndex
DROP INDEX "DossierRollup_day_idx";

-- DropIndex
DROP INDEX "DossierRollup_procedureId_day_idx";

-- AlterTable
ALTER TABLE "Dossier" ADD COLUMN     "hasPetition" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "rating" "RatingLevel",
ADD COLUMN     "ratingLinkIssued" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "supplementPendingSince" TIMESTAMPTZ(3),
ADD COLUMN     "timelinessDueAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "DossierRollup" DROP CONSTRAINT "DossierRollup_pkey",
ADD COLUMN     "dislikedOrPetitioned" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "dissatisfied" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "grain" "RollupGrain" NOT NULL,
ADD COLUMN     "ratingLinksIssued" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "receivedOnTime" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "satisfied" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "verySatisfied" INTEGER NOT NULL DEFAULT 0,
ADD CONSTRAINT "DossierRollup_pkey" PRIMARY KEY ("grain", "agencyId", "procedureId", "day", "channel");

-- DropTable
DROP TABLE "RatingRollup";

-- CreateTable
CREATE TABLE "DossierIntervalRollup" (
    "kind" "DossierIntervalKind" NOT NULL,
    "agencyId" INTEGER NOT NULL,
    "procedureId" INTEGER NOT NULL,
    "receivedDay" DATE NOT NULL,
    "fromDay" DATE NOT NULL,
    "toDay" DATE NOT NULL,
    "dossiers" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DossierIntervalRollup_pkey" PRIMARY KEY ("kind","agencyId","procedureId","receivedDay","fromDay","toDay")
);

-- CreateIndex
CREATE INDEX "DossierRollup_grain_procedureId_day_idx" ON "DossierRollup"("grain", "procedureId", "day");

-- CreateIndex
CREATE INDEX "DossierRollup_grain_day_idx" ON "DossierRollup"("grain", "day");

-- Added by hand (not expressible in schema.prisma):
-- rows of DossierIntervalRollup covering a day are found through the range, without a scan.
CREATE INDEX "DossierIntervalRollup_range_idx" ON "DossierIntervalRollup" USING gist (daterange("fromDay", "toDay", '[]'));

-- Element-wise sum of two histograms (either may be shorter or empty), for rollup upserts.
CREATE OR REPLACE FUNCTION rollup_add_histograms(a integer[], b integer[]) RETURNS integer[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(coalesce(a[i], 0) + coalesce(b[i], 0) ORDER BY i), '{}')
  FROM generate_series(1, greatest(coalesce(array_length(a, 1), 0), coalesce(array_length(b, 1), 0))) AS i
$$;

-- Sum of histograms over rows, for statistics read from rollups.
CREATE AGGREGATE rollup_histogram_sum(integer[]) (
  SFUNC = rollup_add_histograms,
  STYPE = integer[],
  INITCOND = '{}'
);
