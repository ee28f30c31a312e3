import { describe, expect, it } from "vitest";
import { clientAddressFrom } from "./client-address";

const h = (xff?: string) => new Headers(xff === undefined ? {} : { "x-forwarded-for": xff });

describe("the client's address", () => {
  it("is what the nearest trusted proxy saw, never what the client wrote", () => {
    // The client wrote 6.6.6.6; the one proxy appended the address it really came from.
    expect(clientAddressFrom(h("6.6.6.6, 203.0.113.7"), 1)).toBe("203.0.113.7");
    // Two proxies: the outer one's entry is second from the right.
    expect(clientAddressFrom(h("6.6.6.6, 203.0.113.7, 10.0.0.2"), 2)).toBe("203.0.113.7");
    expect(clientAddressFrom(h("203.0.113.7"), 1)).toBe("203.0.113.7");
  });

  it("is unknown without a configured proxy, or when the chain is shorter than it should be", () => {
    expect(clientAddressFrom(h("6.6.6.6"), 0)).toBeNull();
    expect(clientAddressFrom(h(), 1)).toBeNull();
    expect(clientAddressFrom(h("203.0.113.7"), 2)).toBeNull();
    expect(clientAddressFrom(undefined, 1)).toBeNull();
  });
});
