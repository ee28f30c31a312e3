/**
 * The hearings the import offers to attach a letter to: the latest first, filtered by the search field (one place, so
 * the server's prefetch and the browser ask for the same list).
 */
export const importHearingsInput = (q: string) => ({
  includeClosed: true,
  sort: "deadline_desc" as const,
  ...(q ? { q } : {}),
});
