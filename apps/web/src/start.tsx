import { StrictMode, startTransition } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import { reportUncaughtErrors } from "./lib/report-error";
import { initialLanguage, loadLanguage } from "./i18n/i18n";

// Started by main.ts once index.html's frame is on screen.
reportUncaughtErrors();

// A Korean reader's table arrives before the first render (English is built in); if
// it cannot load, the page still starts, in English.
void loadLanguage(initialLanguage())
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
