export { ForecastsPage } from './components/forecasts-page';
