import ogs from "open-graph-scraper";

/** What a page says about itself, as a preview card shows it. */
export interface PagePreview {
  title: string;
  description: string;
  siteName: string;
  /** Absolute, http(s) only; null when the page names none. */
  imageUrl: string | null;
}

const TITLE_MAX = 200;
const DESCRIPTION_MAX = 300;
const clip = (text: string | undefined, max: number) => {
  const flat = (text ?? "").replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/**
 * Reads a page's Open Graph and Twitter Card tags (open-graph-scraper, on the HTML
 * the safe fetcher read: it fetches nothing itself), falling back on its <title> and
 * meta description. Null when there is not even a title.
 */
export async function readPagePreview(html: string, pageUrl: string): Promise<PagePreview | null> {
  const { result, error } = await ogs({ html });
  if (error) return null;
  const title = clip(result.ogTitle ?? result.twitterTitle ?? result.dcTitle, TITLE_MAX);
  if (!title) return null;
  const image = result.ogImage?.[0]?.url ?? result.twitterImage?.[0]?.url;
  let imageUrl: string | null = null;
  if (image) {
    try {
      const resolved = new URL(image, pageUrl);
      if (resolved.protocol === "http:" || resolved.protocol === "https:") imageUrl = resolved.toString();
    } catch {
      imageUrl = null;
    }
  }
  return {
    title,
    description: clip(result.ogDescription ?? result.twitterDescription ?? result.dcDescription, DESCRIPTION_MAX),
    siteName: clip(result.ogSiteName ?? new URL(pageUrl).hostname, TITLE_MAX),
    imageUrl,
  };
}
