import {
  addBulkContacts,
  addContact,
  addGroup,
  getContact,
  listContacts,
  listGroups,
  updateContact,
} from '@smspartner-kit/schema';
import { describe, expect, test } from 'vitest';
import {
  isAddGroupSuccess,
  isBulkContactsReport,
  isGroupListSuccess,
  normalizeAddedGroup,
  normalizeBulkContactsReport,
  normalizeContact,
  normalizeContactPage,
  normalizeGroups,
} from '../../src/normalize/contacts.ts';

describe('the family successes that do not look like {success: true, code: 200}', () => {
  test.each([
    [isAddGroupSuccess, { success: true, code: 2, name: 'g', groupId: '1' }, true],
    [isAddGroupSuccess, { success: true, code: 200, name: 'g', groupId: '1' }, true],
    [isAddGroupSuccess, { success: false, code: 2, message: 'API Key is required' }, false],
    [isGroupListSuccess, { success: true, groups: [] }, true],
    [isGroupListSuccess, { success: false, groups: [] }, true],
    [isGroupListSuccess, { success: false, code: 10, message: 'Invalid API key' }, false],
    [isGroupListSuccess, { success: false, code: 10, groups: [] }, false],
    [isBulkContactsReport, addBulkContacts.example.response, true],
    [isBulkContactsReport, { success: false, code: 404, message: 'The group does not exist' }, false],
    [isBulkContactsReport, null, false],
  ] as const)('%o %j → %s', (check, body, success) => {
    expect(check(body)).toBe(success);
  });
});

describe('groups', () => {
  test('Add Group and the list give groups in one shape, ids as strings', () => {
    expect(normalizeAddedGroup(addGroup.example.response)).toEqual({ groupId: '6363', name: 'Group name' });
    expect(normalizeAddedGroup({ success: true, code: 2, name: 'n', groupId: 7 })).toEqual({
      groupId: '7',
      name: 'n',
    });
    expect(normalizeGroups({ ...listGroups.example.response, success: false })).toEqual([
      {
        groupId: '6363',
        name: 'Group name',
        createdAt: '2020-10-02T16:40:05+02:00',
        isLocationFile: false,
        isSpecialFile: false,
      },
    ]);
  });
});

describe('contacts: phoneNumber or phone, shortUrlPartnr or shortUrl, integer ids, "" fields', () => {
  test('the add echo, the edit echo, a list item and the detail read the same', () => {
    expect(normalizeContact(addContact.example.response.contact)).toEqual({
      contactId: '1000001',
      phoneNumber: '+33600000001',
      firstname: 'Marie',
      lastname: 'Bertrand',
      date: '2000-06-12',
      url: 'https://example.com',
      custom1: 'custom 1',
    });
    expect(normalizeContact(updateContact.example.response.contact)).toEqual({
      contactId: '1000001',
      firstname: 'prénom',
      date: '2020-06-12',
      custom2: 'custom2',
    });
    const item = listContacts.example.response.datas[0];
    if (!item) throw new Error('no item');
    expect(normalizeContact({ ...item, shortUrl: 'http://s' })).toEqual({
      contactId: '1000001',
      phoneNumber: '+33600000001',
      firstname: 'Marie',
      lastname: 'Bertrand',
      shortUrl: 'http://s',
      createdAt: '2025-03-12T14:33:55+01:00',
      stopSms: false,
    });
    expect(normalizeContact(getContact.example.response.contact)).toMatchObject({
      contactId: '1000001',
      phoneNumber: '+33600000001',
      groupId: '6363',
    });
    expect(normalizeContact({ contactId: 5, shortUrlPartnr: 'http://p' })).toEqual({
      contactId: '5',
      shortUrl: 'http://p',
    });
  });

  test('a page: total as a number', () => {
    expect(normalizeContactPage({ ...listContacts.example.response, total: '2' })).toMatchObject({
      page: 1,
      total: 2,
    });
    expect(normalizeContactPage({ ...listContacts.example.response, total: 20 })).toMatchObject({
      total: 20,
    });
  });
});

describe('Add Bulk Contacts: the report in English keys', () => {
  test('groupe.token is the group id; dateInvalide and dateInvalid add up', () => {
    const report = normalizeBulkContactsReport({
      ...addBulkContacts.example.response,
      rapport: {
        ...addBulkContacts.example.response.rapport,
        errors: {
          ...addBulkContacts.example.response.rapport.errors,
          dateInvalide: 2,
          dateInvalid: 1,
          urlInvalide: 4,
        },
      },
    });
    expect(report).toEqual({
      group: { groupId: '6363', name: 'Group name' },
      results: [
        { phoneNumber: '+33600000002', success: true, code: 200, contactId: '1000002' },
        {
          phoneNumber: '+33600000001',
          success: false,
          code: 15,
          message: 'The phone number already exists in the group',
        },
      ],
      lines: 2,
      imported: 1,
      updated: 0,
      errors: {
        stopSms: 0,
        invalidPhone: 0,
        duplicatePhone: 0,
        alreadyInGroup: 1,
        invalidUrl: 4,
        invalidDate: 3,
        empty: 0,
        unactivated: 0,
      },
    });
  });
});
