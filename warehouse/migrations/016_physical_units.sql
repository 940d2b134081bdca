-- 016 physical measures in news.metrics.unit: mm, m, m3, hectares, acres, km/h, m/s (extractor 2026.12.06.73:
-- "rainfall reached 951 millimeters", "14 million cubic meters of water", "566.67 hectares", "a designed speed of
-- 100km/h", "a depth of 17 metres"). Kept as the page gives them, not converted (docs/CONTRACTS.md, METRIC record).
-- The vocabulary is core.records.UNITS; the check lists it again so that the database refuses what the
-- validation suites would. Stored rows all hold units of the old list, which the new one contains.

ALTER TABLE news.metrics DROP CONSTRAINT metrics_unit_check;
ALTER TABLE news.metrics ADD CONSTRAINT metrics_unit_check CHECK (unit IN (
    'percent', 'percentage_points', 'CNY', 'USD', 'EUR', 'count', 'times', 'rank', 'm2', 'km2', 'mu', 'tonnes',
    'kWh', 'km', 'years', 'mm', 'm', 'm3', 'hectares', 'acres', 'km/h', 'm/s'));
