import { useEffect, useState, type ReactNode } from "react";
import { FileText, UserRound, Users } from "lucide-react";
import { useI18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { enStudies, koStudies } from "../i18n/messages-studies";
import { studyStatusKey } from "../features/studies/StudyBadges";
import { trpc } from "../lib/trpc";
import { useEver } from "../lib/use-ever";
import { useDebounced } from "../lib/use-debounced";
import { Avatar } from "../ui/Avatar";
import { RelativeTime } from "../ui/RelativeTime";
import type { PaletteEntry } from "./palette-rank";

/**
 * Both languages' tables, so a command is found by its name in either. Each is its own
 * chunk (the reader's is loaded already); the other is fetched when the palette mounts
 * (when the page is idle, or on first open).
 */
export function useBothTables(wanted: boolean): Partial<Record<MessageKey, string>>[] {
  const [tables, setTables] = useState<Partial<Record<MessageKey, string>>[]>([]);
  const asked = useEver(wanted);
  useEffect(() => {
    if (!asked) return;
    let live = true;
    // Fetched the first time the palette opens, not when it is prefetched: most visits
    // never search in the other language. Offline, the table that failed to load is
    // replaced by the one that did (the reader's own is always there).
    void Promise.allSettled([import("../i18n/messages"), import("../i18n/messages-ko")]).then(([english, korean]) => {
      // The palette's own commands name studies too: their table comes with the palette.
      const en = english.status === "fulfilled" ? { ...english.value.en, ...enStudies } : null;
      const ko = korean.status === "fulfilled" ? { ...korean.value.ko, ...koStudies } : null;
      const found = [en ?? ko, ko ?? en].filter((table) => table !== null);
      if (live && found.length === 2) setTables(found);
    });
    return () => {
      live = false;
    };
  }, [asked]);
  return tables;
}

const LIMIT = 5;

/** A person, post or study the server found for what was typed, as a palette row. */
export interface PaletteThing extends PaletteEntry {
  kind: "found";
  to: string;
  content: ReactNode;
}

/**
 * People, posts and studies matching what is typed (two characters or more), newest
 * posts first, from the same search the Search page uses; `pending` while the server
 * has not answered for what is typed now.
 */
export function usePaletteThings(search: string): { things: PaletteThing[]; pending: boolean } {
  const q = useDebounced(search.trim(), 200);
  const enabled = q.length >= 2;
  const input = { q, page: 1, limit: LIMIT };
  const options = { enabled, staleTime: 30_000 };
  const people = trpc.search.people.useQuery(input, options);
  const posts = trpc.search.posts.useQuery(input, options);
  const studies = trpc.search.studies.useQuery(input, options);
  const typing = search.trim() !== q;
  const pending = search.trim().length >= 2 && (typing || [people, posts, studies].some((query) => query.isFetching));
  // Found for other words (typing is ahead of the pause): not offered for these.
  if (!enabled || typing) return { things: [], pending };
  const newestFirst = [...(posts.data?.items ?? [])].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const things: PaletteThing[] = [
    ...(people.data?.items ?? []).map((person) => ({
      id: `person-${person.handle}`,
      kind: "found" as const,
      names: [person.displayName, person.handle],
      to: `/u/${person.handle}`,
      content: (
        <>
          <span className="palette__hit">
            <Avatar user={person} size={22} />
            <span>{person.displayName}</span>
            <span className="muted">@{person.handle}</span>
          </span>
          <UserRound aria-hidden size={16} className="muted" />
        </>
      ),
    })),
    ...newestFirst.map((post) => ({
      id: `post-${post.id}`,
      kind: "found" as const,
      names: [post.title],
      to: `/posts/${post.id}`,
      content: (
        <>
          <span className="palette__hit">
            <FileText aria-hidden size={16} className="muted" />
            <span>{post.title}</span>
            <span className="muted">@{post.author.handle}</span>
          </span>
          <span className="muted small">
            <RelativeTime date={post.createdAt} />
          </span>
        </>
      ),
    })),
    ...(studies.data?.items ?? []).map((study) => ({
      id: `study-${study.id}`,
      kind: "found" as const,
      names: [study.title],
      to: `/studies/${study.id}`,
      content: <StudyHit title={study.title} status={studyStatusKey(study)} />,
    })),
  ];
  return { things, pending };
}

function StudyHit({ title, status }: { title: string; status: MessageKey }) {
  const { t } = useI18n();
  return (
    <>
      <span className="palette__hit">
        <Users aria-hidden size={16} className="muted" />
        <span>{title}</span>
      </span>
      <span className="muted small">{t(status)}</span>
    </>
  );
}
