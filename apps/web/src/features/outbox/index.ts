export { OutboxBadge } from './components/outbox-badge';
export { OutboxPage } from './components/outbox-page';
