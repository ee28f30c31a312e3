"use client";

import { useMutation, type UseMutationOptions } from "@tanstack/react-query";
import { useRef } from "react";

/** A v4 UUID, also where `crypto.randomUUID` is missing (plain http on an intranet address). */
function newKey(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * A create mutation that cannot make two rows: every send of the same form carries one key (a double click, a retry
 * after a dropped connection), which the server answers once (idempotency.ts in @innspill/api); after a success the
 * next send is a new request with a new key.
 */
export function useIdempotentMutation<TData, TError, TInput extends object, TContext = unknown>(
  options: UseMutationOptions<TData, TError, TInput, TContext>,
) {
  const key = useRef<string>(null);
  key.current ??= newKey();
  return useMutation<TData, TError, TInput, TContext>({
    ...options,
    mutationFn: (input, ctx) => options.mutationFn!({ ...input, idempotencyKey: key.current }, ctx),
    onSuccess: (...args) => {
      key.current = newKey();
      return options.onSuccess?.(...args);
    },
  });
}
