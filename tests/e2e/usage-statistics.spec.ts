import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { answerFeeQuestions, expectNoAxeViolations, MUNI, openFirstFreeDay, selectFirstFreeFrame, signInAsDemoResident, signInAsStaff } from "./support";

const next = (page: Page) => page.getByRole("button", { name: "次へ進む" }).click();

/** A downloaded CSV as rows, after checking it is made for Japanese Excel (BOM, CRLF). */
async function downloadCsv(page: Page, link: string) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: link }).click()]);
  expect(download.suggestedFilename()).toMatch(/^利用統計_.+\.csv$/);
  const text = (await readFile((await download.path())!)).toString("utf8");
  expect(text.startsWith("\uFEFF")).toBe(true);
  expect(text.endsWith("\r\n")).toBe(true);
  expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  const [head, ...rows] = text.slice(1, -2).split("\r\n").map((line) => line.split(","));
  return { head: head!, rows, cell: (row: string[], header: string) => row[head!.indexOf(header)] };
}

test("staff see a month's usage and export its CSV, which holds the slot a resident just booked", async ({ page, browser }) => {
  // a resident books one slot of 五日市地区会館's 学習室 for sports
  await signInAsDemoResident(page, "tanaka@example.jp");
  await page.goto(MUNI);
  await page.getByRole("link", { name: /^五日市地区会館/ }).click();
  await page.getByRole("link", { name: /^学習室/ }).click();
  await openFirstFreeDay(page, async () => {});
  const date = page.url().split("/").pop()!;
  const slot = await selectFirstFreeFrame(page);
  await page.getByRole("link", { name: /選んだ枠を確認する/ }).click();
  await page.getByRole("link", { name: "この枠で申し込む" }).click();

  // the kind of use is asked above the purpose; what was chosen stays after an error
  await expect(page.getByRole("radiogroup", { name: /利用の種類/ })).toBeVisible();
  await page.locator("label.choice").filter({ hasText: /^スポーツ・健康$/ }).click();
  await next(page);
  await expect(page.locator(".error-summary")).toContainText("利用目的を入力してください");
  await expect(page.getByRole("radio", { name: "スポーツ・健康" })).toBeChecked();
  await page.getByLabel("利用目的").fill("卓球の練習");
  await next(page);
  await answerFeeQuestions(page);
  await page.getByLabel("利用人数").fill("7");
  await next(page);
  await page.getByRole("button", { name: "確認へ進む" }).click();
  await expect(page.locator(".summary-list")).toContainText("スポーツ・健康");
  await page.getByRole("button", { name: "この内容で申し込む" }).click();
  await expect(page).toHaveURL(/\?submitted=1$/);
  const number = (await page.locator(".application-number").innerText()).replace(/\D/g, "");

  // staff open the statistics of that month for 五日市地区会館, typing a date in full-width digits
  const staff = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await signInAsStaff(staff);
  await staff.getByRole("link", { name: "利用統計を見る・ダウンロードする" }).click();
  await expect(staff.getByRole("heading", { level: 1, name: "利用統計" })).toBeVisible();
  const month = date.slice(0, 7);
  const lastDay = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  const toFullWidth = (text: string) => text.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  await staff.getByLabel("はじめの日").fill(toFullWidth(`${month}-01`));
  await staff.getByLabel("おわりの日").fill(`${month}-${lastDay}`);
  await staff.locator("label.choice").filter({ hasText: /^五日市地区会館$/ }).click();
  await staff.getByRole("button", { name: "集計する" }).click();
  await expect(staff.getByRole("heading", { level: 2, name: /五日市地区会館$/ })).toBeVisible();
  const roomTable = staff.getByRole("table", { name: "部屋別" });
  const studyRow = roomTable.getByRole("row", { name: /学習室/ });
  await expect(studyRow).toBeVisible();
  await expectNoAxeViolations(staff);

  // the month's detail: our slot, as booked
  const detail = await downloadCsv(staff, "明細（1枠1行、CSV）");
  expect(detail.head.slice(0, 6)).toEqual(["申込番号", "利用日", "曜日", "施設", "部屋", "時間帯"]);
  const ours = detail.rows.filter((r) => r[0] === number);
  expect(ours).toHaveLength(1);
  const row = ours[0]!;
  expect(detail.cell(row, "利用日")).toBe(date);
  expect(detail.cell(row, "施設")).toBe("五日市地区会館");
  expect(detail.cell(row, "部屋")).toBe("学習室");
  expect(detail.cell(row, "時間帯")).toBe(slot.when.split(" ")[1]);
  expect(detail.cell(row, "区分")).toBe("予約");
  expect(detail.cell(row, "利用の種類")).toBe("スポーツ・健康");
  expect(detail.cell(row, "申込の人数")).toBe("7");
  expect(detail.cell(row, "集計した人数")).toBe("7");
  expect(detail.cell(row, "使用料（円）")).toBe(String(slot.fee));
  expect(detail.rows.every((r) => r[0] && detail.cell(r, "施設") === "五日市地区会館")).toBe(true);

  // the room table adds up the same slots, and says what the page says
  const booked = detail.rows.filter((r) => detail.cell(r, "区分") === "予約");
  const studyBooked = booked.filter((r) => detail.cell(r, "部屋") === "学習室");
  const rooms = await downloadCsv(staff, "部屋別（CSV）");
  expect(rooms.head).toEqual(["施設", "部屋", "提供枠", "予約枠", "利用率（%）", "取消枠", "無断欠席", "利用人数", "使用料（円）", "減免（枠）", "減免額（円）"]);
  const study = rooms.rows.find((r) => r[1] === "学習室")!;
  expect(Number(rooms.cell(study, "予約枠"))).toBe(studyBooked.length);
  expect(Number(rooms.cell(study, "使用料（円）"))).toBe(studyBooked.reduce((sum, r) => sum + Number(detail.cell(r, "使用料（円）")), 0));
  expect(Number(rooms.cell(study, "提供枠"))).toBeGreaterThan(0);
  await expect(studyRow.getByRole("cell").nth(1)).toHaveText(Number(rooms.cell(study, "予約枠")).toLocaleString("ja-JP"));
  const total = rooms.rows.at(-1)!;
  expect(total[0]).toBe("合計");
  expect(Number(rooms.cell(total, "予約枠"))).toBe(booked.length);

  // and by purpose: our sports booking is among the month's
  const purposes = await downloadCsv(staff, "利用の種類別（CSV）");
  const sports = purposes.rows.find((r) => r[0] === "スポーツ・健康")!;
  expect(Number(purposes.cell(sports, "予約枠"))).toBe(booked.filter((r) => detail.cell(r, "利用の種類") === "スポーツ・健康").length);
  expect(Number(purposes.cell(sports, "予約枠"))).toBeGreaterThanOrEqual(1);

  // the workbook: a sheet per table and the detail, with our slot in it
  const [download] = await Promise.all([staff.waitForEvent("download"), staff.getByRole("link", { name: "すべての表と明細（Excel）" }).click()]);
  expect(download.suggestedFilename()).toBe(`利用統計_五日市地区会館_${month}-01_${month}-${lastDay}.xlsx`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await readFile((await download.path())!)) as unknown as ExcelJS.Buffer);
  expect(book.worksheets.map((s) => s.name)).toEqual(["集計", "施設別", "部屋別", "時間帯別", "曜日別", "月別", "利用の種類別", "支払方法別の収入", "明細"]);
  const numbers = book.getWorksheet("明細")!.getColumn(1).values.slice(2);
  expect(numbers).toContain(Number(number));
  expect(numbers).toHaveLength(detail.rows.length);
  await staff.close();
});
