import type { TMentoringOverview, TPublicUser, TViewer } from "@orgo/api-contract";
import type { MentoringDeps } from "../mentoring-deps.js";
import { meetingSelect, publicMentor, shapeMeeting } from "../mentoring-rows.js";

/** My mentors and mentees (from meetings), my next five meetings, and how many requests wait for me. */
export async function overview({ db, now }: MentoringDeps, viewer: TViewer): Promise<TMentoringOverview> {
  const at = now();
  const [meetings, waiting] = await Promise.all([
    db.mentorMeeting.findMany({
      where: { OR: [{ mentorId: viewer.userId }, { learnerId: viewer.userId }], cancelledAt: null },
      orderBy: { startsAt: "desc" },
      take: 200,
      select: meetingSelect,
    }),
    db.mentorRequest.count({
      where: {
        OR: [
          { mentorId: viewer.userId, status: "open" },
          { learnerId: viewer.userId, status: "countered" },
        ],
      },
    }),
  ]);
  const people = (role: "mentor" | "learner") => {
    const seen = new Map<string, TPublicUser>();
    for (const row of meetings) {
      const person = role === "mentor" ? publicMentor(row.mentor) : row.learner;
      const isMe = (role === "mentor" ? row.mentorId : row.learnerId) === viewer.userId;
      if (!isMe && !seen.has(person.id)) seen.set(person.id, person);
    }
    return [...seen.values()].slice(0, 12);
  };
  return {
    mentors: people("mentor"),
    mentees: people("learner"),
    upcoming: meetings
      .map((row) => shapeMeeting(row, viewer.userId, at))
      .filter((meeting) => meeting.state === "scheduled")
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
      .slice(0, 5),
    waitingForMe: waiting,
  };
}
