import { pageTitle } from "@/lib/metadata";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui";
import { oidcName } from "@innspill/auth";
import { ProfileView } from "./ProfileView";
import { PasskeysCard } from "./PasskeysCard";
import { Prefetch, trpc } from "@/trpc/server";

export const generateMetadata = pageTitle("profile.title");

export default async function ProfilePage() {
  const t = await getTranslations("profile");
  return (
    <>
      <PageHeader title={t("title")} />
      <Prefetch queries={[trpc.me.profile.queryOptions(), trpc.passkey.list.queryOptions()]}>
        <ProfileView />
        <div className="mt-4">
          <PasskeysCard ssoName={oidcName} />
        </div>
      </Prefetch>
    </>
  );
}
