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
    "auth.localMode":
      "Single-user local mode: no ADMIN_PASSWORD is set, so anyone who can reach this server can manage its sources. Set ADMIN_PASSWORD before sharing it.",
    "auth.signedIn": "Signed in as the admin.",
  },
  zh: {
    "auth.title": "登录",
    "auth.intro": "管理页面受服务器的管理员密码（ADMIN_PASSWORD）保护。",
    "auth.password": "管理员密码",
    "auth.submit": "登录",
    "auth.submitting": "正在登录…",
    "auth.signOut": "退出登录",
    "auth.failed": "无法登录，请重试。",
    "auth.localMode":
      "单用户本地模式：未设置 ADMIN_PASSWORD，任何能访问此服务器的人都可以管理资料来源。共享前请先设置 ADMIN_PASSWORD。",
    "auth.signedIn": "已以管理员身份登录。",
  },
});
