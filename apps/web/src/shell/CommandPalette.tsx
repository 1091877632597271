import * as RadixDialog from "@radix-ui/react-dialog";
import { Command } from "cmdk";
import { useNavigate } from "react-router";
import { useI18n } from "../i18n/i18n";
import { useTheme } from "../theme/theme";
import { trpc } from "../lib/trpc";
import { useUi } from "../lib/ui-state";
import { useFocusReturn } from "../lib/use-focus-return";
import { restartApp, useMe } from "../features/auth/use-me";
import type { FirstScreenKey } from "../i18n/messages";
import { useStanding } from "../features/moderation/use-standing";
import { PaletteResults, useBothTables } from "./palette-search";
import { PaletteLoading } from "./PaletteLoading";

interface PaletteCommand {
  id: string;
  label: string;
  /** The label in both languages: typing "설정" in the English UI finds Settings. */
  keywords?: string[];
  hint?: string;
  run: () => void;
}

export function CommandPalette() {
  const { t, language, setLanguage } = useI18n();
  const theme = useTheme();
  const navigate = useNavigate();
  const utils = trpc.useUtils();
  const ui = useUi();
  const me = useMe();
  const signOut = trpc.auth.signOut.useMutation({ onSettled: () => restartApp("/") });
  const inbox = trpc.chat.inbox.useQuery(undefined, { enabled: Boolean(me.data) && ui.paletteOpen });
  // Both tables before the items mount (cmdk reads keywords once, when an item mounts).
  const tables = useBothTables(ui.paletteOpen);
  const role = useStanding().data?.role;
  const named = (key: FirstScreenKey) => ({ label: t(key), keywords: tables.map((table) => table[key]) });

  const navigation: PaletteCommand[] = [
    { id: "go-feed", ...named("nav.feed"), run: () => void navigate("/") },
    { id: "go-settings", ...named("nav.settings"), run: () => void navigate("/settings") },
    { id: "go-search", ...named("nav.search"), run: () => void navigate("/search") },
    { id: "go-studies", ...named("nav.studies"), run: () => void navigate("/studies") },
    { id: "go-mentors", ...named("nav.mentors"), run: () => void navigate("/mentors") },
    ...(me.data
      ? [
          { id: "my-profile", ...named("action.myProfile"), run: () => void navigate(`/u/${me.data!.handle}`) },
          { id: "go-notifications", ...named("nav.notifications"), run: () => void navigate("/notifications") },
          { id: "go-chat", ...named("nav.chat"), run: () => void navigate("/chat") },
          // Every conversation by name: "Message @handle" for people, the study's title for its room.
          ...(inbox.data?.rooms ?? []).map((room) => ({
            id: `room-${room.id}`,
            label: room.peer
              ? t("palette.messagePerson", { handle: room.peer.handle, name: room.peer.displayName })
              : t("palette.goToRoom", { name: room.study?.title ?? "" }),
            run: () => void navigate(`/chat/${room.id}`),
          })),
          { id: "new-study", ...named("study.new"), run: () => void navigate("/studies/new") },
          { id: "my-studies", ...named("study.filter.mine"), run: () => void navigate("/studies?mine=joined") },
          { id: "my-mentoring", ...named("nav.mentoring"), run: () => void navigate("/mentoring") },
          {
            id: "upcoming-meetings",
            ...named("mentoring.upcomingMeetings"),
            run: () => void navigate("/mentoring?tab=meetings&scope=upcoming"),
          },
          {
            id: "my-mentors",
            ...named("mentoring.myMentors"),
            run: () => void navigate("/mentoring?box=outgoing&state=closed"),
          },
          {
            id: "my-mentees",
            ...named("mentoring.myMentees"),
            run: () => void navigate("/mentoring?box=incoming&state=closed"),
          },
          { id: "mentor-settings", ...named("settings.mentoring"), run: () => void navigate("/settings/mentoring") },
          { id: "edit-profile", ...named("action.editProfile"), run: () => void navigate("/settings/profile") },
          { id: "my-reports", ...named("settings.reports"), run: () => void navigate("/settings/reports") },
          ...(role === "moderator" || role === "admin"
            ? [{ id: "go-moderation", ...named("nav.moderation"), run: () => void navigate("/moderation") }]
            : []),
          ...(role === "admin" ? [{ id: "go-admin", ...named("nav.admin"), run: () => void navigate("/admin") }] : []),
        ]
      : [
          { id: "forgot-password", ...named("action.forgotPassword"), run: () => void navigate("/forgot-password") },
          { id: "sign-in", ...named("auth.signIn"), run: () => void navigate("/signin") },
          { id: "sign-up", ...named("auth.signUp"), run: () => void navigate("/signup") },
        ]),
  ];
  const actions: PaletteCommand[] = [
    { id: "new-post", ...named("composer.open"), hint: "n", run: () => ui.setComposerOpen(true) },
    { id: "refresh", ...named("action.refresh"), run: () => void utils.post.feed.invalidate() },
    { id: "theme", ...named("action.toggleTheme"), run: theme.cycle },
    { id: "language", ...named("action.switchLanguage"), run: () => setLanguage(language === "ko" ? "en" : "ko") },
    { id: "shortcuts", ...named("action.showShortcuts"), hint: "?", run: () => ui.setShortcutsOpen(true) },
    ...(me.data ? [{ id: "sign-out", ...named("auth.signOut"), run: () => signOut.mutate() }] : []),
  ];

  const returnFocus = useFocusReturn(ui.paletteOpen);
  if (ui.paletteOpen && tables.length < 2) {
    const close = () => {
      ui.setPaletteOpen(false);
      returnFocus(new Event("close"));
    };
    return <PaletteLoading onClose={close} />;
  }
  const run = (command: PaletteCommand) => {
    ui.setPaletteOpen(false);
    command.run();
  };

  return (
    // Radix's dialog around cmdk (not cmdk's own Dialog): it lets focus go back on close.
    <RadixDialog.Root open={ui.paletteOpen} onOpenChange={ui.setPaletteOpen}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="palette__overlay" />
        <RadixDialog.Content
          className="palette__content"
          aria-label={t("palette.label")}
          aria-describedby={undefined}
          onCloseAutoFocus={returnFocus}
          onOpenAutoFocus={(event) => {
            event.preventDefault();
            (event.currentTarget as HTMLElement).querySelector<HTMLElement>(".palette__input")?.focus();
          }}
        >
          <RadixDialog.Title className="visually-hidden">{t("palette.label")}</RadixDialog.Title>
          <Command label={t("palette.label")} className="palette">
            <Command.Input
              placeholder={t("palette.placeholder")}
              className="palette__input"
              value={ui.paletteSearch}
              onValueChange={ui.setPaletteSearch}
            />
            <Command.List className="palette__list">
              <Command.Empty className="palette__empty">{t("palette.empty")}</Command.Empty>
              {[
                { heading: t("palette.navigation"), items: navigation },
                { heading: t("palette.actions"), items: actions },
              ].map((group) => (
                <Command.Group key={group.heading} heading={group.heading} className="palette__group">
                  {group.items.map((command) => (
                    <Command.Item
                      key={command.id}
                      value={`${command.label} ${command.id}`}
                      keywords={command.keywords}
                      onSelect={() => run(command)}
                      className="palette__item"
                    >
                      <span>{command.label}</span>
                      {command.hint && <kbd>{command.hint}</kbd>}
                    </Command.Item>
                  ))}
                </Command.Group>
              ))}
              <PaletteResults
                search={ui.paletteSearch}
                onOpen={(to) => run({ id: to, label: to, run: () => void navigate(to) })}
              />
            </Command.List>
          </Command>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
