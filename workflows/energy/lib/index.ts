/**
 * The energy model core: market files, LEAR (LARS-lasso + AIC, exact refit, four windows), the
 * calibrated P10/P50/P90 band and the benchmark's metrics.
 */
export { MarketDataError, MarketDataErrorCodes, type MarketDataErrorCode } from './market-data-error';
export { parseMarketData, readMarketData, dayIndex, type MarketData } from './market-data';
export { parsePublishedForecasts, readPublishedForecasts, publishedSeries, REAL_PRICE, type PublishedForecasts } from './published-forecasts';
export { featureCount } from './features';
export { LEAR_WINDOWS, prepareFeatureRows, forecastWindow, forecastDay, forecastPeriod, firstForecastDay, type DayForecast, type PeriodForecast } from './lear';
export { conformalBand, empiricalBand, bandSeries, QUANTILES, type BandHistory, type DayBand, type ConformalOptions } from './quantiles';
export { mae, rmae, smape, rmse, pinball, bandPinball, coverage, naiveWeeklyMae, type Band } from './metrics';
// The retraining loop's members, backtests and decisions.
export { effectiveWindow, forecastWindows } from './window-forecasts';
export { scoreForecast, type ForecastScore } from './score';
export { detectDrift, DRIFT_DEFAULTS, type DayMae, type DriftOptions, type DriftVerdict } from './drift';
export { backtestConfig, bandOfDay, configBands, ensemblePoint, memberMaes, memberSeries, type BacktestMetrics, type MemberSpan } from './ensemble';
export { defaultCandidates, materialise, BENCHMARK_WINDOWS, WINDOW_POOL, type CandidateSpec, type Weighting } from './candidates';
export { bestCandidate, decidePromotion, type PromotionDecision } from './promote';
export { backtestCandidate, retrainDecision, retrainPlan, RETRAIN_DEFAULTS, type CandidateResult, type RetrainDecision, type RetrainOptions, type RetrainPlan } from './retrain-decision';
