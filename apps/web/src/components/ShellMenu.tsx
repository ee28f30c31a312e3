"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * The shell's navigation: on a wide screen a row, on a phone behind a «Meny» button (it closes when a link in it is
 * followed, or Escape is pressed), so every page starts with its content rather than 150 px of links. On a wider screen
 * its parts take their places in the header (`md:contents`): the user's links beside the name, the navigation on a
 * row of its own, so no width between a tablet and a laptop wraps one link («Logg ut») onto a line alone.
 */
export function ShellMenu({ label, children }: { label: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  // Escape closes the open menu and gives the focus back to its button.
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);
  return (
    <>
      <button
        ref={button}
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
        className={`${open ? "flex" : "hidden"} order-last w-full flex-col gap-2 md:contents`}
        onClick={(e) => {
          if ((e.target as HTMLElement).closest("a")) setOpen(false);
        }}
      >
        {children}
      </div>
    </>
  );
}
