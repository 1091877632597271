import { StrictMode, startTransition } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import { reportUncaughtErrors } from "./lib/report-error";
import { initialLanguage, loadLanguage } from "./i18n/i18n";

// Started by main.ts once index.html's frame is on screen.
reportUncaughtErrors();

// The reader's table arrives before the first render; if a Korean one cannot load,
// the page starts in English (and if no table can, with the keys as text).
void loadLanguage(initialLanguage())
  .catch(() => loadLanguage("en"))
  .catch(() => undefined)
  .then(() => {
    const root = createRoot(document.getElementById("root")!);
    // A transition: React renders the first screen in slices, yielding to the browser
    // (no long task on a slow phone), while index.html's frame stays painted.
    startTransition(() =>
      root.render(
        <StrictMode>
          <App />
        </StrictMode>,
      ),
    );
  });
