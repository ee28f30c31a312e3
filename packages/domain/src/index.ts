/**
 * The domain's front door for the API, the web and the command line: each area's own list (its `index.ts`, names
 * only, no `export *`). A helper that takes no actor and writes the database is in no list (the worker's and the
 * command line's are in `./worker` and `./session`); `npm run lint` (knip) fails on a name here that nobody imports.
 */
export * from "./access";
export * from "./common";
export * from "./dates";
export * from "./i18n";
export * from "./notifications";
export * from "./organisation";
export * from "./users";
export * from "./system";
export * from "./hearings";
export * from "./library";
export * from "./submissions";
export * from "./imports";
export * from "./memory";
export * from "./noark";
export * from "./radar";
