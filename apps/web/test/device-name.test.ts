import { describe, expect, it } from "vitest";
import { deviceName } from "../src/features/settings/device-name";

describe("deviceName", () => {
  it("names the browser and system a person would recognise", () => {
    expect(
      deviceName(
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36",
      ),
    ).toBe("Chrome · Linux");
    expect(
      deviceName("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Version/17.5 Safari/605.1.15"),
    ).toBe("Safari · macOS");
    expect(deviceName("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0")).toBe(
      "Firefox · Windows",
    );
    expect(deviceName("curl/8.5.0")).toBeNull();
  });
});
