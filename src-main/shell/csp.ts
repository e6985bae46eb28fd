/**
 * The renderer's Content-Security-Policy, sent as a response header as well as the page's meta tag
 * (a header also covers responses the meta tag cannot, and cannot be removed by the page).
 */

const BASE: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-src', "'none'"],
  ['worker-src', "'none'"],
  ['frame-ancestors', "'none'"],
];

/**
 * Production: nothing but the app's own files. Development (Vite dev server): Vite injects its CSS as
 * <style> tags and its HMR client talks over a WebSocket to the same server, so those two are allowed.
 */
export function contentSecurityPolicy(devServerUrl?: string | null): string {
  const directives = new Map(BASE.map(([k, v]) => [k, v]));
  if (devServerUrl) {
    const u = new URL(devServerUrl);
    const ws = `${u.protocol === 'https:' ? 'wss' : 'ws'}://${u.host}`;
    directives.set('style-src', "'self' 'unsafe-inline'");
    directives.set('connect-src', `'self' ${ws}`);
  }
  return [...directives].map(([k, v]) => `${k} ${v}`).join('; ');
}

/** Headers with our CSP set, replacing any other CSP header whatever its capitalisation. */
export function withCsp(headers: Record<string, string[]> | undefined, csp: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(headers ?? {})) {
    if (k.toLowerCase() !== 'content-security-policy') out[k] = v;
  }
  out['Content-Security-Policy'] = [csp];
  return out;
}

/** URL patterns (session.webRequest filter syntax) the CSP header is applied to. */
export function cspUrlFilter(devServerUrl?: string | null): string[] {
  const urls = ['file://*/*'];
  if (devServerUrl) urls.push(`${new URL(devServerUrl).origin}/*`);
  return urls;
}
