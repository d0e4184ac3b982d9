-- CreateEnum
CREATE TYPE "AgencyLevel" AS ENUM ('MINISTRY', 'PROVINCE', 'DISTRICT', 'COMMUNE', 'DEPARTMENT');

-- CreateEnum
CREATE TYPE "ImplementingLevel" AS ENUM ('MINISTRY', 'PROVINCE', 'DISTRICT', 'COMMUNE');

-- CreateEnum
CREATE TYPE "OnlineLevel" AS ENUM ('INFO_ONLY', 'PARTIAL', 'FULL');

-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('IN_PERSON', 'ONLINE', 'POSTAL');

-- CreateEnum
CREATE TYPE "TimeUnit" AS ENUM ('HOURS', 'DAYS', 'WORKING_DAYS', 'MONTHS');

-- CreateEnum
CREATE TYPE "CalendarDayKind" AS ENUM ('HOLIDAY', 'SWAP_DAY_OFF', 'COMPENSATORY_DAY_OFF', 'SWAP_WORKDAY', 'OTHER');

-- CreateEnum
CREATE TYPE "DossierStatus" AS ENUM ('SUBMITTED', 'RECEIVED', 'REFUSED', 'PROCESSING', 'SUPPLEMENT_REQUESTED', 'AWAITING_PAYMENT', 'WITHDRAWN', 'STOPPED', 'RESOLVED', 'RETURNED');

-- CreateEnum
CREATE TYPE "Timeliness" AS ENUM ('EARLY', 'ON_TIME', 'LATE', 'IN_PROGRESS_ON_TIME', 'IN_PROGRESS_LATE');

-- CreateEnum
CREATE TYPE "ApplicantType" AS ENUM ('CITIZEN', 'BUSINESS', 'STATE_AGENCY', 'OTHER_ORGANISATION');

-- CreateEnum
CREATE TYPE "EventSource" AS ENUM ('GRAPHQL', 'NATIONAL_SYNC', 'SEED');

-- CreateEnum
CREATE TYPE "DueDateChangeReason" AS ENUM ('INITIAL', 'SUPPLEMENT', 'APOLOGY', 'CORRECTION');

-- CreateEnum
CREATE TYPE "RatingLevel" AS ENUM ('VERY_SATISFIED', 'SATISFIED', 'DISSATISFIED');

-- CreateEnum
CREATE TYPE "QuestionnaireKind" AS ENUM ('QUICK_RATING', 'SIPAS', 'OTHER');

-- CreateEnum
CREATE TYPE "QuestionnaireStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'RETIRED');

-- CreateEnum
CREATE TYPE "SurveyQuestionKind" AS ENUM ('ASSESSMENT', 'SATISFACTION', 'EXPECTATION', 'QUICK');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('SYSTEM_ADMIN', 'UNIT_ADMIN', 'OFFICER', 'VIEWER');

-- CreateEnum
CREATE TYPE "ApiScope" AS ENUM ('READ', 'INGEST', 'ADMIN');

-- CreateTable
CREATE TABLE "Agency" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "searchText" TEXT NOT NULL,
    "shortName" TEXT,
    "level" "AgencyLevel" NOT NULL,
    "parentId" INTEGER,
    "validFrom" DATE,
    "validTo" DATE,
    "successorId" INTEGER,
    "dossierPrefix" TEXT,
    "note" TEXT,
    "source" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Agency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Sector" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Sector_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Procedure" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "variantCode" TEXT,
    "name" TEXT NOT NULL,
    "searchText" TEXT NOT NULL,
    "sectorId" INTEGER NOT NULL,
    "levels" "ImplementingLevel"[],
    "onlineLevel" "OnlineLevel" NOT NULL DEFAULT 'INFO_ONLY',
    "eligibleForFullOnline" BOOLEAN NOT NULL DEFAULT false,
    "sameDayCutoffMinute" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "currentVersionId" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Procedure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProcedureVersion" (
    "id" SERIAL NOT NULL,
    "procedureId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "decisionNumber" TEXT,
    "decisionDate" DATE,
    "effectiveFrom" DATE,
    "effectiveTo" DATE,
    "steps" JSONB,
    "channelsText" TEXT,
    "dossierComponents" JSONB,
    "applicants" TEXT[],
    "implementingText" TEXT,
    "results" TEXT[],
    "forms" JSONB,
    "conditions" TEXT,
    "legalBasis" JSONB,
    "source" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProcedureVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProcedureTimeLimit" (
    "id" SERIAL NOT NULL,
    "procedureId" INTEGER NOT NULL,
    "versionId" INTEGER,
    "channel" "Channel" NOT NULL,
    "value" DECIMAL(8,2) NOT NULL,
    "unit" "TimeUnit" NOT NULL,
    "note" TEXT,
    "unverified" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ProcedureTimeLimit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProcedureFee" (
    "id" SERIAL NOT NULL,
    "procedureId" INTEGER NOT NULL,
    "versionId" INTEGER,
    "channel" "Channel",
    "name" TEXT NOT NULL,
    "amountVnd" INTEGER,
    "note" TEXT,

    CONSTRAINT "ProcedureFee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProcedureAgency" (
    "procedureId" INTEGER NOT NULL,
    "agencyId" INTEGER NOT NULL,

    CONSTRAINT "ProcedureAgency_pkey" PRIMARY KEY ("procedureId","agencyId")
);

-- CreateTable
CREATE TABLE "CalendarDay" (
    "date" DATE NOT NULL,
    "working" BOOLEAN NOT NULL,
    "kind" "CalendarDayKind" NOT NULL DEFAULT 'OTHER',
    "note" TEXT,
    "source" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CalendarDay_pkey" PRIMARY KEY ("date")
);

-- CreateTable
CREATE TABLE "Dossier" (
    "id" BIGSERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "procedureId" INTEGER NOT NULL,
    "agencyId" INTEGER NOT NULL,
    "channel" "Channel" NOT NULL,
    "applicantType" "ApplicantType",
    "status" "DossierStatus" NOT NULL,
    "submittedAt" TIMESTAMPTZ(3),
    "receivedAt" TIMESTAMPTZ(3),
    "dueAt" TIMESTAMPTZ(3),
    "initialDueAt" TIMESTAMPTZ(3),
    "resolvedAt" TIMESTAMPTZ(3),
    "returnedAt" TIMESTAMPTZ(3),
    "endedAt" TIMESTAMPTZ(3),
    "pausedMinutes" INTEGER NOT NULL DEFAULT 0,
    "supplementRequests" INTEGER NOT NULL DEFAULT 0,
    "apologies" INTEGER NOT NULL DEFAULT 0,
    "processingMinutes" INTEGER,
    "timeliness" "Timeliness",
    "paidOnline" BOOLEAN NOT NULL DEFAULT false,
    "lastSequence" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Dossier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DossierEvent" (
    "id" BIGSERIAL NOT NULL,
    "dossierId" BIGINT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "status" "DossierStatus" NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "dueAt" TIMESTAMPTZ(3),
    "apologyRef" TEXT,
    "source" "EventSource" NOT NULL DEFAULT 'GRAPHQL',
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DossierEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DueDateChange" (
    "id" BIGSERIAL NOT NULL,
    "dossierId" BIGINT NOT NULL,
    "reason" "DueDateChangeReason" NOT NULL,
    "previousDueAt" TIMESTAMPTZ(3),
    "newDueAt" TIMESTAMPTZ(3) NOT NULL,
    "apologyRef" TEXT,
    "changedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DueDateChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Petition" (
    "id" BIGSERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "agencyId" INTEGER NOT NULL,
    "dossierId" BIGINT,
    "harassment" BOOLEAN NOT NULL DEFAULT false,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,
    "dueAt" TIMESTAMPTZ(3),
    "resolvedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Petition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RatingLink" (
    "id" BIGSERIAL NOT NULL,
    "dossierId" BIGINT NOT NULL,
    "issuedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RatingLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rating" (
    "id" BIGSERIAL NOT NULL,
    "dossierId" BIGINT NOT NULL,
    "level" "RatingLevel" NOT NULL,
    "comment" TEXT,
    "current" BOOLEAN NOT NULL DEFAULT true,
    "idempotencyKey" TEXT,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "replacedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Rating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Questionnaire" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "kind" "QuestionnaireKind" NOT NULL,
    "name" TEXT NOT NULL,
    "basis" TEXT,
    "status" "QuestionnaireStatus" NOT NULL DEFAULT 'DRAFT',
    "publishedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Questionnaire_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyFactor" (
    "id" SERIAL NOT NULL,
    "questionnaireId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "SurveyFactor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyCriterion" (
    "id" SERIAL NOT NULL,
    "factorId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "SurveyCriterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyScale" (
    "id" SERIAL NOT NULL,
    "questionnaireId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "levels" JSONB NOT NULL,
    "positiveFrom" INTEGER,

    CONSTRAINT "SurveyScale_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyQuestion" (
    "id" SERIAL NOT NULL,
    "questionnaireId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "kind" "SurveyQuestionKind" NOT NULL,
    "text" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "factorId" INTEGER,
    "criterionId" INTEGER,
    "scaleId" INTEGER,
    "options" JSONB,

    CONSTRAINT "SurveyQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyResponse" (
    "id" BIGSERIAL NOT NULL,
    "questionnaireId" INTEGER NOT NULL,
    "agencyId" INTEGER NOT NULL,
    "dossierId" BIGINT,
    "idempotencyKey" TEXT,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SurveyResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyAnswer" (
    "responseId" BIGINT NOT NULL,
    "questionId" INTEGER NOT NULL,
    "value" INTEGER,
    "options" TEXT[],

    CONSTRAINT "SurveyAnswer_pkey" PRIMARY KEY ("responseId","questionId")
);

-- CreateTable
CREATE TABLE "OneStopEvaluationScore" (
    "id" SERIAL NOT NULL,
    "agencyId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "quarter" INTEGER NOT NULL,
    "indicator" INTEGER NOT NULL,
    "selfScore" INTEGER,
    "verifiedScore" INTEGER,
    "note" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "OneStopEvaluationScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DossierRollup" (
    "agencyId" INTEGER NOT NULL,
    "procedureId" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "channel" "Channel" NOT NULL,
    "received" INTEGER NOT NULL DEFAULT 0,
    "finished" INTEGER NOT NULL DEFAULT 0,
    "early" INTEGER NOT NULL DEFAULT 0,
    "onTime" INTEGER NOT NULL DEFAULT 0,
    "late" INTEGER NOT NULL DEFAULT 0,
    "withdrawn" INTEGER NOT NULL DEFAULT 0,
    "refused" INTEGER NOT NULL DEFAULT 0,
    "stopped" INTEGER NOT NULL DEFAULT 0,
    "supplementRequests" INTEGER NOT NULL DEFAULT 0,
    "apologies" INTEGER NOT NULL DEFAULT 0,
    "processingMinutes" BIGINT NOT NULL DEFAULT 0,
    "processingHistogram" INTEGER[] DEFAULT ARRAY[]::INTEGER[],

    CONSTRAINT "DossierRollup_pkey" PRIMARY KEY ("agencyId","procedureId","day","channel")
);

-- CreateTable
CREATE TABLE "RatingRollup" (
    "agencyId" INTEGER NOT NULL,
    "procedureId" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "verySatisfied" INTEGER NOT NULL DEFAULT 0,
    "satisfied" INTEGER NOT NULL DEFAULT 0,
    "dissatisfied" INTEGER NOT NULL DEFAULT 0,
    "linksIssued" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RatingRollup_pkey" PRIMARY KEY ("agencyId","procedureId","day")
);

-- CreateTable
CREATE TABLE "SurveyRollup" (
    "agencyId" INTEGER NOT NULL,
    "questionId" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "value" INTEGER NOT NULL,
    "answers" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SurveyRollup_pkey" PRIMARY KEY ("agencyId","questionId","day","value")
);

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "username" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "email" TEXT,
    "passwordHash" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserRole" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "role" "Role" NOT NULL,
    "agencyId" INTEGER,

    CONSTRAINT "UserRole_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" SERIAL NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "userId" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "scopes" "ApiScope"[],
    "agencyId" INTEGER,
    "rateLimitPerMinute" INTEGER NOT NULL DEFAULT 600,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),
    "lastUsedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT,
    "data" JSONB,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Agency_parentId_idx" ON "Agency"("parentId");

-- CreateIndex
CREATE INDEX "Agency_successorId_idx" ON "Agency"("successorId");

-- CreateIndex
CREATE INDEX "Agency_code_idx" ON "Agency"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Agency_code_validFrom_key" ON "Agency"("code", "validFrom");

-- CreateIndex
CREATE UNIQUE INDEX "Sector_code_key" ON "Sector"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Procedure_code_key" ON "Procedure"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Procedure_currentVersionId_key" ON "Procedure"("currentVersionId");

-- CreateIndex
CREATE INDEX "Procedure_sectorId_idx" ON "Procedure"("sectorId");

-- CreateIndex
CREATE INDEX "Procedure_onlineLevel_idx" ON "Procedure"("onlineLevel");

-- CreateIndex
CREATE UNIQUE INDEX "ProcedureVersion_procedureId_version_key" ON "ProcedureVersion"("procedureId", "version");

-- CreateIndex
CREATE INDEX "ProcedureTimeLimit_procedureId_channel_idx" ON "ProcedureTimeLimit"("procedureId", "channel");

-- CreateIndex
CREATE UNIQUE INDEX "ProcedureTimeLimit_versionId_channel_key" ON "ProcedureTimeLimit"("versionId", "channel");

-- CreateIndex
CREATE INDEX "ProcedureFee_procedureId_idx" ON "ProcedureFee"("procedureId");

-- CreateIndex
CREATE INDEX "ProcedureAgency_agencyId_idx" ON "ProcedureAgency"("agencyId");

-- CreateIndex
CREATE UNIQUE INDEX "Dossier_code_key" ON "Dossier"("code");

-- CreateIndex
CREATE INDEX "Dossier_agencyId_receivedAt_idx" ON "Dossier"("agencyId", "receivedAt");

-- CreateIndex
CREATE INDEX "Dossier_procedureId_receivedAt_idx" ON "Dossier"("procedureId", "receivedAt");

-- CreateIndex
CREATE INDEX "Dossier_agencyId_endedAt_idx" ON "Dossier"("agencyId", "endedAt");

-- CreateIndex
CREATE INDEX "Dossier_status_dueAt_idx" ON "Dossier"("status", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "DossierEvent_dossierId_sequence_key" ON "DossierEvent"("dossierId", "sequence");

-- CreateIndex
CREATE INDEX "DueDateChange_dossierId_idx" ON "DueDateChange"("dossierId");

-- CreateIndex
CREATE UNIQUE INDEX "Petition_code_key" ON "Petition"("code");

-- CreateIndex
CREATE INDEX "Petition_agencyId_receivedAt_idx" ON "Petition"("agencyId", "receivedAt");

-- CreateIndex
CREATE INDEX "Petition_dossierId_idx" ON "Petition"("dossierId");

-- CreateIndex
CREATE INDEX "RatingLink_dossierId_idx" ON "RatingLink"("dossierId");

-- CreateIndex
CREATE UNIQUE INDEX "Rating_idempotencyKey_key" ON "Rating"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Rating_dossierId_idx" ON "Rating"("dossierId");

-- CreateIndex
CREATE UNIQUE INDEX "Questionnaire_code_version_key" ON "Questionnaire"("code", "version");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyFactor_questionnaireId_code_key" ON "SurveyFactor"("questionnaireId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyCriterion_factorId_code_key" ON "SurveyCriterion"("factorId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyScale_questionnaireId_code_key" ON "SurveyScale"("questionnaireId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyQuestion_questionnaireId_code_key" ON "SurveyQuestion"("questionnaireId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyResponse_idempotencyKey_key" ON "SurveyResponse"("idempotencyKey");

-- CreateIndex
CREATE INDEX "SurveyResponse_agencyId_submittedAt_idx" ON "SurveyResponse"("agencyId", "submittedAt");

-- CreateIndex
CREATE INDEX "SurveyResponse_dossierId_idx" ON "SurveyResponse"("dossierId");

-- CreateIndex
CREATE UNIQUE INDEX "OneStopEvaluationScore_agencyId_year_quarter_indicator_key" ON "OneStopEvaluationScore"("agencyId", "year", "quarter", "indicator");

-- CreateIndex
CREATE INDEX "DossierRollup_procedureId_day_idx" ON "DossierRollup"("procedureId", "day");

-- CreateIndex
CREATE INDEX "DossierRollup_day_idx" ON "DossierRollup"("day");

-- CreateIndex
CREATE INDEX "RatingRollup_procedureId_day_idx" ON "RatingRollup"("procedureId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE UNIQUE INDEX "UserRole_userId_role_agencyId_key" ON "UserRole"("userId", "role", "agencyId");

-- CreateIndex
CREATE UNIQUE INDEX "Session_tokenHash_key" ON "Session"("tokenHash");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_prefix_key" ON "ApiKey"("prefix");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- CreateIndex
CREATE INDEX "AuditLog_entity_entityId_idx" ON "AuditLog"("entity", "entityId");

-- AddForeignKey
ALTER TABLE "Agency" ADD CONSTRAINT "Agency_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agency" ADD CONSTRAINT "Agency_successorId_fkey" FOREIGN KEY ("successorId") REFERENCES "Agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Procedure" ADD CONSTRAINT "Procedure_sectorId_fkey" FOREIGN KEY ("sectorId") REFERENCES "Sector"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Procedure" ADD CONSTRAINT "Procedure_currentVersionId_fkey" FOREIGN KEY ("currentVersionId") REFERENCES "ProcedureVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProcedureVersion" ADD CONSTRAINT "ProcedureVersion_procedureId_fkey" FOREIGN KEY ("procedureId") REFERENCES "Procedure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProcedureTimeLimit" ADD CONSTRAINT "ProcedureTimeLimit_procedureId_fkey" FOREIGN KEY ("procedureId") REFERENCES "Procedure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProcedureTimeLimit" ADD CONSTRAINT "ProcedureTimeLimit_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ProcedureVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProcedureFee" ADD CONSTRAINT "ProcedureFee_procedureId_fkey" FOREIGN KEY ("procedureId") REFERENCES "Procedure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProcedureFee" ADD CONSTRAINT "ProcedureFee_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ProcedureVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProcedureAgency" ADD CONSTRAINT "ProcedureAgency_procedureId_fkey" FOREIGN KEY ("procedureId") REFERENCES "Procedure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProcedureAgency" ADD CONSTRAINT "ProcedureAgency_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dossier" ADD CONSTRAINT "Dossier_procedureId_fkey" FOREIGN KEY ("procedureId") REFERENCES "Procedure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dossier" ADD CONSTRAINT "Dossier_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DossierEvent" ADD CONSTRAINT "DossierEvent_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DueDateChange" ADD CONSTRAINT "DueDateChange_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Petition" ADD CONSTRAINT "Petition_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Petition" ADD CONSTRAINT "Petition_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatingLink" ADD CONSTRAINT "RatingLink_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rating" ADD CONSTRAINT "Rating_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyFactor" ADD CONSTRAINT "SurveyFactor_questionnaireId_fkey" FOREIGN KEY ("questionnaireId") REFERENCES "Questionnaire"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyCriterion" ADD CONSTRAINT "SurveyCriterion_factorId_fkey" FOREIGN KEY ("factorId") REFERENCES "SurveyFactor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyScale" ADD CONSTRAINT "SurveyScale_questionnaireId_fkey" FOREIGN KEY ("questionnaireId") REFERENCES "Questionnaire"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyQuestion" ADD CONSTRAINT "SurveyQuestion_questionnaireId_fkey" FOREIGN KEY ("questionnaireId") REFERENCES "Questionnaire"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyQuestion" ADD CONSTRAINT "SurveyQuestion_factorId_fkey" FOREIGN KEY ("factorId") REFERENCES "SurveyFactor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyQuestion" ADD CONSTRAINT "SurveyQuestion_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "SurveyCriterion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyQuestion" ADD CONSTRAINT "SurveyQuestion_scaleId_fkey" FOREIGN KEY ("scaleId") REFERENCES "SurveyScale"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_questionnaireId_fkey" FOREIGN KEY ("questionnaireId") REFERENCES "Questionnaire"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyAnswer" ADD CONSTRAINT "SurveyAnswer_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "SurveyResponse"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyAnswer" ADD CONSTRAINT "SurveyAnswer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "SurveyQuestion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OneStopEvaluationScore" ADD CONSTRAINT "OneStopEvaluationScore_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DossierRollup" ADD CONSTRAINT "DossierRollup_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DossierRollup" ADD CONSTRAINT "DossierRollup_procedureId_fkey" FOREIGN KEY ("procedureId") REFERENCES "Procedure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatingRollup" ADD CONSTRAINT "RatingRollup_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatingRollup" ADD CONSTRAINT "RatingRollup_procedureId_fkey" FOREIGN KEY ("procedureId") REFERENCES "Procedure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyRollup" ADD CONSTRAINT "SurveyRollup_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserRole" ADD CONSTRAINT "UserRole_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserRole" ADD CONSTRAINT "UserRole_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ─── Added by hand (schema.prisma cannot express these) ─────────────────────────────────────────

-- A dossier has at most one current rating; older ones stay with "current" = false.
CREATE UNIQUE INDEX "Rating_one_current_per_dossier" ON "Rating"("dossierId") WHERE "current";

-- Accent-insensitive search ("dang ky" finds "Đăng ký"). Available on PostgreSQL 15 (Debian) and on
-- the embedded PostgreSQL 18; a trusted extension, so the database owner may create it.
CREATE EXTENSION IF NOT EXISTS unaccent;
