-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "meetingId" INTEGER,
ADD COLUMN     "mentorRequestId" INTEGER;

-- CreateTable
CREATE TABLE "MentorProfile" (
    "userId" UUID NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "topics" TEXT[],
    "languages" TEXT[],
    "pitch" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "slots" JSONB NOT NULL,
    "capacity" INTEGER NOT NULL,
    "ratingSum" INTEGER NOT NULL DEFAULT 0,
    "ratingCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MentorProfile_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "MentorRequest" (
    "id" SERIAL NOT NULL,
    "mentorId" UUID NOT NULL,
    "learnerId" UUID NOT NULL,
    "topic" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "lengthMinutes" INTEGER NOT NULL,
    "proposedTimes" TIMESTAMPTZ(3)[],
    "status" TEXT NOT NULL DEFAULT 'open',
    "counterTime" TIMESTAMPTZ(3),
    "place" TEXT,
    "declineNote" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "answeredAt" TIMESTAMPTZ(3),

    CONSTRAINT "MentorRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MentorMeeting" (
    "id" SERIAL NOT NULL,
    "requestId" INTEGER NOT NULL,
    "mentorId" UUID NOT NULL,
    "learnerId" UUID NOT NULL,
    "roomId" INTEGER NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "lengthMinutes" INTEGER NOT NULL,
    "place" TEXT,
    "proposedStartsAt" TIMESTAMPTZ(3),
    "proposedById" UUID,
    "cancelledAt" TIMESTAMPTZ(3),
    "cancelledById" UUID,
    "cancelReason" TEXT,
    "remindedHourFor" TIMESTAMPTZ(3),
    "remindedTenMinFor" TIMESTAMPTZ(3),
    "endPromptFor" TIMESTAMPTZ(3),
    "rating" INTEGER,
    "ratingComment" TEXT,
    "ratingPublic" BOOLEAN NOT NULL DEFAULT false,
    "ratedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MentorMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MentorProfile_active_paused_idx" ON "MentorProfile"("active", "paused");

-- CreateIndex
CREATE INDEX "MentorRequest_mentorId_status_idx" ON "MentorRequest"("mentorId", "status");

-- CreateIndex
CREATE INDEX "MentorRequest_learnerId_status_idx" ON "MentorRequest"("learnerId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "MentorMeeting_requestId_key" ON "MentorMeeting"("requestId");

-- CreateIndex
CREATE INDEX "MentorMeeting_mentorId_startsAt_idx" ON "MentorMeeting"("mentorId", "startsAt");

-- CreateIndex
CREATE INDEX "MentorMeeting_learnerId_startsAt_idx" ON "MentorMeeting"("learnerId", "startsAt");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_mentorRequestId_fkey" FOREIGN KEY ("mentorRequestId") REFERENCES "MentorRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "MentorMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorProfile" ADD CONSTRAINT "MentorProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorRequest" ADD CONSTRAINT "MentorRequest_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorRequest" ADD CONSTRAINT "MentorRequest_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorMeeting" ADD CONSTRAINT "MentorMeeting_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "MentorRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorMeeting" ADD CONSTRAINT "MentorMeeting_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorMeeting" ADD CONSTRAINT "MentorMeeting_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorMeeting" ADD CONSTRAINT "MentorMeeting_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "ChatRoom"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: one open (or countered) request per learner and mentor, even when
-- two are sent at the same instant.
CREATE UNIQUE INDEX "MentorRequest_one_open" ON "MentorRequest"("learnerId", "mentorId")
  WHERE "status" IN ('open', 'countered');

-- Hand-written: a mentor's time zone must be one this PostgreSQL knows (as studies').
ALTER TABLE "MentorProfile" ADD CONSTRAINT "MentorProfile_timeZone_known" FOREIGN KEY ("timeZone") REFERENCES "TimeZoneName"("name");

-- Hand-written: the rules the service keeps, kept by the database too.
ALTER TABLE "MentorProfile" ADD CONSTRAINT "MentorProfile_capacity_range" CHECK ("capacity" BETWEEN 1 AND 20);
ALTER TABLE "MentorMeeting" ADD CONSTRAINT "MentorMeeting_rating_range" CHECK ("rating" IS NULL OR "rating" BETWEEN 1 AND 5);
ALTER TABLE "MentorMeeting" ADD CONSTRAINT "MentorMeeting_length" CHECK ("lengthMinutes" IN (30, 60));
