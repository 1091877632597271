import { useState } from "react";
import { useNavigate } from "react-router";
import { X } from "lucide-react";
import "./search.css";
import type { TPublicUser } from "@orgo/api-contract/schemas";
import { plainExcerpt } from "@orgo/api-contract/constants";
import { trpc } from "../../../lib/trpc";
import { useDebounced } from "../../../lib/use-debounced";
import { useI18n } from "../../../i18n/i18n";
import { Avatar } from "../../../ui/Avatar";
import { Highlight } from "../../../ui/Highlight";
import { LoadMore } from "../../../ui/LoadMore";
import { RelativeTime } from "../../../ui/RelativeTime";

/** Typing settles this long before the server is asked. */
const SEARCH_DELAY_MS = 250;

/**
 * The messages of my conversations that say what I typed in the list's search field,
 * newest first, below the conversations it matches: narrowed to one person (a hit's
 * "only from") or to the open conversation. A hit opens its message in place, with the
 * messages around it.
 */
export function MessageSearch({ q, openRoomId }: { q: string; openRoomId: number | null }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const term = useDebounced(q.trim(), SEARCH_DELAY_MS);
  const [from, setFrom] = useState<TPublicUser | null>(null);
  const [thisRoom, setThisRoom] = useState(false);
  const roomId = thisRoom ? openRoomId : null;
  const search = trpc.chat.search.useInfiniteQuery(
    { q: term, roomId, authorId: from?.id ?? null, limit: 20 },
    { enabled: term.length > 0, getNextPageParam: (page) => page.nextCursor ?? undefined },
  );
  if (!term) return null;
  const hits = search.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section className="chat-search" aria-labelledby="chat-search-title" data-testid="chat-search">
      <h2 id="chat-search-title" className="chat-search__title">
        {t("chat.searchMessages")}
      </h2>
      <div className="chat-search__filters">
        {from && (
          <button
            type="button"
            className="chat-search__from"
            onClick={() => setFrom(null)}
            aria-label={t("chat.searchAnyone")}
          >
            {t("chat.searchFromChip", { name: from.displayName })} <X size={12} aria-hidden />
          </button>
        )}
        {openRoomId !== null && (
          <label className="small">
            <input type="checkbox" checked={thisRoom} onChange={(event) => setThisRoom(event.target.checked)} />{" "}
            {t("chat.searchThisRoom")}
          </label>
        )}
      </div>
      {search.isError && (
        <p className="placeholder muted" role="alert">
          {t("chat.searchError")}
        </p>
      )}
      {search.isSuccess && hits.length === 0 && (
        <p className="placeholder muted" role="status">
          {t("chat.searchNone", { q: term })}
        </p>
      )}
      <ul className="chat-search__hits">
        {hits.map((hit) => (
          <li key={`${hit.roomId}:${hit.seq}`} className="chat-search__hit">
            <button
              type="button"
              className="chat-search__open"
              data-testid="chat-search-hit"
              onClick={() => void navigate(`/chat/${hit.roomId}#message-${hit.seq}`)}
            >
              <span className="chat-search__where small muted">
                {hit.roomKind === "study" ? "# " : ""}
                {hit.roomTitle || t("chat.deletedAccount")} · <RelativeTime date={hit.createdAt} />
              </span>
              <span className="chat-search__who">
                {hit.author && <Avatar user={hit.author} size={20} />}
                <strong>{hit.author?.displayName ?? t("chat.deletedAccount")}</strong>
              </span>
              {/* As the room list's previews: what the message reads, without its Markdown marks. */}
              <span className="chat-search__snippet">
                <Highlight text={plainExcerpt(hit.snippet, Infinity)} term={term} />
              </span>
            </button>
            {hit.author && hit.author.id !== from?.id && (
              <button type="button" className="button button--link small" onClick={() => setFrom(hit.author)}>
                {t("chat.searchFrom", { name: hit.author.displayName })}
              </button>
            )}
          </li>
        ))}
      </ul>
      <LoadMore query={search} />
    </section>
  );
}
