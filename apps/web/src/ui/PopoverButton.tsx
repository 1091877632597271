import type { ReactNode } from "react";
import * as Popover from "@radix-ui/react-popover";

/**
 * A button that opens a panel beside it (Radix Popover: focus moves in and back,
 * Escape and a click outside close it). `label` names the button for everyone (its
 * aria-label and tooltip); what it shows is `face`.
 */
export function PopoverButton(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  label: string;
  face: ReactNode;
  className: string;
  testId: string;
  disabled?: boolean;
  panelClassName?: string;
  align?: "start" | "center" | "end";
  children: ReactNode;
}) {
  return (
    <Popover.Root open={props.open} onOpenChange={props.onOpenChange}>
      <Popover.Trigger asChild>
        <button
          type="button"
          className={props.className}
          aria-label={props.label}
          title={props.label}
          disabled={props.disabled}
          data-testid={props.testId}
        >
          {props.face}
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          className={`popover-panel${props.panelClassName ? ` ${props.panelClassName}` : ""}`}
          align={props.align ?? "center"}
          sideOffset={4}
          collisionPadding={12}
        >
          {props.children}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
