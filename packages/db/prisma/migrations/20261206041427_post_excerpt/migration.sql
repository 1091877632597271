-- AlterTable
ALTER TABLE "Post" ADD COLUMN     "excerpt" TEXT;
