import { expect, test } from "@playwright/test";
import { login } from "./helpers";

// The demo's radar suggestions (packages/demo/src/radar.ts); the sources are off in the e2e suite (RADAR_POLLING=0),
// so nothing here reaches the internet.
test("«Nye høringer»: ranked suggestions with reasons, dismiss with a reason, register in a click", async ({
  page,
}) => {
  await login(page, "ingrid@nito.test");
  await page.getByRole("link", { name: "Nye høringer" }).first().click();
  await expect(page.getByRole("heading", { name: "Nye høringer", level: 1 })).toBeVisible();
  const items = page.getByTestId("radar-item");
  await expect(items.first()).toBeVisible();
  const refs = await items.evaluateAll((els) => els.map((e) => e.getAttribute("data-source-ref")));
  // The bioengineering hearing (positions, NITO invited) first; the fisheries one, touching nothing, only on asking.
  expect(refs.indexOf("id9900001")).toBe(0);
  expect(refs).not.toContain("id9900002");
  await page.getByRole("button", { name: "Vis også 1 høring uten treff i biblioteket" }).click();
  await expect(page.locator('[data-source-ref="id9900002"]')).toContainText("Ingen treff i biblioteket");
  const first = page.locator('[data-source-ref="id9900001"]');
  await expect(first.getByTestId("radar-reason")).toContainText("Berører");
  await expect(first.getByTestId("radar-reason")).toContainText("NITO står på høringslisten");

  // Dismiss asks for a reason, and the hearing leaves the list for «Avviste».
  const fish = page.locator('[data-source-ref="id9900002"]');
  await fish.getByRole("button", { name: "Avvis", exact: true }).click();
  await fish.getByLabel("Hvorfor er den ikke aktuell?").fill("Utenfor NITOs område");
  await fish.getByRole("button", { name: "Avvis høringen" }).click();
  await expect(page.locator('[data-source-ref="id9900002"]')).toHaveCount(0);
  await page.getByRole("tab", { name: "Avviste" }).click();
  await expect(page.getByText("Avvist: Utenfor NITOs område")).toBeVisible();
  await page.getByRole("tab", { name: "Nye" }).click();

  // Register the Stortinget hearing: it becomes a hearing with its deadline and milestones.
  const lab = page.locator('[data-source-ref="horing:99101"]');
  await lab.getByRole("button", { name: "Registrer høringen" }).click();
  await expect(lab.getByRole("button", { name: "Registrer høringen" })).toHaveCount(0);
  await page.getByRole("tab", { name: "Registrerte" }).click();
  await page.locator('[data-source-ref="horing:99101"]').getByRole("link", { name: "Åpne høringen" }).click();
  await expect(
    page.getByRole("heading", { name: "Digitale laboratoriesystemer i helsetjenesten" }),
  ).toBeVisible();
  await expect(page.getByTestId("milestones").locator("li")).toHaveCount(4);
});

test("Systemstatus shows each radar source, its schedule and «Sjekk nå»", async ({ page }) => {
  await login(page, "admin@nito.test");
  await page.goto("/admin/system");
  const stortinget = page.getByTestId("radar-source-stortinget");
  await expect(stortinget).toBeVisible();
  await expect(page.getByTestId("radar-source-regjeringen")).toBeVisible();
  await stortinget.getByRole("button", { name: "Sjekk nå" }).click();
  await expect(stortinget.getByText("Sjekkes innen et minutt.")).toBeVisible();
  await stortinget.getByLabel("Intervall (minutter)").fill("30");
  await stortinget.getByRole("button", { name: "Lagre" }).click();
  // Saved on the server before the page is read again.
  await expect(stortinget.getByRole("status").filter({ hasText: "Lagret." })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("radar-source-stortinget").getByLabel("Intervall (minutter)")).toHaveValue(
    "30",
  );
});
