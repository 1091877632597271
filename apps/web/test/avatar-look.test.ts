import { describe, expect, it } from "vitest";
import { avatarColour, avatarColours, initialsOf } from "../src/ui/avatar-look";

/** WCAG's relative luminance and contrast ratio, as axe computes them. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrastWithWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);

describe("avatars without a picture", () => {
  it("shows initials: two words give two letters, one word one, never half a character", () => {
    expect(initialsOf("Sara Kim")).toBe("SK");
    expect(initialsOf("leo")).toBe("L");
    expect(initialsOf("김지우")).toBe("김");
    expect(initialsOf("  Ann   de Vries ")).toBe("AD");
    expect(initialsOf("👩🏽‍💻 Dev")).toBe("👩🏽‍💻D");
    expect(initialsOf("")).toBe("?");
    expect(initialsOf("Ara (admin)")).toBe("AA");
    expect(initialsOf("“Quoted” - name")).toBe("QN");
  });

  it("gives a person one colour everywhere, and tells the demo people apart", () => {
    expect(avatarColour("sara_k")).toBe(avatarColour("sara_k"));
    const handles = ["sara_k", "leo_builds", "jiwoo", "minjun_dev", "demo", "ann", "bo", "chris"];
    expect(new Set(handles.map(avatarColour)).size).toBeGreaterThanOrEqual(5);
  });

  it("keeps white initials readable (AA, 4.5:1) on every colour", () => {
    for (const colour of avatarColours) expect(contrastWithWhite(colour), colour).toBeGreaterThanOrEqual(4.5);
  });
});
