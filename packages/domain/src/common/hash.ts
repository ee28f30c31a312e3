import { createHash } from "node:crypto";

/** SHA-256 as lowercase hex: the content hash of snapshots, files and signed documents. */
export const sha256 = (data: Uint8Array | string): string => createHash("sha256").update(data).digest("hex");
