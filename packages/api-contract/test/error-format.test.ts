import { describe, expect, it } from "vitest";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { type AppErrorData } from "../src/index.js";
import { appRouter } from "../src/server/index.js";
import { fakeServices, testContext } from "../src/testing/fake-services.js";

/** Calls the router the way a client does, to see the error shape on the wire. */
async function call(path: string, body: unknown, services = fakeServices()) {
  const response = await fetchRequestHandler({
    endpoint: "/trpc",
    router: appRouter,
    req: new Request(`http://x/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: body }),
    }),
    createContext: () =>
      testContext({ services, requestId: "req-42", viewer: { userId: "u1", sessionId: "s1", signedInAtMs: 0 } })
        .context,
  });
  const payload = (await response.json()) as {
    error: { json: { message: string; data: AppErrorData & { stack?: string } } };
  };
  return { status: response.status, error: payload.error.json };
}

describe("error responses", () => {
  it("carry field errors, the app code and the request id for bad input", async () => {
    const { status, error } = await call("post.create", { title: "", body: "x" });
    expect(status).toBe(400);
    expect(error.data.appCode).toBe("VALIDATION");
    expect(error.data.requestId).toBe("req-42");
    expect(error.data.fieldErrors?.title?.[0]).toMatch(/required/i);
  });

  it("hide an internal error's message and stack behind the request id", async () => {
    const services = fakeServices({
      create: () => Promise.reject(new Error("connection string with password")),
    });
    const { status, error } = await call("post.create", { title: "t", body: "b" }, services);
    expect(status).toBe(500);
    expect(error.message).toContain("req-42");
    expect(JSON.stringify(error)).not.toContain("password");
    expect(error.data.stack).toBeUndefined();
  });
});

describe("malformed requests", () => {
  it("say what is wrong instead of hiding it as an internal error", async () => {
    const response = await fetchRequestHandler({
      endpoint: "/trpc",
      router: appRouter,
      req: new Request("http://x/trpc/auth.signIn", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{not json",
      }),
      createContext: () => testContext({ requestId: "req-7" }).context,
    });
    const payload = (await response.json()) as { error: { json: { message: string; data: AppErrorData } } };
    expect(response.status).toBe(400);
    expect(payload.error.json.data.appCode).toBe("VALIDATION");
    expect(payload.error.json.message).not.toMatch(/Something went wrong/);
  });
});
