/**
 * Demo data for a new installation: an organisation modelled on NITO, users for every role, issuing bodies and
 * hearings around today's date. Idempotent: it runs in one transaction and does nothing when the demo organisation
 * exists. The texts are written for the demo; nothing is read from outside the repository at run time.
 */
import { hash } from "@node-rs/argon2";
import type { Db } from "@innspill/db";
import { registerJournal } from "@innspill/domain/worker";
import type { HearingKind, HearingStatus, IssuingBodyType, Role } from "@innspill/db/enums";

export const DEMO_ORG_SLUG = "nito";
export const DEMO_PASSWORD = "innspill-demo";

export const DEMO_USERS: { name: string; email: string; role: Role; title: string }[] = [
  { name: "Ingrid Solberg", email: "ingrid@nito.test", role: "ADVISER", title: "Politisk rådgiver" },
  { name: "Martin Haugen", email: "martin@nito.test", role: "ADVISER", title: "Politisk rådgiver" },
  { name: "Kaja Marienborg", email: "kaja@nito.test", role: "LEADER", title: "Fagstyreleder, NITO BFI" },
  { name: "Heidi Andersen", email: "heidi@nito.test", role: "LEADER", title: "Instituttleder, NITO BFI" },
  { name: "Tor Lie", email: "admin@nito.test", role: "ADMIN", title: "Systemansvarlig" },
];

const BODIES: { name: string; shortName?: string; type: IssuingBodyType }[] = [
  { name: "Helse- og omsorgsdepartementet", shortName: "HOD", type: "DEPARTEMENT" },
  { name: "Kunnskapsdepartementet", shortName: "KD", type: "DEPARTEMENT" },
  { name: "Finansdepartementet", shortName: "FIN", type: "DEPARTEMENT" },
  { name: "Arbeids- og inkluderingsdepartementet", shortName: "AID", type: "DEPARTEMENT" },
  { name: "Helsedirektoratet", type: "DIREKTORAT" },
  { name: "Direktoratet for høyere utdanning og kompetanse", shortName: "HK-dir", type: "DIREKTORAT" },
  { name: "Direktoratet for medisinske produkter", shortName: "DMP", type: "DIREKTORAT" },
  { name: "Statens helsetilsyn", type: "DIREKTORAT" },
  { name: "Helse- og omsorgskomiteen", type: "STORTINGSKOMITE" },
  { name: "Utdannings- og forskningskomiteen", type: "STORTINGSKOMITE" },
  { name: "Finanskomiteen", type: "STORTINGSKOMITE" },
  { name: "Helsereformutvalget", type: "OFFENTLIG_UTVALG" },
];

interface DemoHearing {
  title: string;
  body: string;
  kind: HearingKind;
  status: HearingStatus;
  /** Days from today (Oslo), or a fixed date for past hearings. */
  deadline: number | string;
  received?: number | string;
  responsible?: string;
  theirReference?: string;
  ourReference?: string;
  url?: string;
  summary: string;
  topics?: string[];
  participants?: string[];
  /** Why we do not answer (for SVARER_IKKE). */
  declineReason?: string;
}

const HEARINGS: DemoHearing[] = [
  {
    title: "Innspill til statsbudsjett 2021",
    topics: ["Budsjett", "Bioingeniører", "Rekruttering"],
    participants: ["kaja@nito.test"],
    body: "Helse- og omsorgskomiteen",
    kind: "BUDSJETTINNSPILL",
    status: "ARKIVERT",
    deadline: "2020-10-15",
    received: "2020-10-07",
    responsible: "ingrid@nito.test",
    ourReference: "20/01234",
    summary:
      "Budsjetthøring i komiteen. Vi ba om en nasjonal plan for rekruttering av ingeniører og bioingeniører til " +
      "sykehusene og om flere studieplasser i bioingeniørfag, og pekte på laboratorienes rolle i tarmscreeningen.",
  },
  {
    title: "Innspill til Helsereformutvalget",
    topics: ["Helse", "Bioingeniører", "Kompetanse"],
    participants: ["kaja@nito.test", "heidi@nito.test"],
    body: "Helsereformutvalget",
    kind: "INNSPILL",
    status: "SENDT",
    deadline: "2025-11-21",
    received: "2025-10-01",
    responsible: "martin@nito.test",
    ourReference: "25/04410",
    summary:
      "Utvalget ba referansegruppen om innspill. Vi skrev om nok personell med riktig kompetanse, om " +
      "bioingeniører, ortopediingeniører og medisinsk teknisk personell, og om overforbruk av laboratorieanalyser.",
  },
  {
    title: "Høring – forskrift om lisens for helsepersonell fra land utenfor EØS",
    topics: ["Helse", "Autorisasjon"],
    body: "Helsedirektoratet",
    kind: "HORING",
    status: "SVARER_IKKE",
    deadline: -20,
    received: -60,
    responsible: "ingrid@nito.test",
    theirReference: "25/18822-4",
    summary: "Forslaget gjelder lisensordningen for leger og sykepleiere fra land utenfor EØS.",
    declineReason: "Forslaget berører i liten grad våre yrkesgrupper. Vi svarer ikke, men følger saken.",
  },
  {
    title: "Høring – Helsepersonellplan 2040",
    topics: ["Helse", "Rekruttering", "Bioingeniører"],
    participants: ["martin@nito.test", "heidi@nito.test"],
    body: "Helse- og omsorgsdepartementet",
    kind: "HORING",
    status: "UNDER_ARBEID",
    deadline: 9,
    received: -25,
    responsible: "ingrid@nito.test",
    theirReference: "26/3107-1",
    ourReference: "26/00873",
    url: "https://www.regjeringen.no/no/dokumenter/horing-helsepersonellplan-2040/",
    summary:
      "Departementet ber om syn på tiltak for å sikre nok helsepersonell fram mot 2040. Vi vil løfte behovet for " +
      "bioingeniører og medisinsk teknisk personell, og utdanningskapasitet og praksisplasser.",
  },
  {
    title: "Statsbudsjettet 2027 – innspill til Helse- og omsorgskomiteen",
    topics: ["Budsjett", "Utdanning"],
    participants: ["kaja@nito.test"],
    body: "Helse- og omsorgskomiteen",
    kind: "BUDSJETTINNSPILL",
    status: "TIL_GODKJENNING",
    deadline: 4,
    received: -14,
    responsible: "martin@nito.test",
    ourReference: "26/01120",
    summary:
      "Skriftlig innspill til komiteens budsjetthøring. Hovedsaker: studieplasser i bioingeniørfag, " +
      "kompetansemidler til helseforetakene og finansiering av laboratorieberedskap.",
  },
  {
    title: "Høring – NOU 2026: Fremtidens laboratorietjenester",
    topics: ["Laboratorier", "Bioingeniører"],
    body: "Helse- og omsorgsdepartementet",
    kind: "HORING",
    status: "VURDERES",
    deadline: 23,
    received: -6,
    responsible: "ingrid@nito.test",
    theirReference: "26/4410-2",
    summary:
      "Utredning om organisering av medisinske laboratorier. Må vurdere om vi svarer sammen med NITO BFI og " +
      "hvilke standpunkter om bemanning og kvalitet som skal med.",
  },
  {
    title: "Høring – endringer i forskrift om medisinsk utstyr",
    topics: ["Medisinsk teknologi"],
    body: "Direktoratet for medisinske produkter",
    kind: "HORING",
    status: "REGISTRERT",
    deadline: 16,
    received: -3,
    theirReference: "26/00561-3",
    summary:
      "Tekniske endringer i forskriften. Relevant for medlemmer som arbeider med medisinsk teknisk utstyr.",
  },
  {
    title: "Innspill – opptrappingsplan for studieplasser i bioingeniørfag",
    topics: ["Utdanning", "Bioingeniører"],
    participants: ["ingrid@nito.test"],
    body: "Kunnskapsdepartementet",
    kind: "INNSPILL",
    status: "REGISTRERT",
    deadline: 30,
    received: -1,
    responsible: "martin@nito.test",
    summary:
      "Departementet inviterer til innspill om dimensjonering av helseutdanningene. Viktig anledning til å " +
      "dokumentere mangelen på bioingeniører i alle helseregionene.",
  },
  {
    title: "Stortingsmelding om digital samhandling i helse- og omsorgssektoren",
    topics: ["Digitalisering", "Helse"],
    body: "Helse- og omsorgskomiteen",
    kind: "STORTINGSMELDING",
    status: "UNDER_ARBEID",
    deadline: 12,
    received: -10,
    responsible: "ingrid@nito.test",
    summary:
      "Komiteen behandler meldingen og tar imot skriftlige innspill. Vi vil vektlegge IKT-kompetanse, " +
      "informasjonssikkerhet og at ingeniører involveres i innføringen av ny teknologi.",
  },
  {
    title: "Høring – veileder for riktig rekvirering av laboratorieanalyser",
    topics: ["Laboratorier", "Pasientsikkerhet"],
    body: "Helsedirektoratet",
    kind: "HORING",
    status: "UNDER_ARBEID",
    deadline: -2,
    received: -40,
    responsible: "martin@nito.test",
    theirReference: "26/2240-1",
    summary:
      "Veilederen skal redusere unødvendige analyser. Fristen er passert; avklar med direktoratet om et " +
      "innspill fortsatt kan tas med.",
  },
];

function osloToday(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Oslo",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

function toDate(value: number | string, today: string): Date {
  if (typeof value === "string") return new Date(`${value}T00:00:00.000Z`);
  const d = new Date(`${today}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + value);
  return d;
}

export async function seedDemoData(
  db: Db,
  options: { now?: Date } = {},
): Promise<{ created: boolean; organisationId: string }> {
  const existing = await db.organisation.findUnique({ where: { slug: DEMO_ORG_SLUG } });
  if (existing) return { created: false, organisationId: existing.id };

  const today = osloToday(options.now ?? new Date());
  const passwordHash = await hash(DEMO_PASSWORD, { algorithm: 2 /* Argon2id */ });

  return db.$transaction(
    async (tx) => {
      const org = await tx.organisation.create({
        data: {
          slug: DEMO_ORG_SLUG,
          name: "NITO – Norges Ingeniør- og Teknologorganisasjon",
          shortName: "NITO",
          address: "Postboks 9100 Grønland, 0133 Oslo",
        },
      });
      const users = new Map<string, string>();
      for (const u of DEMO_USERS) {
        const user = await tx.user.create({ data: { ...u, organisationId: org.id, passwordHash } });
        users.set(u.email, user.id);
      }
      const bodies = new Map<string, string>();
      for (const b of BODIES) {
        const body = await tx.issuingBody.create({ data: { ...b, organisationId: org.id } });
        bodies.set(b.name, body.id);
      }
      const topicIds = new Map<string, string>();
      for (const h of HEARINGS) {
        const issuingBodyId = bodies.get(h.body);
        if (!issuingBodyId) throw new Error(`Seed: unknown issuing body ${h.body}`);
        const received = h.received === undefined ? null : toDate(h.received, today);
        // The decision to answer was made a few days after the hearing came in.
        const decided = ["REGISTRERT", "VURDERES"].includes(h.status)
          ? null
          : new Date(
              Math.min(
                (received ?? toDate(h.deadline, today)).getTime() + 3 * 86_400_000 + 9 * 3_600_000,
                (options.now ?? new Date()).getTime(),
              ),
            );
        const responsibleId = h.responsible ? (users.get(h.responsible) ?? null) : null;
        for (const name of h.topics ?? []) {
          if (!topicIds.has(name)) {
            topicIds.set(name, (await tx.topic.create({ data: { organisationId: org.id, name } })).id);
          }
        }
        const created = await tx.hearing.create({
          data: {
            decision: decided ? (h.status === "SVARER_IKKE" ? "SVARER_IKKE" : "SVARER") : null,
            decisionReason: h.declineReason ?? null,
            decidedAt: decided,
            decidedById: decided ? responsibleId : null,
            topics: { create: (h.topics ?? []).map((name) => ({ topicId: topicIds.get(name)! })) },
            participants: { create: (h.participants ?? []).map((email) => ({ userId: users.get(email)! })) },
            organisationId: org.id,
            title: h.title,
            issuingBodyId,
            kind: h.kind,
            status: h.status,
            deadline: toDate(h.deadline, today),
            receivedDate: received,
            responsibleId,
            theirReference: h.theirReference ?? null,
            ourReference: h.ourReference ?? null,
            url: h.url ?? null,
            summary: h.summary,
          },
        });
        // Registered as createHearing registers: saksnummer and the hearing letter's journalpost number.
        await registerJournal(tx, created.id);
      }
      // Facts used in letters; the member count changed between the 2020 and 2025 letters.
      const facts = [
        {
          key: "org.memberCount",
          label: "Antall medlemmer i NITO",
          values: [
            { validFrom: "2020-01-01", value: "91000", source: "NITOs årsberetning 2019" },
            { validFrom: "2025-01-01", value: "116000", source: "NITOs medlemsregister" },
          ],
        },
        {
          key: "org.healthMembers",
          label: "Medlemmer i helsesektoren",
          values: [{ validFrom: "2020-01-01", value: "9000", source: "NITOs medlemsregister" }],
        },
        {
          key: "bfi.bioengineers",
          label: "Bioingeniører i NITO",
          values: [{ validFrom: "2020-01-01", value: "5600", source: "NITO BFI" }],
        },
      ];
      for (const f of facts) {
        await tx.fact.create({
          data: {
            organisationId: org.id,
            key: f.key,
            label: f.label,
            format: "NUMBER",
            values: {
              create: f.values.map((v) => ({ ...v, validFrom: new Date(`${v.validFrom}T00:00:00.000Z`) })),
            },
          },
        });
      }
      return { created: true, organisationId: org.id };
    },
    { timeout: 30_000 },
  );
}
