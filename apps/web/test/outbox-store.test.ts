import { beforeEach, describe, expect, it, vi } from "vitest";

// The store keeps its writes in localStorage; Node has none, so a Map stands in.
const stored = new Map<string, string>();
vi.stubGlobal("localStorage", {
  getItem: (key: string) => stored.get(key) ?? null,
  setItem: (key: string, value: string) => void stored.set(key, value),
  removeItem: (key: string) => void stored.delete(key),
});

const load = () => import("../src/features/outbox/outbox-store");
const comment = (clientId: string) => ({
  kind: "comment" as const,
  input: { postId: 7, body: "Written  on\\nthe train", clientId },
});

describe("the outbox's store", () => {
  beforeEach(() => {
    stored.clear();
    vi.resetModules();
  });

  it("keeps writes across a reload, and one being sent when the page went away waits again", async () => {
    const first = await load();
    first.enqueue("u1", comment("c1"));
    first.enqueue("u1", { kind: "post", input: { title: "Offline notes", body: "b", imageIds: [], clientId: "p1" } });
    first.updateItem("c1", { state: "sending" });
    expect(first.outboxItems().map((item) => [item.label, item.state])).toEqual([
      ["Written on\\nthe train", "sending"],
      ["Offline notes", "waiting"],
    ]);

    vi.resetModules();
    const reloaded = await load();
    expect(reloaded.outboxItems().map((item) => [item.input.clientId, item.state])).toEqual([
      ["c1", "waiting"],
      ["p1", "waiting"],
    ]);
    reloaded.updateItem("p1", { state: "failed", error: "Too long" });
    reloaded.removeItem("c1");
    expect(reloaded.outboxItems()).toMatchObject([{ input: { clientId: "p1" }, state: "failed", error: "Too long" }]);
    reloaded.removeItem("p1");
    expect(stored.has("orgo.outbox")).toBe(false);
  });

  it("survives storage holding something else", async () => {
    stored.set("orgo.outbox", "{not json");
    expect((await load()).outboxItems()).toEqual([]);
  });
});
