export { buildReport, type BuildReportOptions, type ReportData, type ReportDiagnostics, type ReportOverview } from './buildReport.js';
export { renderReport } from './renderReport.js';
