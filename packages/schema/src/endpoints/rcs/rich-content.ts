import * as z from 'zod/mini';

/**
 * `richContent` of POST /v1/rcs/send, as the readable part of the page shows
 * it [official]: a `conversation` holding exactly one of `text`, `file` or
 * `richCard`, and at most 4 reply `suggestions`. The card's further fields
 * (media, height, its own suggestions) were cut off in every copy of the
 * page: they are accepted as they come.
 */

/** One RBM media type [official table]: its extensions, and whether a rich card may show it. */
export interface RcsMediaType {
  readonly contentType: string;
  readonly extensions: readonly string[];
  readonly inRichCards: boolean;
}

/** The supported media types [official]. */
export const RCS_MEDIA_TYPES: readonly RcsMediaType[] = [
  { contentType: 'application/ogg', extensions: ['ogx'], inRichCards: false },
  { contentType: 'application/pdf', extensions: ['pdf'], inRichCards: false },
  { contentType: 'audio/aac', extensions: ['aac'], inRichCards: false },
  { contentType: 'audio/mp3', extensions: ['mp3'], inRichCards: false },
  { contentType: 'audio/mpeg', extensions: ['mpeg'], inRichCards: false },
  { contentType: 'audio/mpg', extensions: ['mp3'], inRichCards: false },
  { contentType: 'audio/mp4', extensions: ['mp4'], inRichCards: false },
  { contentType: 'audio/mp4-latm', extensions: ['mp4'], inRichCards: false },
  { contentType: 'audio/3gpp', extensions: ['3gp'], inRichCards: false },
  { contentType: 'image/jpeg', extensions: ['jpeg', 'jpg'], inRichCards: true },
  { contentType: 'image/gif', extensions: ['gif'], inRichCards: true },
  { contentType: 'image/png', extensions: ['png'], inRichCards: true },
  { contentType: 'video/h263', extensions: ['h263'], inRichCards: true },
  { contentType: 'video/m4v', extensions: ['m4v'], inRichCards: true },
  { contentType: 'video/mp4', extensions: ['mp4'], inRichCards: true },
  { contentType: 'video/mpeg4', extensions: ['mp4', 'm4p'], inRichCards: true },
  { contentType: 'video/mpeg', extensions: ['mpeg'], inRichCards: true },
  { contentType: 'video/webm', extensions: ['webm'], inRichCards: true },
];

/** The media types a URL's extension may stand for (the path's, case-insensitive); none when it has no known one. */
export function mediaTypesOf(fileUrl: string): RcsMediaType[] {
  let path: string;
  try {
    path = new URL(fileUrl).pathname;
  } catch {
    return [];
  }
  const extension = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase();
  return extension === undefined ? [] : RCS_MEDIA_TYPES.filter((type) => type.extensions.includes(extension));
}

const nonBlank = (message: string) => z.string({ error: message }).check(z.regex(/\S/, { error: message }));

/** A media file by URL; `inCard` asks for a type a rich card may show. */
const media = (inCard: boolean) =>
  z.object(
    {
      fileUrl: z.httpUrl({ error: 'The media fileUrl must be an http(s) URL' }).check(
        z.refine((url) => mediaTypesOf(url).some((type) => !inCard || type.inRichCards), {
          error: inCard
            ? 'The media type cannot be shown in a rich card (jpeg, gif, png or a video)'
            : 'The media type is not supported (see the RCS media table)',
        }),
      ),
    },
    { error: 'The media must be an object with its fileUrl' },
  );

/** A reply suggestion [official]: its `text`, and the `postbackData` sent back when the user taps it. */
export const rcsSuggestion = z.object(
  {
    reply: z.object(
      {
        text: nonBlank('A suggestion needs its reply text'),
        postbackData: nonBlank('A suggestion needs its postbackData'),
      },
      { error: 'A suggestion needs its reply (text and postbackData)' },
    ),
  },
  { error: 'A suggestion must be an object with its reply' },
);
export type RcsSuggestion = z.infer<typeof rcsSuggestion>;

/** At most 4 suggestions [official]. */
export const MAX_RCS_SUGGESTIONS = 4;

/** A rich card [official]: orientation, the thumbnail's alignment (horizontal cards), title ≤ 200, description ≤ 500. */
export const rcsRichCard = z
  .looseObject(
    {
      orientation: z.enum(['VERTICAL', 'HORIZONTAL'], {
        error: 'The card orientation must be VERTICAL or HORIZONTAL',
      }),
      thumbnailImageAlignment: z.optional(
        z.enum(['LEFT', 'RIGHT'], { error: 'The thumbnail alignment must be LEFT or RIGHT' }),
      ),
      title: z.optional(
        z.string().check(z.maxLength(200, { error: 'The card title cannot be longer than 200 characters' })),
      ),
      description: z.optional(
        z
          .string()
          .check(z.maxLength(500, { error: 'The card description cannot be longer than 500 characters' })),
      ),
      media: z.optional(media(true)),
    },
    { error: 'The richCard must be an object' },
  )
  .check(
    z.refine((card) => card.thumbnailImageAlignment === undefined || card.orientation === 'HORIZONTAL', {
      error: 'thumbnailImageAlignment applies to HORIZONTAL cards only',
    }),
  );

/** The conversation: exactly one of text, file or rich card, and the suggestions. */
export const rcsConversation = z
  .object(
    {
      text: z.optional(nonBlank('The RCS text cannot be empty')),
      file: z.optional(
        z.object({ media: media(false) }, { error: 'The file must be an object with its media' }),
      ),
      richCard: z.optional(rcsRichCard),
      suggestions: z.optional(
        z
          .array(rcsSuggestion, { error: 'The suggestions must be a list' })
          .check(z.maxLength(MAX_RCS_SUGGESTIONS, { error: 'At most 4 suggestions' })),
      ),
    },
    { error: 'The richContent needs its conversation (an object)' },
  )
  .check(
    z.refine(
      (conversation) =>
        [conversation.text, conversation.file, conversation.richCard].filter((part) => part !== undefined)
          .length === 1,
      { error: 'The conversation must hold exactly one of text, file or richCard' },
    ),
  );

/** `richContent` [official]. */
export const rcsRichContent = z.object(
  { conversation: rcsConversation },
  { error: 'The richContent field is required' },
);
export type RcsRichContent = z.infer<typeof rcsRichContent>;
