/**
 * Demo content that goes through the use-cases (positions, published blocks, signatories and one composed letter),
 * so it is versioned, indexed and audited like anything a user makes. Idempotent: runs once per organisation.
 */
import type { Db } from "@innspill/db";
import {
  createBlock,
  createPosition,
  createSignatory,
  createSubmission,
  publishBlock,
  saveBlockDraft,
  saveSubmission,
  updatePosition,
  type Actor,
} from "@innspill/domain";
import type { BlockBody } from "@innspill/domain/shared";
import { DEMO_ORG_SLUG } from "./data";

const text = (t: string) => ({ type: "text" as const, text: t });
const p = (...content: unknown[]) =>
  ({ type: "paragraph", content }) as unknown as BlockBody["content"][number];

export async function seedDemoContent(db: Db): Promise<{ created: boolean }> {
  const org = await db.organisation.findUnique({ where: { slug: DEMO_ORG_SLUG } });
  if (!org) return { created: false };
  if (await db.textBlock.count({ where: { organisationId: org.id } })) return { created: false };
  const ingrid = await db.user.findFirstOrThrow({ where: { email: "ingrid@nito.test" } });
  const admin = await db.user.findFirstOrThrow({ where: { email: "admin@nito.test" } });
  const adviser: Actor = { id: ingrid.id, organisationId: org.id, role: "ADVISER", name: ingrid.name };
  const adminActor: Actor = { id: admin.id, organisationId: org.id, role: "ADMIN", name: admin.name };

  const position = (statement: string, topics: string[]) =>
    createPosition(
      db,
      { statement, topics, source: "Helsepolitisk plattform", owningUnit: "NITO BFI", status: "ACTIVE" },
      adviser,
    );
  const recruit = await position(
    "Det må utdannes flere bioingeniører, og studieplassene må trappes opp i tråd med behovet fram mot 2035.",
    ["helse", "utdanning"],
  );
  const turnus = await position("Ortopediingeniører må ha en toårig turnustjeneste med finansiering.", [
    "helse",
    "utdanning",
  ]);
  const oldLab = await position("Laboratoriene må få moderne IT-systemer.", ["helse", "digitalisering"]);
  const lab = await position(
    "Laboratoriedatasystemer må kommunisere sømløst med journalsystemer og analyseinstrumenter.",
    ["helse", "digitalisering"],
  );
  // A retired position with its replacement, so the composer's warning can be seen.
  await updatePosition(
    db,
    {
      id: oldLab.id,
      version: oldLab.version,
      data: { statement: oldLab.statement, topics: oldLab.topics, source: oldLab.source },
      status: "RETIRED",
      replacedById: lab.id,
      reason: "Erstattet av en mer presis formulering",
    },
    adviser,
  );

  const block = async (heading: string, topics: string[], content: BlockBody["content"]) => {
    const b = await createBlock(db, { heading, topics }, adviser);
    const saved = await saveBlockDraft(
      db,
      { id: b.id, version: b.version, heading, topics, body: { type: "doc", content } },
      adviser,
    );
    const v = await publishBlock(db, { id: b.id, version: saved.version, reason: "Første versjon" }, adviser);
    return v.id;
  };
  const about = await block(
    "Om NITO",
    ["organisasjon"],
    [
      p(
        text(
          "NITO – Norges Ingeniør- og Teknologorganisasjon er Norges største organisasjon for ingeniører og teknologer med over ",
        ),
        { type: "fact", attrs: { key: "org.memberCount" } },
        text(" medlemmer. Om lag "),
        { type: "fact", attrs: { key: "org.healthMembers" } },
        text(" av dem arbeider i helsesektoren."),
      ),
    ],
  );
  const bio = await block(
    "Bioingeniører",
    ["helse", "utdanning"],
    [
      p(
        text(
          "Det er utdannet langt færre bioingeniører enn behovet tilsier. SSB anslår en vekst på 40 prosent i behovet fram mot 2035",
        ),
        { type: "footnote", attrs: { text: "SSB, Helsemod 2019", url: "https://www.ssb.no" } },
        text("."),
      ),
      { type: "positionList", attrs: { positionIds: [recruit.id, turnus.id] } },
    ],
  );
  const digital = await block(
    "Helseteknologi og digital samhandling",
    ["helse", "digitalisering"],
    [
      p(
        text(
          "Mange sykehuslaboratorier har utdatert analyseutstyr og fragmenterte IT-systemer. Manuelle registreringer og dobbeltarbeid er utbredt.",
        ),
      ),
      { type: "positionList", attrs: { positionIds: [oldLab.id] } },
    ],
  );
  await block(
    "Etter- og videreutdanning",
    ["utdanning", "kompetanse"],
    [
      p(
        text(
          "Ingeniører og teknologer må få tid og finansiering til etter- og videreutdanning gjennom hele yrkeslivet.",
        ),
      ),
    ],
  );

  const kaja = await db.user.findFirstOrThrow({ where: { email: "kaja@nito.test" } });
  const heidi = await db.user.findFirstOrThrow({ where: { email: "heidi@nito.test" } });
  const k = await createSignatory(
    db,
    {
      name: kaja.name,
      userId: kaja.id,
      titles: [
        { title: "Styremedlem, NITO BFI", validFrom: "2019-01-01", validTo: "2022-12-31" },
        { title: "Fagstyreleder, NITO BFI", validFrom: "2023-01-01" },
      ],
    },
    adminActor,
  );
  const h = await createSignatory(
    db,
    {
      name: heidi.name,
      userId: heidi.id,
      titles: [{ title: "Instituttleder, NITO BFI", validFrom: "2018-01-01" }],
    },
    adminActor,
  );

  // One letter in progress, for the hearing the 2025 fixture letter answered.
  const hearing = await db.hearing.findFirst({
    where: { organisationId: org.id, title: "Høring – Helsepersonellplan 2040" },
  });
  if (hearing) {
    const { id } = await createSubmission(db, { hearingId: hearing.id }, adviser);
    const s = await db.submission.findUniqueOrThrow({ where: { id } });
    await saveSubmission(
      db,
      {
        id,
        version: s.version,
        title: "Høringssvar – Helsepersonellplan 2040",
        place: s.place,
        date: s.date.toISOString().slice(0, 10),
        recipient: s.recipient,
        theirReference: s.theirReference,
        ourReference: s.ourReference,
        letterheadOrganisation: s.letterheadOrganisation,
        letterheadUnit: "NITO Bioingeniørfaglig institutt",
        letterheadAddress: s.letterheadAddress,
        closing: s.closing,
        sections: [
          { kind: "BLOCK", blockVersionId: about, showHeading: false },
          { kind: "BLOCK", blockVersionId: bio },
          { kind: "BLOCK", blockVersionId: digital },
        ],
        signatories: [{ signatoryId: k.id }, { signatoryId: h.id }],
      },
      adviser,
    );
  }
  return { created: true };
}
