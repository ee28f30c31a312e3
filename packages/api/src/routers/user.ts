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
import { protectedProcedure, roleProcedure, router, domainInput } from "../trpc";
import { once } from "../idempotency";

const admin = roleProcedure(["ADMIN"]);

export const userRouter = router({
  me: protectedProcedure.query(({ ctx }) => ctx.actor),
  list: admin.query(({ ctx }) => listUsers(ctx.db, ctx.actor)),
  create: admin
    .input(domainInput(createUserInput))
    .mutation(({ ctx, input }) =>
      once(ctx, "user.create", input, () => createUser(ctx.db, input, ctx.actor)),
    ),
  deactivate: admin
    .input(domainInput(userIdInput))
    .mutation(({ ctx, input }) => deactivateUser(ctx.db, input, ctx.actor)),
  activate: admin
    .input(domainInput(userIdInput))
    .mutation(({ ctx, input }) => activateUser(ctx.db, input, ctx.actor)),
  resetPassword: admin
    .input(domainInput(resetPasswordInput))
    .mutation(({ ctx, input }) => resetUserPassword(ctx.db, input, ctx.actor)),
});
