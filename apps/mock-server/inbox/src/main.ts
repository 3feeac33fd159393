// The mock's inbox: the captured messages, newest first, live. It talks only
// to the admin API (`/__mock/…`, JSON, same origin) and names accounts by
// their fingerprint or name: it never holds a key. Every text it shows comes
// from callers of the mock, so it is written with textContent, never as HTML.

// The server's own types: erased from the bundle, checked by the package's typecheck.
import type { ClockState } from '../../src/core/clock.js';
import type { InboxAccount, MessageParts, InboxMessage as ServerMessage } from '../../src/state/inbox.js';

interface InboxState {
  clock: ClockState;
  accounts: InboxAccount[];
  routes: string[];
  usage: { messages: number; limits: { messages: number } };
}

/** A message as the inbox lists it; per-recipient states and history come with the message lifecycle. */
type InboxMessage = ServerMessage & {
  recipients?: Record<string, unknown>[];
  history?: Record<string, unknown>[];
};

type MessageDetail = InboxMessage & { kind: string; parts: MessageParts };

const PAGE_SIZE = 50;
/** After a live update, reload at most this many rows (the ones shown). */
const RELOAD_LIMIT = 500;

const $ = <T extends Element>(selector: string): T => {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`missing ${selector}`);
  return found;
};

const view = {
  clockTime: $<HTMLElement>('#clock-time'),
  clockState: $<HTMLElement>('#clock-state'),
  freeze: $<HTMLButtonElement>('#freeze'),
  live: $<HTMLElement>('#live'),
  filters: $<HTMLFormElement>('#filters'),
  accountSelect: $<HTMLSelectElement>('#filters select[name="account"]'),
  summary: $<HTMLOutputElement>('#summary'),
  rows: $<HTMLTableSectionElement>('#messages'),
  empty: $<HTMLElement>('#empty'),
  older: $<HTMLButtonElement>('#older'),
  main: $<HTMLElement>('main'),
  detail: $<HTMLElement>('#detail'),
  toast: $<HTMLElement>('#toast'),
};

const state = {
  inbox: undefined as InboxState | undefined,
  messages: [] as InboxMessage[],
  nextCursor: null as number | null,
  selected: undefined as number | undefined,
  /** What is typed in the reply box, kept across the live re-renders of the detail pane. */
  replyDraft: { messageId: -1, text: '' },
};

class AdminError extends Error {}

/** One admin call: JSON both ways (state changes must be JSON), errors as their reason. */
async function admin<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const answer = (await response.json().catch(() => ({}))) as T & { error?: string };
  if (!response.ok) throw new AdminError(answer.error ?? `HTTP ${response.status}`);
  return answer;
}

let toastTimer: ReturnType<typeof setTimeout> | undefined;
function toast(text: string): void {
  view.toast.textContent = text;
  view.toast.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    view.toast.hidden = true;
  }, 4000);
}

async function attempt(action: () => Promise<unknown>): Promise<void> {
  try {
    await action();
  } catch (error) {
    toast(error instanceof Error ? error.message : String(error));
  }
}

const paris = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  dateStyle: 'medium',
  timeStyle: 'medium',
});
const parisTime = (iso: string) => `${paris.format(new Date(iso))}`;

/** An element with text children only. */
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { className?: string; text?: string; title?: string } = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  if (props.title !== undefined) node.title = props.title;
  node.append(...children);
  return node;
}

const badge = (text: string) => el('span', { className: `badge ${text}`, text });

const has = (route: string) => state.inbox?.routes.includes(route) === true;

// ---------------------------------------------------------------- header

function renderHeader(inbox: InboxState): void {
  view.clockTime.textContent = `${parisTime(inbox.clock.now)} Paris`;
  view.clockTime.title = inbox.clock.now;
  view.clockState.textContent = inbox.clock.frozen ? 'frozen' : 'running';
  view.clockState.className = `badge ${inbox.clock.frozen ? 'frozen' : ''}`;
  view.freeze.textContent = inbox.clock.frozen ? 'Run' : 'Freeze';
  const chosen = view.accountSelect.value;
  view.accountSelect.replaceChildren(
    el('option', { text: 'all accounts' }),
    ...inbox.accounts.map((account) => {
      const option = el('option', {
        text: `${account.label} · ${account.credits} credits${account.clock ? ' · own clock' : ''}`,
      });
      option.value = account.id;
      return option;
    }),
  );
  (view.accountSelect.options[0] as HTMLOptionElement).value = '';
  view.accountSelect.value = inbox.accounts.some((account) => account.id === chosen) ? chosen : '';
}

async function loadState(): Promise<void> {
  state.inbox = await admin<InboxState>('/__mock/inbox/state');
  renderHeader(state.inbox);
}

// ---------------------------------------------------------------- list

function filterQuery(): URLSearchParams {
  const query = new URLSearchParams();
  for (const [name, value] of new FormData(view.filters)) {
    if (typeof value === 'string' && value.trim() !== '') query.set(name, value.trim());
  }
  return query;
}

function row(message: InboxMessage): HTMLTableRowElement {
  const [first, ...others] = message.phoneNumbers;
  const tr = el(
    'tr',
    {},
    el('td', { className: 'num', text: String(message.messageId) }),
    el('td', { className: 'num', text: parisTime(message.createdAt) }),
    el('td', { className: 'account', text: message.account.label }),
    el('td', { className: 'num', text: `${first ?? ''}${others.length > 0 ? ` +${others.length}` : ''}` }),
    el('td', { className: 'text', text: message.message, title: message.message }),
    el('td', {}, badge(message.state)),
    el('td', { className: 'num', text: `${Number(message.cost).toFixed(3)} €` }),
  );
  tr.dataset.id = String(message.messageId);
  tr.tabIndex = 0;
  tr.setAttribute('aria-selected', String(message.messageId === state.selected));
  return tr;
}

function renderList(): void {
  view.rows.replaceChildren(...state.messages.map(row));
  view.empty.hidden = state.messages.length > 0;
  view.older.hidden = state.nextCursor === null;
  const stored = state.inbox?.usage.messages ?? 0;
  view.summary.textContent = `${state.messages.length}${state.nextCursor === null ? '' : '+'} shown · ${stored} recipients stored`;
}

/** The first page again (as many rows as shown, within bounds), or the next older page. */
async function loadMessages(mode: 'reload' | 'older' | 'filter'): Promise<void> {
  const query = filterQuery();
  const limit =
    mode === 'reload' ? Math.min(Math.max(state.messages.length, PAGE_SIZE), RELOAD_LIMIT) : PAGE_SIZE;
  query.set('limit', String(limit));
  if (mode === 'older' && state.nextCursor !== null) query.set('cursor', String(state.nextCursor));
  const page = await admin<{ messages: InboxMessage[]; nextCursor: number | null }>(
    `/__mock/inbox/messages?${query}`,
  );
  state.messages = mode === 'older' ? [...state.messages, ...page.messages] : page.messages;
  state.nextCursor = page.nextCursor;
  renderList();
}

// ---------------------------------------------------------------- detail

function definitions(entries: [string, string][]): HTMLDListElement {
  return el(
    'dl',
    {},
    ...entries.flatMap(([term, value]) => [el('dt', { text: term }), el('dd', { text: value })]),
  );
}

function history(message: InboxMessage): [string, string][] {
  const events: [string, string][] = [['created', parisTime(message.createdAt)]];
  if (message.scheduled)
    events.push([message.held ? 'held until' : 'scheduled for', parisTime(message.sendAt)]);
  if (message.cancelledAt) events.push(['cancelled', parisTime(message.cancelledAt)]);
  else if (message.state !== 'scheduled') events.push(['sent', parisTime(message.sendAt)]);
  for (const item of message.history ?? []) {
    const at = typeof item.at === 'string' ? parisTime(item.at) : '';
    events.push([String(item.status ?? item.state ?? item.event ?? 'event'), at]);
  }
  return events;
}

/** A list of records of unknown shape (a later version's recipients, webhook attempts): one line each. */
function records(items: Record<string, unknown>[]): HTMLElement {
  return el(
    'ul',
    {},
    ...items.map((item) =>
      el(
        'li',
        {},
        Object.entries(item)
          .filter(([, value]) => value !== null && value !== undefined && typeof value !== 'object')
          .map(([key, value]) => `${key}: ${String(value)}`)
          .join(' · '),
      ),
    ),
  );
}

async function renderDetail(id: number): Promise<void> {
  let message: MessageDetail;
  try {
    message = await admin<MessageDetail>(`/__mock/inbox/messages/${id}`);
  } catch {
    closeDetail();
    return;
  }
  const parts = message.parts;
  const close = el('button', { text: '×', title: 'Close (Esc)' });
  close.type = 'button';
  close.setAttribute('aria-label', 'Close');
  close.addEventListener('click', closeDetail);
  const children: Node[] = [
    el('h2', {}, `Message ${message.messageId}`, badge(message.state), close),
    el('pre', { text: message.message }),
    el('h3', { text: 'Sent to' }),
    message.recipients
      ? records(message.recipients)
      : el('p', { className: 'num', text: message.phoneNumbers.join(', ') }),
    el('h3', { text: 'Details' }),
    definitions([
      ['account', message.account.label],
      ['sender', message.sender ?? '(account default)'],
      ['tag', message.tag ?? '—'],
      ['range', message.range === 'lowCost' ? 'Low Cost' : 'Premium'],
      [
        'encoding',
        `${parts.encoding === 'gsm' ? 'GSM 7-bit' : 'Unicode'} · ${parts.units} ${parts.encoding === 'gsm' ? 'septets' : 'units'}`,
      ],
      ['parts', `${parts.partsPerRecipient} per recipient × ${parts.recipients} = ${message.nbSms} SMS`],
      [
        'cost',
        `${Number(message.cost).toFixed(3)} €${message.refundedSms > 0 ? ` (${message.refundedSms} SMS refunded)` : ''}`,
      ],
      ['kind', `${message.kind}${message.sandbox ? ' · sandbox' : ''}`],
    ]),
    el('h3', { text: 'Status history' }),
    definitions(history(message)),
  ];

  const actions = el('div', { className: 'actions' });
  if (message.state === 'scheduled') {
    const cancel = el('button', { className: 'danger', text: 'Cancel' });
    cancel.type = 'button';
    cancel.addEventListener('click', () =>
      attempt(async () => {
        const answer = await admin<{ success: boolean; code: number; message?: string }>(
          '/__mock/inbox/cancel',
          {
            messageId: message.messageId,
          },
        );
        toast(
          answer.success
            ? 'Cancelled, credits refunded'
            : `Refused: code ${answer.code} ${answer.message ?? ''}`,
        );
        await refresh();
      }),
    );
    actions.append(cancel);
  }
  if (has('POST /__mock/replies')) {
    const text = el('input');
    text.placeholder = 'Reply text';
    text.setAttribute('aria-label', 'Reply text');
    if (state.replyDraft.messageId === message.messageId) text.value = state.replyDraft.text;
    text.addEventListener('input', () => {
      state.replyDraft = { messageId: message.messageId, text: text.value };
    });
    const from = message.phoneNumbers[0] ?? '';
    const reply = (words: string) =>
      attempt(async () => {
        await admin('/__mock/replies', {
          account: message.account.id,
          from,
          text: words,
          messageId: message.messageId,
        });
        if (words !== 'STOP') state.replyDraft = { messageId: -1, text: '' };
        toast(`${words === 'STOP' ? 'STOP' : 'Reply'} from ${from} simulated`);
        await refresh();
      });
    const send = el('button', { text: 'Simulate reply' });
    send.type = 'button';
    send.addEventListener('click', () => reply(text.value.trim() || 'OK'));
    const stop = el('button', { className: 'danger', text: 'Simulate STOP' });
    stop.type = 'button';
    stop.addEventListener('click', () => reply('STOP'));
    actions.append(text, send, stop);
  }
  if (actions.childElementCount > 0) children.push(el('h3', { text: 'Actions' }), actions);

  if (has('GET /__mock/webhooks')) {
    const attempts = await admin<unknown>(
      `/__mock/webhooks?account=${encodeURIComponent(message.account.id)}`,
    ).catch(() => undefined);
    const list = Array.isArray(attempts)
      ? attempts
      : ((attempts as { webhooks?: unknown[] } | undefined)?.webhooks ?? []);
    const mine = (list as Record<string, unknown>[]).filter((item) =>
      new RegExp(`"(message_?[iI]d)":"?${message.messageId}\\b`).test(JSON.stringify(item)),
    );
    children.push(
      el('h3', { text: 'Webhook attempts' }),
      mine.length > 0 ? records(mine) : el('p', { text: 'none yet' }),
    );
  }

  // A live re-render keeps the reply box focused (its text is kept in state.replyDraft).
  const focused = document.activeElement?.getAttribute('aria-label');
  view.detail.replaceChildren(...children);
  if (focused === 'Reply text')
    view.detail.querySelector<HTMLInputElement>('input[aria-label="Reply text"]')?.focus();
  view.detail.hidden = false;
  view.main.classList.add('with-detail');
}

function closeDetail(): void {
  state.selected = undefined;
  view.detail.hidden = true;
  view.main.classList.remove('with-detail');
}

// ---------------------------------------------------------------- wiring

let refreshing: Promise<void> | undefined;
let again = false;
/** State, list and detail again; calls during one run are folded into one more. */
async function refresh(): Promise<void> {
  if (refreshing) {
    again = true;
    return refreshing;
  }
  refreshing = (async () => {
    do {
      again = false;
      await loadState();
      await loadMessages('reload');
      if (state.selected !== undefined) await renderDetail(state.selected);
    } while (again);
  })().finally(() => {
    refreshing = undefined;
  });
  return refreshing;
}

function connect(): void {
  const events = new EventSource('/__mock/inbox/events');
  events.addEventListener('open', () => {
    view.live.textContent = 'live';
    view.live.classList.add('on');
  });
  events.addEventListener('change', () => void attempt(refresh));
  events.addEventListener('error', () => {
    view.live.textContent = 'reconnecting…';
    view.live.classList.remove('on');
  });
}

let filterTimer: ReturnType<typeof setTimeout> | undefined;
view.filters.addEventListener('input', () => {
  clearTimeout(filterTimer);
  filterTimer = setTimeout(() => void attempt(() => loadMessages('filter')), 200);
});
view.filters.addEventListener('submit', (event) => event.preventDefault());
view.older.addEventListener('click', () => void attempt(() => loadMessages('older')));

const select = (target: EventTarget | null) => {
  const tr = (target as Element | null)?.closest('tr');
  const id = Number(tr?.dataset.id);
  if (!tr || !Number.isSafeInteger(id)) return;
  state.selected = id;
  for (const other of view.rows.querySelectorAll('tr'))
    other.setAttribute('aria-selected', String(other === tr));
  void attempt(() => renderDetail(id));
};
view.rows.addEventListener('click', (event) => select(event.target));
view.rows.addEventListener('keydown', (event) => {
  if (event.key === 'Enter') select(event.target);
});
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') closeDetail();
});

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-advance]')) {
  button.addEventListener('click', () =>
    attempt(async () => {
      await admin('/__mock/clock', { advanceBy: Number(button.dataset.advance) });
      await refresh();
    }),
  );
}
$<HTMLButtonElement>('#next-event').addEventListener('click', () =>
  attempt(async () => {
    const moved = await admin<ClockState & { messageId: number | null }>('/__mock/inbox/clock/next', {});
    toast(moved.messageId === null ? 'No scheduled send ahead' : `Clock moved to message ${moved.messageId}`);
    await refresh();
  }),
);
view.freeze.addEventListener('click', () =>
  attempt(async () => {
    await admin('/__mock/clock', { frozen: !(state.inbox?.clock.frozen ?? false) });
    await refresh();
  }),
);

void attempt(async () => {
  await refresh();
  connect();
  document.documentElement.dataset.ready = 'true';
});
