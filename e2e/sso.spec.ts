/**
 * Single sign-on against a real OpenID Connect provider (e2e/oidc/provider.ts, started beside the app): people are
 * known by the provider's issuer and subject; signing needs a fresh login at the provider.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";
import { login, registerHearing } from "./helpers";
import { OIDC_PORT } from "./env";

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: "nb-NO", timezoneId: "Europe/Oslo" });
  return context.newPage();
}

/** At the provider's own login form: any password, the subject as the login. */
async function atProvider(page: Page, subject: string) {
  await expect(page).toHaveURL(new RegExp(`^http://localhost:${OIDC_PORT}/`));
  await page.locator('input[name="login"]').fill(subject);
  await page.locator('input[name="password"]').fill("hva-som-helst");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

async function sso(page: Page, subject: string) {
  await page.goto("/login");
  await page.getByTestId("login-sso").click();
  await atProvider(page, subject);
}

test("single sign-on: known people in by issuer and subject, others refused, a fresh provider login before signing", async ({
  browser,
}) => {
  test.setTimeout(120_000);

  // Someone the provider knows but Innspill does not: refused, with a Norwegian message.
  const stranger = await newPage(browser);
  await sso(stranger, "ukjent-entra-0001");
  await expect(stranger).toHaveURL(/\/login\?error=NotRegistered/);
  await expect(stranger.getByText("Du har ingen aktiv bruker i Innspill")).toBeVisible();

  // Kaja's first login: linked to her Innspill user by her verified address, once.
  const kaja = await newPage(browser);
  await sso(kaja, "kaja-entra-7f3a");
  await expect(kaja.getByRole("heading", { name: "Oversikt" })).toBeVisible();
  await kaja.goto("/profil");
  await expect(kaja.getByText("kaja@nito.test").first()).toBeVisible();

  // Another subject claiming Kaja's address is not Kaja.
  const imposter = await newPage(browser);
  await sso(imposter, "falsk-kaja-entra-6666");
  await expect(imposter).toHaveURL(/\/login\?error=NotRegistered/);
  await imposter.goto("/");
  await expect(imposter).toHaveURL(/\/login/);

  // A letter for Kaja to sign: Ingrid (password login) writes it from a new hearing and asks for approval.
  const ingrid = await newPage(browser);
  await login(ingrid, "ingrid@nito.test");
  const title = `Høring – innlogging ${Date.now()}`;
  await registerHearing(ingrid, title);
  await ingrid.getByTestId("start-submission").click();
  await expect(ingrid).toHaveURL(/\/innspill\/[0-9a-f-]{36}$/);
  const letterUrl = ingrid.url();
  await ingrid.getByTestId("block-search").fill("bioingeniør");
  await ingrid.getByRole("button", { name: "Søk", exact: true }).click();
  await ingrid.getByRole("button", { name: "Legg til «Bioingeniører»" }).click();
  await expect(ingrid.getByTestId("sections").getByTestId("section-heading")).toHaveText(["Bioingeniører"]);
  await ingrid
    .getByTestId("add-signatory")
    .selectOption({ label: "Kaja Marienborg — Fagstyreleder, NITO BFI" });
  await expect(ingrid.getByTestId("save-state")).toContainText("Lagret", { timeout: 15_000 });
  const status = ingrid.getByTestId("workflow-status");
  await ingrid.getByRole("button", { name: "Send til gjennomgang" }).click();
  await expect(status).toHaveAttribute("data-status", "IN_REVIEW");
  await ingrid.getByTestId("request-approval").click();
  await expect(status).toHaveAttribute("data-status", "AWAITING_APPROVAL");

  // Kaja approves. To sign, her ordinary login is not enough: she is sent to the provider for a fresh login, its
  // login form shown again although she has a session there, and comes back to the same page.
  const approvalUrl = `${letterUrl}/godkjenning`;
  await kaja.goto(approvalUrl);
  await kaja.getByTestId("approve").click();
  await expect(kaja.getByTestId("approval-status")).toHaveAttribute("data-status", "APPROVED");
  await expect(kaja.getByTestId("sign-password")).toHaveCount(0);
  await expect(kaja.getByTestId("sign")).toHaveCount(0);
  await kaja.getByTestId("reauth-sso").click();
  await atProvider(kaja, "kaja-entra-7f3a");
  await expect(kaja).toHaveURL(approvalUrl);
  await kaja.getByTestId("sign").click();
  await expect(kaja.getByTestId("approval-status")).toHaveAttribute("data-status", "SIGNED");

  // Logout ends the session in Innspill.
  await kaja.getByRole("button", { name: "Logg ut" }).first().click();
  await expect(kaja).toHaveURL(/\/login/);
  await kaja.goto("/");
  await expect(kaja).toHaveURL(/\/login/);

  // Martin logs in with the provider, is deactivated by an admin, and is refused at his next login.
  const martin = await newPage(browser);
  await sso(martin, "martin-entra-91c2");
  await expect(martin.getByRole("heading", { name: "Oversikt" })).toBeVisible();
  const admin = await newPage(browser);
  await login(admin, "admin@nito.test");
  await admin.goto("/admin");
  admin.on("dialog", (dialog) => void dialog.accept());
  const row = admin.getByRole("row").filter({ hasText: "martin@nito.test" });
  await row.getByRole("button", { name: "Deaktiver" }).click();
  await expect(row).toContainText("Deaktivert");
  // His session ends at once; the provider would let him straight back in, Innspill does not.
  await martin.goto("/");
  await expect(martin).toHaveURL(/\/login/);
  await martin.getByTestId("login-sso").click();
  await expect(martin).toHaveURL(/\/login\?error=Deactivated/);
  await expect(martin.getByText("Brukeren din i Innspill er deaktivert")).toBeVisible();
  // Back as he was, for the tests after this one.
  await row.getByRole("button", { name: "Aktiver" }).click();
  await expect(row).not.toContainText("Deaktivert");
});
