import { KpisPage } from '@/features/kpis';

export default KpisPage;
