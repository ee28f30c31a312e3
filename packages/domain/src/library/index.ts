export * from "./body";
export * from "./blocks";
export * from "./facts";
export * from "./import";
export * from "./platform";
export * from "./positions";
export * from "./search";
