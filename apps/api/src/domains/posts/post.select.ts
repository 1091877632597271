import { plainExcerpt, type TPost, type TPostSummary, type TSharedFile } from "@orgo/api-contract";
import type { Prisma } from "@orgo/db";
import type { FileStorage } from "../../platform/storage/file-storage.js";
import { publicUserSelect } from "../users/public-user.js";
import { orderedImagesSelect, toImages } from "./post-images.js";

/**
 * The columns a post summary needs: one select shape for every feed query. The
 * author, the images and the viewer's like are relations, which Prisma loads with
 * one batched query each, whatever the page size (no N+1).
 */
export function postSummarySelect(viewerId: string | null) {
  return {
    id: true,
    title: true,
    body: true,
    excerpt: true,
    createdAt: true,
    updatedAt: true,
    likeCount: true,
    commentCount: true,
    viewCount: true,
    hiddenAt: true,
    author: { select: publicUserSelect },
    images: orderedImagesSelect,
    // An impossible user id when signed out: the relation comes back empty.
    likes: { where: { userId: viewerId ?? "00000000-0000-0000-0000-000000000000" }, select: { userId: true } },
  } as const satisfies Prisma.PostSelect;
}

type PostRow = Prisma.PostGetPayload<{ select: ReturnType<typeof postSummarySelect> }>;

/** `hidden`: hidden from others (its author still reads it; see withModerationMarks). */
export function toPostSummary(row: PostRow, storage: FileStorage): TPostSummary & { hidden: boolean } {
  const { images, likes, hiddenAt, body, excerpt, ...rest } = row;
  return {
    ...rest,
    excerpt: excerpt ?? plainExcerpt(body),
    images: toImages(images, storage),
    likedByMe: likes.length > 0,
    hidden: hiddenAt !== null,
  };
}

/** The post whole (its detail, and what its author's create and edit answer), with its files. */
export function toPost(row: PostRow, files: TSharedFile[], storage: FileStorage): TPost & { hidden: boolean } {
  return { ...toPostSummary(row, storage), body: row.body, files };
}

/** What a list carries of a whole post (the new-posts stream's event). */
export function summaryOf({ body: _body, files: _files, ...summary }: TPost): TPostSummary {
  return summary;
}
