import { handlers } from "@innspill/auth";

export const { GET, POST } = handlers;
