-- AlterTable
ALTER TABLE "Study" ADD COLUMN     "schedule" JSONB NOT NULL DEFAULT '[]';
