// The endpoints whose client input is not their wire parameters, one module each, named
// after the endpoint: each exports one function, `(transport, input) => result`, under
// the endpoint's registry name. `createSmsPartnerClient` takes its methods for these from
// here (and checks each against the registry); every other endpoint gets the generic
// method, which sends its input as it is. An endpoint that needs no conversion needs no
// module here.
export * from './send-bulk-sms.js';
export * from './send-sms.js';
export * from './send-survey.js';
export * from './send-vn-sms.js';
