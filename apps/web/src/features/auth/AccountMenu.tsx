import * as Menu from "@radix-ui/react-dropdown-menu";
import { useNavigate } from "react-router";
import {
  CalendarClock,
  ChartLine,
  GraduationCap,
  LogOut,
  PenLine,
  Settings,
  ShieldCheck,
  UserRound,
} from "lucide-react";
import type { TMe } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import { Avatar } from "../../ui/Avatar";
import { useUi } from "../../lib/ui-state";
import { restartApp } from "./use-me";
import { PHONE_QUERY, useMediaQuery } from "../../lib/use-media-query";
import { useStanding } from "../moderation/use-standing";

/**
 * Who I am, as a menu (Radix: arrow keys, Esc, focus back on the button): my
 * profile, my mentoring, and sign-out one step away from a stray click. On a phone
 * it also holds what the bottom bar has no room for.
 */
export function AccountMenu({ me }: { me: TMe }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { setComposerOpen } = useUi();
  const signOut = trpc.auth.signOut.useMutation({ onSettled: () => restartApp("/") });
  const signedInAs = t("auth.signedInAs", { handle: me.handle });
  const phone = useMediaQuery(PHONE_QUERY);
  const role = useStanding().data?.role;
  return (
    <Menu.Root>
      <Menu.Trigger className="rail__item rail__me" title={signedInAs} data-testid="account">
        <Avatar user={me} size={26} label={signedInAs} />
        <span className="rail__label">{t("nav.me")}</span>
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content className="menu" side={phone ? "top" : "right"} align="end" sideOffset={8} collisionPadding={8}>
          <Menu.Label className="menu__label">{signedInAs}</Menu.Label>
          <Menu.Item className="menu__item" onSelect={() => void navigate(`/u/${me.handle}`)}>
            <UserRound aria-hidden size={18} /> {t("nav.profile")}
          </Menu.Item>
          <Menu.Item className="menu__item" onSelect={() => void navigate("/mentoring")}>
            <CalendarClock aria-hidden size={18} /> {t("nav.mentoring")}
          </Menu.Item>
          {/* The rail's secondary items, which the phone's bottom bar has no room for. */}
          {phone && (
            <>
              <Menu.Item className="menu__item" onSelect={() => void navigate("/mentors")}>
                <GraduationCap aria-hidden size={18} /> {t("nav.mentors")}
              </Menu.Item>
              <Menu.Item className="menu__item" onSelect={() => setComposerOpen(true)}>
                <PenLine aria-hidden size={18} /> {t("composer.open")}
              </Menu.Item>
              <Menu.Item className="menu__item" onSelect={() => void navigate("/settings")}>
                <Settings aria-hidden size={18} /> {t("nav.settings")}
              </Menu.Item>
              {(role === "moderator" || role === "admin") && (
                <Menu.Item className="menu__item" onSelect={() => void navigate("/moderation")}>
                  <ShieldCheck aria-hidden size={18} /> {t("nav.moderation")}
                </Menu.Item>
              )}
              {role === "admin" && (
                <Menu.Item className="menu__item" onSelect={() => void navigate("/admin")}>
                  <ChartLine aria-hidden size={18} /> {t("nav.admin")}
                </Menu.Item>
              )}
            </>
          )}
          <Menu.Separator className="menu__separator" />
          <Menu.Item className="menu__item" disabled={signOut.isPending} onSelect={() => signOut.mutate()}>
            <LogOut aria-hidden size={18} /> {t("auth.signOut")}
          </Menu.Item>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
