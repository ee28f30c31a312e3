/**
 * The demo's hearing radar: a few suggestions as the sources would give them, so «Nye høringer» has something to
 * show without a network (the demo's worker polls the real sources when it can). Deadlines are weeks from the day the
 * demo is made. Idempotent: an organisation with suggestions gets none.
 */
import type { Db } from "@innspill/db";
import { addDaysToDateOnly, osloDate } from "@innspill/domain";
import { suggestRemoteHearings, type RemoteHearing } from "@innspill/domain/worker";
import { DEMO_ORG_SLUG } from "./data";

export async function seedDemoRadar(db: Db, now: Date = new Date()) {
  const org = await db.organisation.findUnique({ where: { slug: DEMO_ORG_SLUG } });
  if (!org || (await db.radarItem.count({ where: { organisationId: org.id } }))) return { created: 0 };
  const inWeeks = (w: number) => addDaysToDateOnly(osloDate(now), w * 7);
  const hearings: RemoteHearing[] = [
    {
      source: "regjeringen",
      sourceRef: "id9900001",
      url: "https://www.regjeringen.no/no/dokumenter/horing-bioingeniorutdanning/id9900001/",
      title: "Høring – forslag om flere studieplasser og ny rammeplan for bioingeniørutdanning",
      issuer: "Kunnskapsdepartementet",
      issuerType: "DEPARTEMENT",
      deadline: inWeeks(8),
      status: "På høring",
      summary:
        "Departementet foreslår å trappe opp studieplassene for bioingeniører og en ny rammeplan med mer praksis i laboratoriet.",
      documents: [
        {
          label: "Høringsbrev – bioingeniørutdanning",
          url: "https://www.regjeringen.no/contentassets/demo/horingsbrev-bioingenior.pdf",
        },
        {
          label: "Høringsnotat – bioingeniørutdanning",
          url: "https://www.regjeringen.no/contentassets/demo/horingsnotat-bioingenior.pdf",
        },
      ],
      invited: [
        "Direktoratet for høyere utdanning og kompetanse",
        "NITO – Norges Ingeniør- og Teknologorganisasjon",
        "Universitets- og høgskolerådet",
      ],
      topics: [],
      cases: [],
    },
    {
      source: "stortinget",
      sourceRef: "horing:99101",
      url: "https://www.stortinget.no/no/Hva-skjer-pa-Stortinget/Horing/horing/?h=99101",
      title: "Digitale laboratoriesystemer i helsetjenesten",
      issuer: "Helse- og omsorgskomiteen",
      issuerType: "STORTINGSKOMITE",
      deadline: inWeeks(3),
      status: "varslet",
      summary:
        "Dokument 8:12 S: Representantforslag om at laboratoriedatasystemer skal kommunisere med journalsystemer i hele helsetjenesten.",
      documents: [],
      invited: [],
      topics: ["Helse", "Digitalisering"],
      cases: [{ id: "99101", reference: "Dokument 8:12 S", title: "Digitale laboratoriesystemer" }],
    },
    {
      source: "regjeringen",
      sourceRef: "id9900002",
      url: "https://www.regjeringen.no/no/dokumenter/horing-fiskeriforskrift/id9900002/",
      title: "Høring – endringer i forskrift om fiske i sjøen",
      issuer: "Nærings- og fiskeridepartementet",
      issuerType: "DEPARTEMENT",
      deadline: inWeeks(6),
      status: "På høring",
      summary: "Forslag om endrede minstemål for enkelte arter.",
      documents: [],
      invited: [],
      topics: [],
      cases: [],
    },
  ];
  return suggestRemoteHearings(db, org.id, hearings, now);
}
