export { appRouter, createCaller, type AppRouter } from "./root";
export type { Context } from "./trpc";
