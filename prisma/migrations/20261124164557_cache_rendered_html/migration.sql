-- AlterTable
ALTER TABLE "TrainingModuleVersion" ADD COLUMN     "html" TEXT,
ADD COLUMN     "htmlRenderer" INTEGER;
