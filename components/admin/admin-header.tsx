import Link from "next/link";
import type { ReactNode } from "react";
import { linkClass } from "./styles";

/** The admin pages' top bar, like the chat's: the page title and a way back. */
export function AdminHeader({ title, back }: { title: ReactNode; back: { href: string; label: string } }) {
  return (
    <header className="flex items-center justify-between gap-4 border-b border-neutral-200 px-4 py-3 dark:border-neutral-800">
      <h1 className="min-w-0 truncate text-lg font-semibold tracking-tight">{title}</h1>
      <Link href={back.href} className={`shrink-0 text-sm ${linkClass}`}>
        ← {back.label}
      </Link>
    </header>
  );
}
