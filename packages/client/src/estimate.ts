// The `@smspartner-kit/client/estimate` entry: the offline estimator, the very
// functions the mock prices sends with. An entry of its own because it carries
// libphonenumber-js and its metadata (about 30 KB gzipped): apps that only send
// do not bundle it.
export {
  DEFAULT_PRICE_TABLE,
  type Estimate,
  type EstimateInput,
  type EstimateProblem,
  estimateSend,
  formatAmount,
  type PreparedMessage,
  type PriceTable,
  prepareMessage,
} from '@smspartner-kit/schema';
