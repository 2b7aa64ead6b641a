/**
 * The pages' policy, sent as a header by the app:// handler (and repeated in each page's <meta>): scripts, styles
 * and images from our own bundle only; no inline code, no network, no plugins, no forms posting anywhere.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'";
