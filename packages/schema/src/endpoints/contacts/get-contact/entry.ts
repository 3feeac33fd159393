import * as z from 'zod/mini';
import { defineEndpoint } from '../../../core/define.js';
import { byContactCodes, byContactShape, contactAuth } from '../contact-fields.js';
import { getContactRoute } from './route.js';

/** GET /v1/contact/detail, query string [official]. */
export const getContactRequest = z.object(byContactShape);
export type GetContactRequest = z.input<typeof getContactRequest>;

/** The registry entry of GET /v1/contact/detail: {@link getContactRoute} plus the request side. */
export const getContact = defineEndpoint(getContactRoute, {
  summary: 'One contact, with its group',
  request: getContactRequest,
  auth: contactAuth,
  fieldCodes: byContactCodes,
  states: ['a group with contacts'],
  example: {
    request: { apiKey: 'YOUR_API_KEY', contactId: '1000001' },
    response: {
      success: true,
      code: 200,
      contact: {
        contactId: '1000001',
        phone: '+33600000001',
        firstname: '',
        lastname: '',
        url: '',
        shortUrl: '',
        date: '',
        custom1: '',
        custom2: '',
        custom3: '',
        custom4: '',
        createdAt: '2020-10-02T16:40:05+02:00',
        stopSms: false,
        groupId: 6363,
      },
    },
  },
});

export * from './route.js';
