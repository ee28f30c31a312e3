import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@innspill/api";

export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type HearingView = RouterOutputs["hearing"]["byId"]["hearing"];
export type HearingListItem = RouterOutputs["hearing"]["list"]["items"][number];
export { daysBetween } from "@innspill/domain/shared";
