import { expect, test } from "@playwright/test";
import { login } from "./helpers";

function isoDaysFromNow(days: number) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

test("milestones follow an extended deadline, and the participant is notified", async ({ browser }) => {
  const ingrid = await (await browser.newContext()).newPage();
  await login(ingrid, "ingrid@nito.test");
  await ingrid.goto("/horinger/ny");
  const title = `Høring – frister ${Date.now()}`;
  await ingrid.getByLabel("Tittel").fill(title);
  await ingrid.getByLabel("Avsender (høringsinstans)").selectOption({ label: "Kunnskapsdepartementet" });
  await ingrid.getByLabel("Høringsfrist").fill(isoDaysFromNow(40));
  // The adviser registering the hearing is its responsible adviser unless she chooses another.
  await expect(ingrid.getByLabel("Ansvarlig rådgiver").locator("option:checked")).toHaveText(
    "Ingrid Solberg",
  );
  await ingrid.getByLabel("Temaer").fill("Utdanning, Frister");
  await ingrid.getByRole("checkbox", { name: "Martin Haugen" }).check();
  await ingrid.getByRole("button", { name: "Registrer høring" }).click();
  await expect(ingrid.getByRole("heading", { name: title })).toBeVisible();

  const milestones = ingrid.getByTestId("milestones");
  await expect(milestones.locator("li")).toHaveCount(4);
  const before = await milestones
    .locator("li")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-due")));

  // The body extends the deadline by two weeks.
  await ingrid.getByRole("link", { name: "Rediger" }).click();
  await ingrid.getByLabel("Høringsfrist").fill(isoDaysFromNow(54));
  await ingrid.getByRole("button", { name: "Lagre", exact: true }).click();
  await expect(ingrid.getByRole("heading", { name: title, exact: true })).toBeVisible();
  await expect(ingrid.getByTestId("history").getByText("Flyttet fristen")).toBeVisible();
  await expect(ingrid.getByTestId("history").getByText(/^Utkast: /)).toBeVisible();
  const after = await milestones
    .locator("li")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-due")));
  expect(after).toHaveLength(4);
  after.forEach((d, i) => expect(d! > before[i]!).toBe(true));

  // The overview's calendar shows the new deadline in its month; the arrows are links, the month is in the address.
  await ingrid.goto("/");
  const due = isoDaysFromNow(54);
  for (let i = 0; i < 3 && (await ingrid.getByTestId(`calendar-day-${due}`).count()) === 0; i++) {
    const shown = (await ingrid.getByTestId("calendar-month").textContent())!;
    await ingrid.getByRole("link", { name: "Neste måned" }).click();
    await expect(ingrid.getByTestId("calendar-month")).not.toHaveText(shown);
  }
  await expect(ingrid).toHaveURL(new RegExp(`maaned=${due.slice(0, 7)}$`));
  await expect(ingrid.getByTestId(`calendar-day-${due}`).getByTitle(title)).toBeVisible();

  // Martin is a participant: he sees the notification with what moved.
  const martin = await (await browser.newContext()).newPage();
  await login(martin, "martin@nito.test");
  await expect(martin.getByTestId("notification-bell")).not.toHaveAttribute("data-unread", "0");
  await martin.getByTestId("notification-bell").click();
  const note = martin.getByTestId("notification").filter({ hasText: `Ny frist: ${title}` });
  await expect(note).toBeVisible();
  await expect(note).toContainText("Milepæler som er flyttet");
  await note.getByTestId("notification-link").click();
  await expect(martin.getByRole("heading", { name: title })).toBeVisible();

  // Marking them read empties the bell at once, without a reload.
  await martin.getByTestId("notification-bell").click();
  await martin.getByRole("button", { name: "Merk alle som lest" }).click();
  await expect(martin.getByTestId("notification-bell")).toHaveAttribute("data-unread", "0");
});

test("the decision and the workflow move a hearing through its statuses", async ({ page }) => {
  await login(page, "ingrid@nito.test");
  await page.goto("/horinger?q=opptrappingsplan");
  await page.getByRole("link", { name: /opptrappingsplan/ }).click();
  await expect(page.getByTestId("hearing-status")).toHaveAttribute("data-status", "REGISTRERT");
  await page.getByRole("button", { name: "Svarer", exact: true }).click();
  await expect(page.getByTestId("hearing-status")).toHaveAttribute("data-status", "UNDER_ARBEID");
  await expect(page.getByTestId("decision")).toContainText("Svarer");
  await page.getByRole("button", { name: "Flytt til «Til gjennomgang»" }).click();
  await expect(page.getByTestId("hearing-status")).toHaveAttribute("data-status", "TIL_GJENNOMGANG");
  // Approval, signing and sending follow the letter: nobody is offered them by hand.
  await expect(page.getByRole("button", { name: "Flytt til «Til godkjenning»" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Flytt til «Sendt»" })).toHaveCount(0);
  // A letter sent outside Innspill is recorded with a reason and the sent document; without it, a clear refusal.
  await page.getByTestId("sent-outside").locator("summary").click();
  await page.getByRole("button", { name: "Registrer som sendt" }).click();
  await expect(page.getByText("Skriv en begrunnelse.")).toBeVisible();
  await expect(page.getByTestId("hearing-status")).toHaveAttribute("data-status", "TIL_GJENNOMGANG");
});

test("the personal calendar feed works until it is revoked", async ({ page }) => {
  await login(page, "martin@nito.test");
  await page.getByRole("link", { name: /Martin Haugen/ }).click();
  await page.getByRole("button", { name: "Lag kalenderlenke" }).click();
  const url = await page.getByTestId("calendar-url").inputValue();
  const feed = await page.request.get(url);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toContain("text/calendar");
  expect(await feed.text()).toContain("BEGIN:VCALENDAR");
  await page.getByRole("button", { name: "Trekk tilbake lenken" }).click();
  await expect(page.getByTestId("calendar-url")).toHaveCount(0);
  expect((await page.request.get(url)).status()).toBe(404);
});
