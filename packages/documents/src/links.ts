/** Which link targets a letter may carry: web and mail addresses only (no `javascript:`, `data:`, files). */
export const isSafeLink = (href: string): boolean => /^(https?:\/\/|mailto:)/i.test(href.trim());
