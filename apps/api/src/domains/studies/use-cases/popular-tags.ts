import type { StudyDeps } from "../study-deps.js";

/** The 20 tags most studies carry. */
export async function popularTags({ db }: StudyDeps) {
  const rows = await db.$queryRaw<{ tag: string; count: bigint }[]>`
    select tag, count(*) as count from "Study", unnest(tags) as tag
    where "deletedAt" is null and "hiddenAt" is null group by tag order by count desc, tag limit 20`;
  return rows.map((r) => ({ tag: r.tag, count: Number(r.count) }));
}
