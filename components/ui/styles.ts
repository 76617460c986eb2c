/** Class names the chat controls share, matching the admin pages: one focus ring, one button look. */
export const focusRing =
  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:focus-visible:outline-blue-400";

export const buttonClass = `inline-flex items-center justify-center gap-1.5 whitespace-nowrap rounded-md border border-neutral-300 bg-white px-2.5 py-1 text-sm font-medium text-neutral-800 hover:bg-neutral-100 disabled:cursor-not-allowed disabled:opacity-50 dark:border-neutral-700 dark:bg-neutral-900 dark:text-neutral-200 dark:hover:bg-neutral-800 ${focusRing}`;

export const primaryButtonClass = `inline-flex items-center justify-center gap-1.5 whitespace-nowrap rounded-md border border-blue-700 bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800 disabled:cursor-not-allowed disabled:opacity-50 dark:border-blue-500 dark:bg-blue-600 dark:hover:bg-blue-500 ${focusRing}`;

export const dangerButtonClass = `inline-flex items-center justify-center whitespace-nowrap rounded-md border border-red-700 bg-red-700 px-2.5 py-1 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-60 dark:border-red-500 dark:bg-red-600 dark:hover:bg-red-500 ${focusRing}`;

/** A small borderless button for row and message actions. */
export const ghostButtonClass = `inline-flex items-center justify-center gap-1 whitespace-nowrap rounded-md px-2 py-1 text-xs font-medium text-neutral-600 hover:bg-neutral-200/70 hover:text-neutral-900 disabled:opacity-50 dark:text-neutral-400 dark:hover:bg-neutral-800 dark:hover:text-neutral-100 ${focusRing}`;

export const linkClass = `rounded-sm font-medium text-blue-700 underline-offset-2 hover:underline dark:text-blue-400 ${focusRing}`;
