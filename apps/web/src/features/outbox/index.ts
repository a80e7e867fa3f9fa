export { OutboxBadge } from './components/outbox-badge';
