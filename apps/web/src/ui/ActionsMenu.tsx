import type { ReactNode } from "react";
import * as Menu from "@radix-ui/react-dropdown-menu";
import { Ellipsis } from "lucide-react";

/**
 * A row's less frequent actions behind one "…" button (Radix: arrow keys, Esc, focus
 * back on the button), so the row keeps only what people do most beside it.
 * `label` names the button for what it acts on: "More actions on Leo's comment".
 */
export function ActionsMenu({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Menu.Root>
      <Menu.Trigger
        className="button button--link small actions-menu"
        aria-label={label}
        title={label}
        data-testid={testId}
      >
        <Ellipsis aria-hidden size={16} />
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content className="menu" align="end" sideOffset={4} collisionPadding={8}>
          {children}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}

/** One of the menu's actions; `danger` for what removes something (it then asks first). */
export function ActionsMenuItem(props: {
  icon: ReactNode;
  children: ReactNode;
  onSelect: () => void;
  danger?: boolean;
}) {
  return (
    <Menu.Item className={`menu__item${props.danger ? " menu__item--danger" : ""}`} onSelect={props.onSelect}>
      {props.icon} {props.children}
    </Menu.Item>
  );
}
