"use client";

import { useState, type ReactNode } from "react";

/**
 * The shell's navigation: on a wide screen a row, on a phone behind a «Meny» button (it closes when a link in it is
 * followed), so every page starts with its content rather than 150 px of links.
 */
export function ShellMenu({ label, children }: { label: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="inline-flex min-h-11 min-w-11 items-center justify-center rounded-md border border-slate-300 px-3 text-sm font-medium text-slate-800 md:hidden"
        aria-expanded={open}
        aria-controls="app-menu"
        onClick={() => setOpen((o) => !o)}
        data-testid="menu-toggle"
      >
        {label}
      </button>
      <div
        id="app-menu"
        className={`${open ? "flex" : "hidden"} order-last w-full flex-col gap-2 md:order-none md:flex md:w-auto md:flex-1 md:flex-row md:items-center md:gap-6`}
        onClick={(e) => {
          if ((e.target as HTMLElement).closest("a")) setOpen(false);
        }}
      >
        {children}
      </div>
    </>
  );
}
