import { getSessionActor } from "@innspill/auth";
import { getDb } from "@innspill/db";
import { exportHearingHistory } from "@innspill/domain";
import { appErrorResponse, downloadResponse, unauthorized } from "@/server/responses";

/** The hearing's full history (its own events and its submissions'), as a JSON download. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getSessionActor();
  if (!actor) return unauthorized();
  const { id } = await params;
  try {
    const history = await exportHearingHistory(getDb(), { id }, actor);
    return downloadResponse({
      content: JSON.stringify(history, null, 2),
      mediaType: "application/json; charset=utf-8",
      filename: `historikk-${id}.json`,
    });
  } catch (err) {
    return appErrorResponse(err);
  }
}
