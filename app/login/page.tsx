import { cookies, headers } from "next/headers";
import { LoginForm } from "@/components/auth/login-form";
import { LOCALE_COOKIE, pickLocale, translator } from "@/lib/i18n";

export const dynamic = "force-dynamic";

/** Only paths on this site: "next" must not send a signed-in admin to another one. */
function safeNext(next: string | string[] | undefined): string {
  const path = typeof next === "string" ? next : "/admin";
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") ? path : "/admin";
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const locale = pickLocale(
    (await cookies()).get(LOCALE_COOKIE)?.value,
    (await headers()).get("accept-language"),
  );
  const t = translator(locale);
  const { next } = await searchParams;
  return (
    <main className="mx-auto flex min-h-dvh max-w-sm flex-col justify-center p-6">
      <h1 className="text-2xl font-semibold tracking-tight">{t("auth.title")}</h1>
      <p className="mt-2 text-neutral-600 dark:text-neutral-400">{t("auth.intro")}</p>
      <LoginForm
        next={safeNext(next)}
        text={{
          password: t("auth.password"),
          submit: t("auth.submit"),
          submitting: t("auth.submitting"),
          failed: t("auth.failed"),
        }}
      />
    </main>
  );
}
