import { setUserActive } from "@innspill/domain";
import { type Command } from "../context";
import { userByEmail } from "./users";

export const usersDeactivate: Command = {
  usage: "users deactivate --email E-POST",
  options: ["email"],
  async run({ db, actor, values, out }) {
    const user = await userByEmail(db, values.email);
    await setUserActive(db, { userId: user.id }, actor, false);
    out.emit(
      true,
      { result: { id: user.id, email: user.email, active: false } },
      `Deaktiverte ${user.email}.`,
    );
    return 0;
  },
};
