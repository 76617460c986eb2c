/** Class names the admin controls share, so focus and buttons look the same everywhere. */
export const focusRing =
  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:focus-visible:outline-blue-400";

export const buttonClass = `inline-flex items-center justify-center whitespace-nowrap rounded-md border border-neutral-300 bg-white px-2.5 py-1 text-sm font-medium text-neutral-800 hover:bg-neutral-100 disabled:cursor-not-allowed disabled:opacity-50 dark:border-neutral-700 dark:bg-neutral-900 dark:text-neutral-200 dark:hover:bg-neutral-800 ${focusRing}`;

export const dangerButtonClass = `inline-flex items-center justify-center rounded-md border border-red-700 bg-red-700 px-2.5 py-1 text-sm font-medium text-white hover:bg-red-800 disabled:cursor-not-allowed disabled:opacity-60 dark:border-red-500 dark:bg-red-600 dark:hover:bg-red-500 ${focusRing}`;

export const fieldClass = `rounded-md border border-neutral-300 bg-white px-2.5 py-1.5 text-sm text-neutral-900 dark:border-neutral-700 dark:bg-neutral-900 dark:text-neutral-100 ${focusRing}`;

export const linkClass = `rounded-sm font-medium text-blue-700 underline-offset-2 hover:underline dark:text-blue-400 ${focusRing}`;

export const dangerOutlineButtonClass = `inline-flex items-center justify-center whitespace-nowrap rounded-md border border-red-300 bg-white px-2.5 py-1 text-sm font-medium text-red-700 hover:bg-red-50 dark:border-red-900 dark:bg-neutral-900 dark:text-red-400 dark:hover:bg-red-950 ${focusRing}`;
