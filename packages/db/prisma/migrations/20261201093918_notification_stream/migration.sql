-- AlterTable
ALTER TABLE "User" ADD COLUMN     "notificationSeq" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "changeSeq" INTEGER NOT NULL DEFAULT 0;

-- Hand-written: number the notifications that exist, oldest change first, per person,
-- and start each person's counter after them (the unique index below needs it).
UPDATE "Notification" n SET "changeSeq" = numbered.seq
FROM (
  SELECT id, row_number() OVER (PARTITION BY "recipientId" ORDER BY "updatedAt", id) AS seq
  FROM "Notification"
) numbered
WHERE n.id = numbered.id;
UPDATE "User" u SET "notificationSeq" = counts.n
FROM (SELECT "recipientId", count(*) AS n FROM "Notification" GROUP BY "recipientId") counts
WHERE u.id = counts."recipientId";

-- CreateIndex
CREATE UNIQUE INDEX "Notification_recipientId_changeSeq_key" ON "Notification"("recipientId", "changeSeq");
