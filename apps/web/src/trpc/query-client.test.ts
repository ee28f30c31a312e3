import { TRPCClientError } from "@trpc/client";
import { TRPCError } from "@trpc/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { makeQueryClient } from "./query-client";

/** Fetches once through the client and counts the calls its retries made. */
async function attempts(where: "browser" | "server", error: () => Error) {
  const client = makeQueryClient(where);
  let calls = 0;
  const fetched = client
    .fetchQuery({
      queryKey: ["q"],
      queryFn: () => {
        calls++;
        throw error();
      },
    })
    .catch((err: unknown) => err);
  await vi.runAllTimersAsync();
  expect(await fetched).toBeInstanceOf(Error);
  return calls;
}

describe("query retries", () => {
  afterEach(() => vi.useRealTimers());

  it("the server's prefetch answers a failed call at once: no retry", async () => {
    vi.useFakeTimers();
    expect(
      await attempts("server", () => new TRPCError({ code: "NOT_FOUND", message: "hearingNotFound" })),
    ).toBe(1);
    expect(await attempts("server", () => new TypeError("fetch failed"))).toBe(1);
  });

  it("the browser retries network trouble, never the server's answer", async () => {
    vi.useFakeTimers();
    const answer = () =>
      new TRPCClientError("hearingNotFound", {
        result: { error: { code: -32004, message: "hearingNotFound", data: { code: "NOT_FOUND" } } },
      });
    expect(await attempts("browser", answer)).toBe(1);
    expect(await attempts("browser", () => new TypeError("fetch failed"))).toBe(3);
  });
});
