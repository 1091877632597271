import type { LucideIcon } from "lucide-react";

/**
 * A section's main action, one tap away on a phone: a round button above the bottom
 * bar (New post on the feed; the studies have New study in their header). Wider
 * screens have it in the rail, so it is not drawn there.
 */
export function PhoneAction(props: { label: string; icon: LucideIcon; onClick: () => void }) {
  const Icon = props.icon;
  return (
    <button type="button" className="phone-action" aria-label={props.label} title={props.label} onClick={props.onClick}>
      <Icon aria-hidden size={24} />
    </button>
  );
}
