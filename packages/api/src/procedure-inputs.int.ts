// Test support for this package's integration tests.
import type { Db } from "@innspill/db";

/** A suggestion of the hearing radar, the organisation's Stortinget source and a topic, for the radar's procedures. */
export async function radarFixture(db: Db, organisationId: string) {
  const item = await db.radarItem.create({
    data: {
      organisationId,
      source: "stortinget",
      sourceRef: "horing:99001",
      url: "https://www.stortinget.no/no/Hva-skjer-pa-Stortinget/Horing/horing/?h=99001",
      title: "Radarforslag – As høring",
      issuer: "Helse- og omsorgskomiteen",
      deadline: new Date("2027-06-01"),
      fingerprint: "0",
      reason: "Berører 1 standpunkt",
    },
  });
  const source = await db.radarSource.upsert({
    where: { organisationId_source: { organisationId, source: "stortinget" } },
    create: { organisationId, source: "stortinget" },
    update: {},
  });
  const topic = await db.topic.findFirstOrThrow({ where: { organisationId } });
  return { radarItem: item.id, radarSource: source.id, topic: topic.id };
}

/** A well-formed, unverifiable WebAuthn response (registration and assertion fields both). */
const fakeCredential = {
  id: "AAAA",
  rawId: "AAAA",
  type: "public-key",
  clientExtensionResults: {},
  response: {
    clientDataJSON: "e30",
    attestationObject: "AAAA",
    authenticatorData: "AAAA",
    signature: "AAAA",
  },
};

/** A passkey of A's adviser, for the passkey procedures. */
export async function passkeyFixture(db: Db, userId: string, organisationId: string) {
  const p = await db.passkey.create({
    data: {
      organisationId,
      userId,
      credentialId: `fixture-${userId}`,
      publicKey: Buffer.from([1, 2, 3]),
      deviceType: "singleDevice",
      backedUp: false,
      name: "Fixture",
    },
  });
  return { passkey: p.id };
}

const doc = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Tekst" }] }] };

/**
 * A well-formed input for every procedure of the router, naming the objects in `A` (ids by kind: hearing,
 * openHearing, submission, snapshot, milestone, link, document, notification, issuingBody, position, block,
 * blockVersion, fact, signatory, render, thread, user, radarItem, radarSource, topic, passkey) wherever it names any. For the isolation and fuzz tests.
 */
export function procedureInputs(A: Record<string, string>): Record<string, () => unknown> {
  return {
    "system.ping": () => undefined,
    "system.status": () => undefined,
    "system.runOverdueCheck": () => undefined,
    "hearing.list": () => ({}),
    "hearing.byId": () => ({ id: A.hearing }),
    "hearing.formOptions": () => undefined,
    "hearing.create": () => ({
      title: "Høring – B",
      issuingBodyId: A.issuingBody,
      kind: "HORING",
      deadline: "2027-06-01",
    }),
    "hearing.update": () => ({ id: A.hearing, version: 1, data: { title: "Kapret" } }),
    "hearing.decide": () => ({ id: A.hearing, version: 1, decision: "SVARER" }),
    "hearing.transition": () => ({ id: A.hearing, version: 1, to: "UNDER_ARBEID" }),
    "hearing.updateMilestone": () => ({ id: A.milestone, version: 1, done: true }),
    "hearing.addLink": () => ({ hearingId: A.hearing, label: "Lenke", url: "https://example.org" }),
    "hearing.removeLink": () => ({ id: A.link }),
    "hearing.removeDocument": () => ({ id: A.document }),
    "hearing.setScreening": () => ({ id: A.hearing, basis: "Offl. § 13", publicTitle: "Høring om ******" }),
    "overview.get": () => undefined,
    "overview.calendar": () => ({ month: "2026-12" }),
    "passkey.list": () => undefined,
    "passkey.registrationOptions": () => undefined,
    "passkey.register": () => ({ response: fakeCredential }),
    "passkey.remove": () => ({ passkeyId: A.passkey }),
    "submission.passkeyOptions": () => ({ id: A.submission, snapshotSha256: A.snapshot }),
    "submission.signWithPasskey": () => ({
      id: A.submission,
      snapshotSha256: A.snapshot,
      response: fakeCredential,
    }),
    "me.profile": () => undefined,
    "me.notifications": () => undefined,
    "me.unreadCount": () => undefined,
    "me.markRead": () => ({ ids: [A.notification] }),
    "me.setEmailReminders": () => ({ enabled: false }),
    "me.issueCalendarToken": () => undefined,
    "me.revokeCalendarToken": () => undefined,
    "me.changePassword": () => ({ current: "innspill-demo", password: "et-annet-passord" }),
    "admin.issuingBodies": () => undefined,
    "admin.createIssuingBody": () => ({ name: "Bs departement", type: "DEPARTEMENT" }),
    "admin.updateIssuingBody": () => ({
      id: A.issuingBody,
      name: "Kapret",
      type: "DEPARTEMENT",
      active: false,
    }),
    "admin.settings": () => undefined,
    "admin.updateSettings": () => ({
      milestoneOffsets: { UTKAST: 10, GJENNOMGANG: 7, GODKJENNING: 4, SIGNERING: 2 },
    }),
    "admin.setLetterLogo": () => ({ version: 1, image: null }),
    "admin.outbox": () => undefined,
    "library.search": () => ({ q: "bioingeniører" }),
    "library.positions": () => ({}),
    "library.positionLookup": () => ({ ids: [A.position] }),
    "library.position": () => ({ id: A.position }),
    "library.createPosition": () => ({ statement: "B mener noe.", status: "ACTIVE" }),
    "library.updatePosition": () => ({
      id: A.position,
      version: 1,
      data: { statement: "Kapret." },
      reason: "test",
    }),
    "library.blocks": () => undefined,
    "library.blockTopics": () => undefined,
    "library.block": () => ({ id: A.block }),
    "library.blockVersion": () => ({ id: A.blockVersion }),
    "library.blockDiff": () => ({ id: A.block, from: 1, to: 1 }),
    "library.createBlock": () => ({ heading: "Bs blokk" }),
    "library.saveBlockDraft": () => ({ id: A.block, version: 1, heading: "Kapret", body: doc }),
    "library.publishBlock": () => ({ id: A.block, version: 1, reason: "Kapret" }),
    "library.facts": () => undefined,
    "library.createFact": () => ({ key: "b.fakta", label: "Bs fakta", format: "TEXT" }),
    "library.addFactValue": () => ({ factId: A.fact, validFrom: "2026-01-01", value: "1" }),
    "library.proposeImport": () => ({ text: "Om B\n\nB mener noe." }),
    "library.commitImport": () => ({
      blocks: [{ heading: "Kapret", body: doc, positions: [], factKeys: [] }],
    }),
    "letterImport.propose": () => ({ text: "Oslo, 1. desember 2026\n\nHøringssvar – B\n\nB mener noe." }),
    "letterImport.commit": () => ({
      proposal: {
        date: "2026-12-01",
        title: "Høringssvar",
        place: "Oslo",
        sections: [],
        statements: [],
        footnotes: [],
        closing: null,
        signatories: [],
      },
      hearingId: A.hearing,
      positionLinks: [{ positionId: A.position, wording: "Kapret" }],
      blockLinks: [{ blockId: A.block, sectionIndex: 0 }],
      newPositions: [],
    }),
    "letterImport.blockUsages": () => ({ id: A.block }),
    "letterImport.insight": () => ({ months: 12 }),
    "submission.list": () => undefined,
    "submission.forHearing": () => ({ hearingId: A.hearing }),
    "submission.byId": () => ({ id: A.submission }),
    "submission.preview": () => ({ id: A.submission }),
    "submission.create": () => ({ hearingId: A.openHearing }),
    "submission.save": () => ({
      id: A.submission,
      version: 1,
      title: "Kapret",
      place: "Oslo",
      date: "2026-12-01",
      letterheadOrganisation: "B",
      closing: "Hilsen",
      sections: [],
      signatories: [],
    }),
    "submission.render": () => ({ id: A.submission }),
    "submission.renderStatus": () => ({ id: A.render }),
    "submission.latestRender": () => ({ id: A.submission }),
    "submission.signatories": () => undefined,
    "submission.createSignatory": () => ({ name: "B-leder", titles: [] }),
    "submission.updateSignatory": () => ({
      id: A.signatory,
      version: 1,
      name: "Kapret",
      titles: [],
      active: false,
    }),
    "submission.sendForReview": () => ({ id: A.submission, version: 1 }),
    "submission.returnToDraft": () => ({ id: A.submission, version: 1 }),
    "submission.requestApproval": () => ({ id: A.submission, version: 1 }),
    "submission.approvalView": () => ({ id: A.submission }),
    "submission.approve": () => ({ id: A.submission, snapshotSha256: A.snapshot }),
    "submission.sign": () => ({ id: A.submission, snapshotSha256: A.snapshot }),
    "submission.returnForChanges": () => ({ id: A.submission, comment: "Kapret" }),
    "submission.reauthenticate": () => ({ password: "feil-passord" }),
    "submission.recordSending": () => ({
      id: A.submission,
      sentOn: "2026-12-01",
      channel: "EPOST",
      recipient: "X",
    }),
    "submission.createRevision": () => ({ id: A.submission }),
    "submission.collabTicket": () => ({ id: A.submission }),
    "submission.threads": () => ({ id: A.submission }),
    "submission.comment": () => ({ submissionId: A.submission, body: "Kapret" }),
    "submission.resolveThread": () => ({ threadId: A.thread }),
    "user.me": () => undefined,
    "user.list": () => undefined,
    "user.create": () => ({
      name: "Ny i B",
      email: "ny@b.test",
      role: "ADVISER",
      password: "et-langt-passord",
    }),
    "user.deactivate": () => ({ userId: A.user }),
    "user.activate": () => ({ userId: A.user }),
    "user.resetPassword": () => ({ userId: A.user, password: "et-langt-passord" }),
    "radar.list": () => ({}),
    "radar.accept": () => ({ id: A.radarItem }),
    "radar.dismiss": () => ({ id: A.radarItem, reason: "Ikke aktuell" }),
    // The configured sources are off in tests (RADAR_POLLING=0): nothing is fetched.
    "radar.propose": () => ({ address: "https://www.regjeringen.no/no/dokumenter/horing/id3170001/" }),
    "radar.topics": () => undefined,
    "radar.follow": () => ({ topicId: A.topic, follow: true }),
    "radar.sources": () => undefined,
    "radar.updateSource": () => ({ id: A.radarSource, version: 1, enabled: true, intervalMinutes: 60 }),
    "radar.checkNow": () => ({ id: A.radarSource }),
    "memory.recognise": () => ({ submissionId: A.submission, sections: [{ index: 0, body: doc }] }),
    "memory.warnings": () => ({ id: A.submission }),
    "memory.link": () => ({ submissionId: A.submission, positionId: A.position, wording: "Tekst" }),
    "memory.unlink": () => ({ submissionId: A.submission, positionId: A.position }),
    "memory.hearingOutcomes": () => ({ hearingId: A.hearing }),
    "memory.recordOutcome": () => ({ submissionId: A.submission, positionId: A.position, result: "UNKNOWN" }),
    "memory.positionOutcomes": () => ({ id: A.position }),
    "memory.outcomeInsight": () => ({ from: "2026-01-01", to: "2026-12-31" }),
    "memory.outcomeReport": () => ({ year: 2026 }),
    "memory.requestReport": () => ({ year: 2026 }),
    "memory.reportRender": () => ({ id: A.outcomeReport }),
    "memory.exportOutcomes": () => ({}),
    "memory.suggestions": () => ({ id: A.submission }),
  };
}
