import { describe, expect, it } from "vitest";
import { Slots } from "./slots";

const busy = () => new Error("busy");
const settle = (p: Promise<unknown>) =>
  p.then(
    (v) => v,
    (e: Error) => e.message,
  );

describe("a bound on how many run at once", () => {
  it("runs `size` at once, queues `queue` more in order, and refuses the rest at once", async () => {
    const slots = new Slots(2, 2, 10_000);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const job = (i: number) => async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 20));
      order.push(i);
      running--;
      return i;
    };
    const results = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => settle(slots.run(job(i), busy))));
    expect(results).toEqual([0, 1, 2, 3, "busy", "busy"]);
    expect(most).toBe(2);
    expect(order.slice(2)).toEqual([2, 3]);
    expect(slots.load).toEqual({ running: 0, waiting: 0 });
  });

  it("refuses a caller that waited past `maxWaitMs`, and frees the slot of a job that failed", async () => {
    const slots = new Slots(1, 5, 30);
    const long = slots.run(() => new Promise((r) => setTimeout(r, 200)), busy);
    expect(await settle(slots.run(async () => "late", busy))).toBe("busy");
    await long;
    expect(await settle(slots.run(() => Promise.reject(new Error("failed")), busy))).toBe("failed");
    expect(await slots.run(async () => "free again", busy)).toBe("free again");
    expect(slots.load).toEqual({ running: 0, waiting: 0 });
  });
});
