import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

/** A fresh folder for this test file, removed when it ends. */
export function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "orgo-test-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
