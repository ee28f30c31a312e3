export * from "./schemas";
export * from "./signatories";
export * from "./submissions";
export * from "./renders";
export * from "./workflow";
export * from "./signed";
