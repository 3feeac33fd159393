import * as z from 'zod/mini';
import { defineEndpoint } from '../../../core/define.js';
import { contactApiKey, contactAuth, contactKeyCodes } from '../contact-fields.js';
import { listGroupsRoute } from './route.js';

/** GET /v1/group/list, query string [community]. */
export const listGroupsRequest = z.object({
  apiKey: contactApiKey,
});
export type ListGroupsRequest = z.input<typeof listGroupsRequest>;

/** The registry entry of GET /v1/group/list: {@link listGroupsRoute} plus the request side. */
export const listGroups = defineEndpoint(listGroupsRoute, {
  summary: "The account's groups of contacts, oldest first",
  // The documented success has no `code` [community].
  successCode: null,
  request: listGroupsRequest,
  auth: contactAuth,
  fieldCodes: { apiKey: contactKeyCodes },
  states: ['an account with credits', 'a group with contacts'],
  example: {
    request: { apiKey: 'YOUR_API_KEY' },
    response: {
      success: true,
      groups: [
        {
          id: '6363',
          name: 'Group name',
          createdAt: '2020-10-02T16:40:05+02:00',
          isSpecialFile: false,
          isLocationFile: false,
        },
      ],
    },
  },
});

export * from './route.js';
