import * as z from 'zod/mini';
import { defineEndpoint } from '../../../core/define.js';
import { requiredString } from '../../../core/fields.js';
import { GROUP_NAME_MAX } from '../contact-fields.js';
import { addGroupRoute } from './route.js';

/** POST /v1/group/add, JSON body [official-legacy][community]. No `_format` is documented for the family. */
export const addGroupRequest = z.object({
  apiKey: requiredString('API Key is required'),
  name: z.string({ error: 'The group name is required' }).check(
    z.regex(/\S/, { error: 'The group name is required' }),
    z.maxLength(GROUP_NAME_MAX, {
      error: `The group name cannot be longer than ${GROUP_NAME_MAX} characters`,
    }),
  ),
});
export type AddGroupRequest = z.input<typeof addGroupRequest>;

/** The registry entry of POST /v1/group/add: {@link addGroupRoute} plus the request side. */
export const addGroup = defineEndpoint(addGroupRoute, {
  summary: 'Create a group of contacts',
  // The documented success carries code 2 [community]; 200 is read as success too.
  successCode: 2,
  request: addGroupRequest,
  auth: { missing: 2, unknown: 10 },
  fieldCodes: {
    apiKey: { missing: 2, invalid: 2 },
    name: { missing: 1, byIssue: { invalid_format: 1, invalid_type: 1 } },
  },
  states: ['an account with credits'],
  example: {
    request: { apiKey: 'YOUR_API_KEY', name: 'Group name' },
    response: { success: true, code: 2, name: 'Group name', groupId: '6363' },
  },
});

export * from './route.js';
