import { expect, type Page } from "@playwright/test";

export const PASSWORD = "innspill-demo";

export async function login(page: Page, email: string, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("E-post").fill(email);
  await page.getByLabel("Passord").fill(password);
  await page.getByRole("button", { name: "Logg inn", exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { name: "Oversikt" })).toBeVisible();
}

/** Registers a hearing with a deadline some weeks ahead, from the form, and opens it. */
export async function registerHearing(page: Page, title: string, days = 30) {
  await page.goto("/horinger/ny");
  await page.getByLabel("Tittel").fill(title);
  await page.getByLabel("Avsender (høringsinstans)").selectOption({ label: "Helsedirektoratet" });
  await page.getByLabel("Type").selectOption({ label: "Høring" });
  await page
    .getByLabel("Høringsfrist")
    .fill(new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10));
  await page.getByLabel("Ansvarlig rådgiver").selectOption({ label: "Ingrid Solberg" });
  await page.getByRole("button", { name: "Registrer høring" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
}
