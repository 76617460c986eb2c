import { defineCatalog } from "./define-catalog";

/** The admin sign-in page. */
export const auth = defineCatalog({
  en: {
    "auth.title": "Sign in",
    "auth.intro": "The admin pages are protected by the server's admin password (ADMIN_PASSWORD).",
    "auth.password": "Admin password",
    "auth.submit": "Sign in",
    "auth.submitting": "Signing in…",
    "auth.signOut": "Sign out",
    "auth.failed": "Could not sign in. Please try again.",
  },
  zh: {
    "auth.title": "登录",
    "auth.intro": "管理页面受服务器的管理员密码（ADMIN_PASSWORD）保护。",
    "auth.password": "管理员密码",
    "auth.submit": "登录",
    "auth.submitting": "正在登录…",
    "auth.signOut": "退出登录",
    "auth.failed": "无法登录，请重试。",
  },
});
