import * as z from 'zod/mini';
import { defineEndpoint } from '../../../core/define.js';
import { requiredString, responseFormat } from '../../../core/fields.js';
import {
  scheduleRule,
  scheduleShape,
  sendFieldCodes,
  sendValidationOrder,
  tagField,
} from '../send-fields.js';
import { sendSurveyRoute } from './route.js';

/** POST /v1/sondage/to/send, JSON body [official; send.md §4]: a survey built in the web app. */
export const sendSurveyRequest = z
  .object({
    apiKey: requiredString('API key is required'),
    phoneNumbers: requiredString('The phoneNumbers field is required'),
    sondageIdent: requiredString('The survey identifier (sondageIdent) is required'),
    tag: z.optional(tagField),
    ...scheduleShape,
    _format: responseFormat,
  })
  .check(scheduleRule);
export type SendSurveyRequest = z.input<typeof sendSurveyRequest>;

/** The registry entry of POST /v1/sondage/to/send: {@link sendSurveyRoute} plus the request side. */
export const sendSurvey = defineEndpoint(sendSurveyRoute, {
  summary: 'Send a survey, now or scheduled',
  request: sendSurveyRequest,
  validationOrder: sendValidationOrder,
  fieldCodes: {
    apiKey: sendFieldCodes.apiKey,
    phoneNumbers: sendFieldCodes.phoneNumbers,
    scheduledDeliveryDate: sendFieldCodes.scheduledDeliveryDate,
    time: sendFieldCodes.time,
    minute: sendFieldCodes.minute,
  },
  states: ['an account with credits', 'an account with settings'],
  example: {
    request: { apiKey: 'YOUR_API_KEY', phoneNumbers: '+33600000000', sondageIdent: 'SURVEY-1' },
    response: { success: true, code: 200, message_id: 307, nb_sms: 1, cost: 0.038, currency: 'EUR' },
  },
});

export * from './route.js';
