import { STUDY_PAGE_SIZE, type TStudyListInput, type TStudyPage, type TViewer } from "@orgo/api-contract";
import { Prisma } from "@orgo/db";
import { nobody, type StudyDeps } from "../study-deps.js";
import { statusSql } from "../study-status.js";
import { loadStudies } from "../study-rows.js";
import { studyVisibleSql } from "../../visibility/visibility.js";

/** A page of 12 with the total, filtered by status, tag, online and "mine", newest first. */
export async function listStudies(
  deps: StudyDeps,
  input: TStudyListInput,
  viewer: TViewer | null,
): Promise<TStudyPage> {
  const { db, now } = deps;
  const me = viewer?.userId ?? nobody;
  const conditions: Prisma.Sql[] = [studyVisibleSql("s", viewer?.userId ?? null)];
  if (input.status) conditions.push(Prisma.sql`${statusSql(now())} = ${input.status}`);
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
    items: await loadStudies(
      deps,
      ids.map((r) => r.id),
      viewer,
    ),
    total,
    page: input.page,
    pageCount: Math.ceil(total / STUDY_PAGE_SIZE),
  };
}
