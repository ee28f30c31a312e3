import {
  HEARING_STATUSES,
  isValidDateOnly,
  type HEARING_SORTS,
  type HearingStatus,
} from "@innspill/domain/shared";

import type { TRPCOptionsProxy } from "@trpc/tanstack-react-query";
import type { AppRouter } from "@innspill/api";

const UUID = /^[0-9a-f-]{36}$/i;

/**
 * The hearing list's query from the page's URL (?status=…&body=…&topic=…&responsible=…&from=…&to=…&q=…&sort=…): one
 * place, so the server's prefetch and the browser ask for the very same list.
 */
export function hearingListInput(param: (key: string) => string | null | undefined) {
  const get = (key: string) => param(key) ?? "";
  const id = (key: string) => (UUID.test(get(key)) ? get(key) : undefined);
  const day = (key: string) => (isValidDateOnly(get(key)) ? get(key) : null);
  const statusParam = get("status");
  const status = (HEARING_STATUSES as string[]).includes(statusParam)
    ? [statusParam as HearingStatus]
    : undefined;
  const sort: (typeof HEARING_SORTS)[number] =
    get("sort") === "deadline_desc" ? "deadline_desc" : "deadline_asc";
  return {
    status,
    sort,
    includeClosed: statusParam === "alle",
    issuingBodyId: id("body"),
    topicId: id("topic"),
    responsibleId: id("responsible"),
    deadlineFrom: day("from"),
    deadlineTo: day("to"),
    q: get("q") || undefined,
  };
}

/** The list as an infinite query: the server's prefetch and the browser read the same pages. */
export const hearingListQuery = (
  trpc: TRPCOptionsProxy<AppRouter>,
  input: ReturnType<typeof hearingListInput>,
) => trpc.hearing.list.infiniteQueryOptions(input, { getNextPageParam: (page) => page.nextCursor });

/** A page's search params as the list reads them. */
export const fromSearchParams = (sp: Record<string, string | string[] | undefined>) => (key: string) => {
  const v = sp[key];
  return Array.isArray(v) ? v[0] : v;
};
