import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, readSettings } from "./settings";

const logo = { sha256: "a".repeat(64), mediaType: "image/png", width: 300, height: 75 } as const;
const stored = {
  milestoneOffsets: { UTKAST: 12, GJENNOMGANG: 8, GODKJENNING: 4, SIGNERING: 2 },
  reminderWorkingDays: 5,
  letterFooter: "Lakkegata 3, 0187 Oslo\npost@nito.no",
  letterLogo: logo,
};

describe("reading stored settings", () => {
  it("reads what was stored", () => {
    expect(readSettings(stored)).toEqual(stored);
  });

  it("keeps the logo, footer and lead time when one key is broken", () => {
    const read = readSettings({ ...stored, milestoneOffsets: { UTKAST: "ti" } });
    expect(read.milestoneOffsets).toEqual(DEFAULT_SETTINGS.milestoneOffsets);
    expect(read.letterLogo).toEqual(logo);
    expect(read.letterFooter).toBe(stored.letterFooter);
    expect(read.reminderWorkingDays).toBe(5);
  });

  it("keeps the others when the lead time is out of range or the logo is damaged", () => {
    const read = readSettings({ ...stored, reminderWorkingDays: 99, letterLogo: { sha256: "x" } });
    expect(read.reminderWorkingDays).toBe(DEFAULT_SETTINGS.reminderWorkingDays);
    expect(read.letterLogo).toBeNull();
    expect(read.letterFooter).toBe(stored.letterFooter);
    expect(read.milestoneOffsets).toEqual(stored.milestoneOffsets);
  });

  it("ignores a key it does not know", () => {
    expect(readSettings({ ...stored, signatureStamp: { colour: "blue" } })).toEqual(stored);
  });

  it("gives the defaults for nothing stored, or for something that is not an object", () => {
    for (const raw of [null, undefined, {}, [], "x", 3]) expect(readSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });
});
