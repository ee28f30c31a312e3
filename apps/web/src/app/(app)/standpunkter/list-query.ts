import type { TRPCOptionsProxy } from "@trpc/tanstack-react-query";
import type { AppRouter } from "@innspill/api";
import { PositionStatus } from "@innspill/domain/shared";

type Status = (typeof PositionStatus)[keyof typeof PositionStatus];

/** The status in the address (`?status=`), when it names one. */
export const statusParam = (value: string | string[] | null | undefined): Status | undefined =>
  Object.values(PositionStatus).find((s) => s === value);

/** The position register as an infinite query: the server's prefetch and the browser read the same pages. */
export const positionListQuery = (trpc: TRPCOptionsProxy<AppRouter>, status: Status | undefined) =>
  trpc.library.positions.infiniteQueryOptions(status ? { status } : {}, {
    getNextPageParam: (page) => page.nextCursor,
  });
