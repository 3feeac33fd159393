import * as z from 'zod/mini';
import { defineEndpoint } from '../../../core/define.js';
import { requiredString, responseFormat } from '../../../core/fields.js';
import { stopListStates } from '../list-stop-sms/entry.js';
import { addStopSmsRoute } from './route.js';

/** POST /v1/stop-sms/add, JSON body [official]: one number, French national or international, others international. */
export const addStopSmsRequest = z.object({
  apiKey: requiredString('API key is required'),
  phoneNumber: requiredString('Phone number is required'),
  _format: responseFormat,
});
export type AddStopSmsRequest = z.input<typeof addStopSmsRequest>;

/** The registry entry of POST /v1/stop-sms/add: {@link addStopSmsRoute} plus the request side. */
export const addStopSms = defineEndpoint(addStopSmsRoute, {
  summary: 'Adds a number to the STOP list: sends to it answer code 14 from then on',
  request: addStopSmsRequest,
  fieldCodes: {
    apiKey: { missing: 1, invalid: 1 },
    phoneNumber: { missing: 2, invalid: 9 },
  },
  states: [...stopListStates, 'a fault is injected'],
  example: {
    request: { apiKey: 'YOUR_API_KEY', phoneNumber: '+33622222222' },
    response: { success: true, code: 200, stopId: 300 },
  },
});

export * from './route.js';
