// The page of the MSW browser test: the mock's engine in a service worker, as
// a frontend team would start it in their app's dev build.
import { setupWorker } from 'msw/browser';
import { createSmsPartnerHandlers } from '../../src/msw/index.ts';

const { handlers, store } = createSmsPartnerHandlers();
const worker = setupWorker(...handlers);
await worker.start({
  quiet: true,
  onUnhandledRequest: 'error',
  serviceWorker: { url: '/mockServiceWorker.js' },
});
Object.assign(window, { sms: { store }, smsReady: true });
