export * from "./definitions";
export * from "./boss";
