import { getSessionActor } from "@innspill/auth";
import { getDb } from "@innspill/db";
import { exportNoark } from "@innspill/domain";
import { appErrorResponse, noarkZipResponse, unauthorized } from "@/server/responses";

/** «Eksporter til arkiv»: a closed hearing case as a Noark 5 extract, zipped. An open case is 409. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getSessionActor();
  if (!actor) return unauthorized();
  const { id } = await params;
  try {
    return await noarkZipResponse(await exportNoark(getDb(), { id }, actor));
  } catch (err) {
    return appErrorResponse(err);
  }
}
