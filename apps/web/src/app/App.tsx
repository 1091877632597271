import { useState } from "react";
import { BrowserRouter, Route, Routes } from "react-router";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { I18nProvider } from "../i18n/i18n";
import { ThemeProvider } from "../theme/theme";
import { UiStateProvider } from "../shell/ui-state";
import { Shell } from "../shell/Shell";
import { trpc, createTrpcClient } from "../lib/trpc";
import { FeedPage } from "../features/feed/FeedPage";
import { SettingsPage } from "../features/settings/SettingsPage";
import { SignInPage } from "../features/auth/SignInPage";
import { SignUpPage } from "../features/auth/SignUpPage";
import { ForgotPasswordPage } from "../features/auth/ForgotPasswordPage";
import { ResetPasswordPage } from "../features/auth/ResetPasswordPage";
import { ProfilePage } from "../features/profile/ProfilePage";
import { SearchPage } from "../features/search/SearchPage";
import { NotificationsPage } from "../features/notifications/NotificationsPage";
import { StudiesPage } from "../features/studies/StudiesPage";
import { StudyPage } from "../features/studies/StudyPage";
import { StudyFormPage } from "../features/studies/StudyFormPage";
import { ChatPage } from "../features/chat/ChatPage";
import { MentorsPage } from "../features/mentoring/MentorsPage";
import { MentoringPage } from "../features/mentoring/MentoringPage";

export function App() {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } }),
  );
  const [{ client }] = useState(() => createTrpcClient());
  return (
    <trpc.Provider client={client} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>
        <I18nProvider>
          <ThemeProvider>
            <UiStateProvider>
              <BrowserRouter>
                <Routes>
                  <Route element={<Shell />}>
                    <Route index element={<FeedPage />} />
                    <Route path="posts/:postId" element={<FeedPage />} />
                    <Route path="settings" element={<SettingsPage />} />
                    <Route path="signin" element={<SignInPage />} />
                    <Route path="signup" element={<SignUpPage />} />
                    <Route path="forgot-password" element={<ForgotPasswordPage />} />
                    <Route path="reset-password" element={<ResetPasswordPage />} />
                    <Route path="u/:handle" element={<ProfilePage />} />
                    <Route path="search" element={<SearchPage />} />
                    <Route path="notifications" element={<NotificationsPage />} />
                    <Route path="studies" element={<StudiesPage />} />
                    <Route path="studies/new" element={<StudyFormPage />} />
                    <Route path="studies/:studyId" element={<StudyPage />} />
                    <Route path="studies/:studyId/edit" element={<StudyFormPage />} />
                    <Route path="chat" element={<ChatPage />} />
                    <Route path="chat/:roomId" element={<ChatPage />} />
                    <Route path="mentors" element={<MentorsPage />} />
                    <Route path="mentors/:userId" element={<MentorsPage />} />
                    <Route path="mentoring" element={<MentoringPage />} />
                    <Route path="*" element={<FeedPage />} />
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
