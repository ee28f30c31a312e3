import { renderOutcomeReportFiles } from "@innspill/domain/worker";
import type { JobPayload, renderOutcomeReportJob } from "@innspill/jobs";
import type { ProcessorContext } from "./context";

type Payload = JobPayload<typeof renderOutcomeReportJob>;

export const processRenderOutcomeReport = (ctx: ProcessorContext, payload: Payload) =>
  renderOutcomeReportFiles(ctx.db, payload);
