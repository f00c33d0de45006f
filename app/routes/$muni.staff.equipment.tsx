import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/ui/back-link";
import { Button } from "~/components/ui/button";
import { ErrorSummary } from "~/components/ui/error-summary";
import { Notice } from "~/components/ui/notice";
import { RadioGroup } from "~/components/ui/radio-group";
import { TextField } from "~/components/ui/text-field";
import { todayIn } from "~/domain/calendar";
import { staffText } from "~/i18n/staff";
import { wholeNumber } from "~/schemas/numbers.server";
import {
  addEquipment,
  changeStock,
  type EquipmentAdminProblem,
  type EquipmentAdminResult,
  equipmentByFacility,
  setEquipmentActive,
} from "~/services/equipment-admin.server";
import { requireMunicipality } from "~/utils/municipality.server";
import { requireRole } from "~/utils/session.server";

const t = staffText.equipment;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  await requireRole(request, municipality, ["STAFF"]);
  const facilities = await equipmentByFacility(municipality.id, todayIn(municipality.timeZone, new Date()));
  return { slug: municipality.slug, facilities };
}

/** The field each problem belongs to and what it says (stock: the card's own box). */
function errorsOf(problems: EquipmentAdminProblem[], stockField: string, peak = 0) {
  const fields: Record<EquipmentAdminProblem, [string, string]> = {
    UNKNOWN_FACILITY: ["facilityId", t.errors.facility],
    NAME_REQUIRED: ["name", t.errors.nameRequired],
    NAME_TOO_LONG: ["name", t.errors.nameTooLong],
    STOCK_OUT_OF_RANGE: [stockField, t.errors.stock],
    BELOW_BOOKED: [stockField, t.errors.belowBooked(peak)],
    NEGATIVE_FEE: ["fee", t.errors.fee],
    UNKNOWN_EQUIPMENT: ["form", t.errors.unknown],
  };
  const errors: Record<string, string> = {};
  for (const problem of problems) {
    const [field, message] = fields[problem];
    errors[field] ??= message;
  }
  return errors;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const staff = await requireRole(request, municipality, ["STAFF"]);
  const formData = await request.formData();
  const values = Object.fromEntries([...formData.entries()].map(([k, v]) => [k, String(v)]));
  const id = values.id ?? "";
  const name = values.equipmentName ?? "";
  const number = (field: string) => wholeNumber(values[field] ?? "") ?? Number.NaN;
  const now = new Date();
  const reply = (result: EquipmentAdminResult, done: string, stockField = "stock") =>
    result.ok
      ? data({ intent: values.intent, id, done, errors: null, values: {} as Record<string, string> })
      : data({ intent: values.intent, id, done: null, errors: errorsOf(result.problems, stockField, result.peak), values }, { status: 400 });

  switch (values.intent) {
    case "add": {
      const input = { facilityId: values.facilityId ?? "", name: values.name ?? "", stock: number("stock"), fee: number("fee") };
      return reply(await addEquipment(municipality, staff.id, input, now), t.added(input.name.trim()));
    }
    case "stock": {
      const field = `stock-${id}`;
      const stock = number(field);
      return reply(await changeStock(municipality, staff.id, id, stock, now), t.stockChanged(name, stock), field);
    }
    case "retire":
    case "offer": {
      const offer = values.intent === "offer";
      return reply(await setEquipmentActive(municipality, staff.id, id, offer), offer ? t.offeredDone(name) : t.retiredDone(name));
    }
    default:
      return reply({ ok: false, problems: ["UNKNOWN_EQUIPMENT"] }, "");
  }
}

export default function EquipmentSettings() {
  const { slug, facilities } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? undefined;
  const adding = actionData?.intent === "add" && errors ? actionData.values : {};
  const labels: Record<string, string> = { facilityId: t.facility, name: t.name, stock: t.addStock, fee: t.addFee };
  for (const f of facilities) for (const e of f.equipment) labels[`stock-${e.id}`] = t.newStock(e.name);
  return (
    <>
      <BackLink to={`/${slug}/staff`}>{staffText.menu.title}</BackLink>
      <h1>{t.title}</h1>
      {actionData?.done ? <Notice tone="success" role="status">{actionData.done}</Notice> : null}
      <ErrorSummary errors={errors} labels={labels} />
      <p>{t.intro}</p>
      <p>{t.retireHint}</p>
      {facilities.map((f) => (
        <section key={f.id}>
          <h2>{f.name}</h2>
          {f.equipment.length === 0 ? <p>{t.none}</p> : null}
          <ul className="card-list">
            {f.equipment.map((e) => {
              const field = `stock-${e.id}`;
              const typed = actionData?.intent === "stock" && actionData.id === e.id && errors ? actionData.values[field] : undefined;
              return (
                <li key={e.id} className="card">
                  <h3>{e.name}</h3>
                  <dl className="compact-list">
                    <dt>{t.stock}</dt>
                    <dd>{t.units(e.stock)}</dd>
                    <dt>{t.fee}</dt>
                    <dd>{e.fee === null ? t.noFee : t.yen(e.fee)}</dd>
                    <dt>{t.state}</dt>
                    <dd>{e.active ? t.offered : t.retired}</dd>
                  </dl>
                  {/* keyed by the stock, so a saved change shows in the box */}
                  <form method="post" noValidate className="card-form" key={`${e.id}:${e.stock}`}>
                    <input type="hidden" name="intent" value="stock" />
                    <input type="hidden" name="id" value={e.id} />
                    <input type="hidden" name="equipmentName" value={e.name} />
                    <TextField
                      name={field}
                      label={t.newStock(e.name)}
                      hint={t.newStockHint}
                      inputMode="numeric"
                      short
                      defaultValue={typed ?? String(e.stock)}
                      error={actionData?.id === e.id ? errors?.[field] : undefined}
                    />
                    <div className="actions">
                      <Button variant="outline">{t.changeStock}</Button>
                    </div>
                  </form>
                  <form method="post">
                    <input type="hidden" name="intent" value={e.active ? "retire" : "offer"} />
                    <input type="hidden" name="id" value={e.id} />
                    <input type="hidden" name="equipmentName" value={e.name} />
                    <div className="actions">
                      <Button variant="outline">{e.active ? t.retire : t.offer}</Button>
                    </div>
                  </form>
                </li>
              );
            })}
          </ul>
        </section>
      ))}

      <h2>{t.add}</h2>
      <form method="post" noValidate key={actionData?.intent === "add" && actionData.done ? actionData.done : "add"}>
        <input type="hidden" name="intent" value="add" />
        <RadioGroup
          name="facilityId"
          label={t.facility}
          options={facilities.map((f) => ({ value: f.id, label: f.name }))}
          defaultValue={adding.facilityId || undefined}
          error={errors?.facilityId}
        />
        <TextField name="name" label={t.name} hint={t.nameHint} defaultValue={adding.name} error={errors?.name} />
        <TextField name="stock" label={t.addStock} hint={t.addStockHint} inputMode="numeric" short defaultValue={adding.stock} error={errors?.stock} />
        <TextField name="fee" label={t.addFee} hint={t.addFeeHint} inputMode="numeric" short defaultValue={adding.fee} error={errors?.fee} />
        <div className="actions">
          <Button>{t.submit}</Button>
        </div>
      </form>
    </>
  );
}
