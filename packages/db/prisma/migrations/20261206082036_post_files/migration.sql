-- CreateTable
CREATE TABLE "PostFile" (
    "postId" INTEGER NOT NULL,
    "uploadId" UUID NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "PostFile_pkey" PRIMARY KEY ("postId","position")
);

-- CreateIndex
CREATE UNIQUE INDEX "PostFile_uploadId_key" ON "PostFile"("uploadId");

-- AddForeignKey
ALTER TABLE "PostFile" ADD CONSTRAINT "PostFile_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostFile" ADD CONSTRAINT "PostFile_uploadId_fkey" FOREIGN KEY ("uploadId") REFERENCES "Upload"("id") ON DELETE CASCADE ON UPDATE CASCADE;
