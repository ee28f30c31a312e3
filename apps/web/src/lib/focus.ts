"use client";

import { useCallback, useEffect, useRef, useState } from "react";

/**
 * An element to move the focus to after an action (the letter's status after «Godkjenn»): `focusLater()` asks for it,
 * and it happens after the next render, when the element shows what the action did (WCAG 2.4.3).
 */
export function useFocusLater<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    if (asked) ref.current?.focus();
  }, [asked]);
  const focusLater = useCallback(() => setAsked((n) => n + 1), []);
  return [ref, focusLater] as const;
}
