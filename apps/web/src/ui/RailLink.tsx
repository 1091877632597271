import type { ReactNode } from "react";
import { NavLink, useLocation } from "react-router";
import type { LucideIcon } from "lucide-react";

/**
 * One way to a section, in the rail (desktop, tablet) or the bottom bar (phone):
 * an icon, its label and, when there is something new, a badge. `secondary` items
 * live in the account menu on a phone, where the bar has room for five.
 */
export function RailLink(props: {
  to: string;
  icon: LucideIcon;
  label: string;
  /** The tooltip, when it says more than the label. */
  title?: string;
  badge?: ReactNode;
  /** Also active on these path prefixes (the feed is active on an open post). */
  alsoActiveOn?: string;
  secondary?: boolean;
  end?: boolean;
}) {
  const Icon = props.icon;
  const { pathname } = useLocation();
  const alsoActive = props.alsoActiveOn !== undefined && pathname.startsWith(props.alsoActiveOn);
  return (
    <NavLink
      to={props.to}
      end={props.end}
      className={({ isActive }) => {
        const active = isActive || alsoActive;
        return `rail__item${active ? " active" : ""}${props.secondary ? " rail__item--secondary" : ""}`;
      }}
      title={props.title ?? props.label}
    >
      <Icon aria-hidden className="rail__icon" size={22} strokeWidth={1.8} />
      {props.badge}
      <span className="rail__label">{props.label}</span>
    </NavLink>
  );
}
