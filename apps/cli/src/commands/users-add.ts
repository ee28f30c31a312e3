import { createUser } from "@innspill/domain";
import { bootstrapInstallation } from "@innspill/domain/session";
import { needs, type Command } from "../context";

export const usersAdd: Command = {
  usage:
    "users add --name NAVN --email E-POST --role ADVISER|LEADER|ADMIN --password PASSORD\n" +
    "            [--organisation NAVN]   (i en tom installasjon: den første administratoren; finnes det ingen\n" +
    "            installasjon i datamappen, lages den)",
  options: ["name", "email", "role", "password", "organisation"],
  // Only the first administrator (named with the organisation) may start a new installation.
  creates: (values) => !!values.organisation,
  /** An empty installation: the first administrator and the organisation. */
  async withoutActor({ db, values, out }) {
    if ((await db.user.count()) > 0) return false;
    needs(
      !!values.organisation,
      "Installasjonen er tom: oppgi også --organisation NAVN for den første administratoren.",
    );
    const user = await bootstrapInstallation(db, {
      organisation: values.organisation,
      name: values.name,
      email: values.email,
      role: values.role,
      password: values.password,
    });
    out.emit(
      true,
      { result: { id: user.id, email: user.email, role: user.role, organisation: user.organisation } },
      `La til ${user.email} som første administrator for ${user.organisation.name}.`,
    );
    return true;
  },
  async run({ db, actor, values, out }) {
    needs(!!values.email, "Oppgi --email.");
    const user = await createUser(
      db,
      { name: values.name, email: values.email, role: values.role, password: values.password },
      actor,
    );
    out.emit(
      true,
      { result: { id: user.id, email: user.email, role: user.role } },
      `La til ${user.email} (${user.role}).`,
    );
    return 0;
  },
};
