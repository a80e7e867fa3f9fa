import { CollectedListPage } from '@/features/collected-demand';

export default CollectedListPage;
