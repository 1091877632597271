/**
 * What an empty detail pane says: how to open one of the list's items — only when
 * the list has some. Beside an empty list (which says so itself) keys to move through
 * it would be instructions for nothing.
 */
export function SelectHint({ count, text, className }: { count: number; text: string; className?: string }) {
  if (count === 0) return null;
  return <p className={className ?? "placeholder muted"}>{text}</p>;
}
