import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { generateVapidKeys } from "../push/push-sender.js";

export interface MadeSecrets {
  vapid: { publicKey: string; privateKey: string };
  mailLinkSecret: string;
}

/**
 * Keys the single-machine run makes for itself, once, in DATA_DIR/secrets.json (mode
 * 600): the VAPID pair browsers subscribe with (a new pair would silently end every
 * device's push) and the key that signs unsubscribe links. Created exclusively, so two
 * processes starting together on one data folder agree. Production sets them instead.
 */
export async function madeSecrets(dataDir: string): Promise<MadeSecrets> {
  const file = path.join(dataDir, "secrets.json");
  await mkdir(dataDir, { recursive: true });
  const made: MadeSecrets = { vapid: generateVapidKeys(), mailLinkSecret: randomBytes(32).toString("base64url") };
  try {
    await writeFile(file, JSON.stringify(made, null, 2), { flag: "wx", mode: 0o600 });
    return made;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  // Another process may be writing it this instant: read until it is whole.
  for (let attempt = 0; ; attempt++) {
    try {
      return JSON.parse(await readFile(file, "utf8")) as MadeSecrets;
    } catch (error) {
      if (attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
