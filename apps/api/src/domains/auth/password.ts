import { hash, verify, type Algorithm } from "@node-rs/argon2";

// Algorithm.Argon2id; the package declares it as an ambient const enum, which
// isolated-module builds cannot read at run time.
const ARGON2ID = 2 as Algorithm;

// OWASP's Argon2id minimum: 19 MiB of memory, 2 iterations, 1 lane.
const options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * Each hash takes ~20 MiB and tens of milliseconds of a core; a burst of sign-ins
 * must queue rather than exhaust memory and starve every other request.
 */
const MAX_CONCURRENT = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

export function hashPassword(password: string): Promise<string> {
  return limited(() => hash(password, options));
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return limited(() => verify(passwordHash, password).catch(() => false));
}

let dummy: Promise<string> | undefined;
/**
 * For an unknown e-mail we still verify against a real hash, so "no such account"
 * takes as long as "wrong password" and cannot be told apart by timing.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummy ??= hashPassword("orgo-dummy-password-for-timing");
  await verifyPassword(await dummy, password);
  return false;
}
