-- CreateTable
CREATE TABLE "ChatPin" (
    "messageId" INTEGER NOT NULL,
    "roomId" INTEGER NOT NULL,
    "pinnedById" UUID,
    "pinnedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChatPin_pkey" PRIMARY KEY ("messageId")
);

-- CreateIndex
CREATE INDEX "ChatPin_roomId_pinnedAt_idx" ON "ChatPin"("roomId", "pinnedAt");

-- CreateIndex
CREATE INDEX "ChatPin_pinnedById_idx" ON "ChatPin"("pinnedById");

-- AddForeignKey
ALTER TABLE "ChatPin" ADD CONSTRAINT "ChatPin_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "ChatMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChatPin" ADD CONSTRAINT "ChatPin_pinnedById_fkey" FOREIGN KEY ("pinnedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
