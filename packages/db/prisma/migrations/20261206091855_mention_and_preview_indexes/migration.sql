-- CreateIndex
CREATE INDEX "Notification_recipientId_roomId_id_idx" ON "Notification"("recipientId", "roomId", "id");

-- CreateIndex
CREATE INDEX "ChatMessage_previewUrl_idx" ON "ChatMessage"("previewUrl");
