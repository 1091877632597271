-- AlterTable
ALTER TABLE "Upload" ADD COLUMN     "fileKind" TEXT,
ADD COLUMN     "name" TEXT;

-- CreateTable
CREATE TABLE "ChatMessageFile" (
    "messageId" INTEGER NOT NULL,
    "uploadId" UUID NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "ChatMessageFile_pkey" PRIMARY KEY ("messageId","position")
);

-- CreateIndex
CREATE UNIQUE INDEX "ChatMessageFile_uploadId_key" ON "ChatMessageFile"("uploadId");

-- AddForeignKey
ALTER TABLE "ChatMessageFile" ADD CONSTRAINT "ChatMessageFile_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "ChatMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChatMessageFile" ADD CONSTRAINT "ChatMessageFile_uploadId_fkey" FOREIGN KEY ("uploadId") REFERENCES "Upload"("id") ON DELETE CASCADE ON UPDATE CASCADE;
