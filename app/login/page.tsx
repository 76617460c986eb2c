import { LoginForm } from "@/components/auth/login-form";
import { translator } from "@/lib/i18n";
import { getRequestLocale } from "../request-locale";

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
  const t = translator(await getRequestLocale());
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
