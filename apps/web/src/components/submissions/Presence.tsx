"use client";

import { useTranslations } from "next-intl";
import { bodyToPlainText } from "@innspill/domain/shared";
import { Alert, secondaryButtonClass } from "@/components/ui";
import type { DraftSection } from "./draft";
import type { Collab, Peer } from "./collab-types";
import type { SubmissionDraft } from "./useSubmissionDraft";

const sectionName = (sections: DraftSection[], key: string | null) => {
  const i = sections.findIndex((s) => s.key === key);
  if (i < 0) return null;
  const s = sections[i]!;
  return { n: i + 1, heading: (s.kind === "BLOCK" ? s.library?.heading : s.heading) || null };
};

/** Who else has the letter open now, and the section each is writing in. */
export function Presence({ collab, sections }: { collab: Collab; sections: DraftSection[] }) {
  const t = useTranslations("submissions");
  return (
    <p
      className="mb-3 flex flex-wrap items-center gap-2 text-sm text-slate-700"
      data-testid="presence"
      role="status"
    >
      <span>
        {collab.synced ? t("cowriteLive") : collab.refused ? t("cowriteRefused") : t("cowriteConnecting")}
      </span>
      {collab.peers.map((p) => {
        const where = sectionName(sections, p.section);
        return (
          <span
            key={p.clientId}
            className="inline-flex items-center gap-1 rounded-full bg-white px-2 py-0.5 ring-1 ring-slate-300"
            data-testid="peer"
          >
            <span aria-hidden className="inline-block size-2 rounded-full" style={{ background: p.color }} />
            {where
              ? t("peerWritingIn", { name: p.name, n: where.n, heading: where.heading ?? t("noHeading") })
              : p.name}
          </span>
        );
      })}
    </p>
  );
}

/** The colleagues writing in this section now. */
export function PeersHere({ peers }: { peers: Peer[] }) {
  const t = useTranslations("submissions");
  if (!peers.length) return null;
  return (
    <span className="text-xs text-slate-600" data-testid="peers-here">
      {peers.map((p) => (
        <span key={p.clientId} className="mr-2 inline-flex items-center gap-1">
          <span aria-hidden className="inline-block size-2 rounded-full" style={{ background: p.color }} />
          {t("peerWritingHere", { name: p.name })}
        </span>
      ))}
    </span>
  );
}

/**
 * Sections a colleague removed while this user was writing in them: told, with both versions (theirs: removed;
 * mine: the text), and one click puts the section back.
 */
export function RemovedSections({ letter }: { letter: SubmissionDraft }) {
  const t = useTranslations("submissions");
  if (!letter.removed.length) return null;
  return (
    <>
      {letter.removed.map((r) => (
        <Alert key={r.key}>
          <div data-testid="removed-section">
            <p>
              {t("removedWhileWriting", {
                heading: r.heading || t("noHeading"),
                name: r.by ?? t("aColleague"),
              })}
            </p>
            <div className="mt-2 grid gap-2 sm:grid-cols-2">
              <div className="rounded border border-red-200 bg-white p-2 text-sm">
                <strong className="block text-xs">
                  {t("removedTheirs", { name: r.by ?? t("aColleague") })}
                </strong>
                <em>{t("removedNothing")}</em>
              </div>
              <div className="rounded border border-red-200 bg-white p-2 text-sm">
                <strong className="block text-xs">{t("removedMine")}</strong>
                <p className="whitespace-pre-line">{bodyToPlainText(r.section.body, new Map())}</p>
              </div>
            </div>
            <div className="mt-2 flex flex-wrap gap-2">
              <button
                type="button"
                className={secondaryButtonClass}
                onClick={() => letter.restoreRemoved(r.key)}
              >
                {t("restoreRemoved")}
              </button>
              <button
                type="button"
                className={secondaryButtonClass}
                onClick={() => letter.dismissRemoved(r.key)}
              >
                {t("dismissRemoved")}
              </button>
            </div>
          </div>
        </Alert>
      ))}
    </>
  );
}
