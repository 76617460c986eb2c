import { SignOutButton } from "@/components/auth/sign-out-button";
import type { Translate } from "@/lib/i18n";

/**
 * Says who may use the admin pages: everyone, in single-user local mode (no ADMIN_PASSWORD), so
 * nobody shares such a server unawares; or the signed-in admin, with a way to sign out.
 */
export function AccessMode({ protectedByPassword, t }: { protectedByPassword: boolean; t: Translate }) {
  if (!protectedByPassword) {
    return (
      <p className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
        {t("auth.localMode")}
      </p>
    );
  }
  return (
    <p className="flex items-center justify-end gap-3 text-sm text-neutral-600 dark:text-neutral-400">
      {t("auth.signedIn")}
      <SignOutButton label={t("auth.signOut")} />
    </p>
  );
}
