import { staffText } from "~/i18n/staff";

/**
 * The banner over every resident page while staff book for a resident, in staff words. Made on
 * the server: a route module that imported the staff dictionary itself would ship all of it
 * (15 KB gzip) with every resident page, whoever is signed in.
 */
export function proxyBanner(slug: string, residentName: string) {
  return { text: staffText.proxy.banner(residentName), stop: staffText.proxy.stop, action: `/${slug}/manage/proxy` };
}
