import {
  checkTargeting,
  formatAmount,
  parseAmount,
  type RentalRow,
  readVolumes,
  SERVICE_PRICES,
} from '@smspartner-kit/schema';
import { defineHandler } from '../../core/define-handler.js';
import { availableRows, wantedRows, withTotal } from '../../rules/rental.js';

const CONTACT_MICROS = parseAmount(SERVICE_PRICES.rentalContact) as number;

/** Euros with two decimals, as the targeting answer writes them (`2.52`, `0.09`). */
const euros = (micros: number) => Number(formatAmount(micros, 2));

/** The `cost` block for a number of contacts. */
function costOf(quantity: number) {
  return { quantity, total: euros(quantity * CONTACT_MICROS), cost_unity: euros(CONTACT_MICROS) };
}

/**
 * POST /v1/location/optin. After the pipeline (key, IP gate, 3 parameters, 4
 * and 6 op, 5 urlNotification): the target (7–23, `checkTargeting`), what it
 * matches (`rules/rental.ts`; nothing: 61); `calcul` answers every place's
 * available volume and its price; `price` and `rent` read `volumes` (24–26),
 * keep them within what is available (27, 28) and price them; `rent` also
 * debits the balance (11) and answers the rental's token. `volumes` with
 * `calcul` is ignored (the docs: only for `price` and `rent`).
 */
export const targetContacts = defineHandler('targetContacts', (request, { account, state, now, fail }) => {
  const checked = checkTargeting(request.parameters);
  if (!checked.ok) return fail(checked.code);
  const available = availableRows(checked.target);
  const availableTotal = available.reduce((sum, row) => sum + row.Volume, 0);
  if (availableTotal === 0) return fail(61);
  if (request.op === 'calcul') {
    return { success: true, op: request.op, datas: withTotal(available), cost: costOf(availableTotal) };
  }
  const volumes = readVolumes(request.volumes);
  if (!volumes.ok) return fail(volumes.code);
  const wanted = wantedRows(available, volumes.wanted);
  if (!wanted.ok) return fail(wanted.code);
  const rows: RentalRow[] = withTotal(wanted.rows);
  const quantity = (rows.at(-1) as RentalRow).Volume;
  if (request.op === 'price') return { success: true, op: request.op, datas: rows, cost: costOf(quantity) };
  const rented = state.rentals.rent(
    account,
    { rows, quantity, costMicros: quantity * CONTACT_MICROS, urlNotification: request.urlNotification },
    now,
  );
  if (!rented.ok) return fail(11);
  return {
    success: true,
    op: request.op,
    datas: rows,
    cost: costOf(quantity),
    token: rented.rental.token,
  };
});
