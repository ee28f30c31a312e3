/**
 * The start-up check of the proxy setting. With TRUSTED_PROXY_HOPS > 0 the client's address is read from
 * X-Forwarded-For; a client that reaches the web server without passing the proxy writes that header itself and
 * chooses its address (and its login throttle). So production refuses to start with a proxy setting on a server that
 * listens beyond this machine unless the operator states that only the proxy can reach it (TRUSTED_PROXY_ONLY=1).
 */
const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

export function proxySettingProblem(setting: {
  nodeEnv: string;
  hops: number;
  proxyOnly: boolean;
  hostname: string | undefined;
}): string | null {
  if (setting.nodeEnv !== "production" || setting.hops === 0 || setting.proxyOnly) return null;
  if (setting.hostname && LOOPBACK.has(setting.hostname)) return null;
  return (
    `TRUSTED_PROXY_HOPS=${setting.hops}, men webserveren lytter på ${setting.hostname || "alle grensesnitt"}: ` +
    "en klient som når den uten om proxyen, kan skrive sin egen adresse i X-Forwarded-For. Sørg for at bare " +
    "proxyen når webserveren (brannmur, containernett, HOSTNAME=127.0.0.1) og sett TRUSTED_PROXY_ONLY=1, eller " +
    "sett TRUSTED_PROXY_HOPS=0."
  );
}
