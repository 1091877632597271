/**
 * Short lists held per socket for as long as it lives (its subscriptions, a
 * person's tabs, a session's sockets), kept at their exact size. The first `push`
 * into an array — and spread or `filter`, which push too — reserves 17 slots:
 * ≈ 150 bytes each, measured with heap snapshots under bench:chat. A literal,
 * `concat` and `toSpliced` allocate what they hold. Lists are replaced, never
 * changed in place, so a loop over one is safe while its items leave.
 */
export function withItem<T>(list: readonly T[] | null | undefined, item: T): T[] {
  return list ? list.concat([item]) : [item];
}

export function withoutAt<T>(list: readonly T[], index: number): T[] {
  return list.toSpliced(index, 1);
}
