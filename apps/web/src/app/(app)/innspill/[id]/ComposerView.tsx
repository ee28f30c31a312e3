"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { SubmissionView } from "@innspill/domain/shared";
import { positionIdsIn } from "@/components/library/position-lookup";
import { useLibraryLookup } from "@/components/library/useLibraryLookup";
import { Alert, Loading, PageHeader } from "@/components/ui";
import { useDates } from "@/lib/dates";
import { useErrorText } from "@/lib/errors";
import { useTRPC } from "@/trpc/client";
import { ConflictAlert } from "@/components/submissions/ConflictAlert";
import { LetterFields } from "@/components/submissions/LetterFields";
import { LetterPreview } from "@/components/submissions/LetterPreview";
import { RenderPanel } from "@/components/submissions/RenderPanel";
import { ReviewThreads } from "@/components/submissions/ReviewThreads";
import { SectionList } from "@/components/submissions/SectionList";
import { SignatoriesCard, type RegisterEntry } from "@/components/submissions/SignatoriesCard";
import { useSubmissionDraft, type SubmissionDraft } from "@/components/submissions/useSubmissionDraft";
import { WarningsPanel } from "@/components/submissions/WarningsPanel";
import { WorkflowBar } from "@/components/submissions/WorkflowBar";
import { RecognitionPanel } from "@/components/memory/RecognitionPanel";
import { SuggestionsPanel } from "@/components/memory/SuggestionsPanel";
import { useHydrated } from "@/lib/hydrated";
import { Presence, RemovedSections } from "@/components/submissions/Presence";
import { useCollab } from "@/components/submissions/useCollab";

/** The composer: the letter on the left, its workflow, warnings, files and preview on the right. */
export function ComposerView({ id, collabUrl, me }: { id: string; collabUrl: string | null; me: string }) {
  const t = useTranslations("submissions");
  const trpc = useTRPC();
  const errorText = useErrorText();
  const submission = useQuery({ ...trpc.submission.byId.queryOptions({ id }), refetchOnWindowFocus: false });
  const signatories = useQuery(trpc.submission.signatories.queryOptions());
  // Its data comes with the page (prefetched on the server), and it draws as soon as it can be used.
  const hydrated = useHydrated();

  if (!hydrated || submission.isPending || signatories.isPending) return <Loading label={t("title")} />;
  if (submission.error) return <Alert>{errorText(submission.error)}</Alert>;
  return (
    <Loaded
      key={submission.data.id}
      submission={submission.data}
      register={signatories.data ?? []}
      collabUrl={collabUrl}
      me={me}
    />
  );
}

function Loaded(props: {
  submission: SubmissionView;
  register: RegisterEntry[];
  collabUrl: string | null;
  me: string;
}) {
  const t = useTranslations("submissions");
  const { date } = useDates();
  const router = useRouter();
  const { submission } = props;
  // Co-writing's code comes after the page (import()), and only for a letter this user may edit.
  const { collab, loading: collabLoading } = useCollab(
    submission.id,
    props.collabUrl,
    props.me,
    submission.actions.includes("submission.edit"),
  );
  const letter = useSubmissionDraft(submission, collab, collabLoading);
  const { id, draft, state } = letter;
  // The facts, and the positions the letter's texts name (a local copy may come to name others).
  const library = useLibraryLookup(positionIdsIn(draft.sections.flatMap((s) => [s.body, s.library?.body])));
  if (library.pending) return <Loading label={t("title")} />;

  return (
    <>
      <PageHeader title={draft.title || t("untitled")} actions={<SaveState letter={letter} />} />
      <p className="-mt-2 mb-4 text-sm text-slate-600">
        {t("forHearing")}{" "}
        <Link href={`/horinger/${submission.hearing.id}`} className="text-blue-800 underline">
          {submission.hearing.title}
        </Link>{" "}
        · {t("deadline", { date: date(submission.hearing.deadline) })}
        {submission.hearing.caseNumber ? (
          <span data-testid="letter-journal">
            {" "}
            · {t("caseNumber", { number: submission.hearing.caseNumber })}
            {submission.hearing.answerNumber
              ? ` · ${t("journalNumber", { number: submission.hearing.answerNumber })}`
              : null}
          </span>
        ) : null}
      </p>
      {letter.restored ? <Alert kind="info">{t("restored")}</Alert> : null}
      {letter.error ? <Alert>{letter.error}</Alert> : null}
      <ConflictAlert letter={letter} />
      <RemovedSections letter={letter} />
      {collab ? <Presence collab={collab} sections={draft.sections} /> : null}

      {/* grid-cols-1: a column as wide as the screen; the preview (the PDF's width) scrolls in its pane. */}
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
        <div className="space-y-4">
          <LetterFields letter={letter} />
          <SectionList
            letter={letter}
            lookup={library.lookup}
            facts={library.facts}
            collab={collab}
            collabLoading={collabLoading}
          />
          <SignatoriesCard letter={letter} register={props.register} />
        </div>

        <div className="space-y-4 xl:sticky xl:top-4 xl:self-start">
          <WorkflowBar
            id={id}
            status={letter.status}
            actions={letter.actions}
            editVoidsApprovals={letter.editVoidsApprovals}
            signedPdf={letter.signedPdf}
            version={letter.version}
            flush={letter.flushIfNeeded}
            onChanged={letter.refresh}
            onOpenRevision={(next) => router.push(`/innspill/${next}`)}
            recipient={letter.draft.recipient}
          />
          <WarningsPanel
            id={id}
            canEdit={letter.editable}
            stale={state !== "saved"}
            onFix={(update) => letter.setDraft(update)}
          />
          <RecognitionPanel
            id={id}
            draft={draft}
            canEdit={letter.editable}
            onFix={(update) => letter.setDraft(update)}
          />
          {letter.editable ? <SuggestionsPanel id={id} /> : null}
          <RenderPanel
            id={id}
            flush={letter.flush}
            busy={state === "saving"}
            blocked={state === "conflict"}
          />
          <LetterPreview id={id} stale={state !== "saved"} />
          <ReviewThreads
            id={id}
            sections={draft.sections.map((x) =>
              x.kind === "BLOCK" ? (x.library?.heading ?? null) : x.heading,
            )}
          />
        </div>
      </div>
    </>
  );
}

function SaveState({ letter }: { letter: SubmissionDraft }) {
  const t = useTranslations("submissions");
  const { dateTime } = useDates();
  const { state, savedAt, keptLocally } = letter;
  return (
    <span className="text-sm text-slate-600" role="status" data-testid="save-state">
      {keptLocally ? null : <span className="mr-2 text-amber-800">{t("notKeptLocally")}</span>}
      {state === "saving"
        ? t("saving")
        : state === "dirty"
          ? t("unsaved")
          : state === "error"
            ? t("saveFailed")
            : state === "conflict"
              ? t("conflictShort")
              : savedAt
                ? t("savedAt", { time: dateTime(savedAt) })
                : t("saved")}
    </span>
  );
}
