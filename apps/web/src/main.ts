// The entry index.html loads: the styles of its static frame, and nothing else.
import "./ui/styles/index.css";
// The shell's rules (the frame once the app runs; loaded here only, or the entry would
// import the app's chunk), then the layout's phone rules, which change them.
import "./shell/shell.css";
import "./shell/layout.css";

// The app is a chunk of its own, fetched and run once the browser reports that it has
// painted index.html's frame (rail, top bar, the visitor's welcome). On a slow line
// that frame then never waits for ≈ 140 KB of script to arrive, and on a slow CPU it
// never waits for the script to run. A tab opened in the background starts at once (it
// paints nothing until it is shown), and so does a browser that does not report paints.
const start = () => {
  // The reader's table (index.html's first script set the language), fetched beside the
  // app rather than after it: the app waits for it before its first render.
  void (document.documentElement.lang === "ko" ? import("./i18n/messages-ko") : import("./i18n/messages")).catch(
    () => undefined,
  );
  // ICU's data loads with the first Intl object a page makes (≈ 60 ms on a phone's
  // CPU, whichever object it is), and the date formats of a language with the first
  // date format. The first render needs both (plurals, dates): made here, while the
  // app's chunk is still on its way, each is a short task of its own instead of the
  // largest part of the app's first tasks (docs/client.md, "Where the load's main-thread time goes").
  // The locales of lib/date-format.ts: importing it here would pull the app's chunk into the entry.
  const locale = document.documentElement.lang === "ko" ? "ko-KR" : "en-US";
  setTimeout(() => {
    void new Intl.PluralRules(locale).select(1);
    setTimeout(() => void new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(0));
  });
  void import("./start").catch(() => {
    // A failed module fetch stays failed for this page (browsers keep it in the module
    // map): load the page again once the line is back.
    if (navigator.onLine) setTimeout(() => location.reload(), 5_000);
    else addEventListener("online", () => location.reload(), { once: true });
  });
};
function afterFirstPaint(then: () => void) {
  let started = false;
  const once = () => {
    if (started) return;
    started = true;
    observer?.disconnect();
    then();
  };
  // The first contentful paint (the frame's text), not the first paint, which can be
  // the bare background a moment before.
  const observer = PerformanceObserver.supportedEntryTypes?.includes("paint")
    ? new PerformanceObserver((list) => {
        if (list.getEntriesByName("first-contentful-paint").length > 0) once();
      })
    : undefined;
  if (!observer || document.visibilityState !== "visible") return once();
  observer.observe({ type: "paint", buffered: true });
  setTimeout(once, 1_000);
}

afterFirstPaint(start);
