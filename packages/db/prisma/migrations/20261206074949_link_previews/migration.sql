-- AlterTable
ALTER TABLE "ChatMessage" ADD COLUMN     "previewRemoved" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "previewUrl" TEXT;

-- CreateTable
CREATE TABLE "LinkPreview" (
    "url" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "siteName" TEXT NOT NULL DEFAULT '',
    "imageKey" TEXT,
    "fetchedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LinkPreview_pkey" PRIMARY KEY ("url")
);

-- AddForeignKey
ALTER TABLE "ChatMessage" ADD CONSTRAINT "ChatMessage_previewUrl_fkey" FOREIGN KEY ("previewUrl") REFERENCES "LinkPreview"("url") ON DELETE SET NULL ON UPDATE CASCADE;
