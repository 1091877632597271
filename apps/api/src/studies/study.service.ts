import {
  AppError,
  channels,
  serverMessages as m,
  STUDY_PAGE_SIZE,
  type StudyService,
  type TNotificationType,
  type TStudy,
  type TEventEnvelope,
  type TStudySignal,
  type TStudyStatus,
  type TViewer,
} from "@orgo/api-contract";
import { isForeignKeyViolation, Prisma, type Db } from "@orgo/db";
import type { EventBus } from "../events/event-bus.js";
import { groupKeys, notify } from "../notifications/notify.js";
import { publishNotifications } from "../notifications/notification.service.js";
import { publishInboxChanged, publishRoomAccessLost } from "../chat/chat-events.js";
import { publishStudyChanged } from "./study-events.js";
import { itemPerEvent } from "../live/live-stream.js";
import { signalFeed } from "../live/signal-feed.js";

const studyItem = itemPerEvent<TStudySignal>();
const studySignal = (event: TEventEnvelope) =>
  event.type === "study.changed" ? studyItem(event, () => ({ ...event.data })) : null;
import { publicUserSelect } from "../users/public-user.js";
import { statusSql } from "./study-status.js";

type Tx = Prisma.TransactionClient;
type Changed = { recipientId: string; id: number | null }[];

interface LockedStudy {
  id: number;
  leaderId: string | null;
  capacity: number;
  memberCount: number;
  requiresApproval: boolean;
  recruitingClosedAt: Date | null;
  pastDeadline: boolean;
  status: TStudyStatus;
}

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);
const nobody = "00000000-0000-0000-0000-000000000000";

/**
 * The database knows which zones it can compute in (a foreign key to its own
 * list): a name it refuses is the client's mistake, answered as a field error,
 * and the row is never saved.
 */
async function inKnownTimeZone<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isForeignKeyViolation(error, "Study_timeZone_known")) {
      throw new AppError("VALIDATION", m.invalidTimeZone, { fieldErrors: { timeZone: [m.invalidTimeZone] } });
    }
    throw error;
  }
}

export function createStudyService({
  db,
  bus,
  now = () => new Date(),
}: {
  db: Db;
  bus: EventBus;
  now?: () => Date;
}): StudyService & { byIds(ids: number[], viewer: TViewer | null): Promise<TStudy[]> } {
  /** Locks the study row: joins, leaves and promotions of one study run one at a time. */
  async function lock(tx: Tx, id: number): Promise<LockedStudy> {
    const at = now();
    const [row] = await tx.$queryRaw<(Omit<LockedStudy, "status"> & { status: string })[]>`
      select s.id, s."leaderId", s.capacity, s."memberCount", s."requiresApproval", s."recruitingClosedAt",
             (s."recruitUntil" is not null
               and (${at.toISOString()}::timestamptz at time zone s."timeZone")::date > s."recruitUntil")
               as "pastDeadline",
             ${statusSql(at)} as status
      from "Study" s where s.id = ${id} and s."deletedAt" is null for update`;
    if (!row) throw new AppError("NOT_FOUND", m.noSuchStudy);
    return { ...row, status: row.status as TStudyStatus };
  }

  function requireLeader(study: LockedStudy, viewer: TViewer) {
    if (study.leaderId !== viewer.userId) throw new AppError("FORBIDDEN", m.notYourStudy);
  }

  /**
   * Who gained or lost the study's chat room in a transaction, published after its
   * commit: lost access ends their live streams of the room at once.
   */
  const roomJournal = new WeakMap<Tx, { roomId: number | null; joined: string[]; left: string[] }>();
  function noteRoomChange(tx: Tx, roomId: number, change: "joined" | "left", userId: string) {
    const journal = roomJournal.get(tx);
    if (!journal) return;
    journal.roomId = roomId;
    journal[change].push(userId);
  }

  /** A member row, the seat count and the chat room, together (the room always equals the members). */
  async function addMember(tx: Tx, studyId: number, userId: string) {
    await tx.studyMember.create({ data: { studyId, userId } });
    await tx.study.update({ where: { id: studyId }, data: { memberCount: { increment: 1 } } });
    const room = await tx.chatRoom.findUniqueOrThrow({ where: { studyId }, select: { id: true } });
    await tx.chatMember.create({ data: { roomId: room.id, userId } });
    noteRoomChange(tx, room.id, "joined", userId);
  }

  async function removeMemberRows(tx: Tx, studyId: number, userId: string): Promise<boolean> {
    const removed = await tx.studyMember.deleteMany({ where: { studyId, userId } });
    if (removed.count === 0) return false;
    await tx.study.update({ where: { id: studyId }, data: { memberCount: { decrement: 1 } } });
    const room = await tx.chatRoom.findUniqueOrThrow({ where: { studyId }, select: { id: true } });
    await tx.chatMember.deleteMany({ where: { roomId: room.id, userId } });
    noteRoomChange(tx, room.id, "left", userId);
    return true;
  }

  /** Seats freed: the first in line get them, in order, while the study still recruits. */
  async function promote(tx: Tx, studyId: number, actorId: string): Promise<Changed> {
    const changed: Changed = [];
    for (;;) {
      const study = await lock(tx, studyId);
      if (study.status !== "recruiting") return changed;
      const first = await tx.studyWaitlistEntry.findFirst({ where: { studyId }, orderBy: { id: "asc" } });
      if (!first) return changed;
      await tx.studyWaitlistEntry.delete({ where: { id: first.id } });
      await addMember(tx, studyId, first.userId);
      changed.push(await tell(tx, first.userId, actorId, "study_promoted", studyId));
    }
  }

  async function tell(tx: Tx, recipientId: string | null, actorId: string, type: TNotificationType, studyId: number) {
    if (!recipientId) return { recipientId: "", id: null };
    const id = await notify(tx, { recipientId, actorId, type, studyId, groupKey: groupKeys.study(type, studyId) });
    return { recipientId, id };
  }

  /** Runs a change in one transaction, publishes its notifications after the commit, answers the study. */
  async function change(viewer: TViewer, id: number, work: (tx: Tx) => Promise<Changed>): Promise<TStudy> {
    const journal = { roomId: null as number | null, joined: [] as string[], left: [] as string[] };
    const changed = await db.$transaction((tx) => {
      roomJournal.set(tx, journal);
      return work(tx);
    });
    await publishNotifications(db, bus, changed);
    await publishStudyChanged(bus, id);
    if (journal.roomId !== null) {
      await publishRoomAccessLost(bus, journal.roomId, journal.left);
      await publishInboxChanged(bus, journal.joined, journal.roomId);
    }
    return (await loadMany([id], viewer))[0]!;
  }

  async function loadMany(ids: number[], viewer: TViewer | null): Promise<TStudy[]> {
    if (ids.length === 0) return [];
    const me = viewer?.userId ?? nobody;
    const [statuses, rows] = await Promise.all([
      db.$queryRaw<{ id: number; status: string }[]>`
        select s.id, ${statusSql(now())} as status from "Study" s where s.id = any(${ids})`,
      db.study.findMany({
        where: { id: { in: ids }, deletedAt: null },
        include: {
          leader: { select: publicUserSelect },
          _count: { select: { waitlist: true } },
          members: { where: { userId: me }, select: { userId: true } },
          waitlist: { where: { userId: me }, select: { id: true } },
          requests: { where: { userId: me }, select: { userId: true } },
        },
      }),
    ]);
    const statusOf = new Map(statuses.map((s) => [s.id, s.status as TStudyStatus]));
    const byId = new Map(rows.map((row) => [row.id, row]));
    const positions = await waitlistPositions(
      rows.flatMap((r) => r.waitlist.map((w) => ({ studyId: r.id, id: w.id }))),
    );
    return ids.flatMap((id) => {
      const row = byId.get(id);
      if (!row) return [];
      const role =
        row.leaderId === me
          ? "leader"
          : row.members.length
            ? "member"
            : row.waitlist.length
              ? "waitlisted"
              : row.requests.length
                ? "requested"
                : "none";
      return [
        {
          id: row.id,
          title: row.title,
          description: row.description,
          startsOn: day(row.startsOn)!,
          endsOn: day(row.endsOn)!,
          recruitUntil: day(row.recruitUntil),
          online: row.online,
          location: row.location,
          capacity: row.capacity,
          memberCount: row.memberCount,
          waitlistCount: row._count.waitlist,
          tags: row.tags,
          timeZone: row.timeZone,
          requiresApproval: row.requiresApproval,
          status: statusOf.get(id)!,
          leader: row.leader,
          me: { role, waitlistPosition: positions.get(id) ?? null },
        } satisfies TStudy,
      ];
    });
  }

  /** 1-based place in line of each of the viewer's waitlist entries: one query. */
  async function waitlistPositions(entries: { studyId: number; id: number }[]): Promise<Map<number, number>> {
    if (entries.length === 0) return new Map();
    const rows = await db.$queryRaw<{ studyId: number; position: bigint }[]>`
      select mine.s as "studyId",
             (select count(*) from "StudyWaitlistEntry" e where e."studyId" = mine.s and e.id <= mine.i) as position
      from unnest(${entries.map((x) => x.studyId)}::int[], ${entries.map((x) => x.id)}::int[]) as mine(s, i)`;
    return new Map(rows.map((r) => [r.studyId, Number(r.position)]));
  }

  const dateOf = (value: string) => new Date(`${value}T00:00:00Z`);

  return {
    byIds: (ids, viewer) => loadMany(ids, viewer),

    async streamChanges(id, signal) {
      if (id === null) return signalFeed(bus, channels.studies, studySignal, signal);
      const study = await db.study.findFirst({ where: { id, deletedAt: null }, select: { id: true } });
      if (!study) throw new AppError("NOT_FOUND", m.noSuchStudy);
      return signalFeed(
        bus,
        channels.studies,
        (event) => {
          const item = studySignal(event);
          return item?.studyId === id ? item : null;
        },
        signal,
      );
    },

    async list(input, viewer) {
      const me = viewer?.userId ?? nobody;
      const at = now();
      const conditions: Prisma.Sql[] = [Prisma.sql`s."deletedAt" is null`];
      if (input.status) conditions.push(Prisma.sql`${statusSql(at)} = ${input.status}`);
      if (input.tag) conditions.push(Prisma.sql`s.tags @> array[${input.tag}]::text[]`);
      if (input.online !== undefined) conditions.push(Prisma.sql`s.online = ${input.online}`);
      if (input.mine === "leading") conditions.push(Prisma.sql`s."leaderId" = ${me}::uuid`);
      if (input.mine === "joined") {
        conditions.push(Prisma.sql`s."leaderId" is distinct from ${me}::uuid and exists
          (select 1 from "StudyMember" x where x."studyId" = s.id and x."userId" = ${me}::uuid)`);
      }
      if (input.mine === "waitlisted") {
        conditions.push(
          Prisma.sql`exists (select 1 from "StudyWaitlistEntry" x where x."studyId" = s.id and x."userId" = ${me}::uuid)`,
        );
      }
      if (input.mine === "requested") {
        conditions.push(
          Prisma.sql`exists (select 1 from "StudyRequest" x where x."studyId" = s.id and x."userId" = ${me}::uuid)`,
        );
      }
      const where = Prisma.join(conditions, " and ");
      const [ids, counted] = await Promise.all([
        db.$queryRaw<{ id: number }[]>`
          select s.id from "Study" s where ${where}
          order by s.id desc limit ${STUDY_PAGE_SIZE} offset ${(input.page - 1) * STUDY_PAGE_SIZE}`,
        db.$queryRaw<{ n: bigint }[]>`select count(*) as n from "Study" s where ${where}`,
      ]);
      const total = Number(counted[0]?.n ?? 0);
      return {
        items: await loadMany(
          ids.map((r) => r.id),
          viewer,
        ),
        total,
        page: input.page,
        pageCount: Math.ceil(total / STUDY_PAGE_SIZE),
      };
    },

    async byId(id, viewer) {
      const [study] = await loadMany([id], viewer);
      if (!study) throw new AppError("NOT_FOUND", m.noSuchStudy);
      const [members, requests] = await Promise.all([
        db.studyMember.findMany({
          where: { studyId: id },
          orderBy: { joinedAt: "asc" },
          select: { user: { select: publicUserSelect } },
        }),
        study.me.role === "leader"
          ? db.studyRequest.findMany({
              where: { studyId: id },
              orderBy: { createdAt: "asc" },
              select: { user: { select: publicUserSelect } },
            })
          : Promise.resolve([]),
      ]);
      return { ...study, members: members.map((x) => x.user), requests: requests.map((x) => x.user) };
    },

    async popularTags() {
      const rows = await db.$queryRaw<{ tag: string; count: bigint }[]>`
        select tag, count(*) as count from "Study", unnest(tags) as tag
        where "deletedAt" is null group by tag order by count desc, tag limit 20`;
      return rows.map((r) => ({ tag: r.tag, count: Number(r.count) }));
    },

    async create(viewer, input) {
      const id = await inKnownTimeZone(
        db.$transaction(async (tx) => {
          const study = await tx.study.create({
            data: {
              leaderId: viewer.userId,
              title: input.title,
              description: input.description,
              startsOn: dateOf(input.startsOn),
              endsOn: dateOf(input.endsOn),
              recruitUntil: input.recruitUntil ? dateOf(input.recruitUntil) : null,
              online: input.online,
              location: input.online ? (input.location ?? null) : input.location!,
              capacity: input.capacity,
              tags: input.tags,
              timeZone: input.timeZone,
              requiresApproval: input.requiresApproval,
              memberCount: 1,
              members: { create: { userId: viewer.userId } },
              chatRoom: { create: { members: { create: { userId: viewer.userId } } } },
            },
            select: { id: true },
          });
          return study.id;
        }),
      );
      await publishStudyChanged(bus, id);
      return (await loadMany([id], viewer))[0]!;
    },

    update: (viewer, input) =>
      inKnownTimeZone(
        change(viewer, input.id, async (tx) => {
          const study = await lock(tx, input.id);
          requireLeader(study, viewer);
          if (input.capacity < study.memberCount) {
            throw new AppError("VALIDATION", m.capacityBelowMembers, {
              fieldErrors: { capacity: [m.capacityBelowMembers] },
            });
          }
          await tx.study.update({
            where: { id: input.id },
            data: {
              title: input.title,
              description: input.description,
              startsOn: dateOf(input.startsOn),
              endsOn: dateOf(input.endsOn),
              recruitUntil: input.recruitUntil ? dateOf(input.recruitUntil) : null,
              online: input.online,
              location: input.location ?? null,
              capacity: input.capacity,
              tags: input.tags,
              timeZone: input.timeZone,
              requiresApproval: input.requiresApproval,
              updatedAt: now(),
            },
          });
          // More seats: the waitlist moves up.
          return promote(tx, input.id, viewer.userId);
        }),
      ),

    async delete(viewer, id) {
      await db.$transaction(async (tx) => {
        requireLeader(await lock(tx, id), viewer);
        await tx.study.update({ where: { id }, data: { deletedAt: now() } });
      });
      await publishStudyChanged(bus, id, true);
    },

    async join(viewer, id) {
      let outcome: "joined" | "requested" = "joined";
      const study = await change(viewer, id, async (tx) => {
        const locked = await lock(tx, id);
        await requireOutside(tx, locked, viewer);
        if (locked.status !== "recruiting") throw refusal(locked);
        if (locked.requiresApproval) {
          outcome = "requested";
          await tx.studyRequest.create({ data: { studyId: id, userId: viewer.userId } });
          return [await tell(tx, locked.leaderId, viewer.userId, "study_requested", id)];
        }
        await addMember(tx, id, viewer.userId);
        return [await tell(tx, locked.leaderId, viewer.userId, "study_joined", id)];
      });
      return { outcome, study };
    },

    async joinWaitlist(viewer, id) {
      const study = await change(viewer, id, async (tx) => {
        const locked = await lock(tx, id);
        await requireOutside(tx, locked, viewer);
        // Only a full study that would otherwise recruit has a line to stand in.
        if (!isOnlyFull(locked)) throw new AppError("VALIDATION", m.notRecruiting);
        await tx.studyWaitlistEntry.create({ data: { studyId: id, userId: viewer.userId } });
        return [];
      });
      return { outcome: "waitlisted", study };
    },

    leave: (viewer, id) =>
      change(viewer, id, async (tx) => {
        const locked = await lock(tx, id);
        if (locked.leaderId === viewer.userId) throw new AppError("VALIDATION", m.leaderCannotLeave);
        if (await removeMemberRows(tx, id, viewer.userId)) {
          const left = await tell(tx, locked.leaderId, viewer.userId, "study_left", id);
          return [left, ...(await promote(tx, id, viewer.userId))];
        }
        const waiting = await tx.studyWaitlistEntry.deleteMany({ where: { studyId: id, userId: viewer.userId } });
        const asked = await tx.studyRequest.deleteMany({ where: { studyId: id, userId: viewer.userId } });
        if (waiting.count + asked.count === 0) throw new AppError("NOT_FOUND", m.notInStudy);
        return [];
      }),

    accept: (viewer, id, userId) =>
      change(viewer, id, async (tx) => {
        const locked = await lock(tx, id);
        requireLeader(locked, viewer);
        const request = await tx.studyRequest.deleteMany({ where: { studyId: id, userId } });
        if (request.count === 0) throw new AppError("NOT_FOUND", m.noSuchRequest);
        if (locked.memberCount >= locked.capacity) throw new AppError("CONFLICT", m.studyFull);
        await addMember(tx, id, userId);
        return [await tell(tx, userId, viewer.userId, "study_accepted", id)];
      }),

    decline: (viewer, id, userId) =>
      change(viewer, id, async (tx) => {
        requireLeader(await lock(tx, id), viewer);
        const request = await tx.studyRequest.deleteMany({ where: { studyId: id, userId } });
        if (request.count === 0) throw new AppError("NOT_FOUND", m.noSuchRequest);
        return [await tell(tx, userId, viewer.userId, "study_declined", id)];
      }),

    removeMember: (viewer, id, userId) =>
      change(viewer, id, async (tx) => {
        const locked = await lock(tx, id);
        requireLeader(locked, viewer);
        if (userId === viewer.userId) throw new AppError("VALIDATION", m.leaderCannotLeave);
        if (!(await removeMemberRows(tx, id, userId))) throw new AppError("NOT_FOUND", m.notInStudy);
        const removed = await tell(tx, userId, viewer.userId, "study_removed", id);
        return [removed, ...(await promote(tx, id, viewer.userId))];
      }),

    closeRecruiting: (viewer, id) =>
      change(viewer, id, async (tx) => {
        requireLeader(await lock(tx, id), viewer);
        await tx.study.update({ where: { id }, data: { recruitingClosedAt: now() } });
        return [];
      }),
  };

  async function requireOutside(tx: Tx, study: LockedStudy, viewer: TViewer) {
    const [member, waiting, asked] = await Promise.all([
      tx.studyMember.count({ where: { studyId: study.id, userId: viewer.userId } }),
      tx.studyWaitlistEntry.count({ where: { studyId: study.id, userId: viewer.userId } }),
      tx.studyRequest.count({ where: { studyId: study.id, userId: viewer.userId } }),
    ]);
    if (member + waiting + asked > 0) throw new AppError("CONFLICT", m.alreadyInStudy);
  }

  function isOnlyFull(study: LockedStudy) {
    return (
      study.status === "closed" &&
      study.memberCount >= study.capacity &&
      !study.recruitingClosedAt &&
      !study.pastDeadline
    );
  }

  function refusal(study: LockedStudy) {
    return isOnlyFull(study) ? new AppError("CONFLICT", m.studyFull) : new AppError("VALIDATION", m.notRecruiting);
  }
}
