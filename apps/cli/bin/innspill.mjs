#!/usr/bin/env node
// The `innspill` command: TypeScript source run through tsx, like the worker.
import { register } from "tsx/esm/api";

register();
await import("../src/main.ts");
