/** A person's picture, or the first letter of their name on a tinted disc. */
export function Avatar(props: {
  user: { displayName: string; avatarUrl: string | null };
  size?: number;
  label?: string;
}) {
  const size = props.size ?? 32;
  const style = { width: size, height: size, fontSize: Math.round(size * 0.45) };
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
    <span className="avatar" style={style} aria-label={props.label} role={props.label ? "img" : undefined}>
      {props.user.displayName.slice(0, 1).toUpperCase()}
    </span>
  );
}
