-- AlterTable
ALTER TABLE "User" ADD COLUMN     "notificationsPausedUntil" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "ChatMember" ADD COLUMN     "muted" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "userId" UUID NOT NULL,
    "category" TEXT NOT NULL,
    "inApp" BOOLEAN NOT NULL DEFAULT true,
    "desktop" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("userId","category")
);

-- AddForeignKey
ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Only the categories the product knows (the API validates them too).
ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_category_check"
  CHECK ("category" IN ('follows', 'likes', 'comments', 'replies', 'mentions', 'studies', 'chat'));
