import {
  listMyPasskeys,
  passkeyIdInput,
  passkeyRegistrationOptions,
  registerPasskey,
  registerPasskeyInput,
  removeMyPasskey,
  type RelyingParty,
} from "@innspill/domain";
import { domainInput, protectedProcedure, router, type Context } from "../trpc";

/** The relying party of this request (the configured public address); the domain refuses passkeys without one. */
export function relyingParty(ctx: Context): RelyingParty | undefined {
  return ctx.relyingParty;
}

/** Min profil: the user's own passkeys (users/passkeys.ts in the domain). */
export const passkeyRouter = router({
  list: protectedProcedure.query(({ ctx }) => listMyPasskeys(ctx.db, ctx.actor)),
  registrationOptions: protectedProcedure.mutation(({ ctx }) =>
    passkeyRegistrationOptions(ctx.db, ctx.actor, relyingParty(ctx)),
  ),
  register: protectedProcedure
    .input(domainInput(registerPasskeyInput))
    .mutation(({ ctx, input }) => registerPasskey(ctx.db, input, ctx.actor, relyingParty(ctx))),
  remove: protectedProcedure
    .input(domainInput(passkeyIdInput))
    .mutation(({ ctx, input }) => removeMyPasskey(ctx.db, input, ctx.actor)),
});
