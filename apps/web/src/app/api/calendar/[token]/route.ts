import { getDb } from "@innspill/db";
import { getCalendarFeed } from "@innspill/domain";
import { downloadResponse, messageResponse } from "@/server/responses";

/** The personal ICS feed: /api/calendar/<token>.ics. The token is the credential; a revoked one is 404. */
export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const ics = await getCalendarFeed(getDb(), token.replace(/\.ics$/, ""), {
    baseUrl: new URL(req.url).origin,
  });
  if (!ics) return messageResponse("NOT_FOUND", "calendarNotFound");
  return downloadResponse(
    { content: ics, mediaType: "text/calendar; charset=utf-8", filename: "innspill.ics" },
    { inline: true, cacheControl: "no-store" },
  );
}
