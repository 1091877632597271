-- Pending sign-ups now belong to the browser that started them, and the few started
-- before this migration (ten minutes of them) cannot be bound and must start again.
DELETE FROM "PendingSignUp";

-- DropIndex
DROP INDEX "PendingSignUp_email_key";

-- AlterTable
ALTER TABLE "Post" ALTER COLUMN "updatedAt" SET DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "Comment" ALTER COLUMN "updatedAt" SET DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "PendingSignUp" DROP COLUMN "lastSentAt",
ADD COLUMN     "browserSecretHash" BYTEA NOT NULL,
ALTER COLUMN "codeHash" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Study" ALTER COLUMN "updatedAt" SET DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "TrustedDevice" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "secretHash" BYTEA NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrustedDevice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TrustedDevice_userId_idx" ON "TrustedDevice"("userId");

-- CreateIndex
CREATE INDEX "PendingSignUp_email_idx" ON "PendingSignUp"("email");

-- AddForeignKey
ALTER TABLE "TrustedDevice" ADD CONSTRAINT "TrustedDevice_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: the time zone of a study must be one this PostgreSQL knows, or every
-- query that derives a status in it fails. The names it knows are copied into a
-- table and the column points at it with a foreign key (checked only when the
-- column is written, by index). Rows saved before the guard are repaired first.
CREATE TABLE "TimeZoneName" ("name" TEXT PRIMARY KEY);
INSERT INTO "TimeZoneName" ("name") SELECT DISTINCT "name" FROM pg_timezone_names;
UPDATE "Study" SET "timeZone" = 'Asia/Seoul' WHERE "timeZone" NOT IN (SELECT "name" FROM "TimeZoneName");
ALTER TABLE "Study" ADD CONSTRAINT "Study_timeZone_known" FOREIGN KEY ("timeZone") REFERENCES "TimeZoneName"("name");
