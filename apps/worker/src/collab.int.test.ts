import { HocuspocusProvider } from "@hocuspocus/provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { TestDatabase } from "@innspill/db/testing";
import { issueCollabTicket, type Actor } from "@innspill/domain";
import { loadCollabState } from "@innspill/domain/worker";
import { createDemoDatabase, createOtherOrganisation, withSession } from "@innspill/demo/testing";
import { silentLogger } from "@innspill/log";
import { startCollabServer, type CollabServer } from "./collab";

let t: TestDatabase;
let a: Record<string, Actor>;
let server: CollabServer;
let letter: string;
let otherLetter: string;
let other: Actor;

beforeAll(async () => {
  const demo = await createDemoDatabase({ content: true });
  t = demo.t;
  a = {};
  for (const [k, v] of Object.entries(demo.actors)) a[k] = await withSession(t.db, v);
  letter = (await t.db.submission.findFirstOrThrow()).id;
  // A second, real organisation with a letter of its own.
  other = await withSession(t.db, await createOtherOrganisation(t.db, "annen"));
  const hearing = await t.db.hearing.findFirstOrThrow({ where: { submissions: { some: {} } } });
  const copy = await t.db.submission.create({
    data: {
      organisationId: other.organisationId,
      hearingId: (
        await t.db.hearing.create({
          data: {
            organisationId: other.organisationId,
            title: "Annen forenings høring",
            issuingBodyId: hearing.issuingBodyId,
            deadline: hearing.deadline,
            kind: hearing.kind,
          },
        })
      ).id,
      title: "Annen forenings brev",
      place: "Oslo",
      date: new Date(),
      letterheadOrganisation: "Annen",
    },
  });
  otherLetter = copy.id;
  server = await startCollabServer({ db: t.db, port: 0, logger: silentLogger, recheckMs: 200 });
});
afterAll(async () => {
  await server?.stop();
  await t?.close();
});

/** A real client over a real WebSocket; resolves when synced, or with "refused". `closed`: the server closed it. */
function connect(document: string, token: string) {
  const doc = new Y.Doc();
  const seen = { closed: false };
  return new Promise<{ doc: Y.Doc; provider: HocuspocusProvider; seen: typeof seen } | "refused">(
    (resolve) => {
      const provider: HocuspocusProvider = new HocuspocusProvider({
        url: `ws://127.0.0.1:${server.port}`,
        name: document,
        document: doc,
        token,
        onSynced: () => resolve({ doc, provider, seen }),
        onClose: () => {
          seen.closed = true;
        },
        onAuthenticationFailed: () => {
          provider.destroy();
          resolve("refused");
        },
      });
    },
  );
}
const ticket = async (actor: Actor, id = letter) => (await issueCollabTicket(t.db, { id }, actor)).ticket;
const waitFor = async (check: () => boolean | Promise<boolean>) => {
  for (let i = 0; i < 300 && !(await check()); i++) await new Promise((r) => setTimeout(r, 50));
  expect(await check()).toBe(true);
};

describe("live co-writing", () => {
  it("gives a pass only to a session that may edit the letter, in its own organisation", async () => {
    await expect(ticket(a.kaja!)).rejects.toMatchObject({ code: "FORBIDDEN" }); // a leader reads, does not write
    await expect(ticket(other)).rejects.toMatchObject({ code: "NOT_FOUND" }); // another organisation's letter
    await expect(ticket({ ...a.ingrid!, sessionId: undefined })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(ticket(a.ingrid!)).resolves.toMatch(/^[\w-]{40,}$/);
  });

  it("merges two advisers' edits and keeps the merged state in PostgreSQL", async () => {
    const ingrid = await connect(letter, await ticket(a.ingrid!));
    const martin = await connect(letter, await ticket(a.martin!));
    if (ingrid === "refused" || martin === "refused") throw new Error("refused");
    const text = (d: Y.Doc) => d.getText("t").toString();
    ingrid.doc.getText("t").insert(0, "Ingrid. ");
    martin.doc.getText("t").insert(0, "Martin. ");
    await waitFor(() => text(ingrid.doc) === text(martin.doc) && text(ingrid.doc).length === 16);
    ingrid.provider.destroy();
    martin.provider.destroy();
    await waitFor(async () => {
      const state = await loadCollabState(t.db, letter);
      if (!state) return false;
      const stored = new Y.Doc();
      Y.applyUpdate(stored, state);
      return text(stored).includes("Ingrid.") && text(stored).includes("Martin.");
    });
  });

  it("refuses a used, foreign, misdirected or ended pass, and another organisation", async () => {
    const pass = await ticket(a.ingrid!);
    const first = await connect(letter, pass);
    expect(first).not.toBe("refused");
    if (first !== "refused") first.provider.destroy();
    expect(await connect(letter, pass)).toBe("refused"); // used once
    expect(await connect(letter, "not-a-ticket")).toBe("refused");
    // A pass for one letter opens no other: the other organisation's own pass does not open ours, nor ours theirs.
    expect(await connect(letter, await ticket(other, otherLetter))).toBe("refused");
    expect(await connect(otherLetter, await ticket(a.ingrid!))).toBe("refused");
    // The session ended (logout) after the pass was issued.
    const late = await ticket(a.martin!);
    await t.db.session.update({ where: { id: a.martin!.sessionId! }, data: { revokedAt: new Date() } });
    expect(await connect(letter, late)).toBe("refused");
    // The letter was signed (no longer editable) after the pass was issued.
    const beforeSigning = await ticket(a.ingrid!);
    await t.db.submission.update({ where: { id: letter }, data: { status: "SIGNED" } });
    expect(await connect(letter, beforeSigning)).toBe("refused");
    await t.db.submission.update({ where: { id: letter }, data: { status: "DRAFT" } });
    // The other organisation co-writes its own letter.
    const theirs = await connect(otherLetter, await ticket(other, otherLetter));
    expect(theirs).not.toBe("refused");
    if (theirs !== "refused") theirs.provider.destroy();
  });
  it("closes an open connection when its session ends or the letter is signed", async () => {
    const ingrid = await withSession(t.db, a.ingrid!);
    const martin = await withSession(t.db, a.martin!);
    const mine = await connect(letter, await ticket(ingrid));
    const his = await connect(letter, await ticket(martin));
    if (mine === "refused" || his === "refused") throw new Error("refused");
    const text = (d: Y.Doc) => d.getText("ended").toString();
    his.doc.getText("ended").insert(0, "Før. ");
    await waitFor(() => text(mine.doc) === "Før. ");
    // Martin logs out in another tab: his open tab is closed by the next check, and what it types reaches no one.
    await t.db.session.update({ where: { id: martin.sessionId! }, data: { revokedAt: new Date() } });
    await waitFor(() => his.seen.closed);
    his.doc.getText("ended").insert(0, "Etter. ");
    mine.doc.getText("ended").insert(text(mine.doc).length, "Ingrid. ");
    await new Promise((r) => setTimeout(r, 600));
    expect(text(mine.doc)).toBe("Før. Ingrid. ");
    const stored = async () => {
      const state = await loadCollabState(t.db, letter);
      const d = new Y.Doc();
      if (state) Y.applyUpdate(d, state);
      return text(d);
    };
    await waitFor(async () => (await stored()) === "Før. Ingrid. ");
    // The letter is signed: no one may write in it any more, and Ingrid's connection is closed too.
    await t.db.submission.update({ where: { id: letter }, data: { status: "SIGNED" } });
    await waitFor(() => mine.seen.closed);
    mine.doc.getText("ended").insert(0, "Etter signering. ");
    await new Promise((r) => setTimeout(r, 600));
    expect(await stored()).toBe("Før. Ingrid. ");
    await t.db.submission.update({ where: { id: letter }, data: { status: "DRAFT" } });
    mine.provider.destroy();
    his.provider.destroy();
  });
  it("shows colleagues under the names the server knows, whatever a browser declares", async () => {
    const mine = await connect(letter, await ticket(await withSession(t.db, a.ingrid!)));
    const his = await connect(letter, await ticket(await withSession(t.db, a.martin!)));
    if (mine === "refused" || his === "refused") throw new Error("refused");
    his.provider.setAwarenessField("user", { name: a.kaja!.name, color: "red; background: url(x)" });
    his.provider.setAwarenessField("section", "x".repeat(500));
    const seen = () =>
      [...mine.provider.awareness!.getStates().entries()]
        .filter(([id]) => id === his.doc.clientID)
        .map(([, s]) => s as { user?: { name: string; color: string }; section?: string })[0];
    await waitFor(() => seen()?.user !== undefined);
    expect(seen()!.user).toEqual({ name: a.martin!.name, color: "#334155" });
    expect(seen()!.section).toBeUndefined();
    expect(a.kaja!.name).not.toBe(a.martin!.name);
    mine.provider.destroy();
    his.provider.destroy();
  });
});
