import * as z from 'zod/mini';
import { defineEndpoint } from '../../../core/define.js';
import { pageField } from '../../../core/fields.js';
import { byGroupCodes, byGroupShape, contactAuth } from '../contact-fields.js';
import { listContactsRoute } from './route.js';

/** GET /v1/contact/list, query string [official][official-legacy]: 20 contacts a page. */
export const listContactsRequest = z.object({
  ...byGroupShape,
  page: pageField,
});
export type ListContactsRequest = z.input<typeof listContactsRequest>;

/**
 * The registry entry of GET /v1/contact/list: {@link listContactsRoute} plus
 * the request side. The official header says POST while its example is a GET
 * (as the older page says): both are answered.
 */
export const listContacts = defineEndpoint(listContactsRoute, {
  summary: "One page (20 contacts) of a group's contacts, oldest first",
  request: listContactsRequest,
  auth: contactAuth,
  fieldCodes: byGroupCodes,
  alsoAnswers: { methods: ['POST'] },
  states: ['a group with contacts'],
  example: {
    request: { apiKey: 'YOUR_API_KEY', groupId: '6363', page: 1 },
    response: {
      success: true,
      code: 200,
      currentPage: 1,
      total: '1',
      datas: [
        {
          contactId: '1000001',
          phone: '+33600000001',
          firstname: 'Marie',
          lastname: 'Bertrand',
          url: '',
          shortUrl: '',
          date: '',
          custom1: '',
          custom2: '',
          custom3: '',
          custom4: '',
          createdAt: '2025-03-12T14:33:55+01:00',
          stopSms: false,
        },
      ],
    },
  },
});

export * from './route.js';
