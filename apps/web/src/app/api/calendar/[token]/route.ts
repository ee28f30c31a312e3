import { getDb } from "@innspill/db";
import { getCalendarFeed } from "@innspill/domain";

/** The personal ICS feed: /api/calendar/<token>.ics. The token is the credential; a revoked one is 404. */
export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const ics = await getCalendarFeed(getDb(), token.replace(/\.ics$/, ""), {
    baseUrl: new URL(req.url).origin,
  });
  if (!ics) return new Response("Fant ikke kalenderen. Lenken kan være trukket tilbake.", { status: 404 });
  return new Response(ics, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "cache-control": "no-store",
      "content-disposition": 'inline; filename="innspill.ics"',
    },
  });
}
