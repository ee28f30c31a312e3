import { getSessionActor } from "@innspill/auth";
import { unreadFor } from "@/server/unread";

/** The shell's unread count, for the bell to refresh itself without the client data layer. */
export async function GET() {
  const actor = await getSessionActor();
  if (!actor) return Response.json({ error: "Du må logge inn." }, { status: 401 });
  return Response.json(await unreadFor(actor), { headers: { "cache-control": "no-store" } });
}
