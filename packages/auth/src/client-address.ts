/**
 * The client's address, as the nearest trusted proxy saw it. Each proxy appends the address it received the request
 * from to X-Forwarded-For, so with `hops` proxies in front the client is the `hops`-th entry from the right; anything
 * further left was written by the client and proves nothing. With no proxy configured there is no trustworthy
 * address in the request (Next.js keeps a header the client sent), so none is recorded.
 */
export function clientAddressFrom(headers: Headers | undefined, hops: number): string | null {
  if (!headers || hops < 1) return null;
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const address = chain[chain.length - hops];
  return address && address.length <= 64 ? address : null;
}
