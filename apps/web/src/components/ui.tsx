import Link from "next/link";
import type { ReactNode } from "react";

export function PageHeader({ title, actions }: { title: string; actions?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-center justify-between gap-3">
      <h1 className="text-2xl font-semibold text-slate-900">{title}</h1>
      {actions ? <div className="flex gap-2">{actions}</div> : null}
    </div>
  );
}

export function Card({
  title,
  children,
  className = "",
}: {
  title?: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section className={`rounded-lg border border-slate-200 bg-white p-4 shadow-sm ${className}`}>
      {title ? <h2 className="mb-3 text-base font-semibold text-slate-800">{title}</h2> : null}
      {children}
    </section>
  );
}

export function Alert({
  kind = "error",
  children,
}: {
  kind?: "error" | "info" | "success";
  children: ReactNode;
}) {
  const styles = {
    error: "border-red-300 bg-red-50 text-red-900",
    info: "border-sky-300 bg-sky-50 text-sky-900",
    success: "border-emerald-300 bg-emerald-50 text-emerald-900",
  }[kind];
  return (
    <div
      role={kind === "error" ? "alert" : "status"}
      className={`rounded-md border px-3 py-2 text-sm ${styles}`}
    >
      {children}
    </div>
  );
}

export const buttonClass =
  "inline-flex min-h-11 items-center justify-center rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-500 disabled:opacity-50";
export const secondaryButtonClass =
  "inline-flex min-h-11 items-center justify-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-500 disabled:opacity-50";
export const inputClass =
  "block min-h-11 w-full rounded-md border border-slate-300 px-3 py-2 text-base shadow-sm sm:text-sm focus:border-blue-600 focus:outline-none focus:ring-1 focus:ring-blue-600 aria-[invalid=true]:border-red-500";

export function ButtonLink({
  href,
  children,
  secondary,
}: {
  href: string;
  children: ReactNode;
  secondary?: boolean;
}) {
  return (
    <Link href={href} className={secondary ? secondaryButtonClass : buttonClass}>
      {children}
    </Link>
  );
}

export function Field({
  id,
  label,
  error,
  children,
  hint,
}: {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
      {hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function Loading({ label }: { label: string }) {
  return (
    // The dot pulses, not the text: a text fading to half its colour fails the contrast rule (WCAG 1.4.3) half the time.
    <p className="text-sm text-slate-600" aria-busy="true">
      <span
        aria-hidden
        className="mr-2 inline-block size-2 rounded-full bg-slate-400 motion-safe:animate-pulse"
      />
      {label}
    </p>
  );
}

/** «283 / 300» under a field once its text is near its limit (80 %); red at the limit. */
export function LengthCounter({ value, max }: { value: string; max?: number }) {
  if (!max || value.length < max * 0.8) return null;
  return (
    <p
      className={`mt-1 text-right text-xs ${value.length >= max ? "text-red-700" : "text-slate-600"}`}
      aria-live="polite"
    >
      {value.length} / {max}
    </p>
  );
}

/**
 * A wide table's frame: on a phone it scrolls sideways within itself, and a keyboard user can reach it (Tab) and
 * scroll it with the arrow keys; a screen reader names it (`label`, the table's title).
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div
      className="overflow-x-auto focus-visible:outline-2 focus-visible:outline-blue-600"
      role="region"
      aria-label={label}
      tabIndex={0}
    >
      {children}
    </div>
  );
}
