import { useState } from "react";
import { lazyPage } from "../lib/lazy-page";
import { BrowserRouter, Route, Routes } from "react-router";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { I18nProvider } from "../i18n/i18n";
import { ThemeProvider } from "../theme/theme";
import { UiStateProvider } from "../lib/ui-state";
import { Shell } from "../shell/Shell";
import { trpc, createTrpcClient } from "../lib/trpc";
import { useRefetchOnReconnect } from "../lib/use-refetch-on-reconnect";
import { FeedPage } from "../features/feed/FeedPage";
import { NotFoundPage } from "../shell/NotFoundPage";

// Every section but the feed (the first screen) is its own chunk, fetched when first opened.
const SettingsPage = lazyPage(() => import("../features/settings/SettingsPage"), "SettingsPage");
const SignInPage = lazyPage(() => import("../features/auth/SignInPage"), "SignInPage");
const SignUpPage = lazyPage(() => import("../features/auth/SignUpPage"), "SignUpPage");
const ForgotPasswordPage = lazyPage(() => import("../features/auth/ForgotPasswordPage"), "ForgotPasswordPage");
const ResetPasswordPage = lazyPage(() => import("../features/auth/ResetPasswordPage"), "ResetPasswordPage");
const ProfilePage = lazyPage(() => import("../features/profile/ProfilePage"), "ProfilePage");
const SearchPage = lazyPage(() => import("../features/search/SearchPage"), "SearchPage");
const NotificationsPage = lazyPage(() => import("../features/notifications/NotificationsPage"), "NotificationsPage");
const StudiesPage = lazyPage(() => import("../features/studies/StudiesPage"), "StudiesPage");
const StudyFormPage = lazyPage(() => import("../features/studies/StudyFormPage"), "StudyFormPage");
const ChatPage = lazyPage(() => import("../features/chat/ChatPage"), "ChatPage");
const MentorsPage = lazyPage(() => import("../features/mentoring/MentorsPage"), "MentorsPage");
const WelcomePage = lazyPage(() => import("../features/onboarding/WelcomePage"), "WelcomePage");
const MentoringPage = lazyPage(() => import("../features/mentoring/MentoringPage"), "MentoringPage");
const DecisionPage = lazyPage(() => import("../features/moderation/DecisionPage"), "DecisionPage");
const QueuePage = lazyPage(() => import("../features/moderation/queue/QueuePage"), "QueuePage");
const AdminPage = lazyPage(() => import("../features/moderation/admin/AdminPage"), "AdminPage");

export function App() {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } }),
  );
  const [{ client }] = useState(() => createTrpcClient());
  useRefetchOnReconnect(queryClient);
  return (
    <trpc.Provider client={client} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>
        <I18nProvider>
          <ThemeProvider>
            <UiStateProvider>
              <BrowserRouter>
                <Routes>
                  <Route element={<Shell />}>
                    {/* A section stays mounted while its selection changes (list and scroll
                        kept): the section is the parent route, the selection a child. */}
                    <Route element={<FeedPage />}>
                      <Route index element={null} />
                      <Route path="posts/:postId" element={null} />
                    </Route>
                    <Route path="settings" element={<SettingsPage />}>
                      <Route index element={null} />
                      <Route path=":section" element={null} />
                    </Route>
                    <Route path="signin" element={<SignInPage />} />
                    <Route path="signup" element={<SignUpPage />} />
                    <Route path="forgot-password" element={<ForgotPasswordPage />} />
                    <Route path="reset-password" element={<ResetPasswordPage />} />
                    <Route path="u/:handle" element={<ProfilePage />}>
                      <Route index element={null} />
                      <Route path="posts/:postId" element={null} />
                    </Route>
                    <Route path="search" element={<SearchPage />} />
                    <Route path="notifications" element={<NotificationsPage />}>
                      <Route index element={null} />
                      <Route path=":notificationId" element={null} />
                    </Route>
                    <Route path="studies" element={<StudiesPage />}>
                      <Route index element={null} />
                      <Route path=":studyId" element={null} />
                    </Route>
                    <Route path="studies/new" element={<StudyFormPage />} />
                    <Route path="studies/:studyId/edit" element={<StudyFormPage />} />
                    <Route path="chat" element={<ChatPage />}>
                      <Route index element={null} />
                      <Route path=":roomId" element={null} />
                      <Route path="new/:handle" element={null} />
                    </Route>
                    <Route path="mentors" element={<MentorsPage />}>
                      <Route index element={null} />
                      <Route path=":userId" element={null} />
                    </Route>
                    <Route path="mentoring" element={<MentoringPage />} />
                    <Route path="welcome" element={<WelcomePage />} />
                    <Route path="decisions/:decisionId" element={<DecisionPage />} />
                    <Route path="moderation" element={<QueuePage />}>
                      <Route index element={null} />
                      <Route path="cases/:caseId" element={null} />
                    </Route>
                    <Route path="admin" element={<AdminPage />}>
                      <Route index element={null} />
                      <Route path=":section" element={null} />
                    </Route>
                    <Route path="*" element={<NotFoundPage />} />
                  </Route>
                </Routes>
              </BrowserRouter>
            </UiStateProvider>
          </ThemeProvider>
        </I18nProvider>
      </QueryClientProvider>
    </trpc.Provider>
  );
}
