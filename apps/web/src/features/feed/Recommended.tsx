import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import "./feed.css";

/** The 5 most-liked posts of the week, shown while no post is open. */
export function Recommended({ onOpen }: { onOpen: (id: number) => void }) {
  const { t } = useI18n();
  const recommended = trpc.post.recommended.useQuery(undefined, { staleTime: 60_000 });
  if (!recommended.data?.length) return null;
  return (
    <section className="recommended" aria-labelledby="recommended-title">
      <h2 id="recommended-title" className="section-title">
        {t("feed.recommended")}
      </h2>
      <ol>
        {recommended.data.map((post) => (
          <li key={post.id}>
            <button type="button" className="link-button" onClick={() => onOpen(post.id)}>
              {post.title}
            </button>{" "}
            <span className="muted small">
              ♥ {post.likeCount} · @{post.author.handle}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
