import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "@innspill/db/testing";
import type { Actor } from "../access/actor";
import { getCalendarFeed, issueCalendarToken, revokeCalendarToken } from "./calendar";
import { dateOnlyToDb, dbToDateOnly, endOfIsoWeek, osloDate } from "../dates/dates";
import { OPEN_STATUSES } from "./constants";
import { AppError } from "../common/errors";
import { createHearing, updateHearing } from "./register";
import { decideHearing, transitionHearing } from "./decisions";
import { getHearing, listHearings } from "./queries";
import { updateMilestone } from "./milestone-updates";
import { type HearingView } from "./views";
import { addHearingDocument } from "./attachments";
import { backfillMilestones } from "./maintenance";
import { getCalendarMonth, getOverview } from "./overview";
import { sendDueReminders } from "../notifications/reminders";
import { createDemoDatabase } from "@innspill/demo/testing";
import { isWorkingDay, subtractWorkingDays } from "../dates/workdays";

let t: TestDatabase;
let actors: Record<string, Actor> = {};
let bodyId: string;

beforeAll(async () => {
  ({ t, actors } = await createDemoDatabase());
  bodyId = (await t.db.issuingBody.findFirstOrThrow({ where: { name: "Helsedirektoratet" } })).id;
});
afterAll(async () => {
  await t?.close();
});

async function codeOf(p: Promise<unknown>) {
  try {
    await p;
    return "OK";
  } catch (err) {
    if (err instanceof AppError) return `${err.code}:${err.message}`;
    throw err;
  }
}

const fieldsFor = (h: HearingView, overrides: Record<string, unknown> = {}) => ({
  title: h.title,
  issuingBodyId: h.issuingBody.id,
  kind: h.kind,
  deadline: h.deadline,
  responsibleId: h.responsible?.id ?? null,
  topics: h.topics.map((x) => x.name),
  participantIds: h.participants.map((p) => p.id),
  ...overrides,
});

async function newHearing(deadline: string, extra: Record<string, unknown> = {}) {
  return createHearing(
    t.db,
    {
      title: `Høring ${Math.random().toString(36).slice(2, 8)}`,
      issuingBodyId: bodyId,
      kind: "HORING",
      deadline,
      responsibleId: actors.ingrid!.id,
      participantIds: [actors.martin!.id],
      topics: "Helse, Bioingeniører",
      ...extra,
    },
    actors.ingrid!,
  );
}

describe("milestones", () => {
  it("are planned back from the deadline on working days with the default offsets", async () => {
    const h = await newHearing("2027-04-02"); // Friday after Easter 2027 (Easter Monday is 29 March)
    expect(h.milestones.map((m) => [m.kind, m.offsetDays])).toEqual([
      ["UTKAST", 10],
      ["GJENNOMGANG", 7],
      ["GODKJENNING", 3],
      ["SIGNERING", 1],
    ]);
    for (const m of h.milestones) {
      expect(isWorkingDay(m.dueDate)).toBe(true);
      expect(m.dueDate).toBe(subtractWorkingDays("2027-04-02", m.offsetDays));
    }
    // 10 working days back skips skjærtorsdag, langfredag, 2. påskedag and two weekends.
    expect(h.milestones[0]!.dueDate).toBe("2027-03-16");
    expect(h.topics.map((x) => x.name)).toEqual(["Bioingeniører", "Helse"]);
  });

  it("move with the deadline unless done; everyone involved is told what moved", async () => {
    const h = await newHearing("2027-06-15");
    const draft = h.milestones.find((m) => m.kind === "UTKAST")!;
    await updateMilestone(t.db, { id: draft.id, version: draft.version, done: true }, actors.ingrid!);

    const updated = await updateHearing(
      t.db,
      { id: h.id, version: h.version, data: fieldsFor(h, { deadline: "2027-06-29" }) },
      actors.ingrid!,
    );
    const byKind = Object.fromEntries(updated.milestones.map((m) => [m.kind, m.dueDate]));
    expect(byKind.UTKAST).toBe(draft.dueDate); // done: stays
    expect(byKind.SIGNERING).toBe(subtractWorkingDays("2027-06-29", 1));
    expect(byKind.GODKJENNING).toBe(subtractWorkingDays("2027-06-29", 3));

    const { history } = await getHearing(t.db, { id: h.id }, actors.ingrid!);
    const moved = history.find((e) => e.action === "hearing.deadlineMoved");
    expect(moved?.data).toMatchObject({ from: "2027-06-15", to: "2027-06-29" });
    expect((moved?.data as { moves: { kind: string }[] }).moves.map((m) => m.kind)).toEqual([
      "GJENNOMGANG",
      "GODKJENNING",
      "SIGNERING",
    ]);

    // Martin (participant) is notified, by e-mail too; Ingrid made the change and is not.
    const forMartin = await t.db.notification.findMany({
      where: { userId: actors.martin!.id, hearingId: h.id, kind: "hearing.deadlineMoved" },
    });
    expect(forMartin).toHaveLength(1);
    expect(forMartin[0]!.body).toMatch(/29\. juni 2027/);
    expect(
      await t.db.notification.count({
        where: { userId: actors.ingrid!.id, hearingId: h.id, kind: "hearing.deadlineMoved" },
      }),
    ).toBe(0);
    expect(
      await t.db.outboxEmail.count({
        where: { toEmail: "martin@nito.test", subject: { contains: h.title } },
      }),
    ).toBe(1);
  });

  it("offsets can be changed per hearing; the date follows", async () => {
    const h = await newHearing("2027-09-10");
    const review = h.milestones.find((m) => m.kind === "GJENNOMGANG")!;
    const res = await updateMilestone(
      t.db,
      { id: review.id, version: review.version, offsetDays: 5 },
      actors.ingrid!,
    );
    expect(res.dueDate).toBe(subtractWorkingDays("2027-09-10", 5));
    // A leader cannot change the plan.
    expect(
      await codeOf(
        updateMilestone(t.db, { id: review.id, version: review.version + 1, offsetDays: 2 }, actors.kaja!),
      ),
    ).toBe("FORBIDDEN:forbidden");
  });

  it("are backfilled for hearings without them, once", async () => {
    const bare = await t.db.hearing.create({
      data: {
        organisationId: actors.ingrid!.organisationId,
        title: "Uten milepæler",
        issuingBodyId: bodyId,
        kind: "ANNET",
        deadline: dateOnlyToDb("2027-10-15"),
        status: "TIL_GODKJENNING",
      },
    });
    await backfillMilestones(t.db);
    await backfillMilestones(t.db);
    const ms = await t.db.milestone.findMany({ where: { hearingId: bare.id } });
    expect(ms).toHaveLength(4);
    // Draft and review are behind it already.
    expect(
      ms
        .filter((m) => m.doneAt)
        .map((m) => m.kind)
        .sort(),
    ).toEqual(["GJENNOMGANG", "UTKAST"]);
  });
});

describe("decision and workflow", () => {
  it("declining needs a reason; a declined hearing leaves the active list but stays searchable", async () => {
    const h = await newHearing("2027-05-20", { title: "Høring om parkeringsnormer" });
    expect(
      await codeOf(
        decideHearing(t.db, { id: h.id, version: h.version, decision: "SVARER_IKKE" }, actors.ingrid!),
      ),
    ).toBe("BAD_REQUEST:invalid");
    const declined = await decideHearing(
      t.db,
      { id: h.id, version: h.version, decision: "SVARER_IKKE", reason: "Utenfor våre fagområder" },
      actors.ingrid!,
    );
    expect(declined).toMatchObject({
      status: "SVARER_IKKE",
      decision: "SVARER_IKKE",
      decisionReason: "Utenfor våre fagområder",
    });
    const active = (await listHearings(t.db, {}, actors.ingrid!)).items;
    expect(active.map((x) => x.id)).not.toContain(h.id);
    // Free text works together with the status filter the user sees: not among the open ones, found among all.
    expect(await listHearings(t.db, { q: "parkeringsnorm" }, actors.ingrid!)).toMatchObject({
      items: [],
      total: 0,
      nextCursor: null,
    });
    const { items: found } = await listHearings(
      t.db,
      { q: "parkeringsnorm", includeClosed: true },
      actors.ingrid!,
    );
    expect(found.map((x) => x.id)).toEqual([h.id]);
    // A wildcard typed in the search is a character like any other; the issuing body's name is searched too.
    const all = { includeClosed: true, limit: 200 };
    expect((await listHearings(t.db, { ...all, q: "%" }, actors.ingrid!)).total).toBe(0);
    expect((await listHearings(t.db, { ...all, q: "_" }, actors.ingrid!)).total).toBe(0);
    const body = found[0]!.issuingBody;
    const byBody = await listHearings(t.db, { ...all, q: body.name.toUpperCase() }, actors.ingrid!);
    expect(byBody.items.map((x) => x.id)).toContain(h.id);
  });

  it("follows the state machine, with leaders approving", async () => {
    let h = await newHearing("2027-11-19");
    const step = async (to: string, actor: Actor) =>
      (h = await transitionHearing(t.db, { id: h.id, version: h.version, to }, actor));
    expect(
      await codeOf(transitionHearing(t.db, { id: h.id, version: h.version, to: "SENDT" }, actors.ingrid!)),
    ).toBe("BAD_REQUEST:transitionNotAllowed");
    expect(
      await codeOf(
        transitionHearing(t.db, { id: h.id, version: h.version, to: "UNDER_ARBEID" }, actors.ingrid!),
      ),
    ).toBe("BAD_REQUEST:transitionNeedsDecision");
    await step("VURDERES", actors.ingrid!);
    h = await decideHearing(t.db, { id: h.id, version: h.version, decision: "SVARER" }, actors.ingrid!);
    expect(h.status).toBe("UNDER_ARBEID");
    await step("TIL_GJENNOMGANG", actors.ingrid!);
    // Approval, signing and sending belong to the letter: not steps anyone takes by hand.
    for (const to of ["TIL_GODKJENNING", "TIL_SIGNERING"] as const)
      for (const who of [actors.ingrid!, actors.kaja!, actors.admin!])
        expect(await codeOf(transitionHearing(t.db, { id: h.id, version: h.version, to }, who))).toBe(
          "BAD_REQUEST:transitionNotAllowed",
        );
    // Sent outside Innspill: only with a reason and the sent document, attached to this hearing.
    const sendOutside = (input: { reason?: string; documentId?: string }) =>
      transitionHearing(t.db, { id: h.id, version: h.version, to: "SENDT", ...input }, actors.ingrid!);
    expect(await codeOf(sendOutside({ reason: "Skrevet i Word" }))).toBe(
      "BAD_REQUEST:transitionNeedsSentDocument",
    );
    const sent = await addHearingDocument(
      t.db,
      { hearingId: h.id, filename: "svar.pdf", bytes: Buffer.from("%PDF-1.7\nsendt brev\n%%EOF") },
      actors.ingrid!,
    );
    expect(await codeOf(sendOutside({ documentId: sent.id }))).toBe("BAD_REQUEST:transitionNeedsReason");
    h = await sendOutside({ reason: "Skrevet i Word før Innspill", documentId: sent.id });
    expect(h.status).toBe("SENDT");
    // A stale version is a conflict, not a silent overwrite.
    expect(
      await codeOf(
        transitionHearing(t.db, { id: h.id, version: h.version - 1, to: "ARKIVERT" }, actors.ingrid!),
      ),
    ).toBe("CONFLICT:hearingConflict");
    const { history } = await getHearing(t.db, { id: h.id }, actors.ingrid!);
    expect(
      history
        .filter((e) => e.action === "hearing.transitioned")
        .map((e) => (e.data as { to: string }).to)
        .reverse(),
    ).toEqual(["VURDERES", "TIL_GJENNOMGANG", "SENDT"]);
  });
});

describe("list filters", () => {
  it("filter by topic, body, responsible and deadline range", async () => {
    const topic = await t.db.topic.findFirstOrThrow({ where: { name: "Laboratorier" } });
    const { items: byTopic } = await listHearings(
      t.db,
      { topicId: topic.id, includeClosed: true },
      actors.ingrid!,
    );
    expect(byTopic.length).toBeGreaterThan(0);
    const tagged = new Set(
      (await t.db.hearingTopic.findMany({ where: { topicId: topic.id } })).map((x) => x.hearingId),
    );
    expect(byTopic.every((h) => tagged.has(h.id))).toBe(true);

    const { items: mine } = await listHearings(t.db, { responsibleId: actors.martin!.id }, actors.ingrid!);
    expect(mine.every((h) => h.responsible?.id === actors.martin!.id)).toBe(true);

    const { items: body } = await listHearings(
      t.db,
      { issuingBodyId: bodyId, includeClosed: true },
      actors.ingrid!,
    );
    expect(body.every((h) => h.issuingBody.id === bodyId)).toBe(true);

    const { items: ranged } = await listHearings(
      t.db,
      { deadlineFrom: "2027-04-01", deadlineTo: "2027-06-30" },
      actors.ingrid!,
    );
    expect(ranged.length).toBeGreaterThan(0);
    expect(ranged.every((h) => h.deadline >= "2027-04-01" && h.deadline <= "2027-06-30")).toBe(true);
  });

  it("pages through the register in its order, hearings with the same deadline and title included", async () => {
    // Three with one deadline, two of them with one title: the cursor has to tell them apart by id.
    for (const title of ["Paging B", "Paging A", "Paging A"]) await newHearing("2031-03-03", { title });
    for (const sort of ["deadline_asc", "deadline_desc"] as const) {
      const whole = await listHearings(t.db, { includeClosed: true, sort, limit: 200 }, actors.ingrid!);
      expect(whole.nextCursor).toBeNull();
      expect(whole.total).toBe(whole.items.length);
      const paged: string[] = [];
      let cursor = null;
      let pages = 0;
      do {
        const page: Awaited<ReturnType<typeof listHearings>> = await listHearings(
          t.db,
          { includeClosed: true, sort, limit: 2, cursor },
          actors.ingrid!,
        );
        // The total comes with the first page only.
        expect(page.total).toBe(pages === 0 ? whole.total : null);
        expect(page.items.length).toBeLessThanOrEqual(2);
        paged.push(...page.items.map((h) => h.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      expect(paged).toEqual(whole.items.map((h) => h.id));
      // Disjoint pages: every hearing once.
      expect(new Set(paged).size).toBe(paged.length);
      expect(pages).toBe(Math.ceil(whole.items.length / 2));
      // A page after the last hearing is empty, and says there is no next one.
      const last = whole.items.at(-1)!;
      const past = await listHearings(
        t.db,
        {
          includeClosed: true,
          sort,
          limit: 2,
          cursor: { deadline: last.deadline, title: last.title, id: last.id },
        },
        actors.ingrid!,
      );
      expect(past).toEqual({ items: [], total: null, nextCursor: null });
    }
    expect(await codeOf(listHearings(t.db, { limit: 201 }, actors.ingrid!))).toBe("BAD_REQUEST:invalid");
  });
});

describe("reminders", () => {
  // Monday 10 May 2027 at 09:00 in Oslo; milestones due on 10–12 May are within the 2-working-day window.
  const now = new Date("2027-05-10T07:00:00Z");

  it("are sent once per subject, recipient and day, even when run twice or after a crash", async () => {
    await t.db.reminderLog.deleteMany({});
    const deadline = "2027-05-13"; // Thursday (Kristi himmelfartsdag is 6 May 2027)
    const h = await newHearing(deadline, { title: "Høring med påminnelser" });
    await t.db.user.update({ where: { id: actors.martin!.id }, data: { emailReminders: false } });

    // A crash after the first reminder.
    await expect(
      sendDueReminders(t.db, {
        now,
        afterEach: (n) => {
          if (n === 1) throw new Error("killed");
        },
      }),
    ).rejects.toThrow("killed");
    const first = await sendDueReminders(t.db, { now });
    const second = await sendDueReminders(t.db, { now });
    expect(second.sent).toBe(0);
    expect(second.skipped).toBe(first.sent + first.skipped);

    const logs = await t.db.reminderLog.findMany({ where: { day: dateOnlyToDb("2027-05-10") } });
    const keys = logs.map((l) => `${l.subject}|${l.recipientId}`);
    expect(new Set(keys).size).toBe(keys.length);
    const ids = new Set(h.milestones.map((m) => `milestone:${m.id}`));
    // Only milestones due today or within the next two working days are reminded of.
    const windowed = h.milestones.filter((m) => m.dueDate >= "2027-05-10" && m.dueDate <= "2027-05-12");
    expect(logs.filter((l) => ids.has(l.subject)).length).toBe(windowed.length);
    // The deadline is 3 working days away: outside the window today.
    expect(logs.some((l) => l.subject === `deadline:${h.id}`)).toBe(false);

    // Each reminder became exactly one notification; e-mail only for those who want it.
    const notes = await t.db.notification.findMany({ where: { hearingId: h.id, kind: "reminder" } });
    expect(notes.length).toBe(windowed.length);
    const mails = await t.db.outboxEmail.count({
      where: { subject: { contains: "Høring med påminnelser" }, toEmail: "ingrid@nito.test" },
    });
    expect(mails).toBe(windowed.length);
    await t.db.user.update({ where: { id: actors.martin!.id }, data: { emailReminders: true } });
  });

  it("remind about the deadline on the day, to the responsible and participants", async () => {
    const h = await newHearing("2027-05-10", { title: "Frist i dag" });
    await sendDueReminders(t.db, { now });
    const recipients = await t.db.reminderLog.findMany({ where: { subject: `deadline:${h.id}` } });
    expect(recipients.map((r) => r.recipientId).sort()).toEqual(
      [actors.ingrid!.id, actors.martin!.id].sort(),
    );
  });

  it("are not sent on a weekend", async () => {
    expect((await sendDueReminders(t.db, { now: new Date("2027-05-08T08:00:00Z") })).sent).toBe(0);
  });
});

describe("calendar feed", () => {
  it("parses as iCalendar with stable UIDs for deadlines and milestones, and 404s once revoked", async () => {
    const h = await newHearing("2027-12-03", { title: "Høring i kalenderen" });
    const { token } = await issueCalendarToken(t.db, actors.martin!);
    const ics = await getCalendarFeed(t.db, token, { baseUrl: "http://localhost:3000" });
    expect(ics).not.toBeNull();
    const cal = new ICAL.Component(ICAL.parse(ics!));
    const events = cal.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    const mine = events.filter((e) => e.summary.endsWith("Høring i kalenderen"));
    expect(mine.map((e) => e.uid).sort()).toEqual(
      [`deadline-${h.id}@innspill`, ...h.milestones.map((m) => `milestone-${m.id}@innspill`)].sort(),
    );
    const deadline = mine.find((e) => e.uid === `deadline-${h.id}@innspill`)!;
    expect(deadline.startDate.isDate).toBe(true);
    expect(deadline.startDate.toString()).toBe("2027-12-03");
    expect(cal.getFirstPropertyValue("x-wr-timezone")).toBe("Europe/Oslo");

    // When the deadline moves, the same UID carries the new date.
    await updateHearing(
      t.db,
      { id: h.id, version: h.version, data: fieldsFor(h, { deadline: "2027-12-10" }) },
      actors.ingrid!,
    );
    const again = new ICAL.Component(ICAL.parse((await getCalendarFeed(t.db, token))!));
    const moved = again
      .getAllSubcomponents("vevent")
      .map((v) => new ICAL.Event(v))
      .find((e) => e.uid === `deadline-${h.id}@innspill`)!;
    expect(moved.startDate.toString()).toBe("2027-12-10");

    await revokeCalendarToken(t.db, actors.martin!);
    expect(await getCalendarFeed(t.db, token)).toBeNull();
  });

  it("reaches a year back: older hearings leave the feed", async () => {
    const h = await newHearing("2027-03-01", { title: "Høring som blir historie" });
    const { token } = await issueCalendarToken(t.db, actors.martin!);
    const uids = async (now: string) =>
      new ICAL.Component(ICAL.parse((await getCalendarFeed(t.db, token, { now: new Date(now) }))!))
        .getAllSubcomponents("vevent")
        .map((v) => String(v.getFirstPropertyValue("uid")));
    expect(await uids("2028-02-28T12:00:00Z")).toContain(`deadline-${h.id}@innspill`);
    const later = await uids("2028-03-02T12:00:00Z");
    expect(later).not.toContain(`deadline-${h.id}@innspill`);
    expect(later.filter((u) => h.milestones.some((m) => u === `milestone-${m.id}@innspill`))).toEqual([]);
  });
});

describe("documents", () => {
  it("stores PDF and DOCX with SHA-256 and refuses other types and empty files", async () => {
    const h = await newHearing("2027-08-20");
    const pdf = new TextEncoder().encode("%PDF-1.7\n% test\n");
    const doc = await addHearingDocument(
      t.db,
      { hearingId: h.id, filename: "høringsbrev.pdf", bytes: pdf },
      actors.ingrid!,
    );
    expect(doc).toMatchObject({ mimeType: "application/pdf", size: pdf.byteLength });
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    expect(
      await codeOf(
        addHearingDocument(t.db, { hearingId: h.id, filename: "notat.docx", bytes: zip }, actors.ingrid!),
      ),
    ).toBe("OK");
    expect(
      await codeOf(
        addHearingDocument(
          t.db,
          { hearingId: h.id, filename: "notat.txt", bytes: new TextEncoder().encode("hei") },
          actors.ingrid!,
        ),
      ),
    ).toBe("BAD_REQUEST:documentType");
    expect(
      await codeOf(
        addHearingDocument(
          t.db,
          { hearingId: h.id, filename: "tom.pdf", bytes: new Uint8Array() },
          actors.ingrid!,
        ),
      ),
    ).toBe("BAD_REQUEST:documentEmpty");
    expect(
      await codeOf(
        addHearingDocument(t.db, { hearingId: h.id, filename: "x.pdf", bytes: pdf }, actors.kaja!),
      ),
    ).toBe("FORBIDDEN:forbidden");
  });
});

describe("Oversikt", () => {
  it("shows a hearing at risk when a milestone has passed and the status is behind it", async () => {
    await backfillMilestones(t.db);
    const today = osloDate(new Date());
    const h = await newHearing(addDays(today, 60));
    // Put the draft milestone in the past, with the hearing still being worked on.
    const draft = h.milestones.find((m) => m.kind === "UTKAST")!;
    await t.db.milestone.update({
      where: { id: draft.id },
      data: { dueDate: dateOnlyToDb(addDays(today, -1)) },
    });
    const overview = await getOverview(t.db, actors.ingrid!);
    const risky = overview.atRisk.find((x) => x.id === h.id);
    expect(risky?.lateMilestones).toEqual(["UTKAST"]);
    // Once the hearing has gone to review, the draft milestone is no longer a risk.
    await t.db.hearing.update({ where: { id: h.id }, data: { status: "TIL_GJENNOMGANG" } });
    expect((await getOverview(t.db, actors.ingrid!)).atRisk.map((x) => x.id)).not.toContain(h.id);
    expect(overview.decisions.length).toBeGreaterThan(0);
  });

  it("lists my hearings, this week's and the overdue ones, and counts per status, as the rows say", async () => {
    const today = osloDate(new Date());
    const mine = await newHearing(addDays(today, 45));
    await t.db.hearing.update({ where: { id: mine.id }, data: { responsibleId: actors.ingrid!.id } });
    const late = await newHearing(addDays(today, -3));
    await t.db.hearing.update({ where: { id: late.id }, data: { overdueSince: new Date() } });
    const overview = await getOverview(t.db, actors.ingrid!);
    const open = await t.db.hearing.findMany({
      where: { organisationId: actors.ingrid!.organisationId, status: { in: [...OPEN_STATUSES] } },
      include: { participants: true },
    });
    const ids = (list: { id: string }[]) => new Set(list.map((x) => x.id));
    const me = actors.ingrid!.id;
    expect(ids(overview.mine)).toEqual(
      ids(open.filter((h) => h.responsibleId === me || h.participants.some((p) => p.userId === me))),
    );
    expect(ids(overview.mine)).toContain(mine.id);
    const weekEnd = endOfIsoWeek(today);
    expect(ids(overview.dueThisWeek)).toEqual(
      ids(open.filter((h) => dbToDateOnly(h.deadline) >= today && dbToDateOnly(h.deadline) <= weekEnd)),
    );
    expect(ids(overview.overdue)).toEqual(ids(open.filter((h) => h.overdueSince)));
    expect(overview.overdue.find((x) => x.id === late.id)).toMatchObject({
      deadline: addDays(today, -3),
      issuingBody: { id: late.issuingBody.id, name: late.issuingBody.name },
    });
    const grouped = await t.db.hearing.groupBy({
      by: ["status"],
      where: { organisationId: actors.ingrid!.organisationId },
      _count: { _all: true },
    });
    for (const g of grouped) expect(overview.counts[g.status]).toBe(g._count._all);
  });

  it("has a month calendar with deadlines and milestones", async () => {
    const h = await newHearing("2027-02-26", { title: "Februarhøring" });
    const cal = await getCalendarMonth(t.db, { month: "2027-02" }, actors.ingrid!);
    const forIt = cal.events.filter((e) => e.hearingId === h.id);
    expect(forIt.filter((e) => e.type === "deadline").map((e) => e.date)).toEqual(["2027-02-26"]);
    expect(forIt.filter((e) => e.type === "milestone")).toHaveLength(4);
    expect(cal.events.every((e) => e.date >= "2027-02-01" && e.date <= "2027-02-28")).toBe(true);
  });
});

function addDays(d: string, n: number) {
  const x = dateOnlyToDb(d);
  x.setUTCDate(x.getUTCDate() + n);
  return dbToDateOnly(x);
}
