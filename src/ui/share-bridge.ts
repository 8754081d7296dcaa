/** The share sheet and the clipboard, injected so tests (and browsers without them) can swap them. */
export interface ShareBridge {
  /** navigator.share where the browser has it: on phones it opens WeChat, SMS and the rest. */
  readonly share?: ((data: { text: string }) => Promise<void>) | undefined;
  /** navigator.clipboard.writeText where the page may use it. */
  readonly copy?: ((text: string) => Promise<void>) | undefined;
}
