/**
 * How a person without a picture is told apart: a colour that is theirs (from their
 * handle, so it is the same on every screen and after a rename of their display name)
 * and their initials. Every colour keeps white text at WCAG AA (≥ 4.5:1) in both themes.
 */
const AVATAR_COLOURS = [
  "#1d4ed8", // blue
  "#047857", // emerald
  "#b91c1c", // red
  "#7e22ce", // purple
  "#c2410c", // orange
  "#0e7490", // cyan
  "#be185d", // pink
  "#4d7c0f", // lime
  "#4338ca", // indigo
  "#0f766e", // teal
] as const;

/**
 * FNV-1a over the key's UTF-16 units, then MurmurHash3's finaliser: FNV alone leaves
 * its low bits (all that `% 10` reads) too alike for similar handles.
 */
function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

export function avatarColour(key: string): string {
  return AVATAR_COLOURS[hashOf(key) % AVATAR_COLOURS.length]!;
}

/**
 * "Sara Kim" → "SK", "leo" → "L", "김지우" → "김": the first letters of the first two
 * words, one letter for a one-word name (a Korean name is one word, and its first
 * syllable is what people recognise). Letters are whole graphemes, never half an emoji.
 */
export function initialsOf(name: string): string {
  // A word's leading punctuation is not its initial: "Ara (admin)" is AA, not A(.
  const words = name
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/^\p{P}+/u, ""))
    .filter(Boolean);
  const first = (word: string) => firstGrapheme(word).toLocaleUpperCase();
  if (words.length === 0) return "?";
  if (words.length === 1) return first(words[0]!);
  return first(words[0]!) + first(words[1]!);
}

/** Made on first need, not as the app's chunk loads (see firstGrapheme). */
let segmenter: Intl.Segmenter | null | undefined;

/**
 * The word's first grapheme. The segmenter is made when first asked for: made as the
 * app's chunk loaded, it loaded ICU's data there (the largest part of evaluating the
 * chunk, 96 of 150 samples in a profile of the visitor's feed at 4× CPU); main.ts now
 * loads that data in a task of its own while the chunk is on its way.
 */
function firstGrapheme(word: string): string {
  segmenter ??=
    typeof Intl.Segmenter === "function" ? new Intl.Segmenter(undefined, { granularity: "grapheme" }) : null;
  if (segmenter) {
    for (const { segment } of segmenter.segment(word)) return segment;
  }
  return Array.from(word)[0] ?? "";
}

export const avatarColours: readonly string[] = AVATAR_COLOURS;
