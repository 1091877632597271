import { avatarColour, initialsOf } from "./avatar-look";
import "./avatar.css";

/** A person's picture, or their initials on a disc of their own colour. */
export function Avatar(props: {
  user: { displayName: string; avatarUrl: string | null; handle?: string };
  size?: number;
  label?: string;
}) {
  const size = props.size ?? 32;
  const style = { width: size, height: size, fontSize: Math.round(size * 0.4) };
  if (props.user.avatarUrl) {
    return (
      <img
        className="avatar avatar--image"
        src={props.user.avatarUrl}
        alt={props.label ?? ""}
        aria-label={props.label}
        width={size}
        height={size}
        style={style}
      />
    );
  }
  return (
    <span
      className="avatar avatar--initials"
      style={{ ...style, background: avatarColour(props.user.handle ?? props.user.displayName) }}
      aria-label={props.label}
      role={props.label ? "img" : undefined}
    >
      {initialsOf(props.user.displayName)}
    </span>
  );
}
