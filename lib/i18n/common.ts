import { defineCatalog } from "./define-catalog";

/** Strings shared by every page: the app's name, navigation, language and theme controls. */
export const common = defineCatalog({
  en: {
    "app.name": "Docent",
    "app.tagline": "Chat with your documents, with citations.",
    "nav.chat": "Chat",
    "nav.admin": "Sources",
    "language.label": "Language",
    "language.en": "English",
    "language.zh": "简体中文",
  },
  zh: {
    "app.name": "Docent",
    "app.tagline": "与你的文档对话，并附带引用。",
    "nav.chat": "对话",
    "nav.admin": "资料来源",
    "language.label": "语言",
    "language.en": "English",
    "language.zh": "简体中文",
  },
});
