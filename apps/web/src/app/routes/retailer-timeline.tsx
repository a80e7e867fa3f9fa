import { TimelinePage } from '@/features/timeline';

export default TimelinePage;
