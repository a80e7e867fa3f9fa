import { CollectNewPage } from '@/features/collected-demand';

export default CollectNewPage;
