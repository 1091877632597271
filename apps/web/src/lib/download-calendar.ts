/** Offers an .ics file (a meeting, a study's sessions) as a download the browser saves. */
export async function downloadCalendar(fetchIt: () => Promise<{ filename: string; content: string }>) {
  const { filename, content } = await fetchIt();
  const url = URL.createObjectURL(new Blob([content], { type: "text/calendar" }));
  const link = Object.assign(document.createElement("a"), { href: url, download: filename });
  link.click();
  URL.revokeObjectURL(url);
}
