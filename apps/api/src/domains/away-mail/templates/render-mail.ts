import type { ReactElement } from "react";
import { render } from "@react-email/render";

/** A template as mail programs take it: HTML, and the plain-text part made from the same tree. */
export async function renderMail(element: ReactElement): Promise<{ html: string; text: string }> {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { html, text };
}
