import type { EndpointName } from '@smspartner-kit/schema';

/**
 * The SMS families of the Error Codes page (reference error-codes.md §1–10),
 * code by code, and the reviewed list of codes the mock deliberately does not
 * reproduce. Voice (§11) and mail (§12) codes belong to other products.
 *
 * A family names its endpoints by path, so endpoints that other branches add
 * are matched as soon as they are registered.
 */
export interface CodeFamily {
  readonly id: string;
  readonly paths: readonly string[];
  readonly codes: readonly (number | string)[];
}

export const ERROR_CODE_FAMILIES: readonly CodeFamily[] = [
  {
    id: '§1 SMS Sending',
    paths: ['/v1/send', '/v1/bulk-send', '/v1/vn/send', '/v1/sondage/to/send', '/v1/rcs/send'],
    codes: [
      1, 2, 4, 9, 10, 11, 13, 14, 15, 20, 22, 23, 30, 40, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 55, 90,
      96, 500, 992,
    ],
  },
  { id: '§2 SMS Cancellation', paths: ['/v1/message-cancel'], codes: [2, 3, 4, 5, 6, 9, 50, 96] },
  {
    id: '§3 Status Retrieval',
    paths: ['/v1/message-status', '/v1/multi-status', '/v1/bulk-status', '/v1/bulk-status-by-tag'],
    codes: [2, 3, 4, 5, 6, 9, 50, 96],
  },
  { id: '§4 Status List', paths: [], codes: ['delivered', 'not delivered', 'waiting', 'ko'] },
  {
    id: '§5 Status Error Codes',
    paths: [],
    codes: ['DELIVRD', 'PENDING', 'UNDELIV', 'ACCEPTD', 'UNKNOWN', 'ENROUTE', 'EXPIRED', 'REJECTD'],
  },
  {
    id: '§6 Number Verification',
    paths: ['/v1/hlr/notify', '/v1/lookup'],
    codes: [2, 11, 13, 14, 19, 50, 55, 96],
  },
  {
    id: '§7 Location',
    paths: ['/v1/location/optin', '/v1/location/status'],
    codes: [
      3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 17, 18, 19, 22, 23, 24, 25, 26, 27, 28, 31, 32, 33, 34, 35,
      36, 61, 96,
    ],
  },
  {
    // The per-page tables win (error-codes.md §8): 2–7 are in the sub-account catalogues under the
    // pages' meanings (create: 2 not authorised…7 e-mail taken; credit moves: 2 credit required…7
    // sub-account not found), which differ from this table's.
    id: '§8 Sub-account',
    paths: [
      '/v1/subaccount/create',
      '/v1/subaccount/remove',
      '/v1/subaccount/delete',
      '/v1/subaccount/list',
      '/v1/subaccount/credit/add',
      '/v1/subaccount/credit/remove',
    ],
    codes: [2, 3, 4, 5, 6, 7, 11, 96],
  },
  {
    id: '§9 HLR delivery statuses',
    paths: [],
    codes: ['3', '7', '26', '4', '9', '2', '5', '15', '29', '6', '8', '10', '11', '21', '52'].map(
      (id) => `statusId ${id}`,
    ),
  },
];

/**
 * §10, the operator error groups of an HLR result: `errorId` and name, as
 * the page lists them (2053 twice). Each is reproduced from a test number.
 */
export const HLR_ERROR_FAMILY: readonly (readonly [id: number, name: string])[] = [
  [0, 'NO_ERROR'],
  [1, 'EC_UNKNOWN_SUBSCRIBER'],
  [5, 'EC_UNIDENTIFIED_SUBSCRIBER'],
  [6, 'EC_ABSENT_SUBSCRIBER_SM'],
  [7, 'EC_UNKNOWN_EQUIPMENT'],
  [8, 'EC_ROAMING_NOT_ALLOWED'],
  [9, 'EC_ILLEGAL_SUBSCRIBER'],
  [11, 'EC_TELESERVICE_NOT_PROVISIONED'],
  [12, 'EC_ILLEGAL_EQUIPMENT'],
  [13, 'EC_CALL_BARRED'],
  [27, 'EC_ABSENT_SUBSCRIBER'],
  [31, 'EC_SUBSCRIBER_BUSY_FOR_MT_SMS'],
  [32, 'EC_SM_DELIVERY_FAILURE'],
  [33, 'EC_MESSAGE_WAITING_LIST_FULL'],
  [34, 'EC_SYSTEM_FAILURE'],
  [35, 'EC_DATA_MISSING'],
  [36, 'EC_UNEXPECTED_DATA_VALUE'],
  [255, 'EC_UNKNOWN_ERROR'],
  [256, 'EC_SM_DF_MEMORYCAPACITYEXCEEDED'],
  [257, 'EC_SM_DF_EQUIPMENTPROTOCOLERROR'],
  [258, 'EC_SM_DF_EQUIPMENTNOTSM_EQUIPPED'],
  [259, 'EC_SM_DF_UNKNOWNSERVICECENTRE'],
  [260, 'EC_SM_DF_SC_CONGESTION'],
  [261, 'EC_SM_DF_INVALIDSME_ADDRESS'],
  [262, 'EC_SM_DF_SUBSCRIBERNOTSC_SUBSCRIBER'],
  [500, 'EC_PROVIDER_GENERAL_ERROR'],
  [502, 'EC_NO_RESPONSE'],
  [503, 'EC_SERVICE_COMPLETION_FAILURE'],
  [504, 'EC_UNEXPECTED_RESPONSE_FROM_PEER'],
  [507, 'EC_MISTYPED_PARAMETER'],
  [508, 'EC_NOT_SUPPORTED_SERVICE'],
  [509, 'EC_DUPLICATED_INVOKE_ID'],
  [1024, 'EC_OR_APPCONTEXTNOTSUPPORTED'],
  [1025, 'EC_OR_INVALIDDESTINATIONREFERENCE'],
  [1026, 'EC_OR_INVALIDORIGINATINGREFERENCE'],
  [1027, 'EC_OR_ENCAPSULATEDAC_NOTSUPPORTED'],
  [1028, 'EC_OR_TRANSPORTPROTECTIONNOTADEQUATE'],
  [1029, 'EC_OR_NOREASONGIVEN'],
  [1030, 'EC_OR_POTENTIALVERSIONINCOMPATIBILITY'],
  [1031, 'EC_OR_REMOTENODENOTREACHABLE'],
  [1152, 'EC_NNR_NOTRANSLATIONFORANADDRESSOFSUCHNATURE'],
  [1153, 'EC_NNR_NOTRANSLATIONFORTHISSPECIFICADDRESS'],
  [1154, 'EC_NNR_SUBSYSTEMCONGESTION'],
  [1155, 'EC_NNR_SUBSYSTEMFAILURE'],
  [1156, 'EC_NNR_UNEQUIPPEDUSER'],
  [1157, 'EC_NNR_MTPFAILURE'],
  [1158, 'EC_NNR_NETWORKCONGESTION'],
  [2049, 'EC_IMSI_BLACKLISTED'],
  [2052, 'EC_BLACKLISTED_DESTINATIONADDRESS'],
  [2053, 'EC_BLACKLISTED_SENDERADDRESS'],
  [2053, 'EC_SOURCE_ADDRESS_BLACKLISTED'],
  [4096, 'EC_INVALID_PDU_FORMAT'],
  [4100, 'EC_MESSAGE_CANCELED'],
  [4101, 'EC_VALIDITYEXPIRED'],
  [4102, 'EC_NOTSUBMITTEDTOSMPPCHANNEL'],
  [4103, 'EC_DESTINATION_FLOODING'],
  [4104, 'EC_DESTINATION_TXT_FLOODING'],
  [10, 'EC_BEARER_SERVICE_NOT_PROVISIONED'],
  [20, 'EC_SS_INCOMPATIBILITY'],
  [51, 'EC_RESOURCE_LIMITATION'],
  [71, 'EC_UNKNOWN_ALPHABET'],
  [501, 'EC_INVALID_RESPONSE_RECEIVED'],
  [2048, 'EC_TIME_OUT'],
  [2050, 'EC_DEST_ADDRESS_BLACKLISTED'],
];

/** A code deliberately not reproduced: of one endpoint's catalogue, or of a family (every code of it with `'*'`). */
export type Exclusion =
  | { readonly endpoint: EndpointName; readonly code: number; readonly reason: string }
  | { readonly family: string; readonly code: number | string | '*'; readonly reason: string };

const noScheduling =
  'POST /v1/vn/send has no scheduling fields (a marketing send outside the window is held, not refused)';
const noRange = 'no `gamme` field on this endpoint: the Low Cost range cannot be asked for';
const noMessageId = 'no field of this endpoint names a message or a survey';
const onlyLongNumbers =
  'only a long number (`from` of POST /v1/vn/send) is checked for ownership; the docs list no sender registration';

/**
 * THE REVIEWED LIST. Each entry says why the code cannot (or must not) be
 * provoked by a documented cause. An entry that no longer applies (the code
 * left the catalogue, or got a recipe, or a family code appeared in one of its
 * endpoints' catalogues) fails the test: remove it then.
 */
export const EXCLUDED: readonly Exclusion[] = [
  { endpoint: 'sendSms', code: 4, reason: noMessageId },
  { endpoint: 'sendSms', code: 992, reason: onlyLongNumbers },
  { endpoint: 'sendBulkSms', code: 4, reason: noMessageId },
  { endpoint: 'sendBulkSms', code: 992, reason: onlyLongNumbers },
  { endpoint: 'sendVnSms', code: 4, reason: noMessageId },
  { endpoint: 'sendVnSms', code: 22, reason: noScheduling },
  { endpoint: 'sendVnSms', code: 23, reason: noScheduling },
  { endpoint: 'sendVnSms', code: 42, reason: noRange },
  { endpoint: 'sendVnSms', code: 44, reason: 'no `sender` field: the long number is the sender' },
  { endpoint: 'sendVnSms', code: 45, reason: noScheduling },
  { endpoint: 'sendVnSms', code: 46, reason: noScheduling },
  { endpoint: 'sendVnSms', code: 47, reason: noScheduling },
  { endpoint: 'sendVnSms', code: 48, reason: noScheduling },
  { endpoint: 'sendVnSms', code: 49, reason: noScheduling },
  { endpoint: 'sendVnSms', code: 51, reason: noRange },
  { endpoint: 'sendSurvey', code: 42, reason: noRange },
  {
    endpoint: 'sendSurvey',
    code: 43,
    reason: 'no `message` field: the text is the survey built in the web app',
  },
  { endpoint: 'sendSurvey', code: 44, reason: 'no `sender` field on a survey send' },
  { endpoint: 'sendSurvey', code: 51, reason: noRange },
  { endpoint: 'sendSurvey', code: 992, reason: onlyLongNumbers },
  {
    endpoint: 'setCallForwarding',
    code: 1,
    reason:
      'the page\'s "name is required" names a `name` parameter the endpoint does not have: no cause is documented',
  },
  {
    family: '§1 SMS Sending',
    code: 15,
    reason: '"already in the list": no send adds to a list (the Contacts family answers its own 15)',
  },
  {
    family: '§2 SMS Cancellation',
    code: 2,
    reason: "this table copies the status table; the seed's cancel codes win (1, 3, 4, 5, 6, 10, 11)",
  },
  { family: '§2 SMS Cancellation', code: 9, reason: "as 2: the seed's cancel codes win" },
  { family: '§2 SMS Cancellation', code: 50, reason: "as 2: the seed's cancel codes win" },
  { family: '§2 SMS Cancellation', code: 96, reason: "as 2: the seed's cancel table lists no account gate" },
  {
    family: '§4 Status List',
    code: '*',
    reason:
      'status values inside status answers, not control codes: the endpoints answer the capitalised Delivered, Not delivered, Waiting (examples and recordings); lowercase and `ko` never appear',
  },
  {
    family: '§5 Status Error Codes',
    code: '*',
    reason: 'operator DLR states that only appear inside receipts; where they surface is not documented',
  },
  {
    family: '§6 Number Verification',
    code: 19,
    reason: 'the same rule as the pages\' code 3 ("separated by a comma"); the per-endpoint tables win',
  },
  { family: '§7 Location', code: 33, reason: 'Download File: the page was not found anywhere; no endpoint' },
  { family: '§7 Location', code: 34, reason: 'Download File: the page was not found anywhere; no endpoint' },
  { family: '§7 Location', code: 35, reason: 'Download File: the page was not found anywhere; no endpoint' },
  { family: '§7 Location', code: 36, reason: 'Download File: the page was not found anywhere; no endpoint' },
  {
    family: '§8 Sub-account',
    code: 11,
    reason:
      'the per-page tables win (error-codes.md §8): a move or a creation the balance cannot cover is 8 (credit moves) or 9 (create), never 11',
  },
  {
    family: '§8 Sub-account',
    code: 96,
    reason:
      'the per-page tables win (error-codes.md §8): no sub-account page lists an IP allow-list code, so the mock gates none there',
  },
  {
    family: '§9 HLR delivery statuses',
    code: '*',
    reason: "SMS delivery states (Infobip's model); the documented HLR notification carries no status field",
  },
  {
    family: '§10 HLR errors',
    code: 'EC_SOURCE_ADDRESS_BLACKLISTED',
    reason: 'the page gives errorId 2053 twice; one test number per id produces the first name',
  },
];
