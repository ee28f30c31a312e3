import { useEffect, useState } from "react";

/**
 * `value` once it has stayed the same for `ms` (a search field's text, asked for when typing pauses), and a function
 * that takes the current value at once (Enter).
 */
export function useDebounced<T>(value: T, ms: number): [T, () => void] {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return [settled, () => setSettled(value)];
}
