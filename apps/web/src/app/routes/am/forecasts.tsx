import { ForecastsPage } from '@/features/forecasts';

export default ForecastsPage;
