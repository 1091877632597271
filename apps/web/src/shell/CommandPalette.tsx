import * as RadixDialog from "@radix-ui/react-dialog";
import "../features/studies/study-messages";
import { Command } from "cmdk";
import { useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { useNavigate } from "react-router";
import { useI18n } from "../i18n/i18n";
import { useTheme } from "../theme/theme";
import { trpc } from "../lib/trpc";
import { useUi } from "../lib/ui-state";
import { useFocusReturn } from "../lib/use-focus-return";
import { restartApp, useMe } from "../features/auth/use-me";
import type { MessageKey } from "../i18n/messages";
import { useStanding } from "../features/moderation/use-standing";
import { usePaletteThings, useBothTables, type PaletteThing } from "./palette-search";
import { isNameOrStart, rankPalette, type PaletteEntry } from "./palette-rank";
import { PaletteLoading } from "./PaletteLoading";

interface PaletteCommand {
  id: string;
  label: string;
  /** The label in both languages: typing "설정" in the English UI finds Settings. */
  keywords?: string[];
  hint?: string;
  run: () => void;
}

/** A row of the ranked list: a command, a thing (a person, post, study or room), or "Search for …". */
type Row = PaletteEntry & { run: () => void; content: ReactNode };

/** Keys with which a person moves the selection themselves (cmdk's, and Vim's). */
const MOVING_KEYS = new Set(["ArrowDown", "ArrowUp", "Home", "End", "PageDown", "PageUp"]);

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
  const named = (key: MessageKey) => ({
    label: t(key),
    keywords: tables.flatMap((table) => table[key] ?? []),
  });

  const typed = ui.paletteSearch.trim();
  const { things, pending } = usePaletteThings(ui.paletteSearch);
  // What was typed goes along to the Search page, unless it was the command's own name.
  const searchNames = named("nav.search");
  const typedName = isNameOrStart(typed, [searchNames.label, ...searchNames.keywords]);
  const toSearch = () => void navigate(typed && !typedName ? `/search?q=${encodeURIComponent(typed)}` : "/search");
  const navigation: PaletteCommand[] = [
    { id: "go-feed", ...named("nav.feed"), run: () => void navigate("/") },
    { id: "go-settings", ...named("nav.settings"), run: () => void navigate("/settings") },
    { id: "go-search", ...named("nav.search"), run: toSearch },
    { id: "go-studies", ...named("nav.studies"), run: () => void navigate("/studies") },
    { id: "go-mentors", ...named("nav.mentors"), run: () => void navigate("/mentors") },
    ...(me.data
      ? [
          { id: "my-profile", ...named("action.myProfile"), run: () => void navigate(`/u/${me.data!.handle}`) },
          { id: "go-notifications", ...named("nav.notifications"), run: () => void navigate("/notifications") },
          { id: "go-chat", ...named("nav.chat"), run: () => void navigate("/chat") },
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

  // Every conversation by name: "Message @handle" for people, the study's title for its room.
  const rooms: Row[] = (inbox.data?.rooms ?? []).map((room) => {
    const label = room.peer
      ? t("palette.messagePerson", { handle: room.peer.handle, name: room.peer.displayName })
      : t("palette.goToRoom", { name: room.study?.title ?? "" });
    return {
      id: `room-${room.id}`,
      kind: "thing",
      names: room.peer ? [label, room.peer.displayName, room.peer.handle] : [label, room.study?.title ?? ""],
      run: () => void navigate(`/chat/${room.id}`),
      content: <span>{label}</span>,
    };
  });
  const commandRow = (command: PaletteCommand): Row => ({
    id: command.id,
    kind: "command",
    names: [command.label, ...(command.keywords ?? [])],
    run: command.run,
    content: (
      <>
        <span>{command.label}</span>
        {command.hint && <kbd>{command.hint}</kbd>}
      </>
    ),
  });
  const thingRow = (thing: PaletteThing): Row => ({ ...thing, run: () => void navigate(thing.to) });
  const searchFor: Row = {
    id: "search-for",
    kind: "search",
    names: [],
    run: () => void navigate(`/search?q=${encodeURIComponent(typed)}`),
    content: <span>{t("palette.searchFor", { q: typed })}</span>,
  };
  const ranked = typed
    ? rankPalette(typed, [...things.map(thingRow), ...rooms, ...[...navigation, ...actions].map(commandRow), searchFor])
    : [];

  // The best row is selected as rows arrive (the server's answers come after the
  // typing), unless the person moved the selection themselves for what is typed now.
  const [moved, setMoved] = useState<{ value: string; typed: string } | null>(null);
  const best = ranked[0]?.id ?? "";
  const selected = moved && moved.typed === typed && ranked.some((row) => row.id === moved.value) ? moved.value : best;
  // Set (before cmdk handles the event) while a key or the pointer moves the selection.
  const moving = useRef(false);

  const returnFocus = useFocusReturn(ui.paletteOpen);
  if (ui.paletteOpen && tables.length < 2) {
    const close = () => {
      ui.setPaletteOpen(false);
      returnFocus(new Event("close"));
    };
    return <PaletteLoading onClose={close} />;
  }
  const run = (row: { run: () => void }) => {
    ui.setPaletteOpen(false);
    row.run();
  };
  const item = (row: Row) => (
    <Command.Item key={row.id} value={row.id} onSelect={() => run(row)} className="palette__item">
      {row.content}
    </Command.Item>
  );

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
          {/* OrGo ranks the rows itself (palette-rank.ts): cmdk only draws and moves. */}
          <Command
            label={t("palette.label")}
            className="palette"
            shouldFilter={false}
            loop
            value={typed ? selected : undefined}
            onValueChange={(value) => {
              if (moving.current) setMoved({ value, typed });
            }}
            onKeyDownCapture={(event: KeyboardEvent) => {
              const vim = event.ctrlKey && ["j", "k", "n", "p"].includes(event.key);
              moving.current = MOVING_KEYS.has(event.key) || vim;
            }}
            onPointerMoveCapture={() => {
              moving.current = true;
            }}
          >
            <Command.Input
              placeholder={t("palette.placeholder")}
              className="palette__input"
              value={ui.paletteSearch}
              onValueChange={(value) => {
                moving.current = false;
                ui.setPaletteSearch(value);
              }}
            />
            <Command.List className="palette__list">
              {typed ? (
                <>
                  {ranked.map(item)}
                  {pending && (
                    <div className="palette__pending muted small" role="status">
                      {t("palette.searching")}
                    </div>
                  )}
                </>
              ) : (
                [
                  { heading: t("palette.navigation"), items: [...navigation.map(commandRow), ...rooms] },
                  { heading: t("palette.actions"), items: actions.map(commandRow) },
                ].map((group) => (
                  <Command.Group key={group.heading} heading={group.heading} className="palette__group">
                    {group.items.map(item)}
                  </Command.Group>
                ))
              )}
            </Command.List>
          </Command>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
