import { describe, expect, it } from "vitest";
import { DEFAULT_PUSH_HOSTS, endpointAllowed } from "../../src/platform/push/push-sender.js";

/** A subscription is input from a browser: the server sends only to the push services' own hosts. */
describe("push service allowlist", () => {
  it("takes the browsers' push services over https, and nothing else", () => {
    const allowed = [
      "https://fcm.googleapis.com/fcm/send/abc:def",
      "https://updates.push.services.mozilla.com/wpush/v2/gAAAA",
      "https://web.push.apple.com/QGx5",
      "https://wns2-par02p.notify.windows.com/w/?token=AQE",
    ];
    for (const endpoint of allowed) expect(endpointAllowed(endpoint, DEFAULT_PUSH_HOSTS), endpoint).toBe(true);
    const refused = [
      "http://fcm.googleapis.com/fcm/send/abc", // not https
      "https://fcm.googleapis.com.evil.example/x", // a suffix of ours is not ours
      "https://evilfcm.googleapis.com/x",
      "https://push.apple.com/x", // "*.push.apple.com" is its subdomains
      "https://user:pass@fcm.googleapis.com/x",
      "https://127.0.0.1/x",
      "https://[::1]/x",
      "file:///etc/passwd",
      "not a url",
    ];
    for (const endpoint of refused) expect(endpointAllowed(endpoint, DEFAULT_PUSH_HOSTS), endpoint).toBe(false);
  });

  it("lets a configured loopback host use plain http (the test push service), and only that host", () => {
    expect(endpointAllowed("http://127.0.0.1:4000/push/1", ["127.0.0.1"])).toBe(true);
    expect(endpointAllowed("http://127.0.0.2:4000/push/1", ["127.0.0.1"])).toBe(false);
    expect(endpointAllowed("http://push.example.test/1", ["push.example.test"])).toBe(false);
    expect(endpointAllowed("https://push.example.test/1", ["push.example.test"])).toBe(true);
  });
});
