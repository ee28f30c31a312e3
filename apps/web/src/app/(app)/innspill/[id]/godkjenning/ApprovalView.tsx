"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { startAuthentication } from "@simplewebauthn/browser";
import { WordDiff } from "@/components/library/WordDiff";
import {
  Alert,
  Card,
  Loading,
  PageHeader,
  buttonClass,
  inputClass,
  secondaryButtonClass,
} from "@/components/ui";
import { useDates } from "@/lib/dates";
import { errorData, useDomainText, useErrorText } from "@/lib/errors";
import { useTRPC } from "@/trpc/client";
import { reauthenticateWithOidc } from "@/app/actions";
import { useHydrated } from "@/lib/hydrated";
import { useFocusLater } from "@/lib/focus";
import { UNREAD_CHANGED } from "@/components/NotificationBell";
import { MemoryWarnings } from "@/components/memory/MemoryWarnings";
import { warningMessage } from "@/components/submissions/warning-text";
import type { SubmissionWarning } from "@innspill/domain/shared";

/**
 * What a leader approves and signs: the frozen letter, every local change against the library, what changed since
 * they last approved or signed, and who has approved and signed. Approving and signing name the letter's hash.
 */
export function ApprovalView({
  id,
  ssoName,
  actorId,
}: {
  id: string;
  ssoName: string | null;
  /** The user looking: their own approval and signature are said at the top. */
  actorId: string;
}) {
  const t = useTranslations("approval");
  const tSubmissions = useTranslations("submissions");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const { date, dateTime } = useDates();
  const domainText = useDomainText();
  const hydrated = useHydrated();
  const view = useQuery({
    ...trpc.submission.approvalView.queryOptions({ id }),
    // While the signed document is being made, look again every second.
    refetchInterval: (q) => (q.state.data?.download?.state === "making" ? 1000 : false),
  });
  const render = useQuery({
    ...trpc.submission.renderStatus.queryOptions({ id: view.data?.renderId ?? "" }),
    enabled: !!view.data?.renderId,
    refetchInterval: (q) => (q.state.data && ["DONE", "FAILED"].includes(q.state.data.status) ? false : 1000),
  });
  const router = useRouter();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.submission.pathKey() });
  // After approving or signing: the letter's new state read again, the focus on the line that says what this user has
  // done (a live region, so a screen reader says it), and the pages kept by the browser's router (Oversikt's
  // «Venter på deg», the bell) dropped, so Back shows them as they are now.
  const [statusRef, focusStatus] = useFocusLater<HTMLParagraphElement>();
  const acted = async () => {
    await refresh();
    focusStatus();
    window.dispatchEvent(new Event(UNREAD_CHANGED));
    router.refresh();
  };
  const approve = useMutation(trpc.submission.approve.mutationOptions({ onSuccess: acted }));
  const giveBack = useMutation(trpc.submission.returnForChanges.mutationOptions({ onSuccess: refresh }));
  const reauth = useMutation(trpc.submission.reauthenticate.mutationOptions());
  const sign = useMutation(trpc.submission.sign.mutationOptions({ onSuccess: acted }));
  const passkeyOptions = useMutation(trpc.submission.passkeyOptions.mutationOptions());
  const signWithPasskey = useMutation(trpc.submission.signWithPasskey.mutationOptions({ onSuccess: acted }));
  const [usePassword, setUsePassword] = useState(false);
  const [comment, setComment] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [passwordError, setPasswordError] = useState<string | null>(null);

  const warningText = (w: SubmissionWarning) => {
    const m = warningMessage(w);
    return tSubmissions(m.key as never, m.values as never);
  };
  // Approve and sign must work when they show: drawn at hydration, from the data that came with the page.
  if (!hydrated || view.isPending) return <Loading label={t("title")} />;
  if (view.error) return <Alert>{errorText(view.error)}</Alert>;
  const v = view.data;
  const hash = v.snapshotSha256;
  // What this user may do here is the server's answer (`actions`).
  const canApprove = v.actions.includes("submission.approve");
  const canSign = v.actions.includes("submission.sign");
  const fresh = v.reauthFresh;
  const mySignature = v.signatories.find((x) => x.userId === actorId && x.signedAt);
  const myApproval = v.approvals.find(
    (a) => a.userId === actorId && !a.voidedAt && a.snapshotSha256 === hash,
  );
  const signedCount = v.signatories.filter((x) => x.signedAt).length;
  // What this user has done and has left to do here, at the top of the page.
  const myStatus = mySignature?.signedAt
    ? t("youSigned", { time: dateTime(mySignature.signedAt) })
    : [
        myApproval ? t("youApproved", { time: dateTime(myApproval.at) }) : null,
        canSign ? t("waitingForYourSignature") : canApprove ? t("waitingForYourApproval") : null,
      ]
        .filter(Boolean)
        .join(" ");

  async function doSign() {
    if (!hash) return;
    setError(null);
    setPasswordError(null);
    try {
      if (!fresh) {
        await reauth.mutateAsync({ password });
        setPassword("");
      }
      await sign.mutateAsync({ id, snapshotSha256: hash });
    } catch (err) {
      // A wrong password is said at the password field; anything else above the page.
      const atField = errorData(err)?.fieldErrors?.password?.[0];
      if (atField) setPasswordError(domainText(atField));
      else setError(errorText(err));
      void refresh();
    }
  }
  /** «Signer med passnøkkel»: the challenge for this letter and hash, the device's check, then the signature. */
  async function doSignWithPasskey() {
    if (!hash) return;
    setError(null);
    try {
      const optionsJSON = await passkeyOptions.mutateAsync({ id, snapshotSha256: hash });
      let response;
      try {
        response = await startAuthentication({ optionsJSON });
      } catch {
        setError(t("passkeyCancelled"));
        return;
      }
      await signWithPasskey.mutateAsync({ id, snapshotSha256: hash, response });
    } catch (err) {
      setError(errorText(err));
      void refresh();
    }
  }
  const acting = (canApprove || canSign) && !!hash;
  const passkeyFirst = canSign && v.passkeySigning && !usePassword && !fresh;

  return (
    <div className={acting ? "pb-44 xl:pb-0" : ""}>
      <PageHeader title={t("title")} />
      <p className="-mt-2 mb-4 text-sm">
        <Link href={`/innspill/${id}`} className="inline-flex min-h-11 items-center text-blue-800 underline">
          {t("backToLetter")}
        </Link>
        <span className="ml-2 text-slate-600" data-testid="approval-status" data-status={v.status}>
          {t(`statuses.${v.status}`)}
          {v.status === "SIGNING"
            ? ` – ${t("signedCount", { signed: signedCount, total: v.signatories.length })}`
            : ""}
        </span>
      </p>
      <p
        ref={statusRef}
        role="status"
        tabIndex={-1}
        className={`mb-4 rounded-md text-base font-semibold focus:outline-2 focus:outline-blue-700 ${
          mySignature || myApproval ? "text-emerald-800" : "text-blue-900"
        }`}
        data-testid="my-status"
      >
        {myStatus}
      </p>
      {error ? <Alert>{error}</Alert> : null}
      <div className="grid gap-4 xl:grid-cols-[1fr_24rem]">
        <div className="min-w-0 space-y-4">
          {/* What a leader reads first, on a phone right above the action bar. */}
          <Card title={t("summary")}>
            <div data-testid="approval-summary" className="space-y-2 text-sm">
              <p className="text-base font-semibold text-slate-900">{v.title}</p>
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
                {v.recipient ? (
                  <>
                    <dt className="text-slate-600">{t("summaryTo")}</dt>
                    <dd>{v.recipient}</dd>
                  </>
                ) : null}
                <dt className="text-slate-600">{t("summaryDeadline")}</dt>
                <dd>{date(v.hearing.deadline)}</dd>
                <dt className="text-slate-600">{t("summaryHearing")}</dt>
                <dd>{v.hearing.title}</dd>
              </dl>
              {v.warnings.length ? (
                <div className="rounded-md border border-amber-300 bg-amber-50 p-2 text-amber-900">
                  <p className="font-medium">{t("warningsCount", { count: v.warnings.length })}</p>
                  <ul className="mt-1 list-disc space-y-1 pl-5" data-testid="approval-warnings">
                    {v.warnings.map((w, i) => (
                      <li key={i}>{warningText(w)}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
              {v.sinceLastSeen ? (
                <div>
                  <p className="font-medium">
                    {t("sinceLastSeen", { time: dateTime(v.sinceLastSeen.seenAt) })}
                  </p>
                  <p
                    className="max-h-60 overflow-auto whitespace-pre-wrap rounded border border-slate-200 bg-white p-2"
                    data-testid="since-last-seen"
                  >
                    <WordDiff parts={v.sinceLastSeen.diff} />
                  </p>
                </div>
              ) : null}
              {v.html ? (
                <a href="#brev" className="inline-flex min-h-11 items-center text-blue-800 underline">
                  {t("readLetter")}
                </a>
              ) : null}
            </div>
          </Card>
          <MemoryWarnings id={id} />
          {v.localChanges.length ? (
            <Card title={t("localChanges")}>
              <ul className="space-y-3 text-sm" data-testid="local-changes">
                {v.localChanges.map((c) => (
                  <li key={c.section}>
                    <p className="font-medium">
                      {t("localChange", { heading: c.heading, n: c.libraryVersion })}
                    </p>
                    <p className="whitespace-pre-wrap rounded border border-slate-200 bg-white p-2">
                      <WordDiff parts={c.diff} />
                    </p>
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
          <Card title={t("letter")}>
            <div id="brev" className="scroll-mt-4">
              {v.html ? (
                <div
                  className="letter-preview overflow-x-auto rounded border border-slate-200 bg-white p-4 sm:p-6"
                  data-testid="approval-letter"
                  // The frozen snapshot, rendered by renderHtml, which escapes every text.
                  dangerouslySetInnerHTML={{ __html: v.html }}
                />
              ) : (
                <p className="text-sm text-slate-500">{t("notFrozen")}</p>
              )}
            </div>
          </Card>
        </div>

        <div className="space-y-4">
          <Card title={t("content")}>
            <p className="break-all font-mono text-xs" data-testid="snapshot-hash">
              {hash ?? "—"}
            </p>
            {render.data?.status === "DONE" ? (
              <a className={`${secondaryButtonClass} mt-2`} href={`/api/innspill/${render.data.id}/pdf`}>
                {t("downloadLetter")}
              </a>
            ) : v.renderId ? (
              <p className="mt-2 text-xs text-slate-500">{t("pdfComing")}</p>
            ) : null}
          </Card>

          {/* The action bar: fixed at the bottom of a phone's screen, in the side column on a wide one. */}
          {acting ? (
            <div
              className="fixed inset-x-0 bottom-0 z-20 border-t border-slate-200 bg-white p-3 shadow-[0_-4px_12px_rgba(0,0,0,0.08)] xl:static xl:rounded-lg xl:border xl:p-4 xl:shadow-none"
              data-testid="action-bar"
            >
              {canApprove ? (
                <button
                  type="button"
                  className={`${buttonClass} w-full`}
                  disabled={approve.isPending}
                  onClick={() =>
                    approve.mutate(
                      { id, snapshotSha256: hash },
                      { onError: (err) => setError(errorText(err)) },
                    )
                  }
                  data-testid="approve"
                >
                  {t("approve")}
                </button>
              ) : null}
              {canSign && !fresh && v.reauthVia === "oidc" && ssoName ? (
                // Linked to the identity provider: a fresh login there, then back here to sign.
                <form action={reauthenticateWithOidc} className={canApprove ? "mt-3" : ""}>
                  <input type="hidden" name="callbackUrl" value={`/innspill/${id}/godkjenning`} />
                  <button type="submit" className={`${buttonClass} w-full`} data-testid="reauth-sso">
                    {t("reauthSso", { name: ssoName })}
                  </button>
                  <p className="mt-1 text-xs text-slate-600">{t("reauthSsoExplain", { name: ssoName })}</p>
                </form>
              ) : passkeyFirst ? (
                // A passkey confirms the signature: one tap, then the device's fingerprint, face or PIN.
                <div className={canApprove ? "mt-3" : ""}>
                  <button
                    type="button"
                    className={`${buttonClass} w-full`}
                    disabled={passkeyOptions.isPending || signWithPasskey.isPending}
                    onClick={() => void doSignWithPasskey()}
                    data-testid="sign-passkey"
                  >
                    {t("signPasskey")}
                  </button>
                  <p className="mt-1 text-xs text-slate-600">
                    {t("signPasskeyExplain", { hash: `${hash.slice(0, 12)}…` })}{" "}
                    <button
                      type="button"
                      className="inline-flex min-h-6 items-center text-blue-800 underline"
                      onClick={() => setUsePassword(true)}
                      data-testid="use-password"
                    >
                      {t("usePassword")}
                    </button>
                  </p>
                </div>
              ) : canSign ? (
                <form
                  className={canApprove ? "mt-3" : ""}
                  onSubmit={(e) => {
                    e.preventDefault();
                    void doSign();
                  }}
                  noValidate
                >
                  <div className="flex gap-2">
                    {fresh ? null : (
                      <div className="min-w-0 flex-1">
                        <label htmlFor="sign-password" className="sr-only">
                          {t("password")}
                        </label>
                        <input
                          id="sign-password"
                          type="password"
                          className={`${inputClass} ${passwordError ? "border-red-600 ring-1 ring-red-600" : ""}`}
                          autoComplete="current-password"
                          placeholder={t("password")}
                          value={password}
                          onChange={(e) => {
                            setPassword(e.target.value);
                            setPasswordError(null);
                          }}
                          aria-invalid={passwordError ? true : undefined}
                          aria-describedby={passwordError ? "sign-password-error" : undefined}
                          data-testid="sign-password"
                        />
                      </div>
                    )}
                    <button
                      type="submit"
                      className={`${buttonClass} ${fresh ? "w-full" : "shrink-0"}`}
                      disabled={sign.isPending || reauth.isPending || (!fresh && !password)}
                      data-testid="sign"
                    >
                      {t("sign")}
                    </button>
                  </div>
                  {passwordError ? (
                    <p
                      id="sign-password-error"
                      role="alert"
                      className="mt-1 text-sm font-medium text-red-700"
                      data-testid="sign-password-error"
                    >
                      {passwordError}
                    </p>
                  ) : null}
                  <p className="mt-1 text-xs text-slate-600">
                    {t("signExplainShort", { hash: `${hash.slice(0, 12)}…` })}
                    {v.passkeySigning && !fresh ? (
                      <>
                        {" "}
                        <button
                          type="button"
                          className="inline-flex min-h-6 items-center text-blue-800 underline"
                          onClick={() => setUsePassword(false)}
                        >
                          {t("usePasskey")}
                        </button>
                      </>
                    ) : null}
                  </p>
                </form>
              ) : null}
            </div>
          ) : null}

          <Card title={t("approvals")}>
            <ul className="space-y-1 text-sm" data-testid="approvals">
              {v.approvals.map((a, i) => (
                <li key={i} className={a.voidedAt ? "text-slate-500 line-through" : ""}>
                  {a.user} · {dateTime(a.at)}
                  {a.voidedAt ? ` (${t("voided")})` : ""}
                </li>
              ))}
            </ul>
            {v.actions.includes("submission.returnForChanges") ? (
              <div className="mt-3 space-y-2">
                <textarea
                  className={inputClass}
                  rows={2}
                  maxLength={5000}
                  placeholder={t("returnComment")}
                  aria-label={t("returnComment")}
                  value={comment}
                  onChange={(e) => setComment(e.target.value)}
                />
                <button
                  type="button"
                  className={secondaryButtonClass}
                  disabled={!comment.trim() || giveBack.isPending}
                  onClick={() =>
                    giveBack.mutate(
                      { id, comment },
                      { onSuccess: () => setComment(""), onError: (err) => setError(errorText(err)) },
                    )
                  }
                >
                  {t("returnForChanges")}
                </button>
              </div>
            ) : null}
          </Card>

          <Card title={t("signatures", { order: t(`orders.${v.signingOrder}`) })}>
            <ol className="space-y-1 text-sm" data-testid="signatures">
              {v.signatories.map((s) => (
                <li key={s.signatoryId}>
                  {s.name}
                  {s.signer && s.signer !== s.name ? ` (${t("signsAs", { user: s.signer })})` : ""}:{" "}
                  {s.signedAt ? (
                    <span className="text-emerald-800">
                      {t("signedAt", { time: dateTime(s.signedAt) })}
                      {s.passkeyCredentialId ? (
                        <>
                          {" "}
                          <span className="break-all" data-testid="signed-passkey">
                            {t("signedWithPasskey", { id: s.passkeyCredentialId })}
                          </span>
                        </>
                      ) : null}
                    </span>
                  ) : s.next ? (
                    <span className="text-blue-800">{t("nextToSign")}</span>
                  ) : (
                    <span className="text-slate-600">{t("notSigned")}</span>
                  )}
                </li>
              ))}
            </ol>
            {canSign ? <p className="mt-2 text-xs text-slate-600">{t("signExplain")}</p> : null}
            {v.download?.state === "ready" ? (
              <div className="mt-3 text-sm">
                <a className={buttonClass} href={`/api/innspill/signert/${id}`} data-testid="download-signed">
                  {t("downloadSigned")}
                </a>
                <a
                  className={`${secondaryButtonClass} ml-2`}
                  href={`/api/innspill/signert/${id}?del=logg`}
                  data-testid="download-log"
                >
                  {t("downloadLog")}
                </a>
                <p className="mt-2 break-all text-xs text-slate-500">
                  {t("documentHash")}: <code>{v.download.pdfSha256}</code>
                </p>
                <Link href="/verifiser" className="mt-1 inline-block text-xs text-blue-800 underline">
                  {t("verifyLink")}
                </Link>
              </div>
            ) : v.download?.state === "failed" ? (
              <p
                role="alert"
                className="mt-3 rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-900"
                data-testid="signed-error"
              >
                {domainText(v.download.error)}
              </p>
            ) : v.download?.state === "making" ? (
              <p className="mt-3 text-sm text-slate-600">
                <span
                  aria-hidden
                  className="mr-2 inline-block size-2 rounded-full bg-slate-400 motion-safe:animate-pulse"
                />
                {t("makingSigned")}
              </p>
            ) : null}
          </Card>
        </div>
      </div>
    </div>
  );
}
