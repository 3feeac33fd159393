import { defineHandler } from '../../core/define-handler.js';

/**
 * GET /v1/group/list: the account's groups, oldest first, as the community
 * page shows them, with `success: true` (the page's `false` is a typo) and no
 * `code`. Every group the API creates is a plain one: neither a special file
 * nor filled by contact rental.
 */
export const listGroups = defineHandler('listGroups', (_request, { account, state }) => ({
  success: true,
  groups: state.contacts.groups(account).map((group) => ({
    id: group.id,
    name: group.name,
    createdAt: group.createdAt,
    isSpecialFile: false,
    isLocationFile: false,
  })),
}));
