import { defineHandler } from '../../core/define-handler.js';
import { bulkItem, messageOf, recipientsOf } from './status-items.js';

/**
 * GET /v1/bulk-status. After the pipeline (1, 10, 96; 3 no message id, 4 not
 * one): 4 for a message this account did not send, else every recipient's
 * status in the order they were sent to; `message_id` is a string here [recorded].
 */
export const getBulkStatus = defineHandler('getBulkStatus', (request, { account, state, now, fail }) => {
  const message = messageOf(account, request.messageId);
  if (!message) return fail(4);
  return {
    success: true,
    code: 200,
    message_id: String(message.id),
    StatutResponse_List: recipientsOf(state, account, message, now).map((status) =>
      bulkItem(account, status),
    ),
  };
});
