import type { RadarSourceName } from "./config";

/** A hearing as read from a source, before it is matched against an organisation. */
export interface RemoteHearing {
  source: RadarSourceName;
  /** The source's own id: "horing:<id>" (Stortinget) or "id<number>" (regjeringen.no). */
  sourceRef: string;
  /** The hearing's public page. */
  url: string;
  title: string;
  issuer: string;
  issuerType: "DEPARTEMENT" | "STORTINGSKOMITE" | "DIREKTORAT" | "ANNET";
  /** The deadline for written input, "YYYY-MM-DD" in Oslo; null when the source gives none. */
  deadline: string | null;
  status: string | null;
  summary: string | null;
  /** Documents (høringsnotat, høringsbrev) and other links. Only documents on a configured host are downloaded. */
  documents: { label: string; url: string }[];
  /** Bodies invited to answer (høringsinstanser). */
  invited: string[];
  /** The source's subject words (Stortinget's «emner»). */
  topics: string[];
  /** The cases a Stortinget hearing is about (reference and title). */
  cases: { id: string; reference: string; title: string }[];
}
