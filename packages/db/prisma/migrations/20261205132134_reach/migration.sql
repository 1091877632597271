-- AlterTable
ALTER TABLE "User" ADD COLUMN     "digest" TEXT NOT NULL DEFAULT 'weekly',
ADD COLUMN     "language" TEXT NOT NULL DEFAULT 'en',
ADD COLUMN     "lastDigestAt" TIMESTAMPTZ(3),
ADD COLUMN     "pushHidesContent" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "unreadMail" TEXT NOT NULL DEFAULT '15m';

-- AlterTable
ALTER TABLE "ChatMember" ADD COLUMN     "mailedUpToSeq" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "RoomSweep" (
    "roomId" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,

    CONSTRAINT "RoomSweep_pkey" PRIMARY KEY ("roomId")
);

-- CreateTable
CREATE TABLE "PushDevice" (
    "id" SERIAL NOT NULL,
    "userId" UUID NOT NULL,
    "endpoint" TEXT NOT NULL,
    "p256dh" TEXT NOT NULL,
    "auth" TEXT NOT NULL,
    "userAgent" TEXT NOT NULL DEFAULT '',
    "sessionId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastPushAt" TIMESTAMPTZ(3),

    CONSTRAINT "PushDevice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PushDevice_endpoint_key" ON "PushDevice"("endpoint");

-- CreateIndex
CREATE INDEX "PushDevice_userId_idx" ON "PushDevice"("userId");

-- CreateIndex
CREATE INDEX "PushDevice_sessionId_idx" ON "PushDevice"("sessionId");

-- AddForeignKey
ALTER TABLE "RoomSweep" ADD CONSTRAINT "RoomSweep_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "ChatRoom"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PushDevice" ADD CONSTRAINT "PushDevice_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PushDevice" ADD CONSTRAINT "PushDevice_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The settings' words, as the contract spells them.
ALTER TABLE "User" ADD CONSTRAINT "User_language_check" CHECK ("language" IN ('en', 'ko'));
ALTER TABLE "User" ADD CONSTRAINT "User_unreadMail_check" CHECK ("unreadMail" IN ('off', '15m', '1h'));
ALTER TABLE "User" ADD CONSTRAINT "User_digest_check" CHECK ("digest" IN ('off', 'daily', 'weekly'));

-- Messages sent before push existed are never pushed or mailed about.
INSERT INTO "RoomSweep" ("roomId", "seq") SELECT id, "messageSeq" FROM "ChatRoom";
UPDATE "ChatMember" m SET "mailedUpToSeq" = r."messageSeq" FROM "ChatRoom" r WHERE r.id = m."roomId";
