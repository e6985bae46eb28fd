import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, cspUrlFilter, withCsp } from '../../src-main/shell/csp';
import { devServerUrl, isAppPageUrl, isTrustedSender } from '../../src-main/shell/origin';

const fileUrl = 'file:///C:/Program%20Files/Bureau%20Sync/resources/app.asar/out/renderer/index.html';
const prod = { fileUrl };
const dev = { fileUrl, devServerUrl: 'http://localhost:5173' };

describe('content security policy', () => {
  it('allows only the app itself in production: no inline script or style, no eval, no remote anything', () => {
    const csp = contentSecurityPolicy(null);
    const d = Object.fromEntries(csp.split('; ').map((x) => [x.split(' ')[0], x.split(' ').slice(1).join(' ')]));
    expect(d['default-src']).toBe("'none'");
    expect(d['script-src']).toBe("'self'");
    expect(d['style-src']).toBe("'self'");
    expect(d['connect-src']).toBe("'self'");
    expect(d['object-src']).toBe("'none'");
    expect(d['frame-ancestors']).toBe("'none'");
    expect(d['base-uri']).toBe("'none'");
    expect(csp).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(csp).not.toContain('unsafe-inline');
  });

  it('in development allows only what the Vite dev server needs (its styles and HMR socket)', () => {
    const csp = contentSecurityPolicy('http://localhost:5173');
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("connect-src 'self' ws://localhost:5173");
    expect(csp).toContain("script-src 'self';");
    expect(cspUrlFilter('http://localhost:5173/')).toEqual(['file://*/*', 'http://localhost:5173/*']);
    expect(cspUrlFilter(null)).toEqual(['file://*/*']);
  });

  it('replaces any CSP header the response had, whatever its case, and keeps the rest', () => {
    const h = withCsp(
      { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] },
      "default-src 'none'",
    );
    expect(h).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': ["default-src 'none'"] });
    expect(withCsp(undefined, 'x')).toEqual({ 'Content-Security-Policy': ['x'] });
  });
});

describe('own page and IPC sender checks', () => {
  it('accepts exactly our index.html (with a hash or query), nothing else on disk', () => {
    expect(isAppPageUrl(fileUrl, prod)).toBe(true);
    expect(isAppPageUrl(`${fileUrl}#/company/1`, prod)).toBe(true);
    expect(isAppPageUrl('file:///C:/Users/me/Downloads/renderer/index.html', prod)).toBe(false);
    expect(
      isAppPageUrl('file:///C:/Program%20Files/Bureau%20Sync/resources/app.asar/out/renderer/index.html.evil', prod),
    ).toBe(false);
    expect(isAppPageUrl('https://example.com/out/renderer/index.html', prod)).toBe(false);
    expect(isAppPageUrl('about:blank', prod)).toBe(false);
    expect(isAppPageUrl('', prod)).toBe(false);
    expect(isAppPageUrl('not a url', prod)).toBe(false);
  });

  it('in development compares origins, not string prefixes', () => {
    expect(isAppPageUrl('http://localhost:5173/', dev)).toBe(true);
    expect(isAppPageUrl('http://localhost:51730/', dev)).toBe(false);
    expect(isAppPageUrl('http://localhost:5173.evil.com/', dev)).toBe(false);
    expect(isAppPageUrl(fileUrl, dev)).toBe(false);
  });

  it('trusts an IPC message only from our window, its main frame, showing our page', () => {
    const good = { fromOurWindow: true, isMainFrame: true, frameUrl: fileUrl };
    expect(isTrustedSender(good, prod)).toBe(true);
    expect(isTrustedSender({ ...good, fromOurWindow: false }, prod)).toBe(false);
    expect(isTrustedSender({ ...good, isMainFrame: false }, prod)).toBe(false);
    expect(isTrustedSender({ ...good, frameUrl: 'https://evil.example/' }, prod)).toBe(false);
    expect(isTrustedSender({ ...good, frameUrl: undefined }, prod)).toBe(false);
  });

  it('never takes the page address from the environment in a packaged app, nor a remote one in development', () => {
    expect(devServerUrl(true, { ELECTRON_RENDERER_URL: 'http://localhost:5173' })).toBeNull();
    expect(devServerUrl(false, { ELECTRON_RENDERER_URL: 'http://localhost:5173' })).toBe('http://localhost:5173');
    expect(devServerUrl(false, { ELECTRON_RENDERER_URL: 'https://evil.example/' })).toBeNull();
    expect(devServerUrl(false, { ELECTRON_RENDERER_URL: 'file:///tmp/x.html' })).toBeNull();
    expect(devServerUrl(false, {})).toBeNull();
  });
});
