import { AppError, serverMessages as m, type TStudyDetail, type TStudyRef, type TViewer } from "@orgo/api-contract";
import { publicUserSelect } from "../../users/public-user.js";
import type { StudyDeps } from "../study-deps.js";
import { loadStudies } from "../study-rows.js";

/** One study with its members, and its join requests for its leader only. */
export async function studyById(deps: StudyDeps, { id }: TStudyRef, viewer: TViewer | null): Promise<TStudyDetail> {
  const { db } = deps;
  const [study] = await loadStudies(deps, [id], viewer);
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
}
