import { resetUserPassword } from "@innspill/domain";
import { type Command } from "../context";
import { userByEmail } from "./users";

export const usersResetPassword: Command = {
  usage: "users reset-password --email E-POST --password PASSORD",
  options: ["email", "password"],
  async run({ db, actor, values, out }) {
    const user = await userByEmail(db, values.email);
    await resetUserPassword(db, { userId: user.id, password: values.password }, actor);
    out.emit(true, { result: { id: user.id, email: user.email } }, `Nytt passord satt for ${user.email}.`);
    return 0;
  },
};
