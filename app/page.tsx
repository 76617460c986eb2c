import { ChatShell } from "@/components/chat/chat-shell";
import { getConfig } from "@/lib/config";

export const dynamic = "force-dynamic";

export default function HomePage() {
  const { chat } = getConfig();
  return <ChatShell modelLabel={chat.provider === "offline" ? "Offline extractive" : chat.model} />;
}
