import { useEffect, useState } from "react";
import { Command } from "cmdk";
import { FileText, UserRound, Users } from "lucide-react";
import { useI18n } from "../i18n/i18n";
import type { FirstScreenKey } from "../i18n/messages";
import { trpc } from "../lib/trpc";
import { useEver } from "../lib/use-ever";
import { Avatar } from "../ui/Avatar";
import { RelativeTime } from "../ui/RelativeTime";

/**
 * Both languages' tables, so a command is found by its name in either. Each is its own
 * chunk (the reader's is loaded already); the other is fetched when the palette mounts
 * (when the page is idle, or on first open).
 */
export function useBothTables(wanted: boolean): Record<FirstScreenKey, string>[] {
  const [tables, setTables] = useState<Record<FirstScreenKey, string>[]>([]);
  const asked = useEver(wanted);
  useEffect(() => {
    if (!asked) return;
    let live = true;
    // Fetched the first time the palette opens, not when it is prefetched: most visits
    // never search in the other language. Offline, the table that failed to load is
    // replaced by the one that did (the reader's own is always there).
    void Promise.allSettled([import("../i18n/messages"), import("../i18n/messages-ko")]).then(([english, korean]) => {
      const en = english.status === "fulfilled" ? english.value.en : null;
      const ko = korean.status === "fulfilled" ? korean.value.ko : null;
      const found = [en ?? ko, ko ?? en].filter((table) => table !== null);
      if (live && found.length === 2) setTables(found);
    });
    return () => {
      live = false;
    };
  }, [asked]);
  return tables;
}

/** The search text after a pause in typing. */
function useSettled(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

const LIMIT = 5;

/**
 * The palette's content: people, posts and studies matching what is typed (two
 * characters or more), newest posts first, from the same search the Search page uses.
 * The server has matched them, so cmdk shows them as they are.
 */
export function PaletteResults({ search, onOpen }: { search: string; onOpen: (to: string) => void }) {
  const { t } = useI18n();
  const q = useSettled(search.trim(), 200);
  const enabled = q.length >= 2;
  const input = { q, page: 1, limit: LIMIT };
  const options = { enabled, staleTime: 30_000, placeholderData: <T,>(previous: T) => previous };
  const people = trpc.search.people.useQuery(input, options);
  const posts = trpc.search.posts.useQuery(input, options);
  const studies = trpc.search.studies.useQuery(input, options);
  if (!enabled) return null;
  // The server matched them: they match what is typed (cmdk then counts them, and
  // does not say "no match" beside them).
  const matches = [search];
  const newestFirst = [...(posts.data?.items ?? [])].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  return (
    <>
      {(people.data?.items.length ?? 0) > 0 && (
        <Command.Group heading={t("palette.people")} className="palette__group">
          {people.data!.items.map((person) => (
            <Command.Item
              key={person.id}
              value={`person ${person.handle}`}
              keywords={matches}
              onSelect={() => onOpen(`/u/${person.handle}`)}
              className="palette__item"
            >
              <span className="palette__hit">
                <Avatar user={person} size={22} />
                <span>{person.displayName}</span>
                <span className="muted">@{person.handle}</span>
              </span>
              <UserRound aria-hidden size={16} className="muted" />
            </Command.Item>
          ))}
        </Command.Group>
      )}
      {newestFirst.length > 0 && (
        <Command.Group heading={t("palette.posts")} className="palette__group">
          {newestFirst.map((post) => (
            <Command.Item
              key={post.id}
              value={`post ${post.id}`}
              keywords={matches}
              onSelect={() => onOpen(`/posts/${post.id}`)}
              className="palette__item"
            >
              <span className="palette__hit">
                <FileText aria-hidden size={16} className="muted" />
                <span>{post.title}</span>
                <span className="muted">@{post.author.handle}</span>
              </span>
              <span className="muted small">
                <RelativeTime date={post.createdAt} />
              </span>
            </Command.Item>
          ))}
        </Command.Group>
      )}
      {(studies.data?.items.length ?? 0) > 0 && (
        <Command.Group heading={t("palette.studies")} className="palette__group">
          {studies.data!.items.map((study) => (
            <Command.Item
              key={study.id}
              value={`study ${study.id}`}
              keywords={matches}
              onSelect={() => onOpen(`/studies/${study.id}`)}
              className="palette__item"
            >
              <span className="palette__hit">
                <Users aria-hidden size={16} className="muted" />
                <span>{study.title}</span>
              </span>
              <span className="muted small">{t(`study.status.${study.status}`)}</span>
            </Command.Item>
          ))}
        </Command.Group>
      )}
    </>
  );
}
