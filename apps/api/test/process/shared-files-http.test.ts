import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type FreshDatabase } from "@orgo/db/testing";
import { FILE_MAX_BYTES, type TSharedFile } from "@orgo/api-contract";
import type { RunningApp } from "../../src/app.js";
import { cookieFor } from "../helpers/sessions.js";
import { startTestApp } from "../helpers/app.js";
import { htmlClaimingPdf, pdfBytes, zipBytes } from "../helpers/shared-files.js";

/** Shared files over real HTTP: POST /uploads/file, and every file served as a download. */
describe("shared files over HTTP", () => {
  let fresh: FreshDatabase;
  let app: RunningApp;
  let cookie: string;

  beforeAll(async () => {
    fresh = await freshDatabase();
    app = await startTestApp({ databaseUrl: fresh.url });
    cookie = await cookieFor(app.db, "jiwoo");
  });
  afterAll(async () => {
    await app?.stop();
    await fresh?.drop();
  });

  const upload = (body: Uint8Array, name: string | null) =>
    fetch(`${app.url}/uploads/file${name === null ? "" : `?name=${encodeURIComponent(name)}`}`, {
      method: "POST",
      body: body as Uint8Array<ArrayBuffer>,
      headers: { origin: app.url, cookie, "content-type": "application/octet-stream" },
    });
  const stored = async (body: Uint8Array, name: string) => {
    const response = await upload(body, name);
    expect(response.status, name).toBe(200);
    return (await response.json()) as TSharedFile;
  };

  it("serves a file that claims to be a PDF but is a page as a text download, never as a page", async () => {
    const file = await stored(htmlClaimingPdf(), "report.pdf");
    const served = await fetch(`${app.url}${file.url}`);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(served.headers.get("content-disposition")).toBe(
      `attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`,
    );
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(served.headers.get("content-security-policy")).toContain("sandbox");
    expect(await served.text()).toContain("<script>");
  });

  it("serves PDFs and ZIPs as their type, as downloads under their names (Korean too)", async () => {
    const pdf = await stored(pdfBytes(), "스터디 노트.pdf");
    const served = await fetch(`${app.url}${pdf.url}`);
    expect(served.headers.get("content-type")).toBe("application/pdf");
    expect(served.headers.get("content-disposition")).toBe(
      `attachment; filename="___ __.pdf"; filename*=UTF-8''${encodeURIComponent("스터디 노트.pdf")}`,
    );
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(pdfBytes());
    const zip = await stored(zipBytes(), "project.zip");
    const zipServed = await fetch(`${app.url}${zip.url}`);
    expect(zipServed.headers.get("content-type")).toBe("application/zip");
    expect(zipServed.headers.get("content-disposition")).toMatch(/^attachment; filename="project\.zip"/);
    // A name asked for in the address is cleaned: no quotes, no folders, no line breaks.
    const odd = await fetch(`${app.url}${zip.url.split("?")[0]}?name=${encodeURIComponent('a"b/..\r\nc.zip')}`);
    expect(odd.headers.get("content-disposition")).toBe(`attachment; filename="..c.zip"; filename*=UTF-8''..c.zip`);
  });

  it("takes a file of exactly 20 MB and refuses 20 MB + 1 with 413; refuses pictures with 415 and a missing name with 400", async () => {
    const big = new Uint8Array(FILE_MAX_BYTES).fill(0x61);
    expect((await upload(big, "big.txt")).status).toBe(200);
    const tooBig = await upload(new Uint8Array(FILE_MAX_BYTES + 1).fill(0x61), "bigger.txt");
    expect(tooBig.status).toBe(413);
    expect(((await tooBig.json()) as { error: { message: string } }).error.message).toBe("A file can be up to 20 MB");
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect((await upload(png, "x.png")).status).toBe(415);
    expect((await upload(new TextEncoder().encode("hi"), null)).status).toBe(400);
    // Signed out, or from another site: refused before anything is read.
    const anonymous = await fetch(`${app.url}/uploads/file?name=a.txt`, {
      method: "POST",
      body: new TextEncoder().encode("hi"),
      headers: { origin: app.url },
    });
    expect(anonymous.status).toBe(401);
    const crossSite = await fetch(`${app.url}/uploads/file?name=a.txt`, {
      method: "POST",
      body: new TextEncoder().encode("hi"),
      headers: { origin: "https://evil.example", cookie },
    });
    expect(crossSite.status).toBe(403);
  });
});
