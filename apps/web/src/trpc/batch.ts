/**
 * The most calls one batched tRPC request may carry: the server refuses more (400), the browser's batch link never
 * sends more. Without it one POST could carry any number of letter imports.
 */
export const TRPC_MAX_BATCH = 16;
