/**
 * Which page is "ours": the one the window loads, and nothing else. Pure so the IPC sender check and
 * the navigation guards share one tested rule.
 */

export interface AppPage {
  /** The renderer's index.html as a file:// URL (production). */
  fileUrl: string;
  /** electron-vite's dev server, only when the app is not packaged. */
  devServerUrl?: string | null;
}

/** True when `url` is the app's own page (any hash or query), never a look-alike prefix or another file. */
export function isAppPageUrl(url: string | undefined | null, page: AppPage): boolean {
  if (!url) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (page.devServerUrl) {
    return u.origin === new URL(page.devServerUrl).origin;
  }
  const own = new URL(page.fileUrl);
  return (
    u.protocol === 'file:' && u.host === own.host && decodeURIComponent(u.pathname) === decodeURIComponent(own.pathname)
  );
}

/**
 * The IPC sender rule: the message comes from our window's own web contents, from its main frame,
 * and that frame shows our page.
 */
export function isTrustedSender(
  sender: { fromOurWindow: boolean; isMainFrame: boolean; frameUrl: string | undefined | null },
  page: AppPage,
): boolean {
  return sender.fromOurWindow && sender.isMainFrame && isAppPageUrl(sender.frameUrl, page);
}

/** The dev server URL is honoured only in development: a packaged app never loads a page from an env var. */
export function devServerUrl(isPackaged: boolean, env: Record<string, string | undefined>): string | null {
  if (isPackaged) return null;
  const raw = env.ELECTRON_RENDERER_URL;
  if (!raw) return null;
  try {
    const u = new URL(raw);
    const local = u.hostname === 'localhost' || u.hostname === '127.0.0.1' || u.hostname === '[::1]';
    return (u.protocol === 'http:' || u.protocol === 'https:') && local ? raw : null;
  } catch {
    return null;
  }
}
