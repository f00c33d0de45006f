import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/ui/back-link";
import { Button } from "~/components/ui/button";
import { CheckboxGroup } from "~/components/ui/checkbox-group";
import { ErrorSummary } from "~/components/ui/error-summary";
import { Notice } from "~/components/ui/notice";
import { RadioGroup } from "~/components/ui/radio-group";
import { TextField } from "~/components/ui/text-field";
import { addDays, parseIsoDate, todayIn } from "~/domain/calendar";
import { isFee, scheduleInForce } from "~/domain/fees";
import { staffText } from "~/i18n/staff";
import { toHalfWidth } from "~/schemas/account.server";
import { wholeNumber } from "~/schemas/numbers.server";
import { offeredEquipment } from "~/services/equipment-admin.server";
import {
  addExemptionCategory,
  addFeeSchedule,
  allExemptionCategories,
  listFeeSchedules,
  loadFeeTable,
  pricedFrames,
  type ScheduleProblem,
  setExemptionCategoryActive,
} from "~/services/fees.server";
import { requireMunicipality } from "~/utils/municipality.server";
import { requireRole } from "~/utils/session.server";

const t = staffText.fees;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  await requireRole(request, municipality, ["STAFF"]);
  const tomorrow = addDays(todayIn(municipality.timeZone, new Date()), 1);
  const [schedules, rooms, table, categories, equipment] = await Promise.all([
    listFeeSchedules(municipality.id),
    pricedFrames(municipality.id),
    loadFeeTable(municipality.id),
    allExemptionCategories(municipality.id),
    offeredEquipment(municipality.id),
  ]);
  // the new table starts from the rates in force tomorrow
  const inForce = scheduleInForce(table.schedules, tomorrow);
  const current = Object.fromEntries([
    ...rooms.flatMap((r) =>
      r.timeFrames.flatMap((f) => f.dayTypes.map((d) => [`rate:${f.id}:${d}`, String(inForce?.rates.get(`${f.id}:${d}`) ?? "")])),
    ),
    ...equipment.map((e) => [`equipment:${e.id}`, String(inForce?.equipmentFees.get(e.id) ?? "")]),
  ]);
  return { slug: municipality.slug, schedules, rooms, equipment, current, categories };
}

const PROBLEM_FIELD: Partial<Record<ScheduleProblem, [string, string]>> = {
  DUPLICATE_EFFECTIVE_DATE: ["effectiveFrom", t.errors.duplicateDate],
  IN_THE_PAST: ["effectiveFrom", t.errors.pastDate],
  BAD_ROUNDING_UNIT: ["roundingUnit", t.errors.rounding],
  UNKNOWN_TIME_FRAME: ["form", t.errors.unknownFrame],
  UNKNOWN_EQUIPMENT: ["form", t.errors.unknownEquipment],
  MISSING_RATE: ["form", t.errors.missingRate],
};

export async function action({ request, params }: ActionFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const staff = await requireRole(request, municipality, ["STAFF"]);
  const formData = await request.formData();
  const values = Object.fromEntries([...formData.entries()].map(([k, v]) => [k, String(v)]));
  const errors: Record<string, string> = {};
  if (values.intent === "retire-category" || values.intent === "offer-category") {
    const offer = values.intent === "offer-category";
    const category = await setExemptionCategoryActive(municipality.id, staff.id, values.id ?? "", offer);
    if (!category) return data({ intent: "category-state", done: null, errors: { form: t.unknownCategory } as Record<string, string>, values }, { status: 400 });
    const done = offer ? t.categoryOfferedDone(category.name) : t.categoryRetiredDone(category.name);
    return data({ intent: "category-state", done, errors: null, values: {} as Record<string, string> });
  }
  if (values.intent === "category") {
    const percent = wholeNumber(values.percent ?? "");
    const name = (values.name ?? "").trim();
    if (!name) errors.name = t.categoryNameRequired;
    if (percent === null || percent < 0 || percent > 100) errors.percent = t.categoryPercentInvalid;
    const covers = formData.getAll("covers").map(String);
    if (Object.keys(errors).length === 0) {
      const result = await addExemptionCategory(municipality.id, staff.id, {
        name,
        percent: percent!,
        coversBase: covers.includes("base"),
        coversAdjustments: covers.includes("adjustments"),
        coversSurcharges: covers.includes("surcharges"),
        needsApproval: values.needsApproval !== "no",
        evidencePrompt: (values.evidencePrompt ?? "").trim(),
      });
      if (result.ok) return data({ intent: "category", done: t.categoryAdded(name), errors: null, values: {} as Record<string, string> });
      errors.percent = t.categoryPercentInvalid;
    }
    return data({ intent: "category", done: null, errors, values }, { status: 400 });
  }

  const effectiveFrom = parseIsoDate(toHalfWidth(values.effectiveFrom ?? "").replace(/\//g, "-"));
  if (!effectiveFrom) errors.effectiveFrom = t.errors.date;
  const percents = { nonResidentPercent: values.nonResident, commercialPercent: values.commercial, admissionPercent: values.admission };
  const parsedPercents: Record<string, number> = {};
  for (const [key, raw] of Object.entries(percents)) {
    const n = wholeNumber(raw ?? "");
    const field = { nonResidentPercent: "nonResident", commercialPercent: "commercial", admissionPercent: "admission" }[key]!;
    if (n === null || n < 100 || n > 1000) errors[field] = t.errors.percent;
    else parsedPercents[key] = n;
  }
  const rates: Record<string, number> = {};
  const equipmentRates: Record<string, number> = {};
  for (const [key, raw] of Object.entries(values)) {
    const [kind, ...rest] = key.split(":");
    const into = kind === "rate" ? rates : kind === "equipment" ? equipmentRates : null;
    if (!into) continue;
    const n = wholeNumber(raw);
    if (n === null || !isFee(n)) errors[key] = t.errors.fee;
    else into[rest.join(":")] = n;
  }
  const airconFee = wholeNumber(values.airconFee ?? "");
  if (airconFee === null || !isFee(airconFee)) errors.airconFee = t.errors.fee;
  const roundingUnit = Number(values.roundingUnit);
  if (![1, 10, 100].includes(roundingUnit)) errors.roundingUnit = t.errors.rounding;
  if (Object.keys(errors).length === 0) {
    const result = await addFeeSchedule(
      municipality,
      staff.id,
      { effectiveFrom: effectiveFrom!, roundingUnit, airconFee: airconFee!, rates, equipmentRates, ...(parsedPercents as { nonResidentPercent: number; commercialPercent: number; admissionPercent: number }) },
      new Date(),
    );
    if (result.ok) return data({ intent: "schedule", done: t.saved(effectiveFrom!), errors: null, values: {} as Record<string, string> });
    for (const problem of result.problems) {
      const [field, message] = PROBLEM_FIELD[problem] ?? ["form", t.errors.fee];
      errors[field] ??= message;
    }
  }
  return data({ intent: "schedule", done: null, errors, values }, { status: 400 });
}

export default function FeeSettings() {
  const { slug, schedules, rooms, equipment, current, categories } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const scheduleErrors = actionData?.intent === "schedule" ? (actionData.errors ?? undefined) : undefined;
  const categoryErrors = actionData?.intent === "category" ? (actionData.errors ?? undefined) : undefined;
  const typed = (name: string, fallback = "") =>
    actionData?.errors ? (actionData.values[name] ?? fallback) : fallback;
  const labels: Record<string, string> = {
    effectiveFrom: t.effectiveFrom,
    nonResident: t.nonResident,
    commercial: t.commercial,
    admission: t.admission,
    roundingUnit: t.roundingUnit,
    airconFee: t.airconFee,
    name: t.categoryName,
    percent: t.categoryPercent,
  };
  for (const room of rooms) {
    for (const f of room.timeFrames) {
      for (const d of f.dayTypes) labels[`rate:${f.id}:${d}`] = `${room.name} ${d === "WEEKDAY" ? t.weekday(f.name) : t.holiday(f.name)}`;
    }
  }
  for (const e of equipment) labels[`equipment:${e.id}`] = t.equipmentFee(e.name);
  const stateError = actionData?.intent === "category-state" ? actionData.errors?.form : undefined;
  const latest = schedules[0];
  return (
    <>
      <BackLink to={`/${slug}/staff`}>{staffText.menu.title}</BackLink>
      <h1>{t.title}</h1>
      {actionData?.done ? <Notice tone="success" role="status">{actionData.done}</Notice> : null}
      <p>{t.intro}</p>
      <h2>{t.schedules}</h2>
      <ul className="card-list">
        {schedules.map((s) => (
          <li key={s.id} className="card">
            <p className="card-title">{t.from(s.effectiveFrom)}</p>
            <p>{`${t.multipliers(s.nonResidentPercent, s.commercialPercent, s.admissionPercent)}・${t.aircon(s.airconFee)}・${t.rounding(s.roundingUnit)}`}</p>
            {s.equipment.length === 0 ? (
              <p>{t.noEquipmentFees}</p>
            ) : (
              <>
                <p>{t.equipmentFeesOf}</p>
                <ul className="points">
                  {s.equipment.map((e) => (
                    <li key={e.name}>{t.equipmentLine(e.name, e.fee)}</li>
                  ))}
                </ul>
              </>
            )}
          </li>
        ))}
      </ul>
      <h2>{t.newSchedule}</h2>
      <ErrorSummary errors={scheduleErrors} labels={labels} />
      <form method="post" noValidate>
        <input type="hidden" name="intent" value="schedule" />
        <TextField name="effectiveFrom" label={t.effectiveFrom} hint={t.effectiveFromHint} inputMode="numeric" defaultValue={typed("effectiveFrom")} error={scheduleErrors?.effectiveFrom} />
        <TextField name="nonResident" label={t.nonResident} hint={t.percentHint} inputMode="numeric" short defaultValue={typed("nonResident", String(latest?.nonResidentPercent ?? 150))} error={scheduleErrors?.nonResident} />
        <TextField name="commercial" label={t.commercial} inputMode="numeric" short defaultValue={typed("commercial", String(latest?.commercialPercent ?? 200))} error={scheduleErrors?.commercial} />
        <TextField name="admission" label={t.admission} inputMode="numeric" short defaultValue={typed("admission", String(latest?.admissionPercent ?? 150))} error={scheduleErrors?.admission} />
        <TextField name="airconFee" label={t.airconFee} hint={t.airconFeeHint} inputMode="numeric" short defaultValue={typed("airconFee", String(latest?.airconFee ?? 0))} error={scheduleErrors?.airconFee} />
        <RadioGroup
          name="roundingUnit"
          label={t.roundingUnit}
          options={[{ value: "10", label: t.round10 }, { value: "100", label: t.round100 }, { value: "1", label: t.round1 }]}
          defaultValue={typed("roundingUnit", String(latest?.roundingUnit ?? 10))}
          error={scheduleErrors?.roundingUnit}
        />
        {rooms.map((room) => (
          <fieldset key={room.id} className="fee-room">
            <legend>{`${room.facility.name} ${room.name}`}</legend>
            {room.timeFrames.map((f) =>
              f.dayTypes.map((d) => {
                const name = `rate:${f.id}:${d}`;
                return (
                  <TextField
                    key={name}
                    name={name}
                    label={d === "WEEKDAY" ? t.weekday(f.name) : t.holiday(f.name)}
                    inputMode="numeric"
                    short
                    defaultValue={typed(name, current[name])}
                    error={scheduleErrors?.[name]}
                  />
                );
              }),
            )}
          </fieldset>
        ))}
        {equipment.length > 0 ? (
          <fieldset className="fee-room">
            <legend>{t.equipmentFees}</legend>
            {equipment.map((e) => {
              const name = `equipment:${e.id}`;
              return (
                <TextField
                  key={name}
                  name={name}
                  label={t.equipmentFee(e.name)}
                  inputMode="numeric"
                  short
                  defaultValue={typed(name, current[name])}
                  error={scheduleErrors?.[name]}
                />
              );
            })}
          </fieldset>
        ) : null}
        <div className="actions">
          <Button>{t.save}</Button>
        </div>
      </form>

      <h2>{t.categories}</h2>
      {stateError ? <Notice tone="error" role="alert">{stateError}</Notice> : null}
      <p>{t.retireCategoryHint}</p>
      <ul className="card-list">
        {categories.map((c) => (
          <li key={c.id} className="card">
            <p className="card-title">{c.name}</p>
            <p>{`${t.percentLabel(c.percent)}・${c.active ? t.categoryOffered : t.categoryRetired}`}</p>
            <form method="post">
              <input type="hidden" name="intent" value={c.active ? "retire-category" : "offer-category"} />
              <input type="hidden" name="id" value={c.id} />
              <div className="actions">
                <Button variant="outline">{c.active ? t.retireCategory : t.offerCategory}</Button>
              </div>
            </form>
          </li>
        ))}
      </ul>
      <h3>{t.newCategory}</h3>
      <ErrorSummary errors={categoryErrors} labels={labels} />
      <form method="post" noValidate>
        <input type="hidden" name="intent" value="category" />
        <TextField name="name" label={t.categoryName} hint={t.categoryNameHint} defaultValue={actionData?.intent === "category" ? typed("name") : ""} error={categoryErrors?.name} />
        <TextField name="percent" label={t.categoryPercent} hint={t.categoryPercentHint} inputMode="numeric" short defaultValue={actionData?.intent === "category" ? typed("percent") : ""} error={categoryErrors?.percent} />
        <CheckboxGroup
          name="covers"
          label={t.covers}
          options={[
            { value: "base", label: t.coversBase },
            { value: "adjustments", label: t.coversAdjustments },
            { value: "surcharges", label: t.coversSurcharges },
          ]}
          defaultValue={["base"]}
          optional
        />
        <RadioGroup
          name="needsApproval"
          label={t.needsApproval}
          options={[{ value: "yes", label: t.needsApprovalYes }, { value: "no", label: t.needsApprovalNo }]}
          defaultValue="yes"
        />
        <TextField name="evidencePrompt" label={t.prompt} hint={t.promptHint} optional defaultValue={actionData?.intent === "category" ? typed("evidencePrompt") : ""} />
        <div className="actions">
          <Button>{t.addCategory}</Button>
        </div>
      </form>
    </>
  );
}
