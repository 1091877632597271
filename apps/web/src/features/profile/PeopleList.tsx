import { Link } from "react-router";
import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import { Avatar } from "../../ui/Avatar";

/** Followers or following of a person, paged, with "follows you". */
export function PeopleList({ userId, side }: { userId: string; side: "followers" | "following" }) {
  const { t } = useI18n();
  const options = { getNextPageParam: (page: { nextCursor: string | null }) => page.nextCursor };
  const followers = trpc.social.followers.useInfiniteQuery(
    { userId, limit: 20 },
    { ...options, enabled: side === "followers" },
  );
  const following = trpc.social.following.useInfiniteQuery(
    { userId, limit: 20 },
    { ...options, enabled: side === "following" },
  );
  const query = side === "followers" ? followers : following;
  const people = query.data?.pages.flatMap((page) => page.items) ?? [];
  if (query.isSuccess && people.length === 0) return <p className="muted">{t("profile.nobody")}</p>;
  return (
    <>
      <ul className="list" data-testid={side}>
        {people.map((person) => (
          <li key={person.id} className="list__item person">
            <Avatar user={person} size={32} />
            <div>
              <Link to={`/u/${person.handle}`}>{person.displayName}</Link>{" "}
              <span className="muted small">@{person.handle}</span>
              {person.followsMe && <span className="badge">{t("profile.followsYou")}</span>}
            </div>
          </li>
        ))}
      </ul>
      {query.hasNextPage && (
        <button type="button" className="button button--ghost" onClick={() => void query.fetchNextPage()}>
          {t("feed.loadMore")}
        </button>
      )}
    </>
  );
}
