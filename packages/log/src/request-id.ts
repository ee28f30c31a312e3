const GIVEN_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/**
 * The request id a proxy in front already gave the request (when it looks like one), or a new one. No Node-only
 * imports: the web's proxy uses it too.
 */
export function requestIdOf(headers: Pick<Headers, "get">): string {
  const given = headers.get("x-request-id");
  return given && GIVEN_ID.test(given) ? given : crypto.randomUUID();
}
