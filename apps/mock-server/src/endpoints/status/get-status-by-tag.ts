import { type BulkStatusItem, STATUS_BY_TAG_PAGE_SIZE } from '@smspartner-kit/schema';
import { defineHandler } from '../../core/define-handler.js';
import { bulkItem, recipientsOf } from './status-items.js';

/**
 * GET /v1/bulk-status-by-tag. After the pipeline (1, 10, 96; 3 no tag): 4
 * when no message of the account carries the tag, else its recipients'
 * statuses, oldest message first, {@link STATUS_BY_TAG_PAGE_SIZE} a page
 * (`page`, from 1; a page past the end is empty). `total` counts every
 * recipient with the tag (the docs do not say whether it counts items or
 * pages: a decision).
 */
export const getStatusByTag = defineHandler('getStatusByTag', (request, { account, state, now, fail }) => {
  const page = request.page ?? 1;
  const first = (page - 1) * STATUS_BY_TAG_PAGE_SIZE;
  const items: BulkStatusItem[] = [];
  let total = 0;
  let tagged = false;
  for (const message of account.messages.values()) {
    if (message.extras?.tag !== request.tag) continue;
    tagged = true;
    const count = message.recipients.split(',').length;
    // Only the messages on the page are read; the others are only counted.
    if (total + count > first && items.length < STATUS_BY_TAG_PAGE_SIZE) {
      for (const status of recipientsOf(state, account, message, now).slice(Math.max(0, first - total))) {
        if (items.length === STATUS_BY_TAG_PAGE_SIZE) break;
        items.push(bulkItem(account, status));
      }
    }
    total += count;
  }
  if (!tagged) return fail(4);
  return { success: true, code: 200, currentPage: page, total, StatutResponse_List: items };
});
