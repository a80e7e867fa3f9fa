import { OutboxPage } from '@/features/outbox';

export default OutboxPage;
