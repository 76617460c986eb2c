import { and, asc, desc, eq, gt, sql } from "drizzle-orm";
import type { Database } from "../database";
import { conversations, messages } from "../schema";
import { afterPosition, micros, type PagePosition, toPage } from "./page-position";

export type Conversation = typeof conversations.$inferSelect;
export type MessageRole = (typeof messages.$inferSelect)["role"];

export interface StoredMessage {
  id: string;
  role: MessageRole;
  parts: unknown[];
  metadata: Record<string, unknown> | null;
  createdAt: Date;
}

export interface MessageToSave {
  id: string;
  role: MessageRole;
  parts: unknown[];
  metadata?: Record<string, unknown> | null;
}

/**
 * Starts a conversation (sourceIds null or absent: all sources). Given an id that already exists, it
 * returns that conversation unchanged, so a client retrying its first request gets one conversation.
 */
export async function createConversation({
  db,
  id,
  title,
  sourceIds,
}: {
  db: Database;
  id?: string;
  title?: string;
  sourceIds?: string[] | null;
}): Promise<Conversation> {
  const [created] = await db
    .insert(conversations)
    .values({ id, title, sourceIds })
    .onConflictDoNothing({ target: conversations.id })
    .returning();
  if (created) return created;
  const existing = id === undefined ? undefined : await getConversationById({ db, id });
  if (!existing) throw new Error(`Conversation ${id} neither inserted nor found`);
  return existing;
}

/** A page of conversations, the most recently active first. */
export async function listConversations({
  db,
  limit,
  before,
}: {
  db: Database;
  limit: number;
  before?: PagePosition;
}): Promise<{ conversations: Conversation[]; next: PagePosition | null }> {
  const rows = await db
    .select({
      id: conversations.id,
      title: conversations.title,
      sourceIds: conversations.sourceIds,
      createdAt: conversations.createdAt,
      updatedAt: conversations.updatedAt,
      micros: micros(conversations.updatedAt),
    })
    .from(conversations)
    .where(before ? afterPosition(conversations.updatedAt, conversations.id, before) : undefined)
    .orderBy(desc(conversations.updatedAt), desc(conversations.id))
    .limit(limit + 1);
  const page = toPage(rows, limit);
  return { conversations: page.rows, next: page.next };
}

export async function getConversationById({
  db,
  id,
}: {
  db: Database;
  id: string;
}): Promise<Conversation | undefined> {
  const [conversation] = await db.select().from(conversations).where(eq(conversations.id, id));
  return conversation;
}

/** A conversation's messages in the order they were said. */
export function getMessagesByConversationId({
  db,
  conversationId,
}: {
  db: Database;
  conversationId: string;
}): Promise<StoredMessage[]> {
  return db
    .select({
      id: messages.id,
      role: messages.role,
      parts: messages.parts,
      metadata: messages.metadata,
      createdAt: messages.createdAt,
    })
    .from(messages)
    .where(eq(messages.conversationId, conversationId))
    .orderBy(asc(messages.createdAt), asc(messages.id));
}

/**
 * Stores messages by id, in one transaction: a message saved again (a retried request, a regenerated
 * answer) is updated in place and keeps its position. New messages come after every message already
 * there, in the order given. Returns false, saving nothing, when the conversation does not exist.
 */
export async function saveMessages({
  db,
  conversationId,
  messages: toSave,
}: {
  db: Database;
  conversationId: string;
  messages: MessageToSave[];
}): Promise<boolean> {
  // The last copy of an id wins; one INSERT may not touch a row twice.
  const unique = [...new Map(toSave.map((message) => [message.id, message])).values()];
  return db.transaction(async (tx) => {
    // Also locks the conversation until commit, so two saves to it take turns and cannot interleave.
    const touched = await tx
      .update(conversations)
      .set({ updatedAt: sql`now()` })
      .where(eq(conversations.id, conversationId))
      .returning({ id: conversations.id });
    if (touched.length === 0) return false;
    if (unique.length === 0) return true;

    // Messages saved together share now(): each gets its own microsecond so their order is kept.
    const {
      rows: [start],
    } = await tx.execute<{ first: string }>(sql`
      select greatest(now(), max(${messages.createdAt}) + interval '1 microsecond')::text as first
      from ${messages} where ${messages.conversationId} = ${conversationId}`);
    if (!start) throw new Error("An aggregate query returned no row");
    const saved = await tx
      .insert(messages)
      .values(
        unique.map((message, index) => ({
          id: message.id,
          conversationId,
          role: message.role,
          parts: message.parts,
          metadata: message.metadata ?? null,
          createdAt: sql`${start.first}::timestamptz + ${index}::integer * interval '1 microsecond'`,
        })),
      )
      .onConflictDoUpdate({
        target: messages.id,
        set: { role: sql`excluded.role`, parts: sql`excluded.parts`, metadata: sql`excluded.metadata` },
        // A message id is the client's; it must never move a message out of another conversation.
        setWhere: sql`${messages.conversationId} = excluded.conversation_id`,
      })
      .returning({ id: messages.id });
    if (saved.length !== unique.length) {
      throw new Error(`A message id given for conversation ${conversationId} belongs to another one`);
    }
    return true;
  });
}

/** Removes the messages said after the given one (to regenerate an answer); returns how many. */
export async function deleteMessagesAfter({
  db,
  conversationId,
  messageId,
}: {
  db: Database;
  conversationId: string;
  messageId: string;
}): Promise<number> {
  const anchor = db
    .select({ createdAt: messages.createdAt })
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.id, messageId)));
  const deleted = await db
    .delete(messages)
    .where(and(eq(messages.conversationId, conversationId), gt(messages.createdAt, sql`(${anchor})`)))
    .returning({ id: messages.id });
  return deleted.length;
}

export async function renameConversation({
  db,
  id,
  title,
}: {
  db: Database;
  id: string;
  title: string;
}): Promise<Conversation | undefined> {
  const [conversation] = await db
    .update(conversations)
    .set({ title, updatedAt: sql`now()` })
    .where(eq(conversations.id, id))
    .returning();
  return conversation;
}

/** Limits a conversation to the given sources; null opens it to all of them. */
export async function updateConversationSources({
  db,
  id,
  sourceIds,
}: {
  db: Database;
  id: string;
  sourceIds: string[] | null;
}): Promise<Conversation | undefined> {
  const [conversation] = await db
    .update(conversations)
    .set({ sourceIds, updatedAt: sql`now()` })
    .where(eq(conversations.id, id))
    .returning();
  return conversation;
}

/** Deletes a conversation with its messages (the foreign key cascades); its traces stay, unlinked. */
export async function deleteConversation({ db, id }: { db: Database; id: string }): Promise<boolean> {
  const deleted = await db
    .delete(conversations)
    .where(eq(conversations.id, id))
    .returning({ id: conversations.id });
  return deleted.length > 0;
}
