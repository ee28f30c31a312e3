import NextAuth from "next-auth";
import { baseAuthConfig } from "@innspill/auth/config";

const { auth } = NextAuth(baseAuthConfig);

/** Every page but the login page needs a session; anonymous visitors are sent to /login (`authorized` callback). */
export default auth;

export const config = {
  matcher: ["/((?!api/|_next/|favicon.ico|.*\\.(?:svg|png|jpg|ico|css|js)$).*)"],
};
