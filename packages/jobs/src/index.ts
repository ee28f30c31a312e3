export * from "./definitions";
export * from "./boss";
export * from "./queue";
