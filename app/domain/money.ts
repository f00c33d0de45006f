/** 1200 → "1,200円" (whole yen, tax included) */
export function formatYen(yen: number): string {
  return `${yen.toLocaleString("ja-JP")}円`;
}
