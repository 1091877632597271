-- AlterTable
ALTER TABLE "Post" ADD COLUMN     "clientId" UUID;

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "clientId" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "Post_authorId_clientId_key" ON "Post"("authorId", "clientId");

-- CreateIndex
CREATE UNIQUE INDEX "Comment_authorId_clientId_key" ON "Comment"("authorId", "clientId");
