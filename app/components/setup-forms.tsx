import { CheckboxGroup } from "~/components/ui/checkbox-group";
import { TextField } from "~/components/ui/text-field";
import { staffText } from "~/i18n/staff";

const t = staffText.setup;
const WEEKDAY_ORDER = [1, 2, 3, 4, 5, 6, 0];
const DAY_TYPES = ["WEEKDAY", "HOLIDAY"] as const;

/** What a set-up form shows: the saved or typed values by field name, and the errors by field name. */
type FormState = { values: Record<string, string>; lists?: Record<string, string[]>; errors?: Record<string, string> };

/** The fields of a facility (names as in FACILITY_FIELDS of app/schemas/setup.server.ts). */
export function FacilityFields({ values, lists, errors }: FormState) {
  return (
    <>
      <TextField name="facilityName" label={t.facilityName} hint={t.facilityNameHint} defaultValue={values.facilityName} error={errors?.facilityName} />
      <TextField name="address" label={t.address} hint={t.addressHint} defaultValue={values.address} error={errors?.address} />
      <TextField name="phone" label={t.phone} hint={t.phoneHint} type="tel" inputMode="tel" defaultValue={values.phone} error={errors?.phone} />
      <CheckboxGroup
        name="closedWeekdays"
        label={t.closedWeekdays}
        hint={t.closedWeekdaysHint}
        optional
        options={WEEKDAY_ORDER.map((d) => ({ value: String(d), label: `${"日月火水木金土"[d]}曜日` }))}
        defaultValue={lists?.closedWeekdays ?? []}
        error={errors?.closedWeekdays}
      />
      <TextField name="facilitySortOrder" label={t.order} hint={t.orderHint} inputMode="numeric" short defaultValue={values.facilitySortOrder} error={errors?.facilitySortOrder} />
    </>
  );
}

/** The fields of a room (ROOM_FIELDS). */
export function RoomFields({ values, errors }: FormState) {
  return (
    <>
      <TextField name="roomName" label={t.roomName} hint={t.roomNameHint} defaultValue={values.roomName} error={errors?.roomName} />
      <TextField name="capacity" label={t.capacity} hint={t.capacityHint} inputMode="numeric" short defaultValue={values.capacity} error={errors?.capacity} />
      <TextField name="description" label={t.description} hint={t.descriptionHint} optional defaultValue={values.description} error={errors?.description} />
      <TextField name="roomSortOrder" label={t.order} hint={t.roomOrderHint} inputMode="numeric" short defaultValue={values.roomSortOrder} error={errors?.roomSortOrder} />
    </>
  );
}

/**
 * The fields of a time frame (FRAME_FIELDS): its times unless they are fixed by bookings, and a
 * fee box for each day type in `feeDayTypes`.
 */
export function FrameFields({
  values,
  lists,
  errors,
  timesLocked = false,
  feeDayTypes,
  feeNote,
  feesOptional = false,
}: FormState & { timesLocked?: boolean; feeDayTypes: readonly string[]; feeNote: string; feesOptional?: boolean }) {
  return (
    <>
      <TextField name="frameName" label={t.frameName} hint={t.frameNameHint} defaultValue={values.frameName} error={errors?.frameName} />
      {timesLocked ? (
        <>
          <input type="hidden" name="start" value={values.start} />
          <input type="hidden" name="end" value={values.end} />
        </>
      ) : (
        <>
          <TextField name="start" label={t.start} hint={t.startHint} inputMode="numeric" short defaultValue={values.start} error={errors?.start} />
          <TextField name="end" label={t.end} hint={t.endHint} inputMode="numeric" short defaultValue={values.end} error={errors?.end} />
        </>
      )}
      <CheckboxGroup
        name="dayTypes"
        label={t.dayTypes}
        hint={t.dayTypesHint}
        options={DAY_TYPES.map((d) => ({ value: d, label: t.dayTypeNames[d]! }))}
        defaultValue={lists?.dayTypes ?? []}
        error={errors?.dayTypes}
      />
      {feeDayTypes.length > 0 ? <p>{feeNote}</p> : null}
      {feeDayTypes.map((d) => (
        <TextField
          key={d}
          name={`fee-${d}`}
          label={t.fee(d)}
          inputMode="numeric"
          short
          optional={feesOptional}
          defaultValue={values[`fee-${d}`]}
          error={errors?.[`fee-${d}`]}
        />
      ))}
    </>
  );
}

/** Labels of every set-up field, for ErrorSummary's links. */
export const SETUP_LABELS: Record<string, string> = {
  facilityName: t.facilityName,
  address: t.address,
  phone: t.phone,
  closedWeekdays: t.closedWeekdays,
  facilitySortOrder: t.order,
  roomName: t.roomName,
  capacity: t.capacity,
  description: t.description,
  roomSortOrder: t.order,
  frameName: t.frameName,
  start: t.start,
  end: t.end,
  dayTypes: t.dayTypes,
  "fee-WEEKDAY": t.fee("WEEKDAY"),
  "fee-HOLIDAY": t.fee("HOLIDAY"),
};
