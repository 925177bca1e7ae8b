-- CreateEnum
CREATE TYPE "PollStatus" AS ENUM ('OPEN', 'CLOSED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "GateMetric" ADD VALUE 'OFF_HOURS_LOAD';
ALTER TYPE "GateMetric" ADD VALUE 'ADOPTION';

-- AlterTable
ALTER TABLE "Finding" ADD COLUMN     "ownerId" UUID;

-- CreateTable
CREATE TABLE "FindingTrainingLink" (
    "findingId" UUID NOT NULL,
    "moduleId" UUID NOT NULL,

    CONSTRAINT "FindingTrainingLink_pkey" PRIMARY KEY ("findingId","moduleId")
);

-- CreateTable
CREATE TABLE "ExpertPoll" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "title" TEXT NOT NULL,
    "description" TEXT,
    "status" "PollStatus" NOT NULL DEFAULT 'OPEN',
    "closesOn" DATE,
    "openedById" UUID,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExpertPoll_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExpertCandidate" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "pollId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "nominatedById" UUID,
    "codesDaily" BOOLEAN NOT NULL,
    "curiosity" INTEGER NOT NULL,
    "exploreIdea" TEXT NOT NULL,
    "selected" BOOLEAN NOT NULL DEFAULT false,
    "selectedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExpertCandidate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExpertAllocation" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "timeSharePercent" INTEGER NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "budgetGranted" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "budgetSpent" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "codeBase" TEXT NOT NULL,
    "signedOffById" UUID,
    "signedOffAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExpertAllocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExpertFeedPost" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "authorId" UUID,
    "body" TEXT NOT NULL,
    "moduleId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExpertFeedPost_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TeamReadiness" (
    "teamId" UUID NOT NULL,
    "learningHoursPerWeek" DECIMAL(5,2) NOT NULL DEFAULT 0,
    "commitmentsRelaxed" BOOLEAN NOT NULL DEFAULT false,
    "commitmentsNote" TEXT,
    "updatedById" UUID,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TeamReadiness_pkey" PRIMARY KEY ("teamId")
);

-- CreateTable
CREATE TABLE "CohortControlTeam" (
    "cohortId" UUID NOT NULL,
    "teamId" UUID NOT NULL,

    CONSTRAINT "CohortControlTeam_pkey" PRIMARY KEY ("cohortId","teamId")
);

-- CreateTable
CREATE TABLE "StageAdvance" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "phaseId" UUID,
    "fromCohortId" UUID,
    "toCohortId" UUID,
    "teamId" UUID,
    "gateOutcome" TEXT NOT NULL,
    "override" BOOLEAN NOT NULL,
    "reason" TEXT,
    "gate" JSONB NOT NULL,
    "decidedById" UUID,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StageAdvance_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FindingTrainingLink_moduleId_idx" ON "FindingTrainingLink"("moduleId");

-- CreateIndex
CREATE UNIQUE INDEX "ExpertCandidate_pollId_userId_key" ON "ExpertCandidate"("pollId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "ExpertAllocation_userId_key" ON "ExpertAllocation"("userId");

-- CreateIndex
CREATE INDEX "ExpertFeedPost_createdAt_idx" ON "ExpertFeedPost"("createdAt");

-- CreateIndex
CREATE INDEX "CohortControlTeam_teamId_idx" ON "CohortControlTeam"("teamId");

-- CreateIndex
CREATE INDEX "StageAdvance_decidedAt_idx" ON "StageAdvance"("decidedAt");

-- CreateIndex
CREATE INDEX "Finding_phaseId_idx" ON "Finding"("phaseId");

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FindingTrainingLink" ADD CONSTRAINT "FindingTrainingLink_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "Finding"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FindingTrainingLink" ADD CONSTRAINT "FindingTrainingLink_moduleId_fkey" FOREIGN KEY ("moduleId") REFERENCES "TrainingModule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpertPoll" ADD CONSTRAINT "ExpertPoll_openedById_fkey" FOREIGN KEY ("openedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpertCandidate" ADD CONSTRAINT "ExpertCandidate_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "ExpertPoll"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpertCandidate" ADD CONSTRAINT "ExpertCandidate_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpertCandidate" ADD CONSTRAINT "ExpertCandidate_nominatedById_fkey" FOREIGN KEY ("nominatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpertAllocation" ADD CONSTRAINT "ExpertAllocation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpertAllocation" ADD CONSTRAINT "ExpertAllocation_signedOffById_fkey" FOREIGN KEY ("signedOffById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpertFeedPost" ADD CONSTRAINT "ExpertFeedPost_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpertFeedPost" ADD CONSTRAINT "ExpertFeedPost_moduleId_fkey" FOREIGN KEY ("moduleId") REFERENCES "TrainingModule"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamReadiness" ADD CONSTRAINT "TeamReadiness_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamReadiness" ADD CONSTRAINT "TeamReadiness_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CohortControlTeam" ADD CONSTRAINT "CohortControlTeam_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CohortControlTeam" ADD CONSTRAINT "CohortControlTeam_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageAdvance" ADD CONSTRAINT "StageAdvance_phaseId_fkey" FOREIGN KEY ("phaseId") REFERENCES "RolloutPhase"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageAdvance" ADD CONSTRAINT "StageAdvance_fromCohortId_fkey" FOREIGN KEY ("fromCohortId") REFERENCES "Cohort"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageAdvance" ADD CONSTRAINT "StageAdvance_toCohortId_fkey" FOREIGN KEY ("toCohortId") REFERENCES "Cohort"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageAdvance" ADD CONSTRAINT "StageAdvance_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageAdvance" ADD CONSTRAINT "StageAdvance_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: rules of the rollout planner that the database keeps as well as lib/rollout.
-- (Triggers rather than CHECK constraints: Prisma's schema describer cannot read CHECK constraints.)

-- A team or person is in at most one active stage: at most one open membership each. Race-safe
-- (two concurrent inserts cannot both pass a unique index); closing a cohort closes its memberships.
CREATE UNIQUE INDEX "CohortMembership_open_team_key" ON "CohortMembership"("teamId") WHERE "leftOn" IS NULL AND "teamId" IS NOT NULL;
CREATE UNIQUE INDEX "CohortMembership_open_user_key" ON "CohortMembership"("userId") WHERE "leftOn" IS NULL AND "userId" IS NOT NULL;

CREATE OR REPLACE FUNCTION rollout_close_memberships() RETURNS trigger AS $$
BEGIN
  IF OLD.active AND NOT NEW.active THEN
    UPDATE "CohortMembership" SET "leftOn" = GREATEST("joinedOn", COALESCE(NEW."endedOn", CURRENT_DATE))
    WHERE "cohortId" = NEW.id AND "leftOn" IS NULL;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER cohort_close_memberships AFTER UPDATE OF active ON "Cohort"
  FOR EACH ROW EXECUTE FUNCTION rollout_close_memberships();

-- A membership is a whole team or one person; it ends after it starts; an open one only in an active cohort.
CREATE OR REPLACE FUNCTION rollout_membership_check() RETURNS trigger AS $$
BEGIN
  IF (NEW."teamId" IS NULL) = (NEW."userId" IS NULL) THEN
    RAISE EXCEPTION 'a cohort membership is a team or a person' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."leftOn" IS NOT NULL AND NEW."leftOn" < NEW."joinedOn" THEN
    RAISE EXCEPTION 'a membership cannot end before it starts' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."leftOn" IS NULL AND NOT EXISTS (SELECT 1 FROM "Cohort" c WHERE c.id = NEW."cohortId" AND c.active) THEN
    RAISE EXCEPTION 'cohort % is not active', NEW."cohortId" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER cohort_membership_check BEFORE INSERT OR UPDATE ON "CohortMembership"
  FOR EACH ROW EXECUTE FUNCTION rollout_membership_check();

CREATE OR REPLACE FUNCTION rollout_value_checks() RETURNS trigger AS $$
BEGIN
  IF TG_TABLE_NAME = 'ExpertAllocation' THEN
    IF NEW."timeSharePercent" NOT BETWEEN 0 AND 100 THEN RAISE EXCEPTION 'time share must be 0-100 %%' USING ERRCODE = 'check_violation'; END IF;
    IF NEW."endsOn" <= NEW."startsOn" THEN RAISE EXCEPTION 'an allocation must end after it starts' USING ERRCODE = 'check_violation'; END IF;
    IF NEW."budgetGranted" < 0 OR NEW."budgetSpent" < 0 THEN RAISE EXCEPTION 'budget cannot be negative' USING ERRCODE = 'check_violation'; END IF;
  ELSIF TG_TABLE_NAME = 'ExpertCandidate' THEN
    IF NEW."curiosity" NOT BETWEEN 1 AND 5 THEN RAISE EXCEPTION 'curiosity is 1-5' USING ERRCODE = 'check_violation'; END IF;
  ELSIF TG_TABLE_NAME = 'TeamReadiness' THEN
    IF NEW."learningHoursPerWeek" NOT BETWEEN 0 AND 40 THEN RAISE EXCEPTION 'learning hours must be 0-40' USING ERRCODE = 'check_violation'; END IF;
  ELSIF TG_TABLE_NAME IN ('RolloutPhase') THEN
    IF NEW."plannedEnd" <= NEW."plannedStart" THEN RAISE EXCEPTION 'a phase must end after it starts' USING ERRCODE = 'check_violation'; END IF;
  ELSIF TG_TABLE_NAME IN ('RolloutPlan') THEN
    IF NEW."endsOn" <= NEW."startsOn" THEN RAISE EXCEPTION 'a plan must end after it starts' USING ERRCODE = 'check_violation'; END IF;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER expert_allocation_checks BEFORE INSERT OR UPDATE ON "ExpertAllocation" FOR EACH ROW EXECUTE FUNCTION rollout_value_checks();
CREATE TRIGGER expert_candidate_checks BEFORE INSERT OR UPDATE ON "ExpertCandidate" FOR EACH ROW EXECUTE FUNCTION rollout_value_checks();
CREATE TRIGGER team_readiness_checks BEFORE INSERT OR UPDATE ON "TeamReadiness" FOR EACH ROW EXECUTE FUNCTION rollout_value_checks();
CREATE TRIGGER rollout_phase_checks BEFORE INSERT OR UPDATE ON "RolloutPhase" FOR EACH ROW EXECUTE FUNCTION rollout_value_checks();
CREATE TRIGGER rollout_plan_checks BEFORE INSERT OR UPDATE ON "RolloutPlan" FOR EACH ROW EXECUTE FUNCTION rollout_value_checks();
