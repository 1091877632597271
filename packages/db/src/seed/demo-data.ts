/** Demo content for a fresh install: realistic enough to click around in. */
export const demoUsers = [
  {
    handle: "demo",
    displayName: "Dana Cho",
    bio: "Picking up TypeScript, one small project a week.",
    email: "demo@orgo.dev",
  },
  { handle: "jiwoo", displayName: "김지우", bio: "백엔드 부트캠프 7기 · Django → TypeScript", email: "jiwoo@orgo.dev" },
  { handle: "minjun_dev", displayName: "박민준", bio: "알고리즘 스터디 리더. 매일 한 문제.", email: "minjun@orgo.dev" },
  {
    handle: "sara_k",
    displayName: "Sara Kim",
    bio: "Learning Postgres internals one EXPLAIN at a time.",
    email: "sara@orgo.dev",
  },
  { handle: "leo_builds", displayName: "Leo Park", bio: "Frontend curious, backend by day.", email: "leo@orgo.dev" },
  // Who runs the demo community: an admin (roles, audit log, watched words, dashboard)
  // and a moderator (the review queue).
  { handle: "ara_admin", displayName: "Ara (admin)", bio: "Runs this OrGo.", email: "admin@orgo.dev", role: "admin" },
  {
    handle: "mina_mod",
    displayName: "Mina (moderator)",
    bio: "Keeps OrGo kind. Report anything that is not.",
    email: "moderator@orgo.dev",
    role: "moderator",
  },
] as const;

/** Every demo account's password (the demo database only; the README names it). */
export const DEMO_PASSWORD = "orgo-demo-2026";

/** Demo accounts exist from long before the demo starts: none is a new account with a new one's limits. */
export const DEMO_ACCOUNT_AGE_MS = 60 * 24 * 3600_000;

export const demoPosts: { author: (typeof demoUsers)[number]["handle"]; title: string; body: string }[] = [
  {
    author: "jiwoo",
    title: "Django ORM에서 N+1 문제 잡기",
    body: "`select_related`와 `prefetch_related`의 차이를 드디어 이해했다.\n\n```python\nPost.objects.select_related('author').all()\n```\n\nForeignKey는 JOIN, ManyToMany는 별도 쿼리.",
  },
  {
    author: "sara_k",
    title: "Keyset pagination beats OFFSET",
    body: "OFFSET 100000 makes PostgreSQL read and throw away 100k rows. A keyset cursor (`where id < $last order by id desc limit 20`) costs the same on page 1 and page 5000.",
  },
  {
    author: "minjun_dev",
    title: "오늘의 알고리즘: 투 포인터",
    body: "정렬된 배열에서 합이 K인 쌍 찾기. O(n²) → O(n).\n\n```ts\nlet i = 0, j = a.length - 1;\nwhile (i < j) { const s = a[i] + a[j]; if (s === k) break; s < k ? i++ : j--; }\n```",
  },
  {
    author: "leo_builds",
    title: "What I learned wiring tRPC subscriptions",
    body: "Listen first, then catch up from the database, then stream — and drop duplicates by id. Otherwise you lose events that land between the query and the subscribe.",
  },
  {
    author: "jiwoo",
    title: "Redis pub/sub vs streams",
    body: "Pub/sub은 fire-and-forget, 구독자가 없으면 메시지는 사라진다. 놓치면 안 되는 이벤트는 DB에서 다시 읽어 오는 구조가 필요.",
  },
  {
    author: "sara_k",
    title: "EXPLAIN ANALYZE cheat sheet",
    body: "- `Seq Scan` on a big table in a hot path: missing index\n- `Rows Removed by Filter` large: index not selective\n- `Buffers: shared read` high: cold cache",
  },
  {
    author: "minjun_dev",
    title: "스터디 회고: 3주 동안 DP 30문제",
    body: "점화식을 먼저 말로 쓰고 코드로 옮기는 습관이 가장 도움이 됐다. 다음 스터디는 그래프!",
  },
  {
    author: "leo_builds",
    title: "Argon2id parameters, explained",
    body: "OWASP suggests m=19 MiB, t=2, p=1 as a minimum. Memory-hard means GPUs can't cheaply parallelise guesses.",
  },
];
