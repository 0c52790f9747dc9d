/**
 * The little of the `chrome` namespace that tests and scripts use inside the extension's
 * service worker (through Playwright's worker.evaluate).
 */
declare const chrome: {
  tabs: { query(query: object): Promise<{ id?: number; url?: string }[]>; sendMessage(tabId: number, message: unknown): Promise<unknown> };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
  storage: { local: { get(keys: string | string[] | null): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } };
};
