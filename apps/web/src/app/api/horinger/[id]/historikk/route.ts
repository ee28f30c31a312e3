import { getSessionActor } from "@innspill/auth";
import { getDb } from "@innspill/db";
import { exportHearingHistory, isAppError } from "@innspill/domain";

/** The hearing's full history (its own events and its submissions'), as a JSON download. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getSessionActor();
  if (!actor) return new Response("Du må logge inn.", { status: 401 });
  const { id } = await params;
  try {
    const history = await exportHearingHistory(getDb(), { id }, actor);
    return new Response(JSON.stringify(history, null, 2), {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="historikk-${id}.json"`,
      },
    });
  } catch (err) {
    if (isAppError(err)) return new Response("Fant ikke høringen.", { status: 404 });
    throw err;
  }
}
