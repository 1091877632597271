import { useEffect, useEffectEvent } from "react";
import { useLocation, useNavigate } from "react-router";
import { useI18n } from "../i18n/i18n";
import { startServiceWorker } from "../lib/service-worker";
import { showToast } from "../lib/toast";
import { trpc } from "../lib/trpc";
import { useUi } from "../lib/ui-state";
import { useMe } from "../features/auth/use-me";

/**
 * What makes OrGo an installed app: the service worker (offline shell, "Reload to
 * update", push clicks shown in this window), the manifest in the reader's language,
 * the "New post" shortcut of the installed app (/?compose), and the language push and
 * mail are written in (the server keeps the one this app last reported).
 */
export function useInstalledApp() {
  const { t, language } = useI18n();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  const { setComposerOpen } = useUi();

  // The toast's words are the language of the moment it shows.
  const onUpdate = useEffectEvent((reload: () => void) =>
    showToast(t("app.updateReady"), {
      id: "app-update",
      duration: Infinity,
      action: { label: t("app.reload"), onClick: reload },
    }),
  );
  const onOpen = useEffectEvent((path: string) => void navigate(path));
  useEffect(() => startServiceWorker({ onUpdate, onOpen }), []);

  useEffect(() => {
    const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
    if (link) link.href = language === "ko" ? "/manifest.ko.webmanifest" : "/manifest.webmanifest";
  }, [language]);

  useEffect(() => {
    if (!new URLSearchParams(search).has("compose")) return;
    setComposerOpen(true);
    void navigate(pathname, { replace: true });
  }, [search, pathname, navigate, setComposerOpen]);

  useReportLanguage(language);
}

/** Tells the server the reader's language when it is not the one last told (push and mail speak it). */
function useReportLanguage(language: "en" | "ko") {
  const me = useMe();
  const { mutate } = trpc.notification.setDelivery.useMutation();
  const userId = me.data?.id;
  useEffect(() => {
    if (!userId) return;
    const key = `orgo.reportedLanguage:${userId}`;
    if (localStorage.getItem(key) === language) return;
    mutate({ language }, { onSuccess: () => localStorage.setItem(key, language) });
  }, [userId, language, mutate]);
}
