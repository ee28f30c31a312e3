/** Markers around highlighted words in search snippets (not HTML, so no user text is ever rendered as markup). */
export const HIGHLIGHT_START = "\u0002";
export const HIGHLIGHT_END = "\u0003";
