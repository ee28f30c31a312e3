import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@innspill/db";
import { createHearing, createHearingInput, listUsers, type Action } from "@innspill/domain";
import { accessMismatches, callPath, codeOf, undeclared } from "./access.int";
import { appRouter } from "./root";
import { setupFixture, type Fixture } from "./testing.int";
import { domainInput, permissionProcedure, protectedProcedure, router, type Context } from "./trpc";

let fx: Fixture;
beforeAll(async () => {
  fx = await setupFixture();
});
afterAll(async () => {
  await fx?.close();
});

const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>;

const call = (ctx: Context, path: string, input: unknown) => callPath(appRouter, ctx, path, input);

/**
 * The role matrix comes from the one permission table (`PERMISSIONS` in the domain's access/permissions.ts): every procedure
 * declares `public`, `signedIn` or an action of the table, and answers every role as the table says. Who may do
 * what is pinned in the domain's access.test.ts.
 */
describe("role matrix, from the permission table", () => {
  it("every procedure declares public, signedIn or an action of the table", () => {
    expect(Object.keys(procedures).length).toBeGreaterThan(80);
    expect(undeclared(appRouter)).toEqual([]);
  });

  for (const path of Object.keys(procedures)) {
    it(`${path} answers each role as the table says`, async () => {
      expect(await accessMismatches(appRouter, fx.ctx, path)).toEqual([]);
    });
  }

  it("fails a router that disagrees with the table", async () => {
    const planted = router({
      // Declares the leaders' approval, but registering a hearing is for advisers and admins.
      wrongAction: permissionProcedure("submission.approve")
        .input(domainInput(createHearingInput))
        .mutation(({ ctx, input }) => createHearing(ctx.db, input, ctx.actor)),
      // Open to every logged-in user, but the use-case is for administrators.
      undeclaredRole: protectedProcedure.query(({ ctx }) => listUsers(ctx.db, ctx.actor)),
      // An action the table does not have.
      unknownAction: protectedProcedure.meta({ access: "hearing.delete" as Action }).query(() => "ok"),
    });
    expect(undeclared(planted)).toEqual(["unknownAction"]);
    expect(await accessMismatches(planted, fx.ctx, "wrongAction")).toEqual([
      "wrongAction as LEADER: FORBIDDEN, the table says allowed",
    ]);
    expect(await accessMismatches(planted, fx.ctx, "undeclaredRole")).toEqual([
      "undeclaredRole as ADVISER: FORBIDDEN, the table says allowed",
      "undeclaredRole as LEADER: FORBIDDEN, the table says allowed",
    ]);
  });
});

async function newHearing(overrides: Record<string, unknown> = {}) {
  const options = await call(fx.ctx("ADVISER"), "hearing.formOptions", undefined);
  const { issuingBodies } = options as { issuingBodies: { id: string }[] };
  return (await call(fx.ctx("ADVISER"), "hearing.create", {
    title: "Høring – testforskrift",
    issuingBodyId: issuingBodies[0]!.id,
    kind: "HORING",
    deadline: "2027-01-15",
    receivedDate: "2026-12-01",
    summary: "Første versjon",
    ...overrides,
  })) as { id: string; version: number; title: string; summary: string | null; issuingBody: { id: string } };
}

describe("optimistic locking", () => {
  it("refuses an update made from a stale version with CONFLICT and overwrites nothing", async () => {
    const h = await newHearing();
    const data = (summary: string) => ({
      title: h.title,
      issuingBodyId: h.issuingBody.id,
      kind: "HORING",
      deadline: "2027-01-15",
      summary,
    });
    // Two editors open version 1; the first one saves.
    const first = (await call(fx.ctx("ADVISER"), "hearing.update", {
      id: h.id,
      version: 1,
      data: data("Lagret av den første"),
    })) as { version: number };
    expect(first.version).toBe(2);

    // The second saves from the version they read.
    let caught: unknown;
    try {
      await call(fx.ctx("ADMIN"), "hearing.update", {
        id: h.id,
        version: 1,
        data: data("Den andres endring"),
      });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(TRPCError);
    const err = caught as TRPCError & {
      cause: { details: { current: { version: number; summary: string } } };
    };
    expect(err.code).toBe("CONFLICT");
    expect(err.cause.details.current.version).toBe(2);
    expect(err.cause.details.current.summary).toBe("Lagret av den første");

    const row = await fx.tdb.db.hearing.findUniqueOrThrow({ where: { id: h.id } });
    expect(row.summary).toBe("Lagret av den første");
    expect(row.version).toBe(2);

    // With the current version the same edit goes through.
    const retried = (await call(fx.ctx("ADMIN"), "hearing.update", {
      id: h.id,
      version: 2,
      data: data("Den andres endring"),
    })) as { version: number; summary: string };
    expect(retried).toMatchObject({ version: 3, summary: "Den andres endring" });
  });

  it("does the same for issuing bodies, the organisation's settings and milestones", async () => {
    const stale = async (role: "ADMIN" | "ADVISER", path: string, input: unknown) =>
      codeOf(call(fx.ctx(role), path, input));
    // An issuing body: two admins rename it from version 1.
    const body = (await call(fx.ctx("ADMIN"), "admin.createIssuingBody", {
      name: "Testdirektoratet",
      type: "DIREKTORAT",
    })) as { id: string; version: number };
    const rename = (name: string, version: number) => ({
      id: body.id,
      version,
      name,
      type: "DIREKTORAT",
      active: true,
    });
    await call(fx.ctx("ADMIN"), "admin.updateIssuingBody", rename("Første navn", 1));
    expect(await stale("ADMIN", "admin.updateIssuingBody", rename("Andre navn", 1))).toBe("CONFLICT");
    expect((await fx.tdb.db.issuingBody.findUniqueOrThrow({ where: { id: body.id } })).name).toBe(
      "Første navn",
    );

    // Settings.
    const settings = (await call(fx.ctx("ADMIN"), "admin.settings", undefined)) as { version: number };
    const offsets = (SIGNERING: number) => ({ UTKAST: 10, GJENNOMGANG: 7, GODKJENNING: 4, SIGNERING });
    await call(fx.ctx("ADMIN"), "admin.updateSettings", {
      version: settings.version,
      milestoneOffsets: offsets(2),
    });
    expect(
      await stale("ADMIN", "admin.updateSettings", {
        version: settings.version,
        milestoneOffsets: offsets(1),
      }),
    ).toBe("CONFLICT");
    expect(
      (
        (await call(fx.ctx("ADMIN"), "admin.settings", undefined)) as {
          milestoneOffsets: { SIGNERING: number };
        }
      ).milestoneOffsets.SIGNERING,
    ).toBe(2);

    // A milestone: ticked off by one, moved by another from the version they saw.
    const h = await newHearing();
    const m = await fx.tdb.db.milestone.findFirstOrThrow({ where: { hearingId: h.id } });
    await call(fx.ctx("ADVISER"), "hearing.updateMilestone", { id: m.id, version: m.version, done: true });
    expect(
      await stale("ADVISER", "hearing.updateMilestone", { id: m.id, version: m.version, offsetDays: 20 }),
    ).toBe("CONFLICT");
    const after = await fx.tdb.db.milestone.findUniqueOrThrow({ where: { id: m.id } });
    expect(after.offsetDays).toBe(m.offsetDays);
    expect(after.doneAt).not.toBeNull();
  });
});

/** Calls the API as the browser does: HTTP, superjson, the error formatter. */
async function http(ctx: Context, path: string, input: unknown) {
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(`http://localhost/api/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(superjson.serialize(input)),
    }),
    router: appRouter,
    createContext: () => ctx,
  });
  const body = (await res.json()) as { error?: { json: { data: Record<string, unknown> } } };
  return { status: res.status, data: body.error?.json.data };
}

describe("races", () => {
  it("ends a double submit of the same new user in one user and a CONFLICT, never a 500", async () => {
    const input = {
      name: "Dobbel Klikk",
      email: "dobbel@nito.test",
      role: "ADVISER",
      password: "et-langt-passord",
    };
    const results = await Promise.all(
      Array.from({ length: 4 }, () => codeOf(call(fx.ctx("ADMIN"), "user.create", input))),
    );
    expect(results.filter((r) => r === "OK")).toHaveLength(1);
    expect(results.filter((r) => r !== "OK").every((r) => r === "CONFLICT")).toBe(true);
    expect(await fx.tdb.db.user.count({ where: { email: "dobbel@nito.test" } })).toBe(1);
  });

  it("answers every repeat of a create with the same key with the first answer, and makes one row", async () => {
    const options = (await call(fx.ctx("ADVISER"), "hearing.formOptions", undefined)) as {
      issuingBodies: { id: string }[];
    };
    const key = randomUUID();
    const input = {
      idempotencyKey: key,
      title: "Høring – dobbeltklikk",
      issuingBodyId: options.issuingBodies[0]!.id,
      kind: "HORING",
      deadline: "2027-03-01",
    };
    // Three at once (a double click and a retry), then one more later.
    const answers = (await Promise.all(
      Array.from({ length: 3 }, () => call(fx.ctx("ADVISER"), "hearing.create", input)),
    )) as { id: string }[];
    const later = (await call(fx.ctx("ADVISER"), "hearing.create", input)) as { id: string };
    expect(new Set([...answers, later].map((a) => a.id)).size).toBe(1);
    expect(await fx.tdb.db.hearing.count({ where: { title: "Høring – dobbeltklikk" } })).toBe(1);
    // The key is this user's, for this kind of request.
    expect(
      await codeOf(
        call(fx.ctx("ADVISER"), "library.createPosition", { idempotencyKey: key, statement: "X" }),
      ),
    ).toBe("CONFLICT");
  });

  it("leaves no key behind when the first request fails, so the corrected form can be sent", async () => {
    const key = randomUUID();
    const bad = { idempotencyKey: key, name: "", type: "DEPARTEMENT" };
    expect(await codeOf(call(fx.ctx("ADMIN"), "admin.createIssuingBody", bad))).toBe("BAD_REQUEST");
    const good = (await call(fx.ctx("ADMIN"), "admin.createIssuingBody", {
      ...bad,
      name: "Rettet departement",
    })) as {
      name: string;
    };
    expect(good.name).toBe("Rettet departement");
  });
});

describe("bad input", () => {
  /** Called as an admin unless `role` says otherwise (approving and signing are leaders' alone). */
  const BAD: Record<string, { input: unknown; fields: string[]; role?: Role }> = {
    "hearing.create": {
      input: { title: "", kind: "NOPE", deadline: "31.02.2027", url: "ikke en lenke" },
      fields: ["title", "issuingBodyId", "kind", "deadline", "url"],
    },
    "hearing.update": {
      input: { id: "123", version: 0, data: { title: "x".repeat(301), deadline: "" } },
      fields: ["id", "version", "data.title", "data.deadline"],
    },
    "user.create": {
      input: { name: "", email: "ikke-epost", role: "KING", password: "kort" },
      fields: ["name", "email", "role", "password"],
    },
    "user.deactivate": { input: { userId: "nei" }, fields: ["userId"] },
    "hearing.decide": { input: { id: "x", version: 1, decision: "SVARER_IKKE" }, fields: ["id", "reason"] },
    "hearing.transition": { input: { id: "x", version: "1", to: "FERDIG" }, fields: ["id", "version", "to"] },
    "hearing.updateMilestone": { input: { id: "x", offsetDays: -1 }, fields: ["id", "offsetDays"] },
    "hearing.addLink": {
      input: { hearingId: "x", label: "", url: "ikke-lenke" },
      fields: ["hearingId", "label", "url"],
    },
    "hearing.removeLink": { input: { id: 7 }, fields: ["id"] },
    "hearing.removeDocument": { input: {}, fields: ["id"] },
    "hearing.setScreening": { input: { id: "x", basis: "Offl. § 13" }, fields: ["id", "publicTitle"] },
    "me.markRead": { input: { ids: ["ikke-en-id"] }, fields: ["ids.0"] },
    "me.setEmailReminders": { input: { enabled: "ja" }, fields: ["enabled"] },
    "me.changePassword": { input: { current: "", password: "kort" }, fields: ["current", "password"] },
    "library.createPosition": { input: { statement: "", status: "GAMMEL" }, fields: ["statement", "status"] },
    "library.updatePosition": {
      input: { id: "x", version: 1, data: { statement: "ok" }, status: "ACTIVE" },
      fields: ["id", "reason"],
    },
    "library.createBlock": { input: { heading: "" }, fields: ["heading"] },
    "library.saveBlockDraft": {
      input: {
        id: "00000000-0000-4000-8000-000000000000",
        version: 1,
        heading: "H",
        body: { type: "doc", content: [{ type: "script", text: "alert(1)" }] },
      },
      fields: ["body.content.0"],
    },
    "library.publishBlock": {
      input: { id: "00000000-0000-4000-8000-000000000000", version: 1, reason: " " },
      fields: ["reason"],
    },
    "library.createFact": {
      input: { key: "1 ugyldig", label: "", format: "DATO" },
      fields: ["key", "label", "format"],
    },
    "library.addFactValue": {
      input: { factId: "x", validFrom: "i fjor", value: "" },
      fields: ["factId", "validFrom", "value"],
    },
    "library.proposeImport": { input: { text: "" }, fields: ["text"] },
    "submission.create": { input: { hearingId: "x" }, fields: ["hearingId"] },
    "letterImport.propose": { input: { text: " " }, fields: ["text"] },
    "letterImport.commit": {
      input: {
        proposal: {
          date: "i fjor",
          title: "",
          sections: [],
          statements: [],
          footnotes: [],
          closing: null,
          signatories: [],
        },
        positionLinks: [{ positionId: "x", wording: "" }],
        blockLinks: [],
        newPositions: [],
      },
      fields: ["proposal.date", "proposal.title", "positionLinks.0.positionId", "positionLinks.0.wording"],
    },
    "submission.save": {
      input: {
        id: "00000000-0000-4000-8000-000000000000",
        version: 1,
        title: "",
        place: "Oslo",
        date: "32.13.2025",
        letterheadOrganisation: "NITO",
        closing: "Med vennlig hilsen",
        sections: [{ kind: "FREE", body: { type: "doc", content: [{ type: "iframe" }] } }],
        signatories: [{ signatoryId: "nei" }],
      },
      fields: ["title", "date", "sections.0.body.content.0", "signatories.0.signatoryId"],
    },
    "submission.render": { input: { id: "nei" }, fields: ["id"] },
    "submission.sendForReview": { input: { id: "x", version: "1" }, fields: ["id", "version"] },
    "submission.returnToDraft": { input: { id: "x" }, fields: ["id", "version"] },
    "submission.requestApproval": { input: { id: "x", version: 0 }, fields: ["id", "version"] },
    "submission.approve": {
      input: { id: "x", snapshotSha256: "abc" },
      fields: ["id", "snapshotSha256"],
      role: "LEADER",
    },
    "submission.sign": {
      input: { id: "x", snapshotSha256: "ABC" },
      fields: ["id", "snapshotSha256"],
      role: "LEADER",
    },
    "submission.passkeyOptions": {
      input: { id: "x", snapshotSha256: "ABC" },
      fields: ["id", "snapshotSha256"],
      role: "LEADER",
    },
    "submission.signWithPasskey": {
      input: { id: "x", snapshotSha256: "ABC", response: { id: "", type: "private-key" } },
      fields: ["id", "snapshotSha256", "response.id", "response.type", "response.response"],
      role: "LEADER",
    },
    "passkey.register": {
      input: { name: "x".repeat(61), response: { id: "ikke base64!" } },
      fields: ["name", "response.id", "response.rawId"],
    },
    "passkey.remove": { input: { passkeyId: "nei" }, fields: ["passkeyId"] },
    "submission.returnForChanges": { input: { id: "x", comment: " " }, fields: ["id", "comment"] },
    "submission.reauthenticate": { input: { password: "" }, fields: ["password"] },
    "submission.recordSending": {
      input: { id: "x", sentOn: "i går", channel: "BREVDUE", recipient: "", receiptUrl: "ftp://x" },
      fields: ["id", "sentOn", "channel", "recipient", "receiptUrl"],
    },
    "submission.createRevision": { input: { id: "x" }, fields: ["id"] },
    "submission.collabTicket": { input: { id: "x" }, fields: ["id"] },
    "submission.comment": { input: { submissionId: "x", body: "" }, fields: ["submissionId", "body"] },
    "submission.resolveThread": { input: { threadId: "x" }, fields: ["threadId"] },
    "submission.createSignatory": {
      input: { name: "", titles: [{ title: "Leder", validFrom: "2025-01-01", validTo: "2024-01-01" }] },
      fields: ["name", "titles.0.validTo"],
    },
    "submission.updateSignatory": {
      input: { id: "x", version: 1, name: "Ok", titles: [], active: "ja" },
      fields: ["id", "titles", "active"],
    },
    "library.commitImport": { input: { blocks: [] }, fields: ["blocks"] },
    "admin.createIssuingBody": { input: { name: "", type: "KONGE" }, fields: ["name", "type"] },
    "admin.updateIssuingBody": { input: { id: "x", name: "Ok", type: "ANNET" }, fields: ["id", "active"] },
    "admin.updateSettings": {
      input: { milestoneOffsets: { UTKAST: 1, GJENNOMGANG: 2, GODKJENNING: 3, SIGNERING: 99 } },
      fields: ["milestoneOffsets.SIGNERING", "milestoneOffsets"],
    },
    "admin.setLetterLogo": { input: { version: 1, image: "ikke base64!" }, fields: ["image"] },
    "user.activate": { input: {}, fields: ["userId"] },
    "user.resetPassword": { input: { userId: "nei", password: "kort" }, fields: ["userId", "password"] },
    "radar.accept": { input: { id: "nei" }, fields: ["id"] },
    "radar.dismiss": { input: { id: "nei", reason: "" }, fields: ["id", "reason"] },
    "radar.propose": { input: { address: "x" }, fields: ["address"] },
    "radar.follow": { input: { topicId: "nei" }, fields: ["topicId", "follow"] },
    "radar.updateSource": {
      input: { id: "nei", version: 1, enabled: true, intervalMinutes: 1 },
      fields: ["id", "intervalMinutes"],
    },
    "radar.checkNow": { input: { id: "nei" }, fields: ["id"] },
    "memory.recognise": {
      input: {
        submissionId: "x",
        sections: [{ index: -1, body: { type: "doc", content: [{ type: "script" }] } }],
      },
      fields: ["submissionId", "sections.0.index", "sections.0.body.content.0"],
    },
    "memory.link": {
      input: { submissionId: "x", positionId: "y", wording: " " },
      fields: ["submissionId", "positionId", "wording"],
    },
    "memory.unlink": {
      input: { submissionId: "x", positionId: "y" },
      fields: ["submissionId", "positionId"],
    },
    "memory.recordOutcome": {
      input: {
        submissionId: "x",
        positionId: "y",
        result: "KANSKJE",
        sourceUrl: "ftp://x",
        sourceDate: "i fjor",
      },
      fields: ["submissionId", "positionId", "result", "sourceUrl", "sourceDate"],
    },
    "memory.requestReport": { input: { year: 1999 }, fields: ["year"] },
  };

  it("covers every mutation that takes input", () => {
    const mutations = Object.entries(procedures)
      .filter(([, p]) => p._def.type === "mutation")
      .map(([path]) => path)
      // These take no input.
      .filter(
        (path) =>
          ![
            "system.runOverdueCheck",
            "me.issueCalendarToken",
            "me.revokeCalendarToken",
            "passkey.registrationOptions",
          ].includes(path),
      );
    expect(Object.keys(BAD).sort()).toEqual(mutations.sort());
  });

  for (const [path, { input, fields, role }] of Object.entries(BAD)) {
    it(`${path} answers BAD_REQUEST with field errors`, async () => {
      const { status, data } = await http(fx.ctx(role ?? "ADMIN"), path, input);
      expect(status).toBe(400);
      expect(data?.code).toBe("BAD_REQUEST");
      const fieldErrors = data?.fieldErrors as Record<string, string[]>;
      for (const f of fields) expect(fieldErrors, `field ${f}`).toHaveProperty([f]);
    });
  }

  it("rejects a deadline before the received date, on the deadline field", async () => {
    const { data } = await http(fx.ctx("ADVISER"), "hearing.create", {
      title: "T",
      issuingBodyId: "00000000-0000-4000-8000-000000000000",
      kind: "HORING",
      receivedDate: "2027-02-01",
      deadline: "2027-01-01",
    });
    expect((data?.fieldErrors as Record<string, string[]>).deadline).toEqual(["deadlineBeforeReceived"]);
  });

  it("rejects an issuing body of another organisation with a field error, not a 500", async () => {
    const { status, data } = await http(fx.ctx("ADVISER"), "hearing.create", {
      title: "T",
      issuingBodyId: "00000000-0000-4000-8000-000000000000",
      kind: "HORING",
      deadline: "2027-01-01",
    });
    expect(status).toBe(400);
    expect((data?.fieldErrors as Record<string, string[]>).issuingBodyId).toEqual(["unknownIssuingBody"]);
  });
});
