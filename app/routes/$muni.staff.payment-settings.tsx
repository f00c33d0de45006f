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
import { CHECKOUT_HOLD_MINUTES } from "~/domain/holds";
import { dayField, ONLINE_METHODS, percentField, type TierRow } from "~/domain/payment-settings";
import { ja } from "~/i18n/ja";
import { staffText } from "~/i18n/staff";
import { wholeNumber } from "~/schemas/numbers.server";
import { onlinePaymentsEnabled } from "~/services/online-payments.server";
import { paymentSettingsOf, updatePaymentSettings } from "~/services/payment-settings.server";
import { requireMunicipality } from "~/utils/municipality.server";
import { requireRole } from "~/utils/session.server";
import { stripeWebhookSecret } from "~/utils/stripe.server";

const t = staffText.paymentSettings;
/** rows of the policy table shown at least; a posted form is read up to MAX_ROWS */
const MIN_ROWS = 5;
const MAX_ROWS = 20;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  await requireRole(request, municipality, ["STAFF"]);
  return {
    slug: municipality.slug,
    online: onlinePaymentsEnabled(),
    webhook: stripeWebhookSecret() !== null,
    settings: paymentSettingsOf(municipality),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const staff = await requireRole(request, municipality, ["STAFF"]);
  const formData = await request.formData();
  const values: Record<string, string> = {};
  for (const [k, v] of formData.entries()) if (typeof v === "string" && k !== "onlineMethods") values[k] = v;
  const methods = formData.getAll("onlineMethods").map(String);
  const number = (value: string | undefined) => wholeNumber(value ?? "") ?? Number.NaN;
  const cell = (value: string | undefined) => (value?.trim() ? number(value) : null);
  const tiers: TierRow[] = Array.from({ length: MAX_ROWS }, (_, row) => ({
    daysBefore: cell(values[dayField(row)]),
    percent: cell(values[percentField(row)]),
  }));
  const confirm = values.confirmBeforePayment;
  const result = await updatePaymentSettings(municipality, staff.id, {
    onlineMethods: methods,
    counterHoldDays: number(values.counterHoldDays),
    checkoutHoldMinutes: number(values.checkoutHoldMinutes),
    confirmBeforePayment: confirm === "yes" ? true : confirm === "no" ? false : null,
    tiers,
  });
  if (result.ok) return data({ done: result.changed ? t.saved : t.unchanged, errors: null, values: {} as Record<string, string>, methods: [] as string[] });
  const errors = Object.fromEntries(Object.entries(result.problems).map(([field, problem]) => [field, t.errors[problem] ?? problem]));
  return data({ done: null, errors, values, methods }, { status: 400 });
}

export default function PaymentSettings() {
  const { slug, online, webhook, settings } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? undefined;
  const typed = errors ? actionData!.values : null;
  const value = (field: string, saved: string) => (typed ? (typed[field] ?? "") : saved);
  const rowCount = Math.max(MIN_ROWS, settings.cancellationPolicy.length + 1);
  const labels: Record<string, string> = {
    onlineMethods: t.methods,
    counterHoldDays: t.counterHoldDays,
    checkoutHoldMinutes: t.checkoutHoldMinutes,
    confirmBeforePayment: t.confirm,
    policy: t.policy,
  };
  for (let row = 0; row < MAX_ROWS; row++) {
    labels[dayField(row)] = t.daysLabel(row + 1);
    labels[percentField(row)] = t.percentLabel(row + 1);
  }
  const methodName = (m: string) => t.methodNames[m] ?? m;
  return (
    <>
      <BackLink to={`/${slug}/staff`}>{staffText.menu.title}</BackLink>
      <h1>{t.title}</h1>
      {online ? (
        <Notice tone={webhook ? "success" : "warning"} title={t.onlineOn}>
          <p>{t.onlineOnBody}</p>
          {webhook ? null : <p>{t.noWebhook}</p>}
        </Notice>
      ) : (
        <Notice tone="warning" title={t.onlineOff}>
          <p>{t.onlineOffBody}</p>
          <p>{t.onlineOffHow}</p>
        </Notice>
      )}
      {actionData?.done ? <Notice tone="success" role="status">{actionData.done}</Notice> : null}
      <ErrorSummary errors={errors} labels={labels} />
      <p>{t.intro}</p>
      <p>{t.fromNow}</p>

      {/* keyed by what was saved, so the boxes show the saved values after a save */}
      <form method="post" noValidate key={JSON.stringify(settings)}>
        <CheckboxGroup
          name="onlineMethods"
          label={t.methods}
          hint={t.methodsHint}
          options={ONLINE_METHODS.map((m) => ({ value: m, label: methodName(m), hint: t.methodHints[m] }))}
          defaultValue={typed ? actionData!.methods : settings.onlineMethods}
          error={errors?.onlineMethods}
        />
        <TextField
          name="counterHoldDays"
          label={t.counterHoldDays}
          hint={t.counterHoldDaysHint}
          inputMode="numeric"
          short
          defaultValue={value("counterHoldDays", String(settings.counterHoldDays))}
          error={errors?.counterHoldDays}
        />
        <TextField
          name="checkoutHoldMinutes"
          label={t.checkoutHoldMinutes}
          hint={t.checkoutHoldMinutesHint}
          inputMode="numeric"
          short
          // a checkout is never made shorter than Stripe's minimum, so an older 30 is in effect 31
          defaultValue={value("checkoutHoldMinutes", String(Math.max(CHECKOUT_HOLD_MINUTES.min, settings.checkoutHoldMinutes)))}
          error={errors?.checkoutHoldMinutes}
        />
        <RadioGroup
          name="confirmBeforePayment"
          label={t.confirm}
          hint={t.confirmHint}
          options={[
            { value: "yes", label: t.confirmYes },
            { value: "no", label: t.confirmNo },
          ]}
          defaultValue={value("confirmBeforePayment", settings.confirmBeforePayment ? "yes" : "no") || undefined}
          error={errors?.confirmBeforePayment}
        />
        <fieldset id="policy" tabIndex={-1} className={errors?.policy ? "fee-room field--error" : "fee-room"}>
          <legend>{t.policy}</legend>
          <p className="hint">{t.policyHint}</p>
          {errors?.policy ? <p className="field-error">{errors.policy}</p> : null}
          {Array.from({ length: rowCount }, (_, row) => {
            const tier = settings.cancellationPolicy[row];
            return (
              <fieldset key={row} className="tier-row">
                <legend>{t.row(row + 1)}</legend>
                <TextField
                  name={dayField(row)}
                  label={t.days}
                  inputMode="numeric"
                  short
                  optional
                  defaultValue={value(dayField(row), tier ? String(tier.daysBefore) : "")}
                  error={errors?.[dayField(row)]}
                />
                <TextField
                  name={percentField(row)}
                  label={t.percent}
                  inputMode="numeric"
                  short
                  optional
                  defaultValue={value(percentField(row), tier ? String(tier.percent) : "")}
                  error={errors?.[percentField(row)]}
                />
              </fieldset>
            );
          })}
          <p>{t.municipalityCancels}</p>
        </fieldset>
        <div className="actions">
          <Button>{t.save}</Button>
        </div>
      </form>

      <h2>{t.current}</h2>
      <dl className="compact-list">
        <dt>{t.currentMethods}</dt>
        <dd>{settings.onlineMethods.map(methodName).join("、")}</dd>
        <dt>{t.currentHold}</dt>
        <dd>{settings.confirmBeforePayment ? t.confirmAtOnce : t.holdDays(settings.counterHoldDays)}</dd>
        <dt>{t.checkoutHold}</dt>
        <dd>{t.minutes(Math.max(CHECKOUT_HOLD_MINUTES.min, settings.checkoutHoldMinutes))}</dd>
        <dt>{t.currentPolicy}</dt>
        <dd>
          <ul className="points">
            {settings.cancellationPolicy.map((tier) => (
              <li key={tier.daysBefore}>{ja.cancel.tier(tier.daysBefore, tier.percent)}</li>
            ))}
          </ul>
        </dd>
      </dl>
    </>
  );
}
