-- CreateTable
CREATE TABLE "ChatMessageImage" (
    "messageId" INTEGER NOT NULL,
    "uploadId" UUID NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "ChatMessageImage_pkey" PRIMARY KEY ("messageId","position")
);

-- CreateIndex
CREATE UNIQUE INDEX "ChatMessageImage_uploadId_key" ON "ChatMessageImage"("uploadId");

-- AddForeignKey
ALTER TABLE "ChatMessageImage" ADD CONSTRAINT "ChatMessageImage_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "ChatMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChatMessageImage" ADD CONSTRAINT "ChatMessageImage_uploadId_fkey" FOREIGN KEY ("uploadId") REFERENCES "Upload"("id") ON DELETE CASCADE ON UPDATE CASCADE;
