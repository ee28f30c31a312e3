/**
 * The e2e suite's ports. `E2E_PORT` moves them all, so two checkouts can run their suites side by side:
 * the app on E2E_PORT, its worker on +1, the OpenID Connect provider on +9.
 */
export const PORT = Number(process.env.E2E_PORT ?? 3100);
export const WORKER_PORT = PORT + 1;
export const OIDC_PORT = PORT + 9;
