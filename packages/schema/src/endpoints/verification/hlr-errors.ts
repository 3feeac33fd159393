import * as z from 'zod/mini';

/**
 * The operator error groups an HLR result reports (`errorGrpId`, with the
 * error's name and description), as the Error Codes page lists them under
 * "Error Codes (HLR)" [community; the verification pages repeat a subset].
 * The notification carries `errorGrpId`, `errorName` and `errorDesc`; the
 * `errorId` is this table's key (the mock's test numbers choose it).
 */
export interface HlrError {
  readonly groupId: 0 | 1 | 2 | 3;
  readonly id: number;
  readonly name: string;
  /** True when retrying is pointless. */
  readonly permanent: boolean;
  readonly description: string;
}

/** The group names, by `errorGrpId`. */
export const HLR_ERROR_GROUPS = {
  0: 'OK',
  1: 'HANDSET_ERRORS',
  2: 'USER_ERRORS',
  3: 'OPERATOR_ERRORS',
} as const;

const row = (
  groupId: HlrError['groupId'],
  id: number,
  name: string,
  permanent: boolean,
  description: string,
): HlrError => ({ groupId, id, name, permanent, description });

/**
 * Every error of the table, one row per `errorId`. The source lists 2053
 * twice (EC_BLACKLISTED_SENDERADDRESS and EC_SOURCE_ADDRESS_BLACKLISTED);
 * the first name is kept. 508's name is only in the French copy.
 */
export const HLR_ERRORS: readonly HlrError[] = [
  row(0, 0, 'NO_ERROR', false, 'No Error'),
  row(1, 1, 'EC_UNKNOWN_SUBSCRIBER', true, 'The number does not exist or is not assigned'),
  row(1, 5, 'EC_UNIDENTIFIED_SUBSCRIBER', false, 'Unidentified subscriber'),
  row(1, 6, 'EC_ABSENT_SUBSCRIBER_SM', false, 'No paging response: handset off or low signal'),
  row(1, 7, 'EC_UNKNOWN_EQUIPMENT', false, 'Device not recognised by the EIR'),
  row(1, 8, 'EC_ROAMING_NOT_ALLOWED', false, 'Roaming without agreement'),
  row(1, 9, 'EC_ILLEGAL_SUBSCRIBER', true, 'Illegal subscriber'),
  row(1, 11, 'EC_TELESERVICE_NOT_PROVISIONED', true, "The subscriber's service is suspended"),
  row(1, 12, 'EC_ILLEGAL_EQUIPMENT', true, 'Illegal equipment'),
  row(1, 13, 'EC_CALL_BARRED', false, 'Messaging barred by the operator or the subscriber'),
  row(1, 27, 'EC_ABSENT_SUBSCRIBER', false, 'Subscriber offline'),
  row(1, 31, 'EC_SUBSCRIBER_BUSY_FOR_MT_SMS', false, 'Busy for mobile-terminated SMS'),
  row(1, 32, 'EC_SM_DELIVERY_FAILURE', false, 'Delivery failure'),
  row(1, 33, 'EC_MESSAGE_WAITING_LIST_FULL', false, 'Waiting list full'),
  row(1, 34, 'EC_SYSTEM_FAILURE', false, 'System failure'),
  row(1, 35, 'EC_DATA_MISSING', false, 'Missing data'),
  row(1, 36, 'EC_UNEXPECTED_DATA_VALUE', false, 'Unexpected data value'),
  row(1, 255, 'EC_UNKNOWN_ERROR', false, 'Unknown error'),
  row(1, 256, 'EC_SM_DF_MEMORYCAPACITYEXCEEDED', false, 'Handset memory full'),
  row(1, 257, 'EC_SM_DF_EQUIPMENTPROTOCOLERROR', false, 'Handset equipment error'),
  row(1, 258, 'EC_SM_DF_EQUIPMENTNOTSM_EQUIPPED', false, 'Handset equipment error'),
  row(1, 259, 'EC_SM_DF_UNKNOWNSERVICECENTRE', false, 'Handset equipment error'),
  row(1, 260, 'EC_SM_DF_SC_CONGESTION', false, 'Handset equipment error'),
  row(1, 261, 'EC_SM_DF_INVALIDSME_ADDRESS', false, 'Handset equipment error'),
  row(1, 262, 'EC_SM_DF_SUBSCRIBERNOTSC_SUBSCRIBER', false, 'Handset equipment error'),
  row(1, 500, 'EC_PROVIDER_GENERAL_ERROR', false, 'Network protocol error'),
  row(1, 502, 'EC_NO_RESPONSE', false, 'The operator did not answer the submission'),
  row(1, 503, 'EC_SERVICE_COMPLETION_FAILURE', false, 'Network protocol error'),
  row(1, 504, 'EC_UNEXPECTED_RESPONSE_FROM_PEER', false, 'Network protocol error'),
  row(1, 507, 'EC_MISTYPED_PARAMETER', false, 'Network protocol error'),
  row(1, 508, 'EC_NOT_SUPPORTED_SERVICE', false, 'Network protocol error'),
  row(1, 509, 'EC_DUPLICATED_INVOKE_ID', false, 'Network protocol error'),
  row(1, 1024, 'EC_OR_APPCONTEXTNOTSUPPORTED', false, 'Network protocol error'),
  row(1, 1025, 'EC_OR_INVALIDDESTINATIONREFERENCE', false, 'Network protocol error'),
  row(1, 1026, 'EC_OR_INVALIDORIGINATINGREFERENCE', false, 'Network protocol error'),
  row(1, 1027, 'EC_OR_ENCAPSULATEDAC_NOTSUPPORTED', false, 'Network protocol error'),
  row(1, 1028, 'EC_OR_TRANSPORTPROTECTIONNOTADEQUATE', false, 'Network protocol error'),
  row(1, 1029, 'EC_OR_NOREASONGIVEN', false, 'Network protocol error'),
  row(1, 1030, 'EC_OR_POTENTIALVERSIONINCOMPATIBILITY', false, 'Network protocol error'),
  row(1, 1031, 'EC_OR_REMOTENODENOTREACHABLE', false, 'Subscriber unreachable (network protocol)'),
  row(
    1,
    1152,
    'EC_NNR_NOTRANSLATIONFORANADDRESSOFSUCHNATURE',
    false,
    'Subscriber unreachable (network protocol)',
  ),
  row(1, 1153, 'EC_NNR_NOTRANSLATIONFORTHISSPECIFICADDRESS', false, 'No translation for this address'),
  row(1, 1154, 'EC_NNR_SUBSYSTEMCONGESTION', false, 'Subscriber unreachable (network protocol)'),
  row(1, 1155, 'EC_NNR_SUBSYSTEMFAILURE', false, 'Subscriber unreachable (network protocol)'),
  row(1, 1156, 'EC_NNR_UNEQUIPPEDUSER', false, 'Subscriber unreachable (network protocol)'),
  row(1, 1157, 'EC_NNR_MTPFAILURE', false, 'Subscriber unreachable (network protocol)'),
  row(1, 1158, 'EC_NNR_NETWORKCONGESTION', false, 'Subscriber unreachable (network protocol)'),
  row(2, 2049, 'EC_IMSI_BLACKLISTED', true, 'IMSI blacklisted'),
  row(2, 2052, 'EC_BLACKLISTED_DESTINATIONADDRESS', true, 'Destination blacklisted'),
  row(2, 2053, 'EC_BLACKLISTED_SENDERADDRESS', true, 'Sender blacklisted'),
  row(2, 4096, 'EC_INVALID_PDU_FORMAT', true, 'Invalid PDU'),
  row(2, 4100, 'EC_MESSAGE_CANCELED', true, 'Not forwarded within the validity period, or cancelled'),
  row(2, 4101, 'EC_VALIDITYEXPIRED', true, 'Not delivered within the validity period'),
  row(2, 4102, 'EC_NOTSUBMITTEDTOSMPPCHANNEL', true, 'No SMPP connectivity'),
  row(2, 4103, 'EC_DESTINATION_FLOODING', true, 'Too many messages to one number'),
  row(2, 4104, 'EC_DESTINATION_TXT_FLOODING', true, 'Too many identical messages to one number'),
  row(3, 10, 'EC_BEARER_SERVICE_NOT_PROVISIONED', true, 'Bearer service not provided'),
  row(3, 20, 'EC_SS_INCOMPATIBILITY', false, 'SS incompatibility'),
  row(3, 51, 'EC_RESOURCE_LIMITATION', true, 'Network congestion at SS7/MAP level'),
  row(3, 71, 'EC_UNKNOWN_ALPHABET', false, 'Unknown alphabet'),
  row(3, 501, 'EC_INVALID_RESPONSE_RECEIVED', false, 'Invalid response received'),
  row(3, 2048, 'EC_TIME_OUT', false, 'Time-out'),
  row(3, 2050, 'EC_DEST_ADDRESS_BLACKLISTED', true, "Number on the operator's DND blacklist"),
];

/** One error by its `errorId`, or undefined for an id the table does not list. */
export function hlrErrorById(id: number): HlrError | undefined {
  return HLR_ERRORS.find((error) => error.id === id);
}

/**
 * What POST /v1/hlr/notify sends to `notifyUrl` for each number, as the pages
 * show it (a PHP dump of form fields; this is its JSON rendering): the
 * number, an id for this lookup, the network's MCC+MNC, whether it was
 * ported, and the operator error group (0 = OK) with its name and
 * description; `date` is ISO 8601 with milliseconds and `+0000`. As form
 * fields, the numbers arrive as digit strings: both are read.
 */
export const hlrNotification = z.object({
  phone: z.string(),
  messageId: z.string(),
  mccMnc: z.string(),
  ported: z.union([z.literal(0), z.literal(1), z.literal('0'), z.literal('1')]),
  errorGrpId: z.union([z.int(), z.string().check(z.regex(/^\d+$/))]),
  errorName: z.string(),
  errorDesc: z.string(),
  date: z.string(),
});
export type HlrNotification = z.infer<typeof hlrNotification>;
