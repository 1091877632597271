import type { ReactNode } from "react";
import "./page-header.css";

/**
 * The one header of every section (the feed, chat, studies, mentors, notifications,
 * settings, my mentoring, admin…): its title, and its main actions at the end. At the
 * top of a list pane it is a bar that stays while the list scrolls; at the top of a
 * page, the page's first line. The title never breaks inside a word: when the actions
 * do not fit beside it, they go under it.
 */
export function PageHeader({
  title,
  titleId,
  level = 1,
  actions,
}: {
  title: ReactNode;
  titleId?: string;
  /** 2 where the page's h1 is above it (the visitor's feed, under the welcome). */
  level?: 1 | 2;
  actions?: ReactNode;
}) {
  const Heading = level === 1 ? "h1" : "h2";
  return (
    <div className="page-header">
      <Heading id={titleId} className="page-header__title">
        {title}
      </Heading>
      {actions && <div className="page-header__actions">{actions}</div>}
    </div>
  );
}
