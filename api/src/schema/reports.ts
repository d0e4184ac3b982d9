// Query.agencyReport: the periodic report of an agency subtree (services/reports/; docs/api.md
// "Reports") as tables, the same tables the XLSX and CSV exports hold, so the admin UI's page, the
// workbook and the CSV files show one set of figures.
import { type AgencyReport, agencyReport } from '../services/reports/agency-report.ts';
import type { Cell, ReportColumn, ReportRow, ReportTable } from '../services/reports/report-table.ts';
import { REPORT_PARTS } from '../services/reports/report-table.ts';
import { builder } from './builder.ts';
import { AGGREGATE_COST } from './field-cost.ts';
import { ACTIVE_ON_DESCRIPTION, PeriodInput } from './stats.ts';

/**
 * The tables, rows and cells of a report already computed: reading them fetches nothing, so their
 * lists are not multiplied into the cost (docs/limits.md "The cost of an operation").
 */
const IN_MEMORY = { field: 0, multiplier: 1 };

const CellFormatEnum = builder.enumType('ReportCellFormat', {
  description: 'How the values of a report column read (and are formatted in the XLSX export).',
  values: {
    TEXT: { description: 'Words or a code.' },
    INTEGER: { description: 'A count (#,##0).' },
    PERCENT: { description: 'A share 0..1, shown as a percentage (0.0%).' },
    DAYS: { description: 'Working days (0.0).' },
    SCORE: { description: 'Points (0.00).' },
    DATE: { description: 'A day, YYYY-MM-DD in `text`.' },
    ROW: { description: 'Each row says its own format (`ReportRow.format`): a table of mixed figures.' },
  } as const,
});

const CellRef = builder.objectRef<{ value: Cell }>('ReportCell').implement({
  description: 'One cell: `number` for a figure, `text` for words, codes and days; both null = no data.',
  fields: (t) => ({
    text: t.string({
      nullable: true,
      description: 'Words, a code, or a day (YYYY-MM-DD); null for a figure or no data.',
      resolve: (c) => (typeof c.value === 'string' ? c.value : null),
    }),
    number: t.float({
      nullable: true,
      description:
        'A figure, in the column’s (or row’s) format: a share is 0..1; null for text or no data (never 0).',
      resolve: (c) => (typeof c.value === 'number' ? c.value : null),
    }),
  }),
});

const ColumnRef = builder.objectRef<ReportColumn>('ReportColumn').implement({
  description: 'A column of a report table.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Stable name of the column.' }),
    header: t.exposeString('header', { description: 'The Vietnamese header.' }),
    format: t.field({ type: CellFormatEnum, description: 'How its values read.', resolve: (c) => c.format }),
    width: t.exposeInt('width', {
      description: 'Width in characters in the workbook; relative widths for a printed table.',
    }),
  }),
});

const RowRef = builder.objectRef<ReportRow>('ReportRow').implement({
  description: 'A row of a report table.',
  fields: (t) => ({
    cells: t.field({
      type: [CellRef],
      complexity: IN_MEMORY,
      description: 'One per column, in order.',
      resolve: (r) => r.cells.map((value) => ({ value })),
    }),
    format: t.field({
      type: CellFormatEnum,
      nullable: true,
      description: 'The format of this row’s ROW columns.',
      resolve: (r) => r.format ?? null,
    }),
    total: t.boolean({ description: 'A total row.', resolve: (r) => r.total === true }),
  }),
});

const TableRef = builder.objectRef<ReportTable>('ReportTable').implement({
  description:
    'One table of the report; also a sheet of /exports/report.xlsx and the file /exports/report-<id>.csv.',
  fields: (t) => ({
    id: t.exposeString('id', {
      description:
        'don-vi, linh-vuc, hai-long, chi-so-766, danh-gia-tong, danh-gia-chi-tiet, nhiem-vu, par-index.',
    }),
    part: t.exposeInt('part', { description: 'The part of the report, 1 to 6 (AgencyReport.parts).' }),
    sheet: t.exposeString('sheet', { description: 'Its sheet name in the workbook.' }),
    title: t.exposeString('title', { description: 'Title of the table, in Vietnamese.' }),
    source: t.exposeString('source', {
      description: 'The legal document or methodology the figures follow.',
    }),
    note: t.exposeString('note', { nullable: true, description: 'How to read the figures.' }),
    columns: t.field({
      type: [ColumnRef],
      complexity: IN_MEMORY,
      description: 'Its columns, in order.',
      resolve: (x) => x.columns,
    }),
    rows: t.field({
      type: [RowRef],
      complexity: IN_MEMORY,
      description: 'Its rows, in order, totals included.',
      resolve: (x) => x.rows,
    }),
  }),
});

const AgencyReportRef = builder.objectRef<AgencyReport>('AgencyReport').implement({
  description:
    'The periodic report of an agency subtree: processing by unit and sector, satisfaction and SIPAS, the Decision 766 indicators, the 9-indicator evaluation per unit and quarter, the reform programme’s tasks, the PAR INDEX inputs.',
  fields: (t) => ({
    agencyCode: t.string({ description: 'Code of the unit reported on.', resolve: (r) => r.agency.code }),
    agencyName: t.string({ description: 'Name of the unit reported on.', resolve: (r) => r.agency.name }),
    from: t.field({
      type: 'Date',
      description: 'First day of the period (a quarter’s first day).',
      resolve: (r) => r.period.from,
    }),
    to: t.field({
      type: 'Date',
      description: 'Last day of the period (a quarter’s last day).',
      resolve: (r) => r.period.to,
    }),
    year: t.int({ description: 'Year of the period.', resolve: (r) => r.period.year }),
    quarters: t.intList({
      description: 'The quarters of the period, 1 to 4.',
      resolve: (r) => r.period.quarters,
    }),
    generatedAt: t.field({
      type: 'DateTime',
      description: 'When the report was computed (live, from the rollups).',
      resolve: (r) => r.generatedAt,
    }),
    asOf: t.field({
      type: 'Date',
      description: 'The day unfinished dossiers and the reform tasks are judged on.',
      resolve: (r) => r.asOf,
    }),
    parts: t.stringList({ description: 'The names of parts 1 to 6.', resolve: () => [...REPORT_PARTS] }),
    tables: t.field({
      type: [TableRef],
      complexity: IN_MEMORY,
      description: 'Its tables, in the order of the parts.',
      resolve: (r) => r.tables,
    }),
  }),
});

builder.queryField('agencyReport', (t) =>
  t.field({
    type: AgencyReportRef,
    // Many aggregates: the subtree, its breakdowns, SIPAS, the 766 indices, each unit's evaluation
    // for each quarter. What is selected of it costs nothing more (IN_MEMORY).
    complexity: 20 * AGGREGATE_COST,
    description:
      'The report of an agency subtree for whole quarters of one year (a quarter, six or nine months, the year; else INVALID_PERIOD). Signed-in officials and read keys whose subtree holds the agency: UNAUTHENTICATED, FORBIDDEN otherwise.',
    args: {
      agencyCode: t.arg.string({
        required: true,
        description: 'Unit code: the unit and its subtree are reported on.',
      }),
      period: t.arg({
        type: PeriodInput,
        required: true,
        description:
          'Whole calendar quarters of one year, from a quarter’s first day to a quarter’s last day.',
      }),
      activeOn: t.arg({ type: 'Date', description: ACTIVE_ON_DESCRIPTION }),
    },
    resolve: (_root, { agencyCode, period, activeOn }, ctx) =>
      agencyReport(ctx.db, ctx.prisma, ctx.principal, agencyCode, period, new Date(), activeOn),
  }),
);
