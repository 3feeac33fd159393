import type { RcsRichContent } from '@smspartner-kit/schema';

/**
 * Which numbers an RCS message reaches, chosen on purpose by test numbers:
 * `+33 6 00 01 xx xx` has no RCS (the SMS fallback goes instead, when the
 * request has one); every other number receives RCS. The project's test
 * numbers: the docs give none.
 */
export const NO_RCS_PREFIX = '+3360001';

/** Whether an RCS message reaches a number (E.164). */
export function reachesRcs(e164: string): boolean {
  return !(e164.startsWith(NO_RCS_PREFIX) && e164.length === NO_RCS_PREFIX.length + 4);
}

/** One line that says what an RCS message holds, for the message book and the admin view. */
export function describeRichContent(content: RcsRichContent): string {
  const { conversation } = content;
  const body =
    conversation.text !== undefined
      ? conversation.text
      : conversation.file !== undefined
        ? `[file] ${conversation.file.media.fileUrl}`
        : `[card] ${conversation.richCard?.title ?? ''}`.trimEnd();
  const replies = conversation.suggestions?.map((suggestion) => suggestion.reply.text) ?? [];
  return replies.length === 0 ? `RCS: ${body}` : `RCS: ${body} [${replies.join(' | ')}]`;
}
