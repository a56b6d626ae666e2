/**
 * Hover cards are stored about 50 to a file, so that a catalog of N models adds N / 50 static files, not N.
 * The file of a model is a stable hash of its id: this module is shared by the generator and the client.
 */
export const CARDS_PER_FILE = 50;

export const cardShardCount = (models: number) => Math.max(1, Math.ceil(models / CARDS_PER_FILE));

/** FNV-1a of the id, modulo the number of card files. */
export function cardShard(id: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % shards;
}
