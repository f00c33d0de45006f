import { readFileSync, readdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
const file = readdirSync("public/build").find((f) => f.startsWith("manifest-"));
const src = readFileSync(`public/build/${file}`, "utf8");
const manifest = JSON.parse(src.replace(/^window.__remixManifest=/, "").replace(/;$/, ""));
const size = (p) => gzipSync(readFileSync(`public${p}`)).length;
function total(routeIds) {
  const files = new Set([manifest.entry.module, ...manifest.entry.imports]);
  for (const id of routeIds) {
    const r = manifest.routes[id];
    files.add(r.module);
    for (const i of r.imports ?? []) files.add(i);
  }
  return ([...files].reduce((s, f) => s + size(f), 0) / 1024).toFixed(0);
}
const pages = {
  facilities: ["root", "routes/$muni", "routes/$muni._index"],
  facility: ["root", "routes/$muni", "routes/$muni.facilities.$facilityId"],
  month: ["root", "routes/$muni", "routes/$muni.rooms.$roomId._index"],
  day: ["root", "routes/$muni", "routes/$muni.rooms.$roomId.$date"],
  login: ["root", "routes/$muni", "routes/$muni.login._index"],
  step: ["root", "routes/$muni", "routes/$muni.apply.$step"],
  review: ["root", "routes/$muni", "routes/$muni.apply.review"],
  booking: ["root", "routes/$muni", "routes/$muni.bookings.$applicationId._index"],
  documents: ["root", "routes/$muni", "routes/$muni.bookings.$applicationId.documents"],
  cancel: ["root", "routes/$muni", "routes/$muni.bookings.$applicationId.cancel"],
};
for (const [name, ids] of Object.entries(pages)) console.log(name, total(ids), "KB");
