import { type Base, only, sharedRecipes, withFields } from './common.ts';
import type { Recipe, RecipeContext, Recipes } from './recipe.ts';

/**
 * Recipes for groups and contacts (README "Contacts and groups"). Ids are
 * read from the answers that create them: `before` resolves with them and
 * the request gets them as `prepared` (an object: a pact names its fields).
 */

/** A number on the recipe account's STOP list, for code 14. */
const STOPPED = '0600000009';

/** Creates a group on the recipe account; resolves with its id. */
async function newGroup(context: RecipeContext): Promise<string> {
  const answer = (await context.call('addGroup', { apiKey: context.apiKey, name: 'Clients' })) as {
    groupId?: string;
  };
  if (answer.groupId === undefined) throw new Error(`Add Group answered ${JSON.stringify(answer)}`);
  return answer.groupId;
}

/** Adds a contact to a group; resolves with its id. */
async function newContact(context: RecipeContext, groupId: string, phoneNumber: string): Promise<string> {
  const answer = (await context.call('addContact', {
    apiKey: context.apiKey,
    groupId,
    contact: { phoneNumber },
  })) as { contact?: { contactId?: string } };
  const id = answer.contact?.contactId;
  if (id === undefined) throw new Error(`Add Contact answered ${JSON.stringify(answer)}`);
  return id;
}

/** A group, with one contact of `0600000001` in it. */
async function groupWithContact(context: RecipeContext): Promise<{ groupId: string; contactId: string }> {
  const groupId = await newGroup(context);
  return { groupId, contactId: await newContact(context, groupId, '0600000001') };
}

const groupOf = (prepared: unknown) => (prepared as { groupId: string }).groupId;
const contactOf = (prepared: unknown) => (prepared as { contactId: string }).contactId;

/** The key recipes of the family: its pages give 10 for a missing key as for a wrong one. */
function keyRecipes(base: Base): { 10: Recipe } {
  return {
    10: { cause: 'no `apiKey`, or one no account has', request: withFields(base, { apiKey: undefined }) },
  };
}

/** A recipe on an existing group: `before` creates it (with one contact), the request names it. */
const onGroup = (
  cause: string,
  request: (context: RecipeContext, groupId: string) => Record<string, unknown>,
  extra: Partial<Recipe> = {},
): Recipe => ({
  cause,
  before: groupWithContact,
  request: (context, prepared) => request(context, groupOf(prepared)),
  ...extra,
});

const NOT_A_GROUP = '42';
const NOT_A_CONTACT = '42';

// ---------------------------------------------------------------- groups

const addGroupBase: Base = ({ apiKey }) => ({ apiKey, name: 'Clients' });

export const addGroupRecipes: Recipes<'addGroup'> = {
  ...only(sharedRecipes('addGroup', addGroupBase), [10]),
  1: { cause: 'no `name` (or a blank one)', request: withFields(addGroupBase, { name: undefined }) },
  2: {
    cause: "no `apiKey` (Add Group's table; `success: false` tells it from the success, also code 2)",
    request: withFields(addGroupBase, { apiKey: undefined }),
  },
  9: {
    cause: "a `name` over 255 characters (the mock's bound)",
    request: withFields(addGroupBase, { name: 'n'.repeat(256) }),
    answer: {
      success: false,
      code: 9,
      error: [
        { elementId: 'children[name].data', message: 'The group name cannot be longer than 255 characters' },
      ],
    },
  },
  500: {
    ...sharedRecipes('addGroup', addGroupBase)[500],
    cause:
      '`POST /__mock/faults {"apiKey", "endpoint": "addGroup", "times": 1}`, then the request: the answer a full store gives (past 100,000 groups)',
  } as Recipe,
};

const deleteGroupBase: Base = ({ apiKey }) => ({ apiKey, groupId: NOT_A_GROUP });

export const deleteGroupRecipes: Recipes<'deleteGroup'> = {
  ...keyRecipes(deleteGroupBase),
  1: { cause: 'no `groupId`', request: withFields(deleteGroupBase, { groupId: undefined }) },
  404: {
    cause: "a `groupId` the account has no group under (another account's too)",
    request: deleteGroupBase,
  },
};

export const listGroupsRecipes: Recipes<'listGroups'> = keyRecipes(({ apiKey }) => ({ apiKey }));

// ---------------------------------------------------------------- contacts

export const addContactRecipes: Recipes<'addContact'> = {
  10: onGroup('no `apiKey`, or one no account has', (_context, groupId) => ({
    groupId,
    contact: { phoneNumber: '0600000002' },
  })),
  1: {
    cause: 'no `groupId`',
    request: ({ apiKey }) => ({ apiKey, contact: { phoneNumber: '0600000002' } }),
  },
  2: onGroup('no `contact`, or a contact without `phoneNumber`', ({ apiKey }, groupId) => ({
    apiKey,
    groupId,
    contact: { firstname: 'Marie' },
  })),
  9: onGroup(
    'a `firstname` of 33 characters (or a bad `url` or `date`, a number that is none)',
    ({ apiKey }, groupId) => ({
      apiKey,
      groupId,
      contact: { phoneNumber: '0600000002', firstname: 'f'.repeat(33) },
    }),
    {
      answer: {
        success: false,
        code: 9,
        error: [
          {
            elementId: 'children[contact].children[firstname].data',
            message: 'The first name cannot be longer than 32 characters',
          },
        ],
      },
    },
  ),
  14: onGroup(
    `a number on the account's \`stopList\` (\`${STOPPED}\`)`,
    ({ apiKey }, groupId) => ({ apiKey, groupId, contact: { phoneNumber: STOPPED } }),
    { account: { stopList: [STOPPED] } },
  ),
  15: onGroup('a number already in the group (`+33600000001` is `0600000001`)', ({ apiKey }, groupId) => ({
    apiKey,
    groupId,
    contact: { phoneNumber: '+33600000001' },
  })),
  404: {
    cause: 'a `groupId` the account has no group under',
    request: ({ apiKey }) => ({ apiKey, groupId: NOT_A_GROUP, contact: { phoneNumber: '0600000002' } }),
  },
  500: {
    cause:
      '`POST /__mock/faults {"apiKey", "endpoint": "addContact", "times": 1}`, then the request: the answer a full store gives (past 1,000,000 contacts)',
    before: async (context) => {
      const prepared = await groupWithContact(context);
      await context.admin('/__mock/faults', { apiKey: context.apiKey, endpoint: 'addContact', times: 1 });
      return prepared;
    },
    request: ({ apiKey }, prepared) => ({
      apiKey,
      groupId: groupOf(prepared),
      contact: { phoneNumber: '0600000002' },
    }),
  },
};

/** The bulk report of one failed item: nothing imported, the item's code, its counter at 1. */
function failedItem(
  result: Record<string, unknown>,
  counter: 'stopSms' | 'allreadyInGroupe' | 'dateInvalide' | null,
): Record<string, unknown> {
  const errors = {
    stopSms: 0,
    invalidePhone: 0,
    duplicatePhone: 0,
    allreadyInGroupe: 0,
    urlInvalide: 0,
    dateInvalide: 0,
    empty: 0,
    unactivated: 0,
    dateInvalid: 0,
  };
  return {
    groupe: { name: 'Clients', token: '1000' },
    results: [{ success: false, ...result }],
    rapport: {
      nbline: 1,
      nbline_imported: 0,
      nbline_updated: 0,
      errors: counter === null ? errors : { ...errors, [counter]: 1 },
    },
  };
}

/** A bulk of the given items into a fresh group (which holds `0600000001`). */
const bulkOf = (cause: string, contactsList: readonly unknown[], extra: Partial<Recipe> = {}): Recipe =>
  onGroup(cause, ({ apiKey }, groupId) => ({ apiKey, groupId, contactsList }), extra);

export const addBulkContactsRecipes: Recipes<'addBulkContacts'> = {
  10: bulkOf('no `apiKey`, or one no account has', [{ phoneNumber: '0600000002' }], {
    request: (_context, prepared) => ({
      groupId: groupOf(prepared),
      contactsList: [{ phoneNumber: '0600000002' }],
    }),
  }),
  1: {
    cause: 'no `groupId`',
    request: ({ apiKey }) => ({ apiKey, contactsList: [{ phoneNumber: '0600000002' }] }),
  },
  2: bulkOf('`contactsList: []` (an item without a number is item code 2, counted `empty`)', []),
  9: bulkOf(
    'an item whose `date` is no date (`2023-02-30`): item code 9, counted `dateInvalide`; the others go in',
    [{ phoneNumber: '0600000002', date: '2023-02-30' }],
    {
      answer: failedItem(
        {
          code: 9,
          phoneNumber: '+33600000002',
          message: 'The date must be a real date written YYYY-MM-DD',
        },
        'dateInvalide',
      ),
    },
  ),
  14: bulkOf(
    `an item on the account's \`stopList\` (\`${STOPPED}\`): item code 14, counted \`stopSms\``,
    [{ phoneNumber: STOPPED }],
    {
      account: { stopList: [STOPPED] },
      answer: failedItem(
        { code: 14, phoneNumber: '+33600000009', message: 'The number is in the STOP SMS list' },
        'stopSms',
      ),
    },
  ),
  15: bulkOf(
    'an item already in the group: item code 15, counted `allreadyInGroupe`',
    [{ phoneNumber: '0600000001' }],
    {
      answer: failedItem(
        { code: 15, phoneNumber: '+33600000001', message: 'The phone number already exists in the group' },
        'allreadyInGroupe',
      ),
    },
  ),
  50: bulkOf(
    "501 items (the mock's bound, like the send family's)",
    Array.from({ length: 501 }, () => ({})),
  ),
  404: {
    cause: 'a `groupId` the account has no group under',
    request: ({ apiKey }) => ({
      apiKey,
      groupId: NOT_A_GROUP,
      contactsList: [{ phoneNumber: '0600000002' }],
    }),
  },
  500: {
    cause:
      '`POST /__mock/faults {"apiKey", "endpoint": "addBulkContacts", "times": 1}`, then the request: the answer a bulk that would not fit the store gets',
    before: async (context) => {
      const prepared = await groupWithContact(context);
      await context.admin('/__mock/faults', {
        apiKey: context.apiKey,
        endpoint: 'addBulkContacts',
        times: 1,
      });
      return prepared;
    },
    request: ({ apiKey }, prepared) => ({
      apiKey,
      groupId: groupOf(prepared),
      contactsList: [{ phoneNumber: '0600000002' }],
    }),
  },
};

/** A recipe on an existing contact (`0600000001`, in a group with `0600000002`). */
const onContact = (
  cause: string,
  request: (context: RecipeContext, contactId: string) => Record<string, unknown>,
  extra: Partial<Recipe> = {},
): Recipe => ({
  cause,
  before: async (context) => {
    const prepared = await groupWithContact(context);
    await newContact(context, prepared.groupId, '0600000002');
    return prepared;
  },
  request: (context, prepared) => request(context, contactOf(prepared)),
  ...extra,
});

export const updateContactRecipes: Recipes<'updateContact'> = {
  10: onContact('no `apiKey`, or one no account has', (_context, contactId) => ({
    contactId,
    contact: { firstname: 'Marie' },
  })),
  1: { cause: 'no `contactId`', request: ({ apiKey }) => ({ apiKey, contact: { firstname: 'Marie' } }) },
  2: onContact('no `contact`, or `contact: {}`', ({ apiKey }, contactId) => ({
    apiKey,
    contactId,
    contact: {},
  })),
  9: onContact(
    'a `url` that is not http(s) (`example.com`)',
    ({ apiKey }, contactId) => ({ apiKey, contactId, contact: { url: 'example.com' } }),
    {
      answer: {
        success: false,
        code: 9,
        error: [
          {
            elementId: 'children[contact].children[url].data',
            message: 'The URL must start with http:// or https://',
          },
        ],
      },
    },
  ),
  14: onContact(
    `a new number on the account's \`stopList\` (\`${STOPPED}\`)`,
    ({ apiKey }, contactId) => ({ apiKey, contactId, contact: { phoneNumber: STOPPED } }),
    { account: { stopList: [STOPPED] } },
  ),
  15: onContact("another contact's number of its group (`0600000002`)", ({ apiKey }, contactId) => ({
    apiKey,
    contactId,
    contact: { phoneNumber: '0600000002' },
  })),
  404: {
    cause: 'a `contactId` the account has no contact under',
    request: ({ apiKey }) => ({ apiKey, contactId: NOT_A_CONTACT, contact: { firstname: 'Marie' } }),
  },
};

const byContactBase: Base = ({ apiKey }) => ({ apiKey, contactId: NOT_A_CONTACT });

/** Delete Contact and Get Contact Details: a key, a `contactId`, a contact that exists. */
const byContactRecipes = {
  ...keyRecipes(byContactBase),
  1: { cause: 'no `contactId`', request: withFields(byContactBase, { contactId: undefined }) },
  404: {
    cause: "a `contactId` the account has no contact under (another account's too)",
    request: byContactBase,
  },
} satisfies Record<number, Recipe>;

export const deleteContactRecipes: Recipes<'deleteContact'> = byContactRecipes;
export const getContactRecipes: Recipes<'getContact'> = byContactRecipes;

const listContactsBase: Base = ({ apiKey }) => ({ apiKey, groupId: NOT_A_GROUP });

export const listContactsRecipes: Recipes<'listContacts'> = {
  ...keyRecipes(listContactsBase),
  1: { cause: 'no `groupId`', request: withFields(listContactsBase, { groupId: undefined }) },
  404: { cause: 'a `groupId` the account has no group under', request: listContactsBase },
};
