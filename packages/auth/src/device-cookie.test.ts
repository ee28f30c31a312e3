import { describe, expect, it } from "vitest";
import { readDevice, signDevice } from "./device-cookie";

const secret = "s".repeat(40);
const device = { id: "0b9c8f0e-4c1a-4d2b-9f3e-1a2b3c4d5e6f", userId: "6f5e4d3c-2b1a-4e3f-9d2c-1b0a9f8e7d6c" };

describe("the device cookie", () => {
  it("names the device and user it was signed for", () => {
    expect(readDevice(secret, signDevice(secret, device))).toEqual(device);
  });
  it("is refused when changed, signed with another secret, or not one at all", () => {
    const good = signDevice(secret, device);
    const otherUser = good.replace(device.userId, "7f5e4d3c-2b1a-4e3f-9d2c-1b0a9f8e7d6c");
    expect(readDevice(secret, otherUser)).toBeNull();
    expect(readDevice("t".repeat(40), good)).toBeNull();
    expect(readDevice(secret, `${good}x`)).toBeNull();
    expect(readDevice(secret, undefined)).toBeNull();
    expect(readDevice(secret, "a.b.c")).toBeNull();
  });
});
