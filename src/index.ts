// Public API, the domain: re-exports only. Nothing inside src/ imports this file.
// The math and calendar plumbing is the `loyalty-score/math` subpath (src/math.ts).
// The API site lists these exports by area: docs/typedoc/area-categories.mjs files each one
// under the folder that declares it; the descriptions below head each group.
/**
 * The domain API: everything an application needs to turn transaction records into customer
 * scores, imported from `loyalty-score`.
 *
 * @categoryDescription Pipeline
 * The whole job in one call: `scoreCustomers` joins summaries, RFM, tiers, loyalty, the purchase
 * and spend models and CLV per customer. Guide: [the pipeline](../docs/pipeline.md).
 *
 * @categoryDescription Input
 * Transaction rows, tables and text in: validation into a columnar `TransactionTable`, row
 * policies shared by every reader, and the CSV/TSV reader. Guide: [summaries](../docs/summaries.md).
 *
 * @categoryDescription Time
 * Time units and the conversion between ISO dates and epoch days. The calendar arithmetic is in
 * `loyalty-score/math`.
 *
 * @categoryDescription Summaries
 * Per-customer recency, frequency, monetary value, tenure and profit in the RFM and BTYD
 * conventions, and the calibration/holdout split. Guide: [summaries](../docs/summaries.md).
 *
 * @categoryDescription RFM
 * RFM scores, cells, segments and the moves between two scorings. Guide: [RFM](../docs/rfm.md).
 *
 * @categoryDescription Tiers
 * ABCD value tiers, their counts, migration, playbook and report. Guide: [tiers](../docs/tiers.md).
 *
 * @categoryDescription Loyalty
 * Behaviour and survey signals, the loyalty pyramid, loyalty types, value-by-loyalty groups and
 * satisfaction zones. Guide: [loyalty](../docs/loyalty.md).
 *
 * @categoryDescription Models
 * BG/NBD, Pareto/NBD, MBG/NBD, BG/BB and Gamma-Gamma: fits with diagnostics and warnings,
 * predictions, simulators and holdout evaluation. Guide: [models](../docs/models.md).
 *
 * @categoryDescription CLV
 * Predicted and historical customer lifetime value, formula CLV and retention impact. Guide:
 * [CLV](../docs/clv.md).
 *
 * @categoryDescription SQL
 * Summaries, compressed fit rows and scores as SQL for DuckDB, PostgreSQL, Spark, BigQuery and
 * Snowflake: the data stays in the database. Guide: [SQL](../docs/sql.md).
 *
 * @categoryDescription Simulation
 * Synthetic transaction data for examples, tests and benchmarks.
 *
 * @categoryDescription Errors
 * The failure contract: `InvalidInputError` and its issues `{ code, path, message }`.
 *
 * @module loyalty-score
 */
export * from './errors/index.js';
export * from './time/index.js';
export * from './transactions/index.js';
export * from './summary/index.js';
export * from './simulate/index.js';
export * from './io/index.js';
export * from './models/index.js';
export * from './clv/index.js';
export * from './rfm/index.js';
export * from './tiers/index.js';
export * from './loyalty/index.js';
export * from './pipeline/index.js';
export * from './charts/index.js';
export * from './report/index.js';
export * from './sql/index.js';
