import {
  activateUser,
  createUser,
  createUserInput,
  deactivateUser,
  listUsers,
  resetPasswordInput,
  resetUserPassword,
  userIdInput,
} from "@innspill/domain";
import { permissionProcedure, protectedProcedure, router, domainInput } from "../trpc";
import { once } from "../idempotency";

export const userRouter = router({
  me: protectedProcedure.query(({ ctx }) => ctx.actor),
  list: permissionProcedure("user.manage").query(({ ctx }) => listUsers(ctx.db, ctx.actor)),
  create: permissionProcedure("user.manage")
    .input(domainInput(createUserInput))
    .mutation(({ ctx, input }) =>
      once(ctx, "user.create", input, () => createUser(ctx.db, input, ctx.actor)),
    ),
  deactivate: permissionProcedure("user.manage")
    .input(domainInput(userIdInput))
    .mutation(({ ctx, input }) => deactivateUser(ctx.db, input, ctx.actor)),
  activate: permissionProcedure("user.manage")
    .input(domainInput(userIdInput))
    .mutation(({ ctx, input }) => activateUser(ctx.db, input, ctx.actor)),
  resetPassword: permissionProcedure("user.manage")
    .input(domainInput(resetPasswordInput))
    .mutation(({ ctx, input }) => resetUserPassword(ctx.db, input, ctx.actor)),
});
