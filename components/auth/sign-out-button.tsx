"use client";

/** Ends the admin session and goes to the sign-in page. */
export function SignOutButton({ label }: { label: string }) {
  async function signOut() {
    await fetch("/api/auth/logout", { method: "POST" });
    window.location.assign("/login");
  }
  return (
    <button
      type="button"
      onClick={signOut}
      className="rounded-md px-2 py-1 text-sm font-medium text-blue-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-400"
    >
      {label}
    </button>
  );
}
