-- AlterTable
ALTER TABLE "PulseSurvey" ADD COLUMN     "audienceCohortIds" UUID[] DEFAULT ARRAY[]::UUID[],
ADD COLUMN     "audienceStages" "Stage"[] DEFAULT ARRAY[]::"Stage"[],
ADD COLUMN     "audienceTeamIds" UUID[] DEFAULT ARRAY[]::UUID[];
