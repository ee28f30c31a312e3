/**
 * A new hearing's responsible adviser is the adviser who registers it, unless the input names another or nobody;
 * an administrator registering one leaves it to nobody.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "@innspill/db/testing";
import { createDemoDatabase } from "@innspill/demo/testing";
import type { Actor } from "../access/actor";
import { createHearing } from "./index";

let t: TestDatabase;
let a: Record<string, Actor>;
let bodyId: string;

beforeAll(async () => {
  ({ t, actors: a } = await createDemoDatabase());
  bodyId = (await t.db.issuingBody.findFirstOrThrow({ where: { name: "Helsedirektoratet" } })).id;
}, 60_000);
afterAll(async () => {
  await t?.close();
});

const fields = (extra: Record<string, unknown> = {}) => ({
  title: `Høring ${Math.random().toString(36).slice(2, 8)}`,
  issuingBodyId: bodyId,
  kind: "HORING",
  deadline: "2030-06-14",
  topics: [],
  ...extra,
});

describe("a new hearing's responsible adviser", () => {
  it("is the adviser registering it when the input names nobody", async () => {
    const ingrid = a.ingrid!;
    expect(ingrid.role).toBe("ADVISER");
    const h = await createHearing(t.db, fields(), ingrid);
    expect(h.responsible?.id).toBe(ingrid.id);
    // Its milestones are the adviser's too.
    const owners = await t.db.milestone.findMany({ where: { hearingId: h.id }, select: { ownerId: true } });
    expect(owners.length).toBeGreaterThan(0);
    expect(new Set(owners.map((m) => m.ownerId))).toEqual(new Set([ingrid.id]));
  });

  it("is whoever the input names, or nobody when it says so", async () => {
    const martin = a.martin!;
    const named = await createHearing(t.db, fields({ responsibleId: martin.id }), a.ingrid!);
    expect(named.responsible?.id).toBe(martin.id);
    const none = await createHearing(t.db, fields({ responsibleId: "" }), a.ingrid!);
    expect(none.responsible).toBeNull();
    const nullOne = await createHearing(t.db, fields({ responsibleId: null }), a.ingrid!);
    expect(nullOne.responsible).toBeNull();
  });

  it("is nobody when an administrator registers it", async () => {
    const admin = a.admin!;
    expect(admin.role).toBe("ADMIN");
    const h = await createHearing(t.db, fields(), admin);
    expect(h.responsible).toBeNull();
  });
});
