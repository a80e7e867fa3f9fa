/**
 * The page's CSP nonce (the API puts a fresh one in each page and its policy): styles a library injects at
 * run time (antd's CSS-in-JS) carry it, or the policy refuses them.
 */
export function cspNonce(): string | undefined {
  return document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce || undefined;
}
