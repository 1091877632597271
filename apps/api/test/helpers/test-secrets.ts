import { generateVapidKeys } from "../../src/platform/push/push-sender.js";

const vapid = generateVapidKeys();

/**
 * The keys a test's API (in this process or a child) runs with: one VAPID pair per
 * test file, so two processes of one test sign alike, and nothing is written to the
 * data folder.
 */
export const testSecretsEnv = {
  VAPID_PUBLIC_KEY: vapid.publicKey,
  VAPID_PRIVATE_KEY: vapid.privateKey,
  MAIL_LINK_SECRET: "test-mail-link-secret-of-at-least-32-chars",
};
