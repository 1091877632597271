-- AlterTable
ALTER TABLE "ChatRoom" ADD COLUMN     "changeSeq" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "directKey" TEXT,
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'study',
ADD COLUMN     "lastMessageAt" TIMESTAMPTZ(3),
ADD COLUMN     "messageSeq" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "ChatMember" ADD COLUMN     "hiddenUpToSeq" INTEGER,
ADD COLUMN     "lastReadSeq" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "ChatMessage" (
    "id" SERIAL NOT NULL,
    "roomId" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "changeSeq" INTEGER NOT NULL,
    "authorId" UUID,
    "clientId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "editedAt" TIMESTAMPTZ(3),
    "deletedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ChatMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ChatMessage_roomId_seq_key" ON "ChatMessage"("roomId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "ChatMessage_roomId_changeSeq_key" ON "ChatMessage"("roomId", "changeSeq");

-- CreateIndex
CREATE UNIQUE INDEX "ChatMessage_roomId_clientId_key" ON "ChatMessage"("roomId", "clientId");

-- CreateIndex
CREATE UNIQUE INDEX "ChatRoom_directKey_key" ON "ChatRoom"("directKey");

-- AddForeignKey
ALTER TABLE "ChatMessage" ADD CONSTRAINT "ChatMessage_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "ChatRoom"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChatMessage" ADD CONSTRAINT "ChatMessage_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
