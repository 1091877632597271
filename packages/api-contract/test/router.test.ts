import { describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { AppError } from "../src/index.js";
import { appRouter, createCallerFactory } from "../src/server/index.js";
import { fakeServices, makePost, testContext } from "../src/testing/fake-services.js";

const createCaller = createCallerFactory(appRouter);
const callerWith = (services = fakeServices(), requestId = "req-1") =>
  createCaller(testContext({ services, requestId }).context);

async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

const viewer = { userId: "u1", sessionId: "s1", signedInAtMs: 0 };
const signedInWith = (services = fakeServices()) => createCaller(testContext({ services, viewer }).context);

describe("post.feed", () => {
  it("pages with a cursor", async () => {
    const caller = callerWith();
    const first = await caller.post.feed({ limit: 2 });
    expect(first.items.map((p) => p.id)).toEqual([5, 4]);
    const second = await caller.post.feed({ limit: 2, cursor: first.nextCursor });
    expect(second.items.map((p) => p.id)).toEqual([3, 2]);
  });

  it("refuses a page size outside 1–50, an unknown feed and a malformed cursor as BAD_REQUEST", async () => {
    expect((await errorOf(callerWith().post.feed({ limit: 500 }))).code).toBe("BAD_REQUEST");
    expect((await errorOf(callerWith().post.feed({ kind: "hot" as "latest" }))).code).toBe("BAD_REQUEST");
    expect((await errorOf(callerWith().post.feed({ cursor: "1; drop table" }))).code).toBe("BAD_REQUEST");
  });

  it("drops private fields a service might leak, such as an author's e-mail", async () => {
    const services = fakeServices({
      feed: () => Promise.resolve({ items: [makePost(1, { email: "secret@example.com" })], nextCursor: null }),
    });
    const page = await callerWith(services).post.feed({});
    expect(JSON.stringify(page)).not.toContain("secret@example.com");
    expect(page.items[0]!.author).not.toHaveProperty("email");
  });
});

describe("post writes", () => {
  it("need a signed-in viewer", async () => {
    const anonymous = callerWith();
    expect((await errorOf(anonymous.post.create({ title: "t", body: "b" }))).code).toBe("UNAUTHORIZED");
    expect((await errorOf(anonymous.post.update({ id: 1, title: "t", body: "b" }))).code).toBe("UNAUTHORIZED");
    expect((await errorOf(anonymous.post.delete({ id: 1 }))).code).toBe("UNAUTHORIZED");
    expect((await errorOf(anonymous.post.like({ id: 1 }))).code).toBe("UNAUTHORIZED");
  });

  it("trims and validates the input before the service sees it", async () => {
    let seen: unknown;
    const services = fakeServices({
      create: (_viewer, input) => {
        seen = input;
        return Promise.resolve(makePost(9));
      },
    });
    await signedInWith(services).post.create({ title: "  Hello  ", body: " world " });
    expect(seen).toEqual({ title: "Hello", body: "world", imageIds: [] });
    expect((await errorOf(signedInWith(services).post.create({ title: "   ", body: "x" }))).code).toBe("BAD_REQUEST");
    const eleven = Array.from({ length: 11 }, () => crypto.randomUUID());
    expect((await errorOf(signedInWith(services).post.create({ title: "t", body: "b", imageIds: eleven }))).code).toBe(
      "BAD_REQUEST",
    );
    // An outbox's client id is a UUID or nothing.
    const clientId = crypto.randomUUID();
    await signedInWith(services).post.create({ title: "t", body: "b", clientId });
    expect(seen).toMatchObject({ clientId });
    expect((await errorOf(signedInWith(services).post.create({ title: "t", body: "b", clientId: "1" }))).code).toBe(
      "BAD_REQUEST",
    );
  });

  it("maps a domain error to its tRPC code", async () => {
    const services = fakeServices({
      update: () => Promise.reject(new AppError("FORBIDDEN", "Only the author can change this post")),
    });
    const error = await errorOf(signedInWith(services).post.update({ id: 1, title: "t", body: "b" }));
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toBe("Only the author can change this post");
  });
});

describe("post.onCreated", () => {
  it("yields tracked ids so a reconnecting client resumes after its last one", async () => {
    const stream = await callerWith().post.onCreated({ lastEventId: "1" });
    const ids: string[] = [];
    // A server-side caller yields tracked()'s raw envelope: [id, data, marker].
    for await (const event of stream) ids.push((event as unknown as [string])[0]);
    expect(ids).toEqual(["2", "3"]);
  });

  it("refuses a malformed lastEventId", async () => {
    const error = await errorOf(callerWith().post.onCreated({ lastEventId: "abc" }));
    expect(error.code).toBe("BAD_REQUEST");
  });
});

describe("auth.me", () => {
  it("is null when signed out and the own profile, e-mail included, when signed in", async () => {
    expect(await callerWith().auth.me()).toBeNull();
    const signedIn = createCaller(testContext({ viewer }).context);
    expect(await signedIn.auth.me()).toMatchObject({ id: "u1", email: "me@example.com" });
  });
});

describe("auth sign-in and sign-out", () => {
  it("sets the session cookie on success and none on failure", async () => {
    const ok = testContext();
    expect(
      await createCaller(ok.context).auth.signIn({ email: " Me@Example.com ", password: "right-password" }),
    ).toMatchObject({
      id: "u1",
    });
    expect(ok.cookieLog).toEqual(["set token-1"]);

    const bad = testContext();
    const error = await errorOf(createCaller(bad.context).auth.signIn({ email: "me@example.com", password: "nope" }));
    expect(error.code).toBe("UNAUTHORIZED");
    expect(bad.cookieLog).toEqual([]);
  });

  it("refuses to sign in over a websocket, where no cookie can be set", async () => {
    const ws = testContext({ cookies: null });
    const error = await errorOf(
      createCaller(ws.context).auth.signIn({ email: "me@example.com", password: "right-password" }),
    );
    expect(error.code).toBe("BAD_REQUEST");
  });

  it("signs out only a signed-in viewer, and clears the cookie", async () => {
    expect((await errorOf(callerWith().auth.signOut())).code).toBe("UNAUTHORIZED");
    const signedIn = testContext({ viewer });
    await createCaller(signedIn.context).auth.signOut();
    expect(signedIn.cookieLog).toEqual(["clear"]);
  });

  it("validates sign-up input: e-mail, 8-character password, handle", async () => {
    const error = await errorOf(
      callerWith().auth.signUpStart({ email: "not-an-email", password: "short", handle: "No Spaces", displayName: "" }),
    );
    expect(error.code).toBe("BAD_REQUEST");
  });
});

describe("user.profile", () => {
  it("answers a public profile without the e-mail, even when a service hands one over", async () => {
    const profile = await callerWith().user.profile({ handle: "Demo" });
    expect(profile).toMatchObject({ handle: "demo", postCount: 5 });
    expect(profile).not.toHaveProperty("email");
    expect(JSON.stringify(profile)).not.toContain("@example.com");
  });

  it("is NOT_FOUND for an unknown handle and BAD_REQUEST for a malformed one", async () => {
    expect((await errorOf(callerWith().user.profile({ handle: "nobody" }))).code).toBe("NOT_FOUND");
    expect((await errorOf(callerWith().user.profile({ handle: "../etc" }))).code).toBe("BAD_REQUEST");
  });
});

describe("errors the server says mean 'out of reach'", () => {
  it("answer 503 UNAVAILABLE with a retry hint, and any other thrown error stays a 500", async () => {
    const down = Object.assign(new Error("connection refused"), { code: "ECONNREFUSED" });
    const services = fakeServices({ feed: () => Promise.reject(down) });
    const isUnavailable = (error: unknown) => error === down;
    const caller = createCaller(testContext({ services, isUnavailable }).context);
    const refused = await errorOf(caller.post.feed({}));
    expect(refused.code).toBe("SERVICE_UNAVAILABLE");
    expect(refused.cause).toBeInstanceOf(AppError);
    expect((refused.cause as AppError).details?.retryAfterSeconds).toBe(5);
    // The same error without the server's classifier is ours: a 500.
    expect((await errorOf(callerWith(services).post.feed({}))).code).toBe("INTERNAL_SERVER_ERROR");
  });
});
