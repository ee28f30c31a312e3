/**
 * Passkeys with Chromium's virtual authenticator (CDP `WebAuthn`): a platform authenticator with resident keys and
 * user verification, which answers as a phone's fingerprint would. A leader registers a passkey on Min profil, logs
 * out, logs in with it, and signs a letter from its notification on a phone (390×844) in at most three taps with
 * nothing typed; the signature names the passkey, and so does the verifier.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, test, type Browser, type CDPSession, type Page } from "@playwright/test";
import { PASSWORD, login, registerHearing } from "./helpers";

/** A phone: the size of an iPhone 14, touch, mobile layout. */
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 3 };

async function newPage(browser: Browser, device: object = {}): Promise<Page> {
  const context = await browser.newContext({ locale: "nb-NO", timezoneId: "Europe/Oslo", ...device });
  return context.newPage();
}

/** The phone's built-in authenticator: it verifies the user (fingerprint) and keeps passkeys on the device. */
async function addPlatformAuthenticator(page: Page): Promise<{ cdp: CDPSession; authenticatorId: string }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, authenticatorId };
}

/** Keys pressed and text entered in the page, kept across navigations (sessionStorage): what «nothing typed» checks. */
async function countTyping(page: Page) {
  await page.addInitScript(() => {
    const bump = () =>
      sessionStorage.setItem("typed", String(Number(sessionStorage.getItem("typed") ?? "0") + 1));
    addEventListener("keydown", bump, true);
    addEventListener("input", bump, true);
  });
}
const typed = (page: Page) => page.evaluate(() => Number(sessionStorage.getItem("typed") ?? "0"));

async function logout(page: Page) {
  const menu = page.getByTestId("menu-toggle");
  const out = page.getByRole("button", { name: "Logg ut" }).first();
  // On a phone the menu holds it; clicked again until the page's script answers (it shows before it is hydrated).
  await expect(async () => {
    if ((await menu.isVisible()) && (await menu.getAttribute("aria-expanded")) !== "true") await menu.click();
    await expect(out).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await out.click();
  await expect(page).toHaveURL(/\/login/);
}

test("a leader registers a passkey, logs in with it, and signs from the notification on a phone in three taps", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const heidi = await newPage(browser, PHONE);
  const { cdp, authenticatorId } = await addPlatformAuthenticator(heidi);

  // Min profil: the password once more, a name, «Legg til passnøkkel»; the device makes the passkey.
  await login(heidi, "heidi@nito.test");
  await heidi.goto("/profil");
  await expect(heidi.getByText("Du har ingen passnøkler ennå.")).toBeVisible();
  await heidi.getByTestId("passkey-name").fill("Mobilen");
  await heidi.getByTestId("passkey-password").fill(PASSWORD);
  await heidi.getByTestId("passkey-add").click();
  await expect(heidi.getByTestId("passkey-status")).toHaveText("Passnøkkelen «Mobilen» er lagt til.");
  const list = heidi.getByTestId("passkeys");
  await expect(list).toContainText("Mobilen");
  await expect(list).toContainText("Ikke brukt ennå");
  const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
  expect(credentials).toHaveLength(1);
  expect(credentials[0]!.isResidentCredential).toBe(true);
  const credentialId = Buffer.from(credentials[0]!.credentialId, "base64").toString("base64url");

  // Log out; the login page offers the passkey in the e-mail field's autofill (conditional mediation), which the
  // virtual authenticator answers as a user picking it there would: logged in with no tap on the button.
  await logout(heidi);
  await expect(heidi.getByRole("heading", { name: "Oversikt" })).toBeVisible();
  await heidi.goto("/profil");
  await expect(heidi.getByTestId("passkeys")).toContainText("Sist brukt");
  // From here the device waits for a touch (no automatic presence): the autofill's quiet request stays unanswered,
  // and the button is what logs in.
  await cdp.send("WebAuthn.setAutomaticPresenceSimulation", { authenticatorId, enabled: false });
  await logout(heidi);
  await heidi.waitForTimeout(1_000);
  await expect(heidi).toHaveURL(/\/login/);

  // A letter for Kaja and Heidi to sign: Ingrid writes it from a new hearing; both approve; Kaja signs first.
  const ingrid = await newPage(browser);
  await login(ingrid, "ingrid@nito.test");
  const stamp = String(Date.now());
  const title = `Høring – passnøkkel ${stamp}`;
  await registerHearing(ingrid, title);
  await ingrid.getByTestId("start-submission").click();
  await expect(ingrid).toHaveURL(/\/innspill\/[0-9a-f-]{36}$/);
  const approvalUrl = `${ingrid.url()}/godkjenning`;
  await ingrid.getByTestId("block-search").fill("bioingeniør");
  await ingrid.getByRole("button", { name: "Søk", exact: true }).click();
  await ingrid.getByRole("button", { name: "Legg til «Bioingeniører»" }).click();
  await expect(ingrid.getByTestId("sections").getByTestId("section-heading")).toHaveText(["Bioingeniører"]);
  await ingrid
    .getByTestId("add-signatory")
    .selectOption({ label: "Kaja Marienborg — Fagstyreleder, NITO BFI" });
  await ingrid
    .getByTestId("add-signatory")
    .selectOption({ label: "Heidi Andersen — Instituttleder, NITO BFI" });
  await expect(ingrid.getByTestId("save-state")).toContainText("Lagret", { timeout: 15_000 });
  const status = ingrid.getByTestId("workflow-status");
  await ingrid.getByRole("button", { name: "Send til gjennomgang" }).click();
  await expect(status).toHaveAttribute("data-status", "IN_REVIEW");
  await ingrid.getByTestId("request-approval").click();
  await expect(status).toHaveAttribute("data-status", "AWAITING_APPROVAL");
  const kaja = await newPage(browser);
  await login(kaja, "kaja@nito.test");
  await kaja.goto(approvalUrl);
  await kaja.getByTestId("approve").click();
  await expect(kaja.getByTestId("approvals")).toContainText("Kaja Marienborg");
  const laptop = await newPage(browser);
  await login(laptop, "heidi@nito.test");
  await laptop.goto(approvalUrl);
  await laptop.getByTestId("approve").click();
  await expect(laptop.getByTestId("approval-status")).toHaveAttribute("data-status", "APPROVED");
  // Kaja signs with her password (she has no passkey).
  await kaja.reload();
  await kaja.getByTestId("sign-password").fill(PASSWORD);
  await kaja.getByTestId("sign").click();
  await expect(kaja.getByTestId("approval-status")).toHaveAttribute("data-status", "SIGNING");

  // The notification Heidi gets (in the app and by e-mail) links to the approval page: seen on her laptop.
  await laptop.goto("/varsler");
  const link = laptop
    .getByTestId("notification-link")
    .filter({ hasText: new RegExp(`Signer «.*passnøkkel ${stamp}`) })
    .first();
  const href = await link.getAttribute("href");
  expect(new URL(href!, approvalUrl).href).toBe(approvalUrl);
  await laptop.context().close();

  // On her phone, logged out: from the notification to a signed letter. Every tap counted; nothing typed.
  await countTyping(heidi);
  let taps = 0;
  // Tap 1: the notification's link.
  await heidi.goto(href!);
  taps++;
  await expect(heidi).toHaveURL(/\/login\?callbackUrl=/);
  const loginButton = heidi.getByTestId("login-passkey");
  await expect(loginButton).toBeInViewport({ ratio: 1 });
  expect((await loginButton.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  // Tap 2: «Logg inn med passnøkkel» (the fingerprint on the device, no screen tap): back at the approval page.
  // The virtual device answers with a touch only the requests made after it is told to: so it is told once the
  // autofill's quiet request waits (which then stays unanswered), and before the button's request.
  await expect(loginButton).toHaveAttribute("data-autofill", "on");
  await cdp.send("WebAuthn.setAutomaticPresenceSimulation", { authenticatorId, enabled: true });
  await loginButton.tap();
  taps++;
  await expect(heidi).toHaveURL(approvalUrl);
  await expect(heidi.getByTestId("approval-summary")).toContainText(stamp);
  // No password field: the passkey confirms the signature.
  await expect(heidi.getByTestId("sign-password")).toHaveCount(0);
  const sign = heidi.getByTestId("sign-passkey");
  await expect(sign).toHaveText("Signer med passnøkkel");
  await expect(sign).toBeInViewport({ ratio: 1 });
  expect((await sign.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  // Tap 3: «Signer med passnøkkel».
  await sign.tap();
  taps++;
  await expect(heidi.getByTestId("approval-status")).toHaveAttribute("data-status", "SIGNED");
  await expect(heidi.getByTestId("my-status")).toContainText("Du har signert");
  console.log(
    `passkey: from the notification to a signed letter in ${taps} taps, ${await typed(heidi)} keys`,
  );
  expect(taps).toBeLessThanOrEqual(3);
  expect(await typed(heidi)).toBe(0);

  // The signature names the passkey that confirmed it.
  await expect(heidi.getByTestId("signed-passkey")).toHaveText(`med passnøkkel ${credentialId}`);

  // The signed PDF's verification page and the public verifier name it too.
  const download = heidi.getByTestId("download-signed");
  await expect(download).toBeVisible({ timeout: 60_000 });
  const [file] = await Promise.all([heidi.waitForEvent("download"), download.click()]);
  const path = (await file.path())!;
  const text = execFileSync("pdftotext", ["-enc", "UTF-8", path, "-"]).toString("utf8").replace(/\s+/g, "");
  // pdftotext joins a word broken at a hyphen: compared without spaces and hyphens.
  expect(text.replace(/-/g, "")).toContain(`medpassnøkkel${credentialId.replace(/-/g, "")}`);
  await kaja.goto("/verifiser");
  await kaja.getByTestId("verify-file").setInputFiles({
    name: "signert.pdf",
    mimeType: "application/pdf",
    buffer: readFileSync(path),
  });
  await kaja.getByRole("button", { name: "Kontroller" }).click();
  await expect(kaja.getByTestId("verify-result")).toContainText("Heidi Andersen");
  await expect(kaja.getByTestId("verify-passkey")).toHaveText(`med passnøkkel ${credentialId}`);
});

test("a passkey login with a passkey Innspill does not know is refused in Norwegian", async ({ browser }) => {
  const page = await newPage(browser, PHONE);
  const { cdp, authenticatorId } = await addPlatformAuthenticator(page);
  // A passkey for this site that was never registered here (a deleted account's, another installation's).
  await cdp.send("WebAuthn.addCredential", {
    authenticatorId,
    credential: {
      credentialId: Buffer.from("ukjent-passnokkel-0001").toString("base64"),
      isResidentCredential: true,
      rpId: "localhost",
      privateKey: (await import("node:crypto"))
        .generateKeyPairSync("ec", { namedCurve: "P-256" })
        .privateKey.export({ format: "der", type: "pkcs8" })
        .toString("base64"),
      userHandle: Buffer.from("ukjent").toString("base64"),
      signCount: 0,
    },
  });
  await page.goto("/login");
  await page.getByTestId("login-passkey").tap();
  await expect(page.getByText("Denne passnøkkelen er ikke registrert i Innspill")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});
