/**
 * Debian's Chromium, as every browser test and script here starts it. Playwright's own browser
 * download is not available; without the network flags Chromium keeps trying hosts that this
 * closed network refuses.
 */
export const CHROMIUM_PATH = "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
