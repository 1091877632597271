import { Prisma } from "@orgo/db";

/**
 * The one rule of who may see what (docs/moderation.md, "Who sees what"). Every read
 * path — feeds, a post's page, search, profiles, comments, notifications, chat,
 * studies, mentors, live streams — asks here, as SQL or as a Prisma filter. Both forms
 * of each rule sit side by side, and a test holds them to the same answers.
 *
 * - Deleted content is gone for everyone.
 * - Content hidden by moderators (or held for review) is gone for everyone but its
 *   author, who sees it with the decision and may appeal.
 * - Everything a person wrote is hidden from others while a suspension hides it
 *   (`User.contentHiddenAt`).
 * - Posts of someone on either side of a block are not shown to the other.
 */

/** SQL text of a rule, the viewer's id written `$viewer` (replaced by a placeholder or a bound value). */
type RuleText = (alias: string) => string;

const silenced = (authorColumn: string) =>
  `exists (select 1 from "User" vis_u where vis_u.id = ${authorColumn} and vis_u."contentHiddenAt" is not null)`;
const blockedEitherWay = (authorColumn: string) =>
  `exists (select 1 from "Block" vis_b where (vis_b."blockerId" = $viewer and vis_b."blockedId" = ${authorColumn})
    or (vis_b."blockerId" = ${authorColumn} and vis_b."blockedId" = $viewer))`;

/** Shown to everyone: not deleted, not hidden, its author not silenced. */
const publicPost: RuleText = (p) =>
  `${p}."deletedAt" is null and ${p}."hiddenAt" is null and not ${silenced(`${p}."authorId"`)}`;
/** Shown to the viewer: public, or their own (hidden or not); never across a block. */
const postForViewer: RuleText = (p) =>
  `${p}."deletedAt" is null
   and (${p}."authorId" = $viewer or (${p}."hiddenAt" is null and not ${silenced(`${p}."authorId"`)}))
   and not ${blockedEitherWay(`${p}."authorId"`)}`;

const publicStudy: RuleText = (s) =>
  `${s}."deletedAt" is null and ${s}."hiddenAt" is null
   and (${s}."leaderId" is null or not ${silenced(`${s}."leaderId"`)})`;
const studyForViewer: RuleText = (s) =>
  `${s}."deletedAt" is null
   and (${s}."leaderId" = $viewer or (${s}."hiddenAt" is null and (${s}."leaderId" is null or not ${silenced(`${s}."leaderId"`)})))`;

/** Binds `$viewer` in a rule's text as a Prisma parameter. */
function bound(text: string, viewerId: string): Prisma.Sql {
  const parts = text.split("$viewer");
  return new Prisma.Sql(
    parts.map((part, i) => (i === 0 ? part : `::uuid${part}`)),
    parts.slice(1).map(() => viewerId),
  );
}

/** Posts `viewerId` may see (null: a visitor), as SQL over the alias `p`. */
export function postVisibleSql(alias: string, viewerId: string | null): Prisma.Sql {
  return viewerId ? bound(postForViewer(alias), viewerId) : Prisma.raw(publicPost(alias));
}

/**
 * The same as SQL text for a statement that numbers its own parameters (the feed's
 * prepared statements): `viewerParam` is the viewer's placeholder, e.g. `$3::uuid`.
 */
export function postVisibleText(alias: string, viewerParam: string | null): string {
  return viewerParam ? postForViewer(alias).replaceAll("$viewer", viewerParam) : publicPost(alias);
}

/** Posts `viewerId` may see, as a Prisma filter. */
export function postVisibleWhere(viewerId: string | null): Prisma.PostWhereInput {
  const shown: Prisma.PostWhereInput = { hiddenAt: null, author: { contentHiddenAt: null } };
  if (!viewerId) return { deletedAt: null, ...shown };
  return {
    deletedAt: null,
    AND: [
      { OR: [{ authorId: viewerId }, shown] },
      { author: { blocking: { none: { blockedId: viewerId } }, blockedBy: { none: { blockerId: viewerId } } } },
    ],
  };
}

/** Studies `viewerId` may see (lists, search, their page). */
export function studyVisibleSql(alias: string, viewerId: string | null): Prisma.Sql {
  return viewerId ? bound(studyForViewer(alias), viewerId) : Prisma.raw(publicStudy(alias));
}

export function studyVisibleWhere(viewerId: string | null): Prisma.StudyWhereInput {
  const shown: Prisma.StudyWhereInput = {
    hiddenAt: null,
    OR: [{ leaderId: null }, { leader: { contentHiddenAt: null } }],
  };
  if (!viewerId) return { deletedAt: null, ...shown };
  return { deletedAt: null, OR: [{ leaderId: viewerId }, shown] };
}

/** Mentor profiles shown in the directory and search (blocks are the directory's own filter). */
export const mentorVisibleWhere: Prisma.MentorProfileWhereInput = { hiddenAt: null, user: { contentHiddenAt: null } };
export const mentorVisibleSql = (alias: string): Prisma.Sql =>
  Prisma.raw(`${alias}."hiddenAt" is null and not ${silenced(`${alias}."userId"`)}`);

/**
 * A comment or chat message keeps its place in a thread or a room for everyone, but
 * its words only for those who may see them: hidden by moderators, or its author
 * silenced, it is a placeholder ("hidden by moderators") — to its author too in chat,
 * where everyone shares one stream; its author still sees their own comment.
 */
export function isHiddenContent(row: { hiddenAt: Date | null; author: { contentHiddenAt: Date | null } | null }) {
  return row.hiddenAt !== null || (row.author?.contentHiddenAt ?? null) !== null;
}

/** A person's public face (name, bio, picture) is hidden by moderators, or by a suspension that hid their content. */
export function isProfileHidden(user: { profileHiddenAt: Date | null; contentHiddenAt: Date | null }) {
  return user.profileHiddenAt !== null || user.contentHiddenAt !== null;
}

/**
 * Notifications a person still sees: none about a post they may no longer see, a
 * comment hidden by moderators (their own aside), or someone whose content is hidden;
 * moderation notices always.
 */
export function notificationVisibleWhere(recipientId: string): Prisma.NotificationWhereInput {
  return {
    OR: [
      { auditId: { not: null } },
      {
        actor: { contentHiddenAt: null },
        AND: [
          { OR: [{ postId: null }, { post: postVisibleWhere(recipientId) }] },
          { OR: [{ commentId: null }, { comment: { hiddenAt: null } }, { comment: { authorId: recipientId } }] },
        ],
      },
    ],
  };
}
