"use client";

import { useState } from "react";

export interface LoginFormText {
  password: string;
  submit: string;
  submitting: string;
  failed: string;
}

/** The admin password form: posts it, then goes where the visitor was headed. */
export function LoginForm({ next, text }: { next: string; text: LoginFormText }) {
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function signIn(form: FormData) {
    setPending(true);
    setError(undefined);
    try {
      const response = await fetch("/api/auth/login", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ password: form.get("password") }),
      });
      if (response.ok) {
        window.location.assign(next);
        return;
      }
      const body = (await response.json().catch(() => undefined)) as
        | { error?: { message?: string } }
        | undefined;
      setError(body?.error?.message ?? text.failed);
    } catch {
      setError(text.failed);
    }
    setPending(false);
  }

  return (
    <form action={signIn} className="mt-6 flex flex-col gap-3">
      <label htmlFor="password" className="text-sm font-medium">
        {text.password}
      </label>
      <input
        id="password"
        name="password"
        type="password"
        required
        autoComplete="current-password"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "login-error" : undefined}
        className="rounded-lg border border-neutral-300 bg-white px-3 py-2 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-neutral-700 dark:bg-neutral-900"
      />
      {error && (
        <p id="login-error" role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="rounded-lg bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-60"
      >
        {pending ? text.submitting : text.submit}
      </button>
    </form>
  );
}
