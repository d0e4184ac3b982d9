/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Filter of `agencies`: every criterion given must hold. */
export type AgencyFilter = {
  /** Only units in existence on this day. */
  activeOn?: string | null | undefined;
  /** Only units of this level. */
  level?: AgencyLevel | null | undefined;
  /** Children of the unit with this code (on activeOn, default today). */
  parentCode?: string | null | undefined;
  /** Accent- and case-insensitive words of the name; up to 500 characters and 50 distinct words (else BAD_USER_INPUT). */
  search?: string | null | undefined;
};

/** Level of an agency or administrative unit (cấp). DISTRICT exists only before 1/7/2025 (two-tier local government). */
export type AgencyLevel =
  /** A commune, ward or special zone (xã, phường, đặc khu; thị trấn before 1/7/2025). */
  | 'COMMUNE'
  /** An agency under an administrative unit (sở, ban, ngành, phòng, the police): its dossiers count in the unit’s subtree. */
  | 'DEPARTMENT'
  /** A district, town or provincial city (huyện, thị xã, thành phố thuộc tỉnh); only for units that ended before 1/7/2025. */
  | 'DISTRICT'
  /** A ministry or central agency (bộ, cơ quan ngang bộ). */
  | 'MINISTRY'
  /** A province or centrally run city: its People’s Committee (UBND tỉnh, thành phố). */
  | 'PROVINCE';

/** Filter of `apiKeys`: every criterion given must hold. */
export type ApiKeyFilter = {
  /** True: not revoked; false: revoked. */
  active?: boolean | null | undefined;
  /** Keys limited to this agency or a unit below it. */
  agencyCode?: string | null | undefined;
  /** Part of the name or the prefix. */
  search?: string | null | undefined;
};

/** What a key may do: READ private reads, INGEST dossier events and surveys, REFORM the reform programme’s tasks, ADMIN configuration (implies the others). */
export type ApiScope =
  /** Configuration and administration, as a UNIT_ADMIN of the key’s agency (every agency: a SYSTEM_ADMIN); implies the others. */
  | 'ADMIN'
  /** Feeding data: dossier events (GraphQL and the national sync), rating links, paper survey forms. */
  | 'INGEST'
  /** Private reads: dossier timelines, rating comments, late dossiers, reports, reform tasks, within the key’s subtree. */
  | 'READ'
  /** The administrative-reform programme’s tasks (nhiệm vụ cải cách hành chính): enter, edit, cancel, report. */
  | 'REFORM';

/** Kind of applicant (loại đối tượng, national LoaiDoiTuong): 1 citizen, 2 business, 3 state agency, 4 other organisation. */
export type ApplicantType =
  /** 2 — A business (doanh nghiệp). */
  | 'BUSINESS'
  /** 1 — A citizen (công dân). */
  | 'CITIZEN'
  /** 4 — Another organisation (tổ chức khác). */
  | 'OTHER_ORGANISATION'
  /** 3 — A state agency (cơ quan nhà nước). */
  | 'STATE_AGENCY';

/** Filter of `auditLog`: every criterion given must hold. */
export type AuditLogFilter = {
  /** An action (user.create), or a family (user: every user.* action). */
  action?: string | null | undefined;
  /** As recorded: USER:12, API_KEY:3, CLI. */
  actor?: string | null | undefined;
  /** Changes concerning this agency’s subtree. */
  agencyCode?: string | null | undefined;
  /** User, ApiKey, Agency, Rating, CalendarDay, Questionnaire, … */
  entity?: string | null | undefined;
  /** Changes of the object with this id or code (with `entity`). */
  entityId?: string | null | undefined;
  /** From this day (Asia/Ho_Chi_Minh), included. */
  from?: string | null | undefined;
  /** To this day, included. */
  to?: string | null | undefined;
  /** Changes made by this official. */
  username?: string | null | undefined;
};

/** An exception to Monday–Friday working days to set on one date (the last one wins for a date given twice). */
export type CalendarDayInput = {
  /** The day (Asia/Ho_Chi_Minh). */
  date: string;
  /** Default: HOLIDAY for a day off, SWAP_WORKDAY for a working day (or the kind already stored when it fits). A day off cannot be SWAP_WORKDAY; a working day is SWAP_WORKDAY or OTHER. */
  kind?: CalendarDayKind | null | undefined;
  /** What the day is, e.g. “Tết Nguyên đán”; optional. */
  note?: string | null | undefined;
  /** True: a working day; false: a day off. */
  working: boolean;
};

/** What kind of exception to Monday–Friday working days a calendar day is (docs/domain.md §3.2). */
export type CalendarDayKind =
  /** A compensatory day off (nghỉ bù) for a holiday that fell on a weekly day off: a day off. */
  | 'COMPENSATORY_DAY_OFF'
  /** A public holiday (ngày nghỉ lễ, Tết; Labour Code 2019 Art. 112): a day off. */
  | 'HOLIDAY'
  /** Any other exception, a day off or a working day. */
  | 'OTHER'
  /** A weekday off swapped with a Saturday made working (ngày nghỉ hoán đổi): a day off. */
  | 'SWAP_DAY_OFF'
  /** A Saturday made a working day (làm bù) in exchange for a weekday off: a working day. */
  | 'SWAP_WORKDAY';

/** The task to cancel, and why. */
export type CancelReformTaskInput = {
  /** Id of the task. */
  id: string | number;
  /** Why it is cancelled (lý do hủy); kept in the task’s history. */
  reason?: string | null | undefined;
};

/** The signed-in official’s current and new password. */
export type ChangePasswordInput = {
  /** The password in use (INVALID_CREDENTIALS when wrong). */
  currentPassword: string;
  /** At least 12 characters, not containing the username. */
  newPassword: string;
};

/** Channel through which a dossier is filed and its result returned (cách thức thực hiện; national KenhThucHien 1 in person, 2 online, 3 postal). Time limits and fees are per channel. */
export type Channel =
  /** In person at the one-stop desk (trực tiếp; KenhThucHien 1). */
  | 'IN_PERSON'
  /** Online, through a public-service portal (trực tuyến; KenhThucHien 2). */
  | 'ONLINE'
  /** By the public postal service (qua dịch vụ bưu chính công ích; KenhThucHien 3). */
  | 'POSTAL';

/** How the end of a dossier is compared with its due date (docs/domain.md §3.8). */
export type ComparisonGranularity =
  /** By calendar day in Asia/Ho_Chi_Minh: ending on the due day is on time (the default). */
  | 'DAY'
  /** By the exact instant: ending after the due time is late. */
  | 'INSTANT';

/** A new unit (đơn vị) under an existing one: a commune under a province, or an agency under any unit. */
export type CreateAgencyInput = {
  /** Its code: 1–40 letters, digits, dots, hyphens; held by no other unit from validFrom on. */
  code: string;
  /** The one-stop desk’s prefix in dossier codes, e.g. H56.14. */
  dossierPrefix?: string | null | undefined;
  /** COMMUNE (under a province) or DEPARTMENT (under any unit). */
  level: AgencyLevel;
  /** Full official name, e.g. “Ủy ban nhân dân xã Ninh Phước”. */
  name: string;
  /** Free note, e.g. the decision that created the unit; optional. */
  note?: string | null | undefined;
  /** The parent unit (its code today), within the caller’s subtree. */
  parentCode: string;
  /** Short name for lists and charts, e.g. “Xã Ninh Phước”; optional. */
  shortName?: string | null | undefined;
  /** Its first day; default today. */
  validFrom?: string | null | undefined;
};

/** A new API key (khóa API): who uses it, what it may do, where. */
export type CreateApiKeyInput = {
  /** Limits the key to this agency’s subtree; required unless the caller is a system administrator. */
  agencyCode?: string | null | undefined;
  /** Who uses it, e.g. "Hệ thống một cửa xã Ninh Phước". */
  name: string;
  /** Requests per minute, 1 to 100,000 (default 600). */
  rateLimitPerMinute?: number | null | undefined;
  /** What the key may do; at least one. */
  scopes: Array<ApiScope>;
};

/** A new procedure of the catalogue (thủ tục hành chính) and its published content, saved as version 1 applying since always. */
export type CreateProcedureInput = {
  /** Codes of the units, valid today, that implement the procedure; replaces them (not versioned). */
  agencyCodes?: Array<string> | null | undefined;
  /** Who may file (đối tượng thực hiện), one line each. */
  applicants?: Array<string> | null | undefined;
  /** How the procedure is carried out (cách thức thực hiện), as published. */
  channelsText?: string | null | undefined;
  /** National code, e.g. 1.001193 (one digit, a dot, six digits). */
  code: string;
  /** Requirements and conditions (yêu cầu, điều kiện), as published; up to 10,000 characters. */
  conditions?: string | null | undefined;
  /** Day the publication decision was signed (ngày ban hành). */
  decisionDate?: string | null | undefined;
  /** Number of the publication decision (số quyết định công bố), e.g. 163/QĐ-BTP. */
  decisionNumber?: string | null | undefined;
  /** Documents of the dossier (thành phần, số lượng hồ sơ); replaces them all. */
  dossierComponents?: Array<DossierComponentInput> | null | undefined;
  /** In an update, a day from today on: the change applies to dossiers received from 00:00 of that day. Left out, or the stored date when it has passed: from now on. A new date before today is EFFECTIVE_DATE_PAST. */
  effectiveFrom?: string | null | undefined;
  /** Last day the decision is in effect (ngày hết hiệu lực); not before `effectiveFrom`. */
  effectiveTo?: string | null | undefined;
  /** Whether the procedure qualifies to be offered fully online (đủ điều kiện trực tuyến toàn trình). */
  eligibleForFullOnline?: boolean | null | undefined;
  /** Fees and charges (phí, lệ phí); replaces them all. */
  fees?: Array<ProcedureFeeInput> | null | undefined;
  /** Forms and declarations (mẫu đơn, tờ khai); replaces them all. */
  forms?: Array<ProcedureFormInput> | null | undefined;
  /** The implementing agency (cơ quan thực hiện), as published. */
  implementingText?: string | null | undefined;
  /** Legal basis (căn cứ pháp lý); replaces it all. */
  legalBasis?: Array<LegalBasisInput> | null | undefined;
  /** Levels of government that carry it out (cấp thực hiện); at least one. */
  levels: Array<ImplementingLevel>;
  /** Name of the procedure (tên thủ tục); up to 2,000 characters. */
  name: string;
  /** Default INFO_ONLY. */
  onlineLevel?: OnlineLevel | null | undefined;
  /** False: created withdrawn, to be published later with publishProcedure. */
  published?: boolean | null | undefined;
  /** What the applicant receives (kết quả thực hiện), one line each. */
  results?: Array<string> | null | undefined;
  /** Same-day procedures (a limit of exactly 1 WORKING_DAYS): HH:MM, 00:00–23:59 (docs/domain.md §2.3). Versioned content: a change makes a new version, applying from the effective date like a new time limit (§2.4). */
  sameDayCutoff?: string | null | undefined;
  /** Code of its sector (lĩnh vực; see `sectors`; else UNKNOWN_SECTOR). */
  sectorCode: string;
  /** Where the content comes from (e.g. the national database and the decision). */
  source?: string | null | undefined;
  /** Steps (trình tự thực hiện), by case; replaces them all. */
  steps?: Array<ProcedureStepGroupInput> | null | undefined;
  /** At most one per channel; replaces them all. */
  timeLimits?: Array<ProcedureTimeLimitInput> | null | undefined;
  /** Local variant code, e.g. 1.003560.000.00.00.H56. */
  variantCode?: string | null | undefined;
};

/** A new task of a reform programme or plan (nhiệm vụ cải cách hành chính). */
export type CreateReformTaskInput = {
  /** Code of the responsible unit (đơn vị chủ trì), in the caller’s subtree. */
  agencyCode: string;
  /** Deadline (thời hạn hoàn thành), a day. */
  deadline: string;
  /** What is to be done (nội dung, yêu cầu); at most 5,000 characters. */
  description?: string | null | undefined;
  /** The document that sets the task (văn bản giao), e.g. "Kế hoạch 3941/KH-UBND"; at most 200 characters. */
  document?: string | null | undefined;
  /** Date of that document (ngày ban hành văn bản). */
  documentDate?: string | null | undefined;
  /** Code of the unit that sets and monitors the task (đơn vị giao, theo dõi), in the caller’s subtree; default the responsible unit. */
  ownerAgencyCode?: string | null | undefined;
  /** Title of the task (tên nhiệm vụ); required, at most 500 characters. */
  title: string;
  /** Year of the programme or plan, 2000 to 2100. */
  year: number;
};

/** A new official’s account (tài khoản cán bộ) and its roles. */
export type CreateUserInput = {
  /** Full name of the official. */
  displayName: string;
  /** E-mail address; optional. */
  email?: string | null | undefined;
  /** The initial password: at least 12 characters, not containing the username. */
  password: string;
  /** At least one. */
  roles: Array<RoleGrantInput>;
  /** 3–64 of a-z 0-9 . _ -; stored in lower case. */
  username: string;
};

/** The account to deactivate. */
export type DeactivateUserInput = {
  /** Sign-in name of the account. */
  username: string;
};

/** A document of the dossier (thành phần hồ sơ) and how many of it. */
export type DossierComponentInput = {
  /** Number of copies required (số bản sao), 0–100. */
  copies?: number | null | undefined;
  /** The form (mẫu đơn, tờ khai) it is filled on; optional. */
  form?: string | null | undefined;
  /** The document, as published. */
  name: string;
  /** Number of originals required (số bản chính), 0–100. */
  originals?: number | null | undefined;
};

/** Status of a dossier (trạng thái hồ sơ), the national TrangThaiHoSo 1..10: 1 SUBMITTED, 2 RECEIVED, 3 REFUSED, 4 PROCESSING, 5 SUPPLEMENT_REQUESTED, 6 AWAITING_PAYMENT, 7 WITHDRAWN, 8 STOPPED, 9 RESOLVED, 10 RETURNED. */
export type DossierStatus =
  /** 6 — Awaiting payment of fees or other financial obligations (yêu cầu thực hiện nghĩa vụ tài chính): the clock runs. */
  | 'AWAITING_PAYMENT'
  /** 4 — Being processed (đang xử lý): the clock runs. */
  | 'PROCESSING'
  /** 2 — Received at the one-stop desk (được tiếp nhận): the clock starts; after a supplement request, the supplement received. */
  | 'RECEIVED'
  /** 3 — Not accepted (không được tiếp nhận): refused at the desk, or after reception once checked; counted as refused, never as on time. */
  | 'REFUSED'
  /** 9 — Resolved (đã xử lý xong): processing ends; timeliness is judged at this instant. */
  | 'RESOLVED'
  /** 10 — Result returned to the applicant (đã trả kết quả): ends processing when no RESOLVED came before. */
  | 'RETURNED'
  /** 8 — Processing stopped, dossier returned unprocessed (dừng xử lý): processing ends, counted as on time. */
  | 'STOPPED'
  /** 1 — Submitted online, not yet received (mới đăng ký): the clock has not started. */
  | 'SUBMITTED'
  /** 5 — Supplement requested (yêu cầu bổ sung): the clock is paused until the applicant answers; a second request makes the dossier late. */
  | 'SUPPLEMENT_REQUESTED'
  /** 7 — Withdrawn by the applicant (công dân rút hồ sơ): processing ends, counted as on time. */
  | 'WITHDRAWN';

/** Why a dossier’s due date was set or moved (docs/domain.md §3.6, §3.7). */
export type DueDateChangeReason =
  /** Moved later by an apology letter with a new appointment (phiếu xin lỗi và hẹn lại ngày trả kết quả); timeliness is still judged against the earlier date. */
  | 'APOLOGY'
  /** Moved earlier by the one-stop system: a correction, which timeliness follows. */
  | 'CORRECTION'
  /** The due date given at reception: supplied by the one-stop system, or computed from the time limit. */
  | 'INITIAL'
  /** Moved later by the working time the clock was paused for an answered supplement request (yêu cầu bổ sung). */
  | 'SUPPLEMENT';

/** Every stable error code of the API: in `extensions.code` of a top-level GraphQL error, in `UserError.code`, or in the body of the HTTP paths outside GraphQL. */
export type ErrorCode =
  /** Another unit holds this code on some of the same days: a code is reused only across time. */
  | 'AGENCY_CODE_IN_USE'
  /** A unit moved under itself or one of its own subunits, or merged into itself or one of its subunits. */
  | 'AGENCY_CYCLE'
  /** The unit, its new parent or its successor does not exist on the day concerned (its validity has ended or not begun). */
  | 'AGENCY_ENDED'
  /** The dossier already has a response to this questionnaire: one per dossier. */
  | 'ALREADY_SUBMITTED'
  /** The body of a request to the rating form path or to the national synchronisation endpoint is not valid JSON. */
  | 'BAD_JSON'
  /** The HTTP request is malformed, or the `variables` or `extensions` parameter of a GET request is not JSON. */
  | 'BAD_REQUEST'
  /** An argument, variable or input field does not fit: wrong type, out of range, too long, empty, or badly formed. */
  | 'BAD_USER_INPUT'
  /** More dossier events in one call than a batch allows (1,000); nothing was stored, and `index` is the first event over the limit. */
  | 'BATCH_TOO_LARGE'
  /** The client closed the connection before the answer was ready; the operation was abandoned and only the server log records it. */
  | 'CLIENT_CLOSED_REQUEST'
  /** The rating comment is longer than allowed. */
  | 'COMMENT_TOO_LONG'
  /** The question’s criterion belongs to another factor than the one it names. */
  | 'CRITERION_NOT_IN_FACTOR'
  /** An assessment question that names no criterion. */
  | 'CRITERION_REQUIRED'
  /** The unit received dossiers on or after the effective date of its merger: the date must follow them. */
  | 'DOSSIERS_AFTER_MERGE'
  /** Two time limits for the same channel: a procedure has one time limit per channel. */
  | 'DUPLICATE_CHANNEL'
  /** The code is already used by another item of the same kind in the questionnaire. */
  | 'DUPLICATE_CODE'
  /** The same day appears twice in one calendar update. */
  | 'DUPLICATE_DATE'
  /** The same procedure code appears on an earlier row of the import file; only the first is used. */
  | 'DUPLICATE_IMPORT_ROW'
  /** The same indicator appears more than once in the list. */
  | 'DUPLICATE_INDICATOR'
  /** The same option is chosen more than once. */
  | 'DUPLICATE_OPTION'
  /** The same question is answered more than once. */
  | 'DUPLICATE_QUESTION'
  /** A factor asked about satisfaction both as a whole and per criterion, or twice for the same target. */
  | 'DUPLICATE_SATISFACTION'
  /** The effective date of a change lies before today (the due dates of dossiers already received are fixed), or before the date of a version already waiting to apply. */
  | 'EFFECTIVE_DATE_PAST'
  /** A progress report with no note, no evidence and no change of status or progress; nothing was written. */
  | 'EMPTY_REPORT'
  /** An entry that sets neither a score nor a note. */
  | 'EMPTY_SCORE'
  /** A name, text or label is empty. */
  | 'EMPTY_TEXT'
  /** A satisfaction question that names neither a factor nor a criterion. */
  | 'FACTOR_REQUIRED'
  /** A factor of a SIPAS questionnaire without a satisfaction question, so its index cannot be computed. */
  | 'FACTOR_WITHOUT_SATISFACTION'
  /** The API key lacks the scope the operation needs, or the agency concerned is outside the subtree of the key’s agency. */
  | 'FORBIDDEN'
  /** The event is dated in the future (beyond a few minutes of clock difference). */
  | 'FUTURE_EVENT'
  /** The paper survey form is dated in the future. */
  | 'FUTURE_RESPONSE'
  /** The document is not valid GraphQL syntax. */
  | 'GRAPHQL_PARSE_FAILED'
  /** The document does not fit the schema (unknown field, wrong argument type, …). */
  | 'GRAPHQL_VALIDATION_FAILED'
  /** The URL and headers of the request exceed 16 KB together; send long queries by POST. */
  | 'HEADERS_TOO_LARGE'
  /** An event with this dossier code and sequence number was recorded earlier with other content; the recorded content is kept. */
  | 'IDEMPOTENCY_CONFLICT'
  /** The idempotency key was already used for another survey response. */
  | 'IDEMPOTENCY_KEY_REUSED'
  /** The import file is larger than 10 MB or has more than 5,000 procedures. */
  | 'IMPORT_TOO_LARGE'
  /** The event’s time contradicts the order of the dossier’s recorded events, or the fields of a synchronised dossier contradict each other. */
  | 'INCONSISTENT'
  /** The dossier was recorded earlier with another procedure, agency or channel. */
  | 'INCONSISTENT_DOSSIER'
  /** An unexpected fault of the server, as the national synchronisation endpoint names it; it is logged, and the message gives no detail. */
  | 'INTERNAL'
  /** An unexpected fault of the server; it is logged, and the message gives no detail. */
  | 'INTERNAL_SERVER_ERROR'
  /** The channel of a synchronised dossier is not one of the national channel numbers. */
  | 'INVALID_CHANNEL'
  /** The code is not 1 to 40 letters, digits, dots, underscores or hyphens. */
  | 'INVALID_CODE'
  /** The username and password of signIn do not match an active account (the same answer for an unknown username). */
  | 'INVALID_CREDENTIALS'
  /** A pagination cursor that this API did not issue. */
  | 'INVALID_CURSOR'
  /** The same-day cut-off is not a time HH:MM from 00:00 to 23:59, or is set on a procedure whose time limit is not exactly 1 working day. */
  | 'INVALID_CUTOFF'
  /** A date or time that does not exist, is badly formatted, or lies outside the years 2000 to 2100. */
  | 'INVALID_DATE'
  /** The dossier code is not 1 to 64 letters, digits, dots, underscores, hyphens or slashes. */
  | 'INVALID_DOSSIER_CODE'
  /** The due date lies outside the years 2000 to 2100, or more than a year before the event it comes with. */
  | 'INVALID_DUE_DATE'
  /** A field of a synchronised dossier has the wrong type or an impossible value. */
  | 'INVALID_FIELD'
  /** The idempotency key is too long, too short, or uses characters that are not allowed. */
  | 'INVALID_IDEMPOTENCY_KEY'
  /** The import file cannot be read in the format given, or its header lacks the procedure code column. */
  | 'INVALID_IMPORT_FILE'
  /** The indicator number is not between 1 and 9. */
  | 'INVALID_INDICATOR'
  /** The national synchronisation body is neither a list of dossiers nor an object whose `data` field holds them. */
  | 'INVALID_PAYLOAD'
  /** A reporting period that ends before it starts or is longer than ten years, or an evaluation year or quarter that does not exist. */
  | 'INVALID_PERIOD'
  /** The procedure code is not of the national form 1.001193, or the variant code not of the form 1.003560.000.00.00.H56. */
  | 'INVALID_PROCEDURE_CODE'
  /** A progress percentage that is not a whole number from 0 to 100, or a task reported done at less than 100 % (or in progress at 100 %). */
  | 'INVALID_PROGRESS'
  /** A scale has too few or too many levels, level values that are not distinct whole numbers from 0 to 100, or a `positiveFrom` that is not one of its levels. */
  | 'INVALID_SCALE'
  /** A self-assessed or verified score other than 0, 1 or 2. */
  | 'INVALID_SCORE'
  /** The event’s sequence number is not a whole number from 1 to 1,000,000. */
  | 'INVALID_SEQUENCE'
  /** A local practice setting out of range: working sessions not within the day and in order, a cut-off not a time of day, or evaluation bands that do not cover every total from 0 to 18. */
  | 'INVALID_SETTING'
  /** The status of a synchronised dossier is not a national status number from 1 to 10. */
  | 'INVALID_STATUS'
  /** A string in the input contains a control character or a broken UTF-16 pair, or is longer than the ceiling; `reason` in the extensions says which. */
  | 'INVALID_STRING'
  /** A time limit that is not a number above 0, has more than two decimals, is fractional in calendar days or months, or exceeds what its unit sensibly allows. */
  | 'INVALID_TIME_LIMIT'
  /** The rating token is malformed, not signed by this API, or issued for another dossier. */
  | 'INVALID_TOKEN'
  /** An evidence link that is not an absolute web address with the http or https scheme. */
  | 'INVALID_URL'
  /** The year of a reform programme or plan is not a whole number from 2000 to 2100. */
  | 'INVALID_YEAR'
  /** The new version is of another kind than the earlier versions of the same questionnaire code. */
  | 'KIND_CHANGED'
  /** The HTTP method is not accepted on this path: the rating form path and the national synchronisation endpoint take POST only. */
  | 'METHOD_NOT_ALLOWED'
  /** A field the national synchronisation format requires for this dossier is missing. */
  | 'MISSING_FIELD'
  /** The note is longer than allowed. */
  | 'NOTE_TOO_LONG'
  /** What the mutation asks for is already the case (a comment already hidden, an account already active, …); nothing was written. */
  | 'NOTHING_TO_CHANGE'
  /** The Accept header asks for a format the API cannot answer in; subscriptions over HTTP need text/event-stream. */
  | 'NOT_ACCEPTABLE'
  /** Local practice settings belong to a province: the unit named is not a province. */
  | 'NOT_A_PROVINCE'
  /** The dossier has not finished processing, so it can be neither rated nor surveyed yet. */
  | 'NOT_FINISHED'
  /** No procedure, agency, questionnaire, API key or other object has the code or id given. */
  | 'NOT_FOUND'
  /** The survey response has no answers. */
  | 'NO_ANSWERS'
  /** A SIPAS questionnaire without factors. */
  | 'NO_FACTORS'
  /** The questionnaire has no question. */
  | 'NO_QUESTIONS'
  /** The list of scores is empty. */
  | 'NO_SCORES'
  /** The procedure has no legal time limit, so no due date can be computed for it. */
  | 'NO_TIME_LIMIT'
  /** Options on a question answered on a scale, or chosen in its answer. */
  | 'OPTIONS_NOT_ALLOWED'
  /** An expectation question, or its answer, without any option. */
  | 'OPTIONS_REQUIRED'
  /** The agency concerned (an event’s, a dossier’s, a user’s grants, a key’s, a rating’s) is outside the agency subtree of the API key or of the signed-in official’s role, or the change concerns the whole system. */
  | 'OUT_OF_SCOPE'
  /** A page size (`first` or `last`) above 100. */
  | 'PAGE_SIZE_TOO_LARGE'
  /** The request body is larger than this path accepts. */
  | 'PAYLOAD_TOO_LARGE'
  /** A request names a persisted operation and also carries a document that is not that operation (or, on the rating form path, carries a document other than the rating mutation); send the id alone. */
  | 'PERSISTED_QUERY_MISMATCH'
  /** The persisted operation id (`documentId`, or `extensions.persistedQuery.sha256Hash`) is not in the API’s list of persisted operations; send the document as `query` instead. */
  | 'PERSISTED_QUERY_NOT_FOUND'
  /** The scale of an assessment or satisfaction question needs `positiveFrom` for the index to be computed. */
  | 'POSITIVE_FROM_REQUIRED'
  /** A procedure with this code is already in the catalogue; change it instead of creating it. */
  | 'PROCEDURE_EXISTS'
  /** The operation ran past the execution deadline and was stopped; ask for less, or retry later. */
  | 'QUERY_TIMEOUT'
  /** The estimated cost of the operation exceeds the limit of the caller’s tier. */
  | 'QUERY_TOO_COMPLEX'
  /** The document nests fields deeper than allowed. */
  | 'QUERY_TOO_DEEP'
  /** The document has more tokens than allowed; move large values into variables. */
  | 'QUERY_TOO_LARGE'
  /** Too many requests, ratings or survey submissions from this caller in the current window; retry after the delay given in the Retry-After header or the message. */
  | 'RATE_LIMITED'
  /** The period in which the dossier may be rated is over, so no rating link is issued. */
  | 'RATING_CLOSED'
  /** The reform task is done or cancelled: no more progress reports, and a cancelled task is not edited. */
  | 'REFORM_TASK_CLOSED'
  /** An expectation question with a scale: it is answered by choosing options. */
  | 'SCALE_NOT_ALLOWED'
  /** An assessment, satisfaction or quick-rating question without a scale. */
  | 'SCALE_REQUIRED'
  /** The database is briefly unreachable; retry after the delay in the Retry-After header. */
  | 'SERVICE_UNAVAILABLE'
  /** A progress report that would cancel the task; the unit that set it cancels it (cancelReformTask). */
  | 'STATUS_NOT_REPORTABLE'
  /** A name, text, label or legal basis is longer than allowed. */
  | 'TEXT_TOO_LONG'
  /** The rating token has expired. */
  | 'TOKEN_EXPIRED'
  /** A list (scales, factors, criteria, questions, options) has more items than allowed. */
  | 'TOO_MANY'
  /** The document uses more aliases than allowed. */
  | 'TOO_MANY_ALIASES'
  /** The survey response has more answers than allowed. */
  | 'TOO_MANY_ANSWERS'
  /** Too many WebSocket connections are open from this client address. */
  | 'TOO_MANY_CONNECTIONS'
  /** The document uses more directives than allowed. */
  | 'TOO_MANY_DIRECTIVES'
  /** More dossiers in one national synchronisation request than it allows. */
  | 'TOO_MANY_ITEMS'
  /** More scores than there are indicators (9) in one call; nothing was stored. */
  | 'TOO_MANY_SCORES'
  /** Too many subscriptions are open on this WebSocket connection. */
  | 'TOO_MANY_SUBSCRIPTIONS'
  /** No API key or session where one is needed, or a malformed, unknown, revoked or expired key or session. */
  | 'UNAUTHENTICATED'
  /** No agency held this code on the day concerned (the event’s day, or the survey form’s day). */
  | 'UNKNOWN_AGENCY'
  /** The question names a criterion the questionnaire does not define. */
  | 'UNKNOWN_CRITERION'
  /** No dossier has this code, or none that the API key may see. */
  | 'UNKNOWN_DOSSIER'
  /** The question names a factor the questionnaire does not define. */
  | 'UNKNOWN_FACTOR'
  /** A chosen option that the question does not offer. */
  | 'UNKNOWN_OPTION'
  /** No administrative procedure in the catalogue has this code. */
  | 'UNKNOWN_PROCEDURE'
  /** The questionnaire version answered has no question with this code. */
  | 'UNKNOWN_QUESTION'
  /** No questionnaire in use has this code (and version, when one is given). */
  | 'UNKNOWN_QUESTIONNAIRE'
  /** The question names a scale the questionnaire does not define. */
  | 'UNKNOWN_SCALE'
  /** No sector (lĩnh vực) of the catalogue has this code or name. */
  | 'UNKNOWN_SECTOR'
  /** A POST request to the GraphQL endpoint whose body is not declared as JSON. */
  | 'UNSUPPORTED_MEDIA_TYPE'
  /** The national synchronisation endpoint was asked for a service other than DongBoHoSoMC. */
  | 'UNSUPPORTED_SERVICE'
  /** Another account already has this username. */
  | 'USERNAME_TAKEN'
  /** A value given for a question answered by choosing options. */
  | 'VALUE_NOT_ALLOWED'
  /** The value is not a level of the question’s scale. */
  | 'VALUE_OUT_OF_SCALE'
  /** A question answered on a scale, without a value. */
  | 'VALUE_REQUIRED'
  /** A new password shorter than 12 characters, or one that contains the username. */
  | 'WEAK_PASSWORD';

/** A classification band of the 9-indicator total (out of 18); each code once, one band from 0 included. */
export type EvaluationBandInput = {
  /** EXCELLENT, GOOD, FAIR, AVERAGE or POOR. */
  code: string;
  /** Its Vietnamese name, e.g. Xuất sắc, Tốt, Khá, Trung bình, Yếu. */
  label: string;
  /** The lower bound of the band, 0 to 18. */
  min: number;
  /** Whether a total equal to `min` is in the band. */
  minInclusive: boolean;
};

/** Omitting a field leaves it unchanged; null clears it. */
export type EvaluationScoreInput = {
  /** 1 to 9. */
  indicator: number;
  /** The reviewers’ note on the indicator (evidence, reasons). */
  note?: string | null | undefined;
  /** Self-scored points (điểm tự chấm): 0, 1 or 2. */
  selfScore?: number | null | undefined;
  /** Verified points (điểm thẩm định): 0, 1 or 2. */
  verifiedScore?: number | null | undefined;
};

/** The comment to hide, and why. */
export type HideRatingCommentInput = {
  /** Id of the rating (`RatingComment.id`). */
  ratingId: string | number;
  /** Why, for the audit log: up to 500 characters. */
  reason: string;
};

/** Level of government that carries out a procedure (cấp thực hiện). */
export type ImplementingLevel =
  /** Commune level (cấp xã). */
  | 'COMMUNE'
  /** District level (cấp huyện); abolished on 1/7/2025. */
  | 'DISTRICT'
  /** Ministry level (cấp bộ). */
  | 'MINISTRY'
  /** Provincial level (cấp tỉnh). */
  | 'PROVINCE';

/** A legal document the procedure rests on (căn cứ pháp lý). */
export type LegalBasisInput = {
  /** Number and symbol (số, ký hiệu), e.g. 60/2014/QH13; optional. */
  number?: string | null | undefined;
  /** Title or summary (trích yếu), e.g. “Luật Hộ tịch”. */
  title: string;
};

/** A unit that ends by merging into a successor (sáp nhập), as the 1/7/2025 mergers did. */
export type MergeAgencyInput = {
  /** The unit that ends. */
  code: string;
  /** The successor’s first day for the unit’s affairs; the unit’s last day (validTo) is the day before. */
  effectiveDate: string;
  /** The unit it is merged into (its code on the effective date), within the caller’s subtree. */
  successorCode: string;
};

/** A unit and its new parent; not under itself or one of its subunits (AGENCY_CYCLE). */
export type MoveAgencyInput = {
  /** The unit to move (its code today). */
  code: string;
  /** The new parent, within the caller’s subtree. */
  parentCode: string;
};

/** Online public service level of a procedure (mức độ dịch vụ công trực tuyến, Decree 42/2022/NĐ-CP). */
export type OnlineLevel =
  /** Fully online (dịch vụ công trực tuyến toàn trình): every step, from filing to the result, can be done online. */
  | 'FULL'
  /** Information only (cung cấp thông tin): the procedure is published online but cannot be carried out online. */
  | 'INFO_ONLY'
  /** Partially online (dịch vụ công trực tuyến một phần): filed online, but some step (a payment, the result, an original document) takes place in person. */
  | 'PARTIAL';

/** A reporting period; both days included (Asia/Ho_Chi_Minh), at most 10 years long (else INVALID_PERIOD). */
export type PeriodInput = {
  /** First day of the period, included. */
  from: string;
  /** Last day of the period, included; not before `from`. */
  to: string;
};

/** A fee or charge of the procedure (phí, lệ phí). */
export type ProcedureFeeInput = {
  /** Whole đồng; null when set by the provincial People’s Council or not known. */
  amountVnd?: number | null | undefined;
  /** Null: every channel. */
  channel?: Channel | null | undefined;
  /** Name of the fee as published, e.g. “Lệ phí đăng ký khai sinh”. */
  name: string;
  /** Conditions of the fee as published (exemptions, cases); optional. */
  note?: string | null | undefined;
};

/** Filter of `procedures`: every criterion given must hold. */
export type ProcedureFilter = {
  /** Procedures implemented in this agency’s subtree. */
  agencyCode?: string | null | undefined;
  /** Only procedures of this online level. */
  onlineLevel?: OnlineLevel | null | undefined;
  /** Accent- and case-insensitive words of the name, or the start of the code; up to 500 characters and 50 distinct words (else BAD_USER_INPUT). */
  search?: string | null | undefined;
  /** Only procedures of this sector (lĩnh vực; see `sectors`). */
  sectorCode?: string | null | undefined;
};

/** A form or declaration to fill in (mẫu đơn, tờ khai). */
export type ProcedureFormInput = {
  /** Name or number of the form, e.g. “Mẫu số 01/TK”. */
  name: string;
  /** http(s)://… */
  url?: string | null | undefined;
};

/** What the import does, or would do, with one procedure of the file. */
export type ProcedureImportAction =
  /** A procedure not in the catalogue: it is added. */
  | 'CREATE'
  /** Left out, for the reasons in `problems`. */
  | 'REJECTED'
  /** Nothing differs from the catalogue. */
  | 'UNCHANGED'
  /** A procedure whose fields in `changes` differ: a new version is saved. */
  | 'UPDATE';

/** Format of a file of procedures to import (the formats `/exports/procedures.*` writes). */
export type ProcedureImportFormat =
  /** Comma- or semicolon-separated text, UTF-8: `content` is the text. */
  | 'CSV'
  /** The national procedure package (a list of procedures): `content` is the text. */
  | 'JSON'
  /** An Excel workbook: `content` is the file in base64. The first sheet is read. */
  | 'XLSX';

/** A file of procedures: at most 10 MB and 5,000 procedures (else IMPORT_TOO_LARGE). Its strings are checked by the import itself, row by row. */
export type ProcedureImportInput = {
  /** XLSX: the file in base64; CSV and JSON: the text. */
  content: string;
  /** For the audit log and the report. */
  fileName?: string | null | undefined;
  /** Format of the file, which says how `content` is written. */
  format: ProcedureImportFormat;
};

/** Which procedures of the catalogue to list, by publication. */
export type ProcedurePublication =
  /** Both. */
  | 'ALL'
  /** Published in the catalogue (the public list). */
  | 'PUBLISHED'
  /** Withdrawn from the catalogue, kept for history. */
  | 'WITHDRAWN';

/** The steps (trình tự thực hiện) of one case of the procedure, or of every case. */
export type ProcedureStepGroupInput = {
  /** The case these steps are for; null: every case. */
  case?: string | null | undefined;
  /** The steps in order, as published; blank lines are dropped. */
  steps: Array<string>;
};

/** The time limit of one channel (docs/domain.md §2.2). */
export type ProcedureTimeLimitInput = {
  /** The channel the limit applies to; one limit per channel (DUPLICATE_CHANNEL). */
  channel: Channel;
  /** The limit as the published record words it; optional. */
  note?: string | null | undefined;
  /** Unit of `value`. */
  unit: TimeUnit;
  /** Above 0; at most two decimals; whole for DAYS and MONTHS; at most 240 HOURS, 365 WORKING_DAYS, 730 DAYS, 36 MONTHS. */
  value: number;
};

/** The withdrawn procedure to publish again. */
export type PublishProcedureInput = {
  /** National code of the procedure, e.g. "1.001193". */
  code: string;
};

/** The whole content of the new version; the previous published version is retired, not edited. */
export type PublishQuestionnaireInput = {
  /** Legal basis, e.g. Quyết định 2640/QĐ-BNV ngày 10/10/2017; optional. */
  basis?: string | null | undefined;
  /** Code of the questionnaire: a new code starts at version 1. */
  code: string;
  /** The factors (yếu tố) and their criteria, in order. */
  factors: Array<SurveyFactorInput>;
  /** What the questionnaire is for. */
  kind: QuestionnaireKind;
  /** Name of the questionnaire, in Vietnamese. */
  name: string;
  /** The questions, in the form’s order. */
  questions: Array<SurveyQuestionInput>;
  /** The answer scales. */
  scales: Array<SurveyScaleInput>;
};

/** An option of an EXPECTATION question. */
export type QuestionOptionInput = {
  /** Code of the option, unique in its question. */
  code: string;
  /** Its wording on the form. */
  text: string;
};

/** What a questionnaire (bộ câu hỏi khảo sát) is for. */
export type QuestionnaireKind =
  /** Any other survey. */
  | 'OTHER'
  /** The short items the portal widget asks beside the quick 3-level rating of a dossier (đánh giá nhanh). */
  | 'QUICK_RATING'
  /** The SIPAS survey of satisfaction with public administrative services (Decision 2640/QĐ-BNV): factors, criteria, scales; `sipas` computes its index. */
  | 'SIPAS';

/** PUBLISHED: the version answered now; RETIRED: replaced by a newer version (its responses stay). */
export type QuestionnaireStatus =
  /** Being prepared: not answered, not counted. */
  | 'DRAFT'
  /** The version answered now (one per code). */
  | 'PUBLISHED'
  /** Replaced by a newer version; its responses stay and still count for their period. */
  | 'RETIRED';

/** Filter of `ratingComments`: every criterion given must hold. */
export type RatingCommentFilter = {
  /** Dossiers of this agency’s subtree (units merged into it included). */
  agencyCode?: string | null | undefined;
  /** True: hidden comments only; false: visible ones only. */
  hidden?: boolean | null | undefined;
  /** Ratings of this level. */
  level?: RatingLevel | null | undefined;
  /** Submitted on these days. */
  period?: PeriodInput | null | undefined;
  /** Dossiers of this procedure (national code). */
  procedureCode?: string | null | undefined;
};

/** Quick rating of a finished dossier: rất hài lòng, hài lòng, không hài lòng. */
export type RatingLevel =
  /** Dissatisfied (không hài lòng); counts against Decision 766 indicator 5.4. */
  | 'DISSATISFIED'
  /** Satisfied (hài lòng). */
  | 'SATISFIED'
  /** Very satisfied (rất hài lòng). */
  | 'VERY_SATISFIED';

/** The deactivated account to reactivate. */
export type ReactivateUserInput = {
  /** Sign-in name of the account. */
  username: string;
};

/** Filter of `reformTasks`: every criterion given must hold. */
export type ReformTaskFilter = {
  /** Tasks whose responsible unit is this agency or a unit below it. */
  agencyCode?: string | null | undefined;
  /** Only tasks due soon (open, deadline within dueWithinDays). */
  dueSoon?: boolean | null | undefined;
  /** For dueSoon: days from today, 0 to 366 (default 7). */
  dueWithinDays?: number | null | undefined;
  /** Only overdue tasks (open, deadline before today). */
  overdue?: boolean | null | undefined;
  /** Part of the title or of the document. */
  search?: string | null | undefined;
  /** Only tasks in this status. */
  status?: ReformTaskStatus | null | undefined;
  /** Year of the programme or plan. */
  year?: number | null | undefined;
};

/** Where a task stands today (docs/domain.md "Reform programme tasks"): DONE_ON_TIME (hoàn thành đúng hạn: done on or before the deadline), DONE_LATE (hoàn thành quá hạn), OVERDUE (quá hạn: open, deadline before today), DUE_SOON (sắp đến hạn: open, deadline within 7 days), IN_PROGRESS, NOT_STARTED, CANCELLED. */
export type ReformTaskStanding =
  /** Cancelled (đã hủy). */
  | 'CANCELLED'
  /** Done after the deadline (hoàn thành quá hạn). */
  | 'DONE_LATE'
  /** Done on or before the deadline (hoàn thành đúng hạn). */
  | 'DONE_ON_TIME'
  /** Open and the deadline is from today to 7 days from now (sắp đến hạn). */
  | 'DUE_SOON'
  /** In progress, deadline more than 7 days away (đang thực hiện). */
  | 'IN_PROGRESS'
  /** Not started, deadline more than 7 days away (chưa triển khai). */
  | 'NOT_STARTED'
  /** Open and the deadline was before today (quá hạn); the deadline day itself is still in time. */
  | 'OVERDUE';

/** Where the responsible unit says a task is: NOT_STARTED (chưa triển khai), IN_PROGRESS (đang thực hiện), DONE (đã hoàn thành), CANCELLED (đã hủy). */
export type ReformTaskStatus =
  /** Cancelled (đã hủy), with the reason in the task’s history; no longer reported on. */
  | 'CANCELLED'
  /** Done (đã hoàn thành), on the day `completedOn`; progress 100 %. */
  | 'DONE'
  /** In progress (đang thực hiện). */
  | 'IN_PROGRESS'
  /** Not started (chưa triển khai). */
  | 'NOT_STARTED';

/** How the values of a report column read (and are formatted in the XLSX export). */
export type ReportCellFormat =
  /** A day, YYYY-MM-DD in `text`. */
  | 'DATE'
  /** Working days (0.0). */
  | 'DAYS'
  /** A count (#,##0). */
  | 'INTEGER'
  /** A share 0..1, shown as a percentage (0.0%). */
  | 'PERCENT'
  /** Each row says its own format (`ReportRow.format`): a table of mixed figures. */
  | 'ROW'
  /** Points (0.00). */
  | 'SCORE'
  /** Words or a code. */
  | 'TEXT';

/** A progress report on a task (báo cáo tiến độ): at least a change of status or progress, a note or evidence (else EMPTY_REPORT). */
export type ReportReformTaskProgressInput = {
  /** With DONE: the day it was done (not after today); default today. */
  completedOn?: string | null | undefined;
  /** Evidence by reference: a document number or a file name (số, ký hiệu văn bản, tệp minh chứng); at most 300 characters. */
  evidenceRef?: string | null | undefined;
  /** A link to the evidence (đường dẫn minh chứng): an http:// or https:// address. */
  evidenceUrl?: string | null | undefined;
  /** What was done (nội dung báo cáo); at most 2,000 characters. */
  note?: string | null | undefined;
  /** Progress (tiến độ), a whole number 0 to 100; default unchanged. */
  progressPercent?: number | null | undefined;
  /** Default: unchanged (IN_PROGRESS once progress is above 0). DONE means 100 % and records the day it was done; CANCELLED is refused (STATUS_NOT_REPORTABLE). */
  status?: ReformTaskStatus | null | undefined;
  /** Id of the task. */
  taskId: string | number;
};

/** An account and the temporary password it gets. */
export type ResetUserPasswordInput = {
  /** A temporary password to hand to the official: at least 12 characters. */
  password: string;
  /** Sign-in name of the account. */
  username: string;
};

/** The hidden comment to show again. */
export type RestoreRatingCommentInput = {
  /** Id of the rating (`RatingComment.id`). */
  ratingId: string | number;
};

/** The key to revoke. */
export type RevokeApiKeyInput = {
  /** Id of the key (`ApiKey.id`). */
  id: string | number;
};

/** A role of an official, on an agency and everything under it (SYSTEM_ADMIN: everywhere). What each may do: docs/api.md "Roles". */
export type Role =
  /** Official (cán bộ, công chức): private reads and feeding dossier events, rating links and paper surveys within the subtree. */
  | 'OFFICER'
  /** Administrative-reform monitor (theo dõi cải cách hành chính: the Sở/Phòng Nội vụ): reads as a VIEWER, manages reform plan tasks and enters verified 9-indicator points within the subtree. */
  | 'REFORM_MONITOR'
  /** System administrator (quản trị hệ thống): everything, everywhere; the only one who may grant SYSTEM_ADMIN. */
  | 'SYSTEM_ADMIN'
  /** Unit administrator (quản trị đơn vị): what an OFFICER may, and accounts, keys, units, comments and evaluation points within the agency’s subtree; the catalogue when the agency is provincial-level. */
  | 'UNIT_ADMIN'
  /** Viewer (chỉ xem): private reads within the subtree (dossier timelines, comments, late dossiers, reports). */
  | 'VIEWER';

/** A role to grant, on an agency’s subtree. */
export type RoleGrantInput = {
  /** The agency whose subtree the role covers; none for SYSTEM_ADMIN. */
  agencyCode?: string | null | undefined;
  /** The role. */
  role: Role;
};

/** One level of an answer scale. */
export type ScaleLevelInput = {
  /** Its wording on the form, e.g. “Rất hài lòng”. */
  label: string;
  /** The value an answer gives; distinct within the scale. */
  value: number;
};

/** A unit and the catalogue procedures to add to or remove from those it implements. */
export type SetAgencyProceduresInput = {
  /** Catalogue codes the unit now implements. */
  add?: Array<string> | null | undefined;
  /** The unit (its code today). */
  agencyCode: string;
  /** Catalogue codes the unit no longer implements. */
  remove?: Array<string> | null | undefined;
};

/** Points of some indicators of the 9-indicator evaluation for an agency and a quarter. */
export type SetEvaluationScoresInput = {
  /** Code of the unit evaluated: the unit holding it on the quarter’s last day. */
  agencyCode: string;
  /** 1 to 4. */
  quarter: number;
  /** One entry per indicator, at most 9. */
  scores: Array<EvaluationScoreInput>;
  /** Year of the quarter. */
  year: number;
};

/** An account and its new roles. */
export type SetUserRolesInput = {
  /** The new roles, replacing all. */
  roles: Array<RoleGrantInput>;
  /** Sign-in name of the account. */
  username: string;
};

/** An official’s credentials. */
export type SignInInput = {
  /** The account’s password. */
  password: string;
  /** Sign-in name (case does not matter). */
  username: string;
};

/** A criterion (tiêu chí) of a factor. */
export type SurveyCriterionInput = {
  /** Code of the criterion, unique in the questionnaire. */
  code: string;
  /** Its wording on the form. */
  text: string;
};

/** A factor (yếu tố) of the new version and its criteria, in order. */
export type SurveyFactorInput = {
  /** Code of the factor, unique in the questionnaire. */
  code: string;
  /** Its criteria, in order. */
  criteria: Array<SurveyCriterionInput>;
  /** Name of the factor, in Vietnamese. */
  name: string;
};

/** A question of the new version, in the form’s order. */
export type SurveyQuestionInput = {
  /** Code of the question, unique in the questionnaire. */
  code: string;
  /** ASSESSMENT, or SATISFACTION per criterion: the criterion (codes are unique in a questionnaire). */
  criterionCode?: string | null | undefined;
  /** SATISFACTION per factor: the factor. */
  factorCode?: string | null | undefined;
  /** What kind of answer it takes. */
  kind: SurveyQuestionKind;
  /** EXPECTATION questions. */
  options?: Array<QuestionOptionInput> | null | undefined;
  /** ASSESSMENT, SATISFACTION and QUICK questions. */
  scaleCode?: string | null | undefined;
  /** Its wording on the form. */
  text: string;
};

/** ASSESSMENT: nhận định, was the criterion met; SATISFACTION: mức độ hài lòng on a scale; EXPECTATION: mong đợi, choose options; QUICK: 3-level quick rating. */
export type SurveyQuestionKind =
  /** Assessment (nhận định): was the criterion met? Answered on an agree / disagree scale. */
  | 'ASSESSMENT'
  /** Expectation (mong đợi): choose, among `options`, what should improve; several may be chosen. */
  | 'EXPECTATION'
  /** A quick 3-level rating item (rất hài lòng, hài lòng, không hài lòng). */
  | 'QUICK'
  /** Satisfaction (mức độ hài lòng) on a scale (1–5 for SIPAS), per factor or per criterion. */
  | 'SATISFACTION';

/** An answer scale of the new version (thang đo). */
export type SurveyScaleInput = {
  /** Code of the scale, unique in the questionnaire; questions name it in `scaleCode`. */
  code: string;
  /** Its levels. */
  levels: Array<ScaleLevelInput>;
  /** Name of the scale, in Vietnamese. */
  name: string;
  /** Required on scales of ASSESSMENT and SATISFACTION questions. */
  positiveFrom?: number | null | undefined;
};

/** Unit of a time limit (national DONVITINH). HOURS are working hours (8 per working day). */
export type TimeUnit =
  /** Calendar days (ngày): whole days from the day after reception (Civil Code 2015 Art. 147–148); a period ending on a day off ends on the next working day. */
  | 'DAYS'
  /** Working hours (giờ làm việc): 60 working minutes each, counted on the working calendar. */
  | 'HOURS'
  /** Calendar months (tháng): whole months from the reception day, clamped to the month’s last day; a period ending on a day off ends on the next working day. */
  | 'MONTHS'
  /** Working days (ngày làm việc): 8 working hours (480 working minutes) each, counted on the working calendar. */
  | 'WORKING_DAYS';

/** How a dossier stands against its due date (docs/domain.md §3.8), compared by calendar day in Asia/Ho_Chi_Minh unless the province compares instants. */
export type Timeliness =
  /** Finished before the due day (trước hạn). */
  | 'EARLY'
  /** Unfinished and past its due date (đang xử lý quá hạn), or asked a second time for a supplement. */
  | 'IN_PROGRESS_LATE'
  /** Unfinished and still within its due date (đang xử lý trong hạn), or waiting for a supplement requested by the due day. */
  | 'IN_PROGRESS_ON_TIME'
  /** Finished after the due date, or with two or more supplement requests (quá hạn, trễ hạn). */
  | 'LATE'
  /** Finished on the due day, or withdrawn or stopped after reception, which count as handled on time (đúng hạn). */
  | 'ON_TIME';

/** How a finished dossier ended against its due date (docs/domain.md §3.8). */
export type TimelinessClass =
  /** Before the due day. */
  | 'EARLY'
  /** After the due date. */
  | 'LATE'
  /** On the due day, or withdrawn / stopped (counted on time). */
  | 'ON_TIME';

/** An omitted field stays as it is; null clears it (not the name). */
export type UpdateAgencyInput = {
  /** The unit’s code today (a code no longer used: its last holder). */
  code: string;
  /** New prefix of the one-stop desk in dossier codes; null clears it. */
  dossierPrefix?: string | null | undefined;
  /** New full official name; cannot be cleared. */
  name?: string | null | undefined;
  /** New free note; null clears it. */
  note?: string | null | undefined;
  /** New short name; null clears it. */
  shortName?: string | null | undefined;
};

/** A change of the working calendar: exceptions to set and dates to put back under the rule. */
export type UpdateCalendarDaysInput = {
  /** Exceptions to set (may be empty when `remove` is not). */
  days: Array<CalendarDayInput>;
  /** Dates whose exception is removed: they follow the rule again (Monday–Friday work, Saturday and Sunday off). */
  remove?: Array<string> | null | undefined;
};

/** A field omitted keeps the value in force on `effectiveFrom`. */
export type UpdatePracticeSettingsInput = {
  /** The province (its code today). */
  agencyCode: string;
  /** How a dossier’s end is compared with its due date. */
  comparison?: ComparisonGranularity | null | undefined;
  /** The first day the settings apply: today or later (EFFECTIVE_DATE_PAST otherwise). */
  effectiveFrom: string;
  /** The five bands of the 9-indicator evaluation, bounds within 0–18. */
  evaluationBands?: Array<EvaluationBandInput> | null | undefined;
  /** HH:MM. */
  sameDayCutoff?: string | null | undefined;
  /** The working sessions of a working day, in order, totalling 480 minutes (8 hours; else INVALID_SETTING). */
  workingHours?: Array<WorkingSessionInput> | null | undefined;
};

/** The procedure’s code and the fields to change. A change of published content makes a new version (docs/domain.md §2.4). */
export type UpdateProcedureInput = {
  /** Codes of the units, valid today, that implement the procedure; replaces them (not versioned). */
  agencyCodes?: Array<string> | null | undefined;
  /** Who may file (đối tượng thực hiện), one line each. */
  applicants?: Array<string> | null | undefined;
  /** How the procedure is carried out (cách thức thực hiện), as published. */
  channelsText?: string | null | undefined;
  /** National code of the procedure to change, e.g. "1.001193". */
  code: string;
  /** Requirements and conditions (yêu cầu, điều kiện), as published; up to 10,000 characters. */
  conditions?: string | null | undefined;
  /** Day the publication decision was signed (ngày ban hành). */
  decisionDate?: string | null | undefined;
  /** Number of the publication decision (số quyết định công bố), e.g. 163/QĐ-BTP. */
  decisionNumber?: string | null | undefined;
  /** Documents of the dossier (thành phần, số lượng hồ sơ); replaces them all. */
  dossierComponents?: Array<DossierComponentInput> | null | undefined;
  /** In an update, a day from today on: the change applies to dossiers received from 00:00 of that day. Left out, or the stored date when it has passed: from now on. A new date before today is EFFECTIVE_DATE_PAST. */
  effectiveFrom?: string | null | undefined;
  /** Last day the decision is in effect (ngày hết hiệu lực); not before `effectiveFrom`. */
  effectiveTo?: string | null | undefined;
  /** Whether the procedure qualifies to be offered fully online (đủ điều kiện trực tuyến toàn trình). */
  eligibleForFullOnline?: boolean | null | undefined;
  /** Fees and charges (phí, lệ phí); replaces them all. */
  fees?: Array<ProcedureFeeInput> | null | undefined;
  /** Forms and declarations (mẫu đơn, tờ khai); replaces them all. */
  forms?: Array<ProcedureFormInput> | null | undefined;
  /** The implementing agency (cơ quan thực hiện), as published. */
  implementingText?: string | null | undefined;
  /** Legal basis (căn cứ pháp lý); replaces it all. */
  legalBasis?: Array<LegalBasisInput> | null | undefined;
  /** New levels of government (cấp thực hiện), replacing them; at least one. */
  levels?: Array<ImplementingLevel> | null | undefined;
  /** New name (tên thủ tục); up to 2,000 characters; cannot be cleared. */
  name?: string | null | undefined;
  /** Default INFO_ONLY. */
  onlineLevel?: OnlineLevel | null | undefined;
  /** What the applicant receives (kết quả thực hiện), one line each. */
  results?: Array<string> | null | undefined;
  /** Same-day procedures (a limit of exactly 1 WORKING_DAYS): HH:MM, 00:00–23:59 (docs/domain.md §2.3). Versioned content: a change makes a new version, applying from the effective date like a new time limit (§2.4). */
  sameDayCutoff?: string | null | undefined;
  /** Code of the new sector (lĩnh vực); cannot be cleared. */
  sectorCode?: string | null | undefined;
  /** Where the content comes from (e.g. the national database and the decision). */
  source?: string | null | undefined;
  /** Steps (trình tự thực hiện), by case; replaces them all. */
  steps?: Array<ProcedureStepGroupInput> | null | undefined;
  /** At most one per channel; replaces them all. */
  timeLimits?: Array<ProcedureTimeLimitInput> | null | undefined;
  /** Local variant code, e.g. 1.003560.000.00.00.H56. */
  variantCode?: string | null | undefined;
};

/** A task and the details to change; a field left out stays as it is. */
export type UpdateReformTaskInput = {
  /** A new responsible unit, in the caller’s subtree. */
  agencyCode?: string | null | undefined;
  /** New deadline (thời hạn hoàn thành). */
  deadline?: string | null | undefined;
  /** Null clears it. */
  description?: string | null | undefined;
  /** Null clears it. */
  document?: string | null | undefined;
  /** Null clears it. */
  documentDate?: string | null | undefined;
  /** Id of the task. */
  id: string | number;
  /** A new setting unit, in the caller’s subtree. */
  ownerAgencyCode?: string | null | undefined;
  /** Title of the task (tên nhiệm vụ); at most 500 characters; cannot be cleared. */
  title?: string | null | undefined;
  /** Year of the programme or plan, 2000 to 2100. */
  year?: number | null | undefined;
};

/** An omitted field stays as it is; a null e-mail clears it. */
export type UpdateUserInput = {
  /** New full name. */
  displayName?: string | null | undefined;
  /** New e-mail address; null clears it. */
  email?: string | null | undefined;
  /** Sign-in name of the account to change. */
  username: string;
};

/** Filter of `users`: every criterion given must hold. */
export type UserFilter = {
  /** True: active accounts only; false: deactivated ones only. */
  active?: boolean | null | undefined;
  /** Accounts with a role on this agency or a unit below it. */
  agencyCode?: string | null | undefined;
  /** Accounts holding this role. */
  role?: Role | null | undefined;
  /** Part of the username, the name or the e-mail address. */
  search?: string | null | undefined;
};

/** The procedure to withdraw from the catalogue, and why. */
export type WithdrawProcedureInput = {
  /** National code of the procedure, e.g. "1.001193". */
  code: string;
  /** Why, for the audit log (up to 1,000 characters). */
  reason?: string | null | undefined;
};

/** One working session of a working day, local time. */
export type WorkingSessionInput = {
  /** HH:MM (24:00 for midnight). */
  end: string;
  /** HH:MM. */
  start: string;
};

export type AdminReformTaskRemindersQueryVariables = Exact<{
  agencyCode?: string | null | undefined;
  dueWithinDays?: number | null | undefined;
}>;


export type AdminReformTaskRemindersQuery = { reformTaskReminders: { today: string, dueWithinDays: number, overdue: Array<{ id: string, title: string, document: string | null, deadline: string, progressPercent: number, status: ReformTaskStatus, agency: { code: string, name: string } }>, dueSoon: Array<{ id: string, title: string, document: string | null, deadline: string, progressPercent: number, status: ReformTaskStatus, agency: { code: string, name: string } }> } };

export type AdminReformReminderFragment = { id: string, title: string, document: string | null, deadline: string, progressPercent: number, status: ReformTaskStatus, agency: { code: string, name: string } };

export type AdminAgencyReportQueryVariables = Exact<{
  code: string;
  period: PeriodInput;
}>;


export type AdminAgencyReportQuery = { agencyReport: { agencyCode: string, agencyName: string, from: string, to: string, year: number, quarters: Array<number>, generatedAt: string, asOf: string, parts: Array<string>, tables: Array<{ id: string, part: number, title: string, source: string, note: string | null, columns: Array<{ key: string, header: string, format: ReportCellFormat, width: number }>, rows: Array<{ total: boolean, format: ReportCellFormat | null, cells: Array<{ text: string | null, number: number | null }> }> }> } };

export type AdminReportUnitsQueryVariables = Exact<{
  code: string;
  today: string;
}>;


export type AdminReportUnitsQuery = { agency: { code: string, name: string, level: AgencyLevel, parent: { name: string, level: AgencyLevel, parent: { name: string, level: AgencyLevel } | null } | null, children: Array<{ code: string, name: string }> } | null };

export type AdminReportProvincesQueryVariables = Exact<{
  today: string;
}>;


export type AdminReportProvincesQuery = { agencies: { edges: Array<{ node: { code: string, name: string } }> } };

export type AdminSectorsQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminSectorsQuery = { sectors: Array<{ code: string, name: string }> };

export type AdminSignInMutationVariables = Exact<{
  input: SignInInput;
}>;


export type AdminSignInMutation = { signIn: { token: string | null, expiresAt: string | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type AdminSignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type AdminSignOutMutation = { signOut: { ok: boolean } };

export type AdminViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminViewerQuery = { viewer: { kind: string, name: string | null, username: string | null, roles: Array<{ role: string, agency: { code: string, name: string, level: AgencyLevel } | null }> } };

export type AdminChangePasswordMutationVariables = Exact<{
  input: ChangePasswordInput;
}>;


export type AdminChangePasswordMutation = { changePassword: { ok: boolean, sessionsEnded: number, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type AdminAgenciesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: AgencyFilter | null | undefined;
}>;


export type AdminAgenciesQuery = { agencies: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, code: string, name: string, shortName: string | null, level: AgencyLevel, validFrom: string | null, validTo: string | null, parent: { id: string, code: string, name: string } | null, successor: { code: string, name: string } | null } }> } };

export type AdminAgencyQueryVariables = Exact<{
  code: string;
  activeOn?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type AdminAgencyQuery = { agency: { id: string, code: string, name: string, shortName: string | null, level: AgencyLevel, note: string | null, dossierPrefix: string | null, validFrom: string | null, validTo: string | null, parent: { code: string, name: string, validTo: string | null, parent: { code: string, parent: { code: string } | null } | null } | null, successor: { code: string, name: string, validFrom: string | null, validTo: string | null, parent: { code: string, parent: { code: string } | null } | null } | null, children: Array<{ code: string, name: string, level: AgencyLevel, validFrom: string | null, validTo: string | null, successor: { code: string, name: string } | null }>, predecessors: Array<{ code: string, name: string, level: AgencyLevel, validFrom: string | null, validTo: string | null }>, procedures: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean }, edges: Array<{ cursor: string, node: { code: string, name: string, sector: { name: string } } }> } } | null };

export type AdminAgencyBriefQueryVariables = Exact<{
  code: string;
  activeOn?: string | null | undefined;
}>;


export type AdminAgencyBriefQuery = { agency: { code: string, name: string, level: AgencyLevel, validFrom: string | null, validTo: string | null } | null };

export type AdminProcedureSearchForAgencyQueryVariables = Exact<{
  search: string;
}>;


export type AdminProcedureSearchForAgencyQuery = { procedures: { totalCount: number, edges: Array<{ node: { code: string, name: string } }> } };

export type AdminUpdateAgencyMutationVariables = Exact<{
  input: UpdateAgencyInput;
}>;


export type AdminUpdateAgencyMutation = { updateAgency: { agency: { code: string } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type AdminCreateAgencyMutationVariables = Exact<{
  input: CreateAgencyInput;
}>;


export type AdminCreateAgencyMutation = { createAgency: { agency: { code: string, validTo: string | null } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type AdminMoveAgencyMutationVariables = Exact<{
  input: MoveAgencyInput;
}>;


export type AdminMoveAgencyMutation = { moveAgency: { agency: { code: string, parent: { name: string } | null } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type AdminMergeAgencyMutationVariables = Exact<{
  input: MergeAgencyInput;
}>;


export type AdminMergeAgencyMutation = { mergeAgency: { agency: { code: string, validTo: string | null } | null, successor: { code: string, name: string } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type AdminSetAgencyProceduresMutationVariables = Exact<{
  input: SetAgencyProceduresInput;
}>;


export type AdminSetAgencyProceduresMutation = { setAgencyProcedures: { added: Array<string>, removed: Array<string>, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type AdminApiKeyListQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
  filter?: ApiKeyFilter | null | undefined;
}>;


export type AdminApiKeyListQuery = { apiKeys: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean }, edges: Array<{ cursor: string, node: { id: string, name: string, prefix: string, scopes: Array<ApiScope>, rateLimitPerMinute: number, active: boolean, createdAt: string, lastUsedAt: string | null, revokedAt: string | null, agency: { code: string, name: string } | null } }> } };

export type AdminCreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type AdminCreateApiKeyMutation = { createApiKey: { secret: string | null, apiKey: { id: string, name: string, prefix: string, scopes: Array<ApiScope>, rateLimitPerMinute: number, agency: { code: string, name: string } | null } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type AdminRevokeApiKeyMutationVariables = Exact<{
  input: RevokeApiKeyInput;
}>;


export type AdminRevokeApiKeyMutation = { revokeApiKey: { apiKey: { id: string, name: string } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type AdminAuditLogQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
  filter?: AuditLogFilter | null | undefined;
}>;


export type AdminAuditLogQuery = { auditLog: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean }, edges: Array<{ cursor: string, node: { id: string, at: string, actor: string, action: string, entity: string, entityId: string | null, data: string | null, who: { kind: string, name: string | null, username: string | null }, agency: { code: string, name: string } | null } }> } };

export type AdminCalendarDaysQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type AdminCalendarDaysQuery = { calendarDays: Array<{ date: string, working: boolean, kind: string, note: string | null, source: string | null }> };

export type AdminCalendarPreviewQueryVariables = Exact<{
  input: UpdateCalendarDaysInput;
}>;


export type AdminCalendarPreviewQuery = { calendarChangePreview: { turnedDays: Array<string> | null, movedDossiers: number | null, movedLater: number | null, movedEarlier: number | null, suppliedDueDates: number | null, examples: Array<{ dossierCode: string, procedureCode: string, procedureName: string, agencyName: string, receivedAt: string, dueBefore: string, dueAfter: string }> | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type AdminCalendarUpdateMutationVariables = Exact<{
  input: UpdateCalendarDaysInput;
}>;


export type AdminCalendarUpdateMutation = { updateCalendarDays: { removed: Array<string> | null, days: Array<{ date: string }> | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type DashboardFiguresFragment = { asOf: string, received: number, finished: number, early: number, onTime: number, late: number, onTimeRate: number | null, lateOpen: number, medianProcessingWorkingDays: number | null, p90ProcessingWorkingDays: number | null, ratings: number, satisfactionRate: number | null, supplementRequests: number };

export type DashboardRowFragment = { key: string, name: string, own: boolean, received: number, finished: number, late: number, lateOpen: number, onTimeRate: number | null, ratings: number, satisfactionRate: number | null, supplementRequests: number };

export type AdminDashboardProvinceQueryVariables = Exact<{
  today: string;
}>;


export type AdminDashboardProvinceQuery = { agencies: { edges: Array<{ node: { code: string } }> } };

export type AdminDashboardUnitQueryVariables = Exact<{
  code: string;
  asOf: string;
}>;


export type AdminDashboardUnitQuery = { agency: { code: string, name: string, level: AgencyLevel, validTo: string | null, successor: { code: string, name: string } | null, parent: { code: string, name: string, parent: { code: string, name: string, parent: { code: string, name: string } | null } | null } | null, children: Array<{ code: string, name: string, validTo: string | null }>, predecessors: Array<{ code: string, name: string, validTo: string | null }> } | null, lateDossiers: { totalCount: number, edges: Array<{ node: { code: string, receivedAt: string | null, dueAt: string | null, timelinessDueAt: string | null, workingDaysOverdue: number, procedure: { code: string, name: string }, agency: { code: string, name: string } } }> } };

export type AdminDashboardFiguresQueryVariables = Exact<{
  code: string;
  period: PeriodInput;
  previous: PeriodInput;
  trend: PeriodInput;
}>;


export type AdminDashboardFiguresQuery = { current: { asOf: string, received: number, finished: number, early: number, onTime: number, late: number, onTimeRate: number | null, lateOpen: number, medianProcessingWorkingDays: number | null, p90ProcessingWorkingDays: number | null, ratings: number, satisfactionRate: number | null, supplementRequests: number, satisfactionByTimeliness: Array<{ timeliness: TimelinessClass, ratings: number, satisfied: number, satisfactionRate: number | null }> }, previous: { asOf: string, received: number, finished: number, early: number, onTime: number, late: number, onTimeRate: number | null, lateOpen: number, medianProcessingWorkingDays: number | null, p90ProcessingWorkingDays: number | null, ratings: number, satisfactionRate: number | null, supplementRequests: number }, trend: { byMonth: Array<{ month: string, received: number, onTimeRate: number | null, satisfactionRate: number | null, byChannel: Array<{ channel: Channel, received: number }> }> }, index766: { total: number | null, indicators: Array<{ id: string, score: number | null, maxScore: number, numerator: number | null, denominator: number | null, noData: boolean }> }, previousIndex766: { total: number | null, indicators: Array<{ id: string, score: number | null }> }, units: Array<{ key: string, name: string, own: boolean, received: number, finished: number, late: number, lateOpen: number, onTimeRate: number | null, ratings: number, satisfactionRate: number | null, supplementRequests: number }>, procedures: Array<{ key: string, name: string, own: boolean, received: number, finished: number, late: number, lateOpen: number, onTimeRate: number | null, ratings: number, satisfactionRate: number | null, supplementRequests: number }> };

export type AdminDashboardEvaluationQueryVariables = Exact<{
  code: string;
  year: number;
  quarter: number;
  previousYear: number;
  previousQuarter: number;
}>;


export type AdminDashboardEvaluationQuery = { current: { year: number, quarter: number, total: number | null, maxScore: number, scored: number, band: { label: string } | null }, previous: { total: number | null } };

export type AdminDashboardSipasQueryVariables = Exact<{
  code: string;
  period: PeriodInput;
  previous: PeriodInput;
}>;


export type AdminDashboardSipasQuery = { current: { index: number | null, respondents: number }, previous: { index: number | null, respondents: number } };

export type AdminStatsChangedSubscriptionVariables = Exact<{
  code: string;
  procedure?: string | null | undefined;
  period: PeriodInput;
}>;


export type AdminStatsChangedSubscription = { statsChanged: { asOf: string, received: number } };

export type AdminDossierQueryVariables = Exact<{
  code: string;
}>;


export type AdminDossierQuery = { dossier: { code: string, status: DossierStatus, channel: Channel, applicantType: ApplicantType | null, receivedAt: string | null, dueAt: string | null, initialDueAt: string | null, resolvedAt: string | null, returnedAt: string | null, endedAt: string | null, supplementRequests: number, apologies: number, pausedWorkingMinutes: number, processingWorkingMinutes: number | null, timeliness: Timeliness | null, procedure: { code: string, name: string }, agency: { code: string, name: string }, events: Array<{ sequence: number, status: DossierStatus, occurredAt: string, dueAt: string | null, apologyRef: string | null, recordedAt: string }>, dueDateChanges: Array<{ reason: DueDateChangeReason, previousDueAt: string | null, newDueAt: string, apologyRef: string | null, changedAt: string, apologyTimely: boolean | null, apologyDeadline: string | null }> } | null };

export type AdminVersionContentFragment = { version: number, name: string, appliesFrom: string | null, createdAt: string, createdBy: string | null, decisionNumber: string | null, decisionDate: string | null, effectiveFrom: string | null, effectiveTo: string | null, source: string | null, sameDayCutoff: string | null, channelsText: string | null, applicants: Array<string>, implementingText: string | null, results: Array<string>, conditions: string | null, timeLimits: Array<{ channel: Channel, value: number, unit: TimeUnit, note: string | null, unverified: boolean }>, fees: Array<{ channel: Channel | null, name: string, amountVnd: number | null, note: string | null }>, steps: Array<{ case: string | null, steps: Array<string> }>, dossierComponents: Array<{ name: string, originals: number | null, copies: number | null, form: string | null }>, forms: Array<{ name: string, url: string | null }>, legalBasis: Array<{ number: string | null, title: string }> };

export type AdminProcedureQueryVariables = Exact<{
  code: string;
}>;


export type AdminProcedureQuery = { procedure: { code: string, variantCode: string | null, name: string, published: boolean, levels: Array<ImplementingLevel>, onlineLevel: OnlineLevel, eligibleForFullOnline: boolean, sector: { code: string, name: string }, currentAgencies: Array<{ code: string, name: string }>, currentVersion: { version: number } | null, latestVersion: { version: number, name: string, appliesFrom: string | null, createdAt: string, createdBy: string | null, decisionNumber: string | null, decisionDate: string | null, effectiveFrom: string | null, effectiveTo: string | null, source: string | null, sameDayCutoff: string | null, channelsText: string | null, applicants: Array<string>, implementingText: string | null, results: Array<string>, conditions: string | null, timeLimits: Array<{ channel: Channel, value: number, unit: TimeUnit, note: string | null, unverified: boolean }>, fees: Array<{ channel: Channel | null, name: string, amountVnd: number | null, note: string | null }>, steps: Array<{ case: string | null, steps: Array<string> }>, dossierComponents: Array<{ name: string, originals: number | null, copies: number | null, form: string | null }>, forms: Array<{ name: string, url: string | null }>, legalBasis: Array<{ number: string | null, title: string }> } | null, versions: Array<{ version: number, name: string, appliesFrom: string | null, createdAt: string, createdBy: string | null, decisionNumber: string | null, decisionDate: string | null, effectiveFrom: string | null, author: { name: string | null, username: string | null } | null, changes: Array<{ field: string, label: string, before: string | null, after: string | null }> }> } | null };

export type AdminUpdateProcedureMutationVariables = Exact<{
  input: UpdateProcedureInput;
}>;


export type AdminUpdateProcedureMutation = { updateProcedure: { changes: Array<{ field: string, label: string }>, version: { version: number, appliesFrom: string | null } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type AdminPublishProcedureMutationVariables = Exact<{
  input: PublishProcedureInput;
}>;


export type AdminPublishProcedureMutation = { publishProcedure: { procedure: { published: boolean } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type AdminWithdrawProcedureMutationVariables = Exact<{
  input: WithdrawProcedureInput;
}>;


export type AdminWithdrawProcedureMutation = { withdrawProcedure: { procedure: { published: boolean } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type AdminImportReportFragment = { applied: boolean, ignoredColumns: Array<string>, summary: { total: number, created: number, updated: number, unchanged: number, rejected: number }, rows: Array<{ row: number, code: string | null, name: string | null, action: ProcedureImportAction, changes: Array<{ field: string, label: string, before: string | null, after: string | null }>, problems: Array<{ column: string | null, field: Array<string> | null, code: ErrorCode, message: string }> }>, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> };

export type AdminPreviewProcedureImportMutationVariables = Exact<{
  input: ProcedureImportInput;
}>;


export type AdminPreviewProcedureImportMutation = { previewProcedureImport: { applied: boolean, ignoredColumns: Array<string>, summary: { total: number, created: number, updated: number, unchanged: number, rejected: number }, rows: Array<{ row: number, code: string | null, name: string | null, action: ProcedureImportAction, changes: Array<{ field: string, label: string, before: string | null, after: string | null }>, problems: Array<{ column: string | null, field: Array<string> | null, code: ErrorCode, message: string }> }>, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type AdminApplyProcedureImportMutationVariables = Exact<{
  input: ProcedureImportInput;
}>;


export type AdminApplyProcedureImportMutation = { applyProcedureImport: { applied: boolean, ignoredColumns: Array<string>, summary: { total: number, created: number, updated: number, unchanged: number, rejected: number }, rows: Array<{ row: number, code: string | null, name: string | null, action: ProcedureImportAction, changes: Array<{ field: string, label: string, before: string | null, after: string | null }>, problems: Array<{ column: string | null, field: Array<string> | null, code: ErrorCode, message: string }> }>, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type AdminCreateProcedureMutationVariables = Exact<{
  input: CreateProcedureInput;
}>;


export type AdminCreateProcedureMutation = { createProcedure: { procedure: { code: string } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type AdminProcedureListQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
  filter?: ProcedureFilter | null | undefined;
  publication?: ProcedurePublication | null | undefined;
}>;


export type AdminProcedureListQuery = { procedures: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean }, edges: Array<{ cursor: string, node: { code: string, name: string, published: boolean, onlineLevel: OnlineLevel, levels: Array<ImplementingLevel>, sector: { code: string, name: string }, timeLimits: Array<{ channel: Channel, value: number, unit: TimeUnit }> } }> } };

export type AdminQuestionnaireListQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminQuestionnaireListQuery = { questionnaires: Array<{ code: string, version: number, kind: QuestionnaireKind, name: string, status: QuestionnaireStatus, publishedAt: string | null }> };

export type AdminQuestionnaireQueryVariables = Exact<{
  code: string;
  version?: number | null | undefined;
}>;


export type AdminQuestionnaireQuery = { questionnaire: { code: string, version: number, kind: QuestionnaireKind, name: string, basis: string | null, status: QuestionnaireStatus, publishedAt: string | null, scales: Array<{ code: string, name: string, positiveFrom: number | null, levels: Array<{ value: number, label: string }> }>, factors: Array<{ code: string, name: string, criteria: Array<{ code: string, text: string }> }>, questions: Array<{ code: string, kind: SurveyQuestionKind, text: string, position: number, factor: { code: string } | null, criterion: { code: string } | null, scale: { code: string } | null, options: Array<{ code: string, text: string }> }> } | null };

export type AdminPublishQuestionnaireMutationVariables = Exact<{
  input: PublishQuestionnaireInput;
}>;


export type AdminPublishQuestionnaireMutation = { publishQuestionnaire: { questionnaire: { code: string, version: number } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type AdminRatingCommentsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
  filter?: RatingCommentFilter | null | undefined;
}>;


export type AdminRatingCommentsQuery = { ratingComments: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean }, edges: Array<{ cursor: string, node: { id: string, dossierCode: string, level: RatingLevel, comment: string | null, current: boolean, submittedAt: string, hidden: boolean, hiddenAt: string | null, hiddenReason: string | null, hiddenBy: { kind: string, name: string | null, username: string | null } | null, agency: { code: string, name: string }, procedure: { code: string, name: string } } }> } };

export type AdminHideRatingCommentMutationVariables = Exact<{
  input: HideRatingCommentInput;
}>;


export type AdminHideRatingCommentMutation = { hideRatingComment: { rating: { id: string, hidden: boolean } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type AdminRestoreRatingCommentMutationVariables = Exact<{
  input: RestoreRatingCommentInput;
}>;


export type AdminRestoreRatingCommentMutation = { restoreRatingComment: { rating: { id: string, hidden: boolean } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type AdminReformTaskListQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
  filter?: ReformTaskFilter | null | undefined;
}>;


export type AdminReformTaskListQuery = { reformTasks: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean }, edges: Array<{ cursor: string, node: { id: string, year: number, title: string, document: string | null, deadline: string, status: ReformTaskStatus, standing: ReformTaskStanding, progressPercent: number, completedOn: string | null, agency: { code: string, name: string }, lastReport: { at: string, note: string | null } | null } }> } };

export type AdminReformTaskDetailFragment = { id: string, year: number, title: string, description: string | null, document: string | null, documentDate: string | null, deadline: string, status: ReformTaskStatus, standing: ReformTaskStanding, progressPercent: number, completedOn: string | null, createdAt: string, updatedAt: string, agency: { code: string, name: string }, ownerAgency: { code: string, name: string }, createdBy: { name: string | null, username: string | null } | null, reports: Array<{ id: string, at: string, status: ReformTaskStatus, progressPercent: number, note: string | null, evidenceUrl: string | null, evidenceRef: string | null, by: { name: string | null, username: string | null } | null }> };

export type AdminReformTaskQueryVariables = Exact<{
  id: string | number;
}>;


export type AdminReformTaskQuery = { reformTask: { id: string, year: number, title: string, description: string | null, document: string | null, documentDate: string | null, deadline: string, status: ReformTaskStatus, standing: ReformTaskStanding, progressPercent: number, completedOn: string | null, createdAt: string, updatedAt: string, agency: { code: string, name: string }, ownerAgency: { code: string, name: string }, createdBy: { name: string | null, username: string | null } | null, reports: Array<{ id: string, at: string, status: ReformTaskStatus, progressPercent: number, note: string | null, evidenceUrl: string | null, evidenceRef: string | null, by: { name: string | null, username: string | null } | null }> } | null };

export type AdminCreateReformTaskMutationVariables = Exact<{
  input: CreateReformTaskInput;
}>;


export type AdminCreateReformTaskMutation = { createReformTask: { task: { id: string } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type AdminUpdateReformTaskMutationVariables = Exact<{
  input: UpdateReformTaskInput;
}>;


export type AdminUpdateReformTaskMutation = { updateReformTask: { task: { id: string } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type AdminCancelReformTaskMutationVariables = Exact<{
  input: CancelReformTaskInput;
}>;


export type AdminCancelReformTaskMutation = { cancelReformTask: { task: { id: string } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type AdminReportReformTaskProgressMutationVariables = Exact<{
  input: ReportReformTaskProgressInput;
}>;


export type AdminReportReformTaskProgressMutation = { reportReformTaskProgress: { task: { id: string } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type AdminEvaluationQueryVariables = Exact<{
  code: string;
  year: number;
  quarter: number;
}>;


export type AdminEvaluationQuery = { oneStopEvaluation: { agencyCode: string, agencyName: string, year: number, quarter: number, total: number | null, scored: number, maxScore: number, band: { label: string } | null, indicators: Array<{ number: number, name: string, selfScore: number | null, verifiedScore: number | null, effectiveScore: number | null, computed: boolean, computedScore: number | null, note: string | null, detail: string | null }> } };

export type AdminSetEvaluationScoresMutationVariables = Exact<{
  input: SetEvaluationScoresInput;
}>;


export type AdminSetEvaluationScoresMutation = { setEvaluationScores: { evaluation: { total: number | null } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type AdminPracticeSettingsFieldsFragment = { effectiveFrom: string | null, workingMinutesPerDay: number, sameDayCutoff: string, comparison: ComparisonGranularity, workingHours: Array<{ start: string, end: string }>, evaluationBands: Array<{ code: string, label: string, min: number, minInclusive: boolean }> };

export type AdminPracticeSettingsQueryVariables = Exact<{
  agencyCode: string;
  on?: string | null | undefined;
}>;


export type AdminPracticeSettingsQuery = { practiceSettings: { on: string, agency: { code: string, name: string }, province: { code: string, name: string } | null, inForce: { effectiveFrom: string | null, workingMinutesPerDay: number, sameDayCutoff: string, comparison: ComparisonGranularity, workingHours: Array<{ start: string, end: string }>, evaluationBands: Array<{ code: string, label: string, min: number, minInclusive: boolean }> }, history: Array<{ effectiveFrom: string | null, workingMinutesPerDay: number, sameDayCutoff: string, comparison: ComparisonGranularity, workingHours: Array<{ start: string, end: string }>, evaluationBands: Array<{ code: string, label: string, min: number, minInclusive: boolean }> }> } };

export type AdminPracticeProvincesQueryVariables = Exact<{
  today: string;
}>;


export type AdminPracticeProvincesQuery = { agencies: { edges: Array<{ node: { code: string, name: string } }> } };

export type AdminUpdatePracticeSettingsMutationVariables = Exact<{
  input: UpdatePracticeSettingsInput;
}>;


export type AdminUpdatePracticeSettingsMutation = { updatePracticeSettings: { settings: { effectiveFrom: string | null } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type AdminProcedureStatsQueryVariables = Exact<{
  code: string;
  agency: string;
  period: PeriodInput;
  previous: PeriodInput;
  asOf: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type AdminProcedureStatsQuery = { procedure: { code: string, name: string, sector: { name: string }, timeLimits: Array<{ channel: Channel, value: number, unit: TimeUnit }> } | null, agency: { code: string, name: string } | null, current: { asOf: string, received: number, finished: number, early: number, onTime: number, late: number, onTimeRate: number | null, lateOpen: number, medianProcessingWorkingDays: number | null, p90ProcessingWorkingDays: number | null, ratings: number, satisfactionRate: number | null, supplementRequests: number, satisfactionByTimeliness: Array<{ timeliness: TimelinessClass, ratings: number, satisfied: number, satisfactionRate: number | null }> }, previous: { asOf: string, received: number, finished: number, early: number, onTime: number, late: number, onTimeRate: number | null, lateOpen: number, medianProcessingWorkingDays: number | null, p90ProcessingWorkingDays: number | null, ratings: number, satisfactionRate: number | null, supplementRequests: number }, lateDossiers: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean }, edges: Array<{ cursor: string, node: { code: string, receivedAt: string | null, dueAt: string | null, timelinessDueAt: string | null, workingDaysOverdue: number, agency: { code: string, name: string } } }> }, ratingComments: { totalCount: number, edges: Array<{ node: { id: string, level: RatingLevel, comment: string | null, submittedAt: string, dossierCode: string, agency: { name: string } } }> } };

export type AdminGrantableAgenciesQueryVariables = Exact<{
  activeOn: string;
  after?: string | null | undefined;
}>;


export type AdminGrantableAgenciesQuery = { agencies: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { code: string, name: string, level: AgencyLevel, parent: { code: string } | null } }> } };

export type AdminUserListQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
  filter?: UserFilter | null | undefined;
}>;


export type AdminUserListQuery = { users: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean }, edges: Array<{ cursor: string, node: { username: string, displayName: string, email: string | null, active: boolean, createdAt: string, roles: Array<{ role: Role, agency: { code: string, name: string } | null }> } }> } };

export type AdminUserQueryVariables = Exact<{
  username: string;
}>;


export type AdminUserQuery = { user: { username: string, displayName: string, email: string | null, active: boolean, createdAt: string, updatedAt: string, roles: Array<{ role: Role, agency: { code: string, name: string } | null }> } | null };

export type AdminCreateUserMutationVariables = Exact<{
  input: CreateUserInput;
}>;


export type AdminCreateUserMutation = { createUser: { user: { username: string } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type AdminUpdateUserMutationVariables = Exact<{
  input: UpdateUserInput;
}>;


export type AdminUpdateUserMutation = { updateUser: { user: { username: string } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type AdminSetUserRolesMutationVariables = Exact<{
  input: SetUserRolesInput;
}>;


export type AdminSetUserRolesMutation = { setUserRoles: { user: { username: string } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type AdminDeactivateUserMutationVariables = Exact<{
  input: DeactivateUserInput;
}>;


export type AdminDeactivateUserMutation = { deactivateUser: { sessionsEnded: number | null, user: { username: string } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type AdminReactivateUserMutationVariables = Exact<{
  input: ReactivateUserInput;
}>;


export type AdminReactivateUserMutation = { reactivateUser: { user: { username: string } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type AdminResetUserPasswordMutationVariables = Exact<{
  input: ResetUserPasswordInput;
}>;


export type AdminResetUserPasswordMutation = { resetUserPassword: { sessionsEnded: number | null, user: { username: string } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const AdminReformReminderFragmentDoc = new TypedDocumentString(`
    fragment AdminReformReminder on ReformTask {
  id
  title
  document
  deadline
  progressPercent
  status
  agency {
    code
    name
  }
}
    `, {"fragmentName":"AdminReformReminder"}) as unknown as TypedDocumentString<AdminReformReminderFragment, unknown>;
export const DashboardFiguresFragmentDoc = new TypedDocumentString(`
    fragment DashboardFigures on ServiceStats {
  asOf
  received
  finished
  early
  onTime
  late
  onTimeRate
  lateOpen
  medianProcessingWorkingDays
  p90ProcessingWorkingDays
  ratings
  satisfactionRate
  supplementRequests
}
    `, {"fragmentName":"DashboardFigures"}) as unknown as TypedDocumentString<DashboardFiguresFragment, unknown>;
export const DashboardRowFragmentDoc = new TypedDocumentString(`
    fragment DashboardRow on StatsBreakdownRow {
  key
  name
  own
  received
  finished
  late
  lateOpen
  onTimeRate
  ratings
  satisfactionRate
  supplementRequests
}
    `, {"fragmentName":"DashboardRow"}) as unknown as TypedDocumentString<DashboardRowFragment, unknown>;
export const AdminVersionContentFragmentDoc = new TypedDocumentString(`
    fragment AdminVersionContent on ProcedureVersion {
  version
  name
  appliesFrom
  createdAt
  createdBy
  decisionNumber
  decisionDate
  effectiveFrom
  effectiveTo
  source
  sameDayCutoff
  timeLimits {
    channel
    value
    unit
    note
    unverified
  }
  fees {
    channel
    name
    amountVnd
    note
  }
  steps {
    case
    steps
  }
  channelsText
  dossierComponents {
    name
    originals
    copies
    form
  }
  applicants
  implementingText
  results
  forms {
    name
    url
  }
  conditions
  legalBasis {
    number
    title
  }
}
    `, {"fragmentName":"AdminVersionContent"}) as unknown as TypedDocumentString<AdminVersionContentFragment, unknown>;
export const AdminImportReportFragmentDoc = new TypedDocumentString(`
    fragment AdminImportReport on ProcedureImportPayload {
  applied
  ignoredColumns
  summary {
    total
    created
    updated
    unchanged
    rejected
  }
  rows {
    row
    code
    name
    action
    changes {
      field
      label
      before
      after
    }
    problems {
      column
      field
      code
      message
    }
  }
  userErrors {
    field
    code
    message
  }
}
    `, {"fragmentName":"AdminImportReport"}) as unknown as TypedDocumentString<AdminImportReportFragment, unknown>;
export const AdminReformTaskDetailFragmentDoc = new TypedDocumentString(`
    fragment AdminReformTaskDetail on ReformTask {
  id
  year
  title
  description
  document
  documentDate
  deadline
  status
  standing
  progressPercent
  completedOn
  agency {
    code
    name
  }
  ownerAgency {
    code
    name
  }
  createdBy {
    name
    username
  }
  createdAt
  updatedAt
  reports {
    id
    at
    status
    progressPercent
    note
    evidenceUrl
    evidenceRef
    by {
      name
      username
    }
  }
}
    `, {"fragmentName":"AdminReformTaskDetail"}) as unknown as TypedDocumentString<AdminReformTaskDetailFragment, unknown>;
export const AdminPracticeSettingsFieldsFragmentDoc = new TypedDocumentString(`
    fragment AdminPracticeSettingsFields on PracticeSettings {
  effectiveFrom
  workingHours {
    start
    end
  }
  workingMinutesPerDay
  sameDayCutoff
  comparison
  evaluationBands {
    code
    label
    min
    minInclusive
  }
}
    `, {"fragmentName":"AdminPracticeSettingsFields"}) as unknown as TypedDocumentString<AdminPracticeSettingsFieldsFragment, unknown>;
export const AdminReformTaskRemindersDocument = new TypedDocumentString(`
    query AdminReformTaskReminders($agencyCode: String, $dueWithinDays: Int) {
  reformTaskReminders(agencyCode: $agencyCode, dueWithinDays: $dueWithinDays) {
    today
    dueWithinDays
    overdue {
      ...AdminReformReminder
    }
    dueSoon {
      ...AdminReformReminder
    }
  }
}
    fragment AdminReformReminder on ReformTask {
  id
  title
  document
  deadline
  progressPercent
  status
  agency {
    code
    name
  }
}`, {"hash":"sha256:cb66f55d97477d2886f7fb5eae5cf9d874f17e22ac406065f8487b8bc0e13949"}) as unknown as TypedDocumentString<AdminReformTaskRemindersQuery, AdminReformTaskRemindersQueryVariables>;
export const AdminAgencyReportDocument = new TypedDocumentString(`
    query AdminAgencyReport($code: String!, $period: PeriodInput!) {
  agencyReport(agencyCode: $code, period: $period) {
    agencyCode
    agencyName
    from
    to
    year
    quarters
    generatedAt
    asOf
    parts
    tables {
      id
      part
      title
      source
      note
      columns {
        key
        header
        format
        width
      }
      rows {
        total
        format
        cells {
          text
          number
        }
      }
    }
  }
}
    `, {"hash":"sha256:4d0c89b6627e8e5c0e91b6b4af0ea7ddca7ea1883e48a0304276bc2dcebdcb53"}) as unknown as TypedDocumentString<AdminAgencyReportQuery, AdminAgencyReportQueryVariables>;
export const AdminReportUnitsDocument = new TypedDocumentString(`
    query AdminReportUnits($code: String!, $today: Date!) {
  agency(code: $code, activeOn: $today) {
    code
    name
    level
    parent {
      name
      level
      parent {
        name
        level
      }
    }
    children(activeOn: $today) {
      code
      name
    }
  }
}
    `, {"hash":"sha256:d528a82f209c825c592ec21d2cfd54633d0a126f1e853607c899330420a08f67"}) as unknown as TypedDocumentString<AdminReportUnitsQuery, AdminReportUnitsQueryVariables>;
export const AdminReportProvincesDocument = new TypedDocumentString(`
    query AdminReportProvinces($today: Date!) {
  agencies(first: 100, filter: {level: PROVINCE, activeOn: $today}) {
    edges {
      node {
        code
        name
      }
    }
  }
}
    `, {"hash":"sha256:0e6bc58ac559e506277bb61034b7a924354a5c2f735e26d081ad0daf5c104d1a"}) as unknown as TypedDocumentString<AdminReportProvincesQuery, AdminReportProvincesQueryVariables>;
export const AdminSectorsDocument = new TypedDocumentString(`
    query AdminSectors {
  sectors {
    code
    name
  }
}
    `, {"hash":"sha256:5d2e77db101853ed1b7f5d44fa0e2b9b813ff3189b4f71d7755cae162fa2da66"}) as unknown as TypedDocumentString<AdminSectorsQuery, AdminSectorsQueryVariables>;
export const AdminSignInDocument = new TypedDocumentString(`
    mutation AdminSignIn($input: SignInInput!) {
  signIn(input: $input) {
    token
    expiresAt
    userErrors {
      field
      code
      message
    }
  }
}
    `, {"hash":"sha256:c8b2bdbd36b82dc81a34cef620af3f2b397d995c7e48b0d303a3e26f3a802b84"}) as unknown as TypedDocumentString<AdminSignInMutation, AdminSignInMutationVariables>;
export const AdminSignOutDocument = new TypedDocumentString(`
    mutation AdminSignOut {
  signOut {
    ok
  }
}
    `, {"hash":"sha256:1392251cadbb45ac9ea918d7f54ff61518cff4d2042b888819dcc392852f69f0"}) as unknown as TypedDocumentString<AdminSignOutMutation, AdminSignOutMutationVariables>;
export const AdminViewerDocument = new TypedDocumentString(`
    query AdminViewer {
  viewer {
    kind
    name
    username
    roles {
      role
      agency {
        code
        name
        level
      }
    }
  }
}
    `, {"hash":"sha256:2a84c5bfeeec33b9f32af22077336371dc3cfc5ffdbf605728aa8f3a137f9cac"}) as unknown as TypedDocumentString<AdminViewerQuery, AdminViewerQueryVariables>;
export const AdminChangePasswordDocument = new TypedDocumentString(`
    mutation AdminChangePassword($input: ChangePasswordInput!) {
  changePassword(input: $input) {
    ok
    sessionsEnded
    userErrors {
      field
      code
      message
    }
  }
}
    `, {"hash":"sha256:71fb0627254f1e61cdd5ae20686a9c145555e4f6199271b750a75de24cdacfb5"}) as unknown as TypedDocumentString<AdminChangePasswordMutation, AdminChangePasswordMutationVariables>;
export const AdminAgenciesDocument = new TypedDocumentString(`
    query AdminAgencies($first: Int, $after: String, $filter: AgencyFilter) {
  agencies(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        code
        name
        shortName
        level
        validFrom
        validTo
        parent {
          id
          code
          name
        }
        successor {
          code
          name
        }
      }
    }
  }
}
    `, {"hash":"sha256:3d5ba6d5f6bb5bd2254061ff85c01cb4b33403df044b88551e63723601f2fdb7"}) as unknown as TypedDocumentString<AdminAgenciesQuery, AdminAgenciesQueryVariables>;
export const AdminAgencyDocument = new TypedDocumentString(`
    query AdminAgency($code: String!, $activeOn: Date, $first: Int, $after: String, $last: Int, $before: String) {
  agency(code: $code, activeOn: $activeOn) {
    id
    code
    name
    shortName
    level
    note
    dossierPrefix
    validFrom
    validTo
    parent {
      code
      name
      validTo
      parent {
        code
        parent {
          code
        }
      }
    }
    successor {
      code
      name
      validFrom
      validTo
      parent {
        code
        parent {
          code
        }
      }
    }
    children {
      code
      name
      level
      validFrom
      validTo
      successor {
        code
        name
      }
    }
    predecessors {
      code
      name
      level
      validFrom
      validTo
    }
    procedures(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
      }
      edges {
        cursor
        node {
          code
          name
          sector {
            name
          }
        }
      }
    }
  }
}
    `, {"hash":"sha256:f46325a6ce8f4d1e401a3364dd685ae18340bdb5dbeb5fae5194b6a36b7a1e5f"}) as unknown as TypedDocumentString<AdminAgencyQuery, AdminAgencyQueryVariables>;
export const AdminAgencyBriefDocument = new TypedDocumentString(`
    query AdminAgencyBrief($code: String!, $activeOn: Date) {
  agency(code: $code, activeOn: $activeOn) {
    code
    name
    level
    validFrom
    validTo
  }
}
    `, {"hash":"sha256:a6789ff74b47b033d77caf6ad5b0023f3ec354aa67805a90a5e66413a0a3ad1a"}) as unknown as TypedDocumentString<AdminAgencyBriefQuery, AdminAgencyBriefQueryVariables>;
export const AdminProcedureSearchForAgencyDocument = new TypedDocumentString(`
    query AdminProcedureSearchForAgency($search: String!) {
  procedures(first: 20, filter: {search: $search}) {
    totalCount
    edges {
      node {
        code
        name
      }
    }
  }
}
    `, {"hash":"sha256:fba6c4bd066e239183012295bbcc68540f27402f0254c162fb4bc33b01418900"}) as unknown as TypedDocumentString<AdminProcedureSearchForAgencyQuery, AdminProcedureSearchForAgencyQueryVariables>;
export const AdminUpdateAgencyDocument = new TypedDocumentString(`
    mutation AdminUpdateAgency($input: UpdateAgencyInput!) {
  updateAgency(input: $input) {
    agency {
      code
    }
    userErrors {
      field
      code
      message
    }
  }
}
    `, {"hash":"sha256:8fa0fcd8d2e43e623e8a82c247e98acc91307b28cd18f22a64d97114df640c32"}) as unknown as TypedDocumentString<AdminUpdateAgencyMutation, AdminUpdateAgencyMutationVariables>;
export const AdminCreateAgencyDocument = new TypedDocumentString(`
    mutation AdminCreateAgency($input: CreateAgencyInput!) {
  createAgency(input: $input) {
    agency {
      code
      validTo
    }
    userErrors {
      field
      code
      message
    }
  }
}
    `, {"hash":"sha256:0eb70938df3a4722295f79cbe2c010f92fd1d211c68c84cac7748f207e327742"}) as unknown as TypedDocumentString<AdminCreateAgencyMutation, AdminCreateAgencyMutationVariables>;
export const AdminMoveAgencyDocument = new TypedDocumentString(`
    mutation AdminMoveAgency($input: MoveAgencyInput!) {
  moveAgency(input: $input) {
    agency {
      code
      parent {
        name
      }
    }
    userErrors {
      field
      code
      message
    }
  }
}
    `, {"hash":"sha256:7cbe9c208ee1e5650154556f51843b7abd6af77f19be1143ce8c46927e3390b1"}) as unknown as TypedDocumentString<AdminMoveAgencyMutation, AdminMoveAgencyMutationVariables>;
export const AdminMergeAgencyDocument = new TypedDocumentString(`
    mutation AdminMergeAgency($input: MergeAgencyInput!) {
  mergeAgency(input: $input) {
    agency {
      code
      validTo
    }
    successor {
      code
      name
    }
    userErrors {
      field
      code
      message
    }
  }
}
    `, {"hash":"sha256:fd7d3d71b047e74a0f93fe4c40caf8c1c5776f54ce63e8c7df45c105c058c992"}) as unknown as TypedDocumentString<AdminMergeAgencyMutation, AdminMergeAgencyMutationVariables>;
export const AdminSetAgencyProceduresDocument = new TypedDocumentString(`
    mutation AdminSetAgencyProcedures($input: SetAgencyProceduresInput!) {
  setAgencyProcedures(input: $input) {
    added
    removed
    userErrors {
      field
      code
      message
    }
  }
}
    `, {"hash":"sha256:445206e23ad035ea3a9f1217daecdcbb92dd188c67c72cdd7e353bf728d09f24"}) as unknown as TypedDocumentString<AdminSetAgencyProceduresMutation, AdminSetAgencyProceduresMutationVariables>;
export const AdminApiKeyListDocument = new TypedDocumentString(`
    query AdminApiKeyList($first: Int, $after: String, $last: Int, $before: String, $filter: ApiKeyFilter) {
  apiKeys(
    first: $first
    after: $after
    last: $last
    before: $before
    filter: $filter
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
    }
    edges {
      cursor
      node {
        id
        name
        prefix
        scopes
        agency {
          code
          name
        }
        rateLimitPerMinute
        active
        createdAt
        lastUsedAt
        revokedAt
      }
    }
  }
}
    `, {"hash":"sha256:fde9162260172a584138b7ecd5bc24b221081462d53ff89358cdabea9c1d6d9f"}) as unknown as TypedDocumentString<AdminApiKeyListQuery, AdminApiKeyListQueryVariables>;
export const AdminCreateApiKeyDocument = new TypedDocumentString(`
    mutation AdminCreateApiKey($input: CreateApiKeyInput!) {
  createApiKey(input: $input) {
    apiKey {
      id
      name
      prefix
      scopes
      agency {
        code
        name
      }
      rateLimitPerMinute
    }
    secret
    userErrors {
      field
      code
      message
    }
  }
}
    `, {"hash":"sha256:0b448656f0dc8e523974ae1802168af6189b44ff7bba452f87a07338555b1e19"}) as unknown as TypedDocumentString<AdminCreateApiKeyMutation, AdminCreateApiKeyMutationVariables>;
export const AdminRevokeApiKeyDocument = new TypedDocumentString(`
    mutation AdminRevokeApiKey($input: RevokeApiKeyInput!) {
  revokeApiKey(input: $input) {
    apiKey {
      id
      name
    }
    userErrors {
      field
      code
      message
    }
  }
}
    `, {"hash":"sha256:32689fe759f31049de93a7f5c42e0603eefe2db8b2e4a57a334be8beda22aa47"}) as unknown as TypedDocumentString<AdminRevokeApiKeyMutation, AdminRevokeApiKeyMutationVariables>;
export const AdminAuditLogDocument = new TypedDocumentString(`
    query AdminAuditLog($first: Int, $after: String, $last: Int, $before: String, $filter: AuditLogFilter) {
  auditLog(
    first: $first
    after: $after
    last: $last
    before: $before
    filter: $filter
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
    }
    edges {
      cursor
      node {
        id
        at
        actor
        who {
          kind
          name
          username
        }
        action
        entity
        entityId
        agency {
          code
          name
        }
        data
      }
    }
  }
}
    `, {"hash":"sha256:f0e1139f8542eaf4de18c3f6ff38bdf39189ad95e022ea5b81eb11824f649336"}) as unknown as TypedDocumentString<AdminAuditLogQuery, AdminAuditLogQueryVariables>;
export const AdminCalendarDaysDocument = new TypedDocumentString(`
    query AdminCalendarDays($from: Date!, $to: Date!) {
  calendarDays(from: $from, to: $to) {
    date
    working
    kind
    note
    source
  }
}
    `, {"hash":"sha256:cc9bd9c3563d6efa666656b2df051ba89f3ac19d39f0fc9e4f5b29d547f5404b"}) as unknown as TypedDocumentString<AdminCalendarDaysQuery, AdminCalendarDaysQueryVariables>;
export const AdminCalendarPreviewDocument = new TypedDocumentString(`
    query AdminCalendarPreview($input: UpdateCalendarDaysInput!) {
  calendarChangePreview(input: $input) {
    turnedDays
    movedDossiers
    movedLater
    movedEarlier
    suppliedDueDates
    examples {
      dossierCode
      procedureCode
      procedureName
      agencyName
      receivedAt
      dueBefore
      dueAfter
    }
    userErrors {
      field
      code
      message
    }
  }
}
    `, {"hash":"sha256:13b79205a8ad726aa9fdc2b78a47aff8689e5c279e70cd9ab82e5ba558cdf261"}) as unknown as TypedDocumentString<AdminCalendarPreviewQuery, AdminCalendarPreviewQueryVariables>;
export const AdminCalendarUpdateDocument = new TypedDocumentString(`
    mutation AdminCalendarUpdate($input: UpdateCalendarDaysInput!) {
  updateCalendarDays(input: $input) {
    days {
      date
    }
    removed
    userErrors {
      field
      code
      message
    }
  }
}
    `, {"hash":"sha256:41066a36f8eaf5fa813804dbebf05dcf94dbf3c589873d1643cf586236983d47"}) as unknown as TypedDocumentString<AdminCalendarUpdateMutation, AdminCalendarUpdateMutationVariables>;
export const AdminDashboardProvinceDocument = new TypedDocumentString(`
    query AdminDashboardProvince($today: Date!) {
  agencies(first: 1, filter: {level: PROVINCE, activeOn: $today}) {
    edges {
      node {
        code
      }
    }
  }
}
    `, {"hash":"sha256:ff27b1ed6d935231950d0db3280e71ccba2e29314a1272dc89a2ff45fcff7d44"}) as unknown as TypedDocumentString<AdminDashboardProvinceQuery, AdminDashboardProvinceQueryVariables>;
export const AdminDashboardUnitDocument = new TypedDocumentString(`
    query AdminDashboardUnit($code: String!, $asOf: Date!) {
  agency(code: $code) {
    code
    name
    level
    validTo
    successor {
      code
      name
    }
    parent {
      code
      name
      parent {
        code
        name
        parent {
          code
          name
        }
      }
    }
    children {
      code
      name
      validTo
    }
    predecessors {
      code
      name
      validTo
    }
  }
  lateDossiers(scope: {agencyCode: $code}, asOf: $asOf, first: 10) {
    totalCount
    edges {
      node {
        code
        receivedAt
        dueAt
        timelinessDueAt
        workingDaysOverdue
        procedure {
          code
          name
        }
        agency {
          code
          name
        }
      }
    }
  }
}
    `, {"hash":"sha256:dc66ba6d18dad8c727f70bebd75d40dd450e3634b29592b26fa89a36bd6ebfa9"}) as unknown as TypedDocumentString<AdminDashboardUnitQuery, AdminDashboardUnitQueryVariables>;
export const AdminDashboardFiguresDocument = new TypedDocumentString(`
    query AdminDashboardFigures($code: String!, $period: PeriodInput!, $previous: PeriodInput!, $trend: PeriodInput!) {
  current: stats(scope: {agencyCode: $code}, period: $period) {
    ...DashboardFigures
    satisfactionByTimeliness {
      timeliness
      ratings
      satisfied
      satisfactionRate
    }
  }
  previous: stats(scope: {agencyCode: $code}, period: $previous) {
    ...DashboardFigures
  }
  trend: stats(scope: {agencyCode: $code}, period: $trend) {
    byMonth {
      month
      received
      onTimeRate
      satisfactionRate
      byChannel {
        channel
        received
      }
    }
  }
  index766(agencyCode: $code, period: $period) {
    total
    indicators {
      id
      score
      maxScore
      numerator
      denominator
      noData
    }
  }
  previousIndex766: index766(agencyCode: $code, period: $previous) {
    total
    indicators {
      id
      score
    }
  }
  units: statsBreakdown(scope: {agencyCode: $code}, period: $period, by: UNIT) {
    ...DashboardRow
  }
  procedures: statsBreakdown(
    scope: {agencyCode: $code}
    period: $period
    by: PROCEDURE
  ) {
    ...DashboardRow
  }
}
    fragment DashboardFigures on ServiceStats {
  asOf
  received
  finished
  early
  onTime
  late
  onTimeRate
  lateOpen
  medianProcessingWorkingDays
  p90ProcessingWorkingDays
  ratings
  satisfactionRate
  supplementRequests
}
fragment DashboardRow on StatsBreakdownRow {
  key
  name
  own
  received
  finished
  late
  lateOpen
  onTimeRate
  ratings
  satisfactionRate
  supplementRequests
}`, {"hash":"sha256:50e87e724a09efcd50876552642b17c404a718fb4f7698508d7481ab51ca259e"}) as unknown as TypedDocumentString<AdminDashboardFiguresQuery, AdminDashboardFiguresQueryVariables>;
export const AdminDashboardEvaluationDocument = new TypedDocumentString(`
    query AdminDashboardEvaluation($code: String!, $year: Int!, $quarter: Int!, $previousYear: Int!, $previousQuarter: Int!) {
  current: oneStopEvaluation(agencyCode: $code, year: $year, quarter: $quarter) {
    year
    quarter
    total
    maxScore
    scored
    band {
      label
    }
  }
  previous: oneStopEvaluation(
    agencyCode: $code
    year: $previousYear
    quarter: $previousQuarter
  ) {
    total
  }
}
    `, {"hash":"sha256:412ea59b8824385a22b82cb7b9a34e57db1e43dc1e703e7ef2861b2ccdc676be"}) as unknown as TypedDocumentString<AdminDashboardEvaluationQuery, AdminDashboardEvaluationQueryVariables>;
export const AdminDashboardSipasDocument = new TypedDocumentString(`
    query AdminDashboardSipas($code: String!, $period: PeriodInput!, $previous: PeriodInput!) {
  current: sipas(agencyCode: $code, period: $period) {
    index
    respondents
  }
  previous: sipas(agencyCode: $code, period: $previous) {
    index
    respondents
  }
}
    `, {"hash":"sha256:7f483fefd69da6a8a24890d4740f15f9e5aac7ccc11d6839ae56dd7e2446a12d"}) as unknown as TypedDocumentString<AdminDashboardSipasQuery, AdminDashboardSipasQueryVariables>;
export const AdminStatsChangedDocument = new TypedDocumentString(`
    subscription AdminStatsChanged($code: String!, $procedure: String, $period: PeriodInput!) {
  statsChanged(
    scope: {agencyCode: $code, procedureCode: $procedure}
    period: $period
  ) {
    asOf
    received
  }
}
    `, {"hash":"sha256:763abea623616e2394b2246f8b3b48a1885a27a5a4290bc7415e1bfc08419beb"}) as unknown as TypedDocumentString<AdminStatsChangedSubscription, AdminStatsChangedSubscriptionVariables>;
export const AdminDossierDocument = new TypedDocumentString(`
    query AdminDossier($code: String!) {
  dossier(code: $code) {
    code
    status
    channel
    applicantType
    receivedAt
    dueAt
    initialDueAt
    resolvedAt
    returnedAt
    endedAt
    supplementRequests
    apologies
    pausedWorkingMinutes
    processingWorkingMinutes
    timeliness
    procedure {
      code
      name
    }
    agency {
      code
      name
    }
    events {
      sequence
      status
      occurredAt
      dueAt
      apologyRef
      recordedAt
    }
    dueDateChanges {
      reason
      previousDueAt
      newDueAt
      apologyRef
      changedAt
      apologyTimely
      apologyDeadline
    }
  }
}
    `, {"hash":"sha256:9105ebd9a06494493f86519961dc135342c0830bba6328064dedf551ff5f9183"}) as unknown as TypedDocumentString<AdminDossierQuery, AdminDossierQueryVariables>;
export const AdminProcedureDocument = new TypedDocumentString(`
    query AdminProcedure($code: String!) {
  procedure(code: $code) {
    code
    variantCode
    name
    published
    sector {
      code
      name
    }
    levels
    onlineLevel
    eligibleForFullOnline
    currentAgencies {
      code
      name
    }
    currentVersion {
      version
    }
    latestVersion {
      ...AdminVersionContent
    }
    versions {
      version
      name
      appliesFrom
      createdAt
      createdBy
      author {
        name
        username
      }
      decisionNumber
      decisionDate
      effectiveFrom
      changes {
        field
        label
        before
        after
      }
    }
  }
}
    fragment AdminVersionContent on ProcedureVersion {
  version
  name
  appliesFrom
  createdAt
  createdBy
  decisionNumber
  decisionDate
  effectiveFrom
  effectiveTo
  source
  sameDayCutoff
  timeLimits {
    channel
    value
    unit
    note
    unverified
  }
  fees {
    channel
    name
    amountVnd
    note
  }
  steps {
    case
    steps
  }
  channelsText
  dossierComponents {
    name
    originals
    copies
    form
  }
  applicants
  implementingText
  results
  forms {
    name
    url
  }
  conditions
  legalBasis {
    number
    title
  }
}`, {"hash":"sha256:7a08c16d7daa7756f712cf8e9c51c4cedfdff2f044f9356477423460af85bb92"}) as unknown as TypedDocumentString<AdminProcedureQuery, AdminProcedureQueryVariables>;
export const AdminUpdateProcedureDocument = new TypedDocumentString(`
    mutation AdminUpdateProcedure($input: UpdateProcedureInput!) {
  updateProcedure(input: $input) {
    changes {
      field
      label
    }
    version {
      version
      appliesFrom
    }
    userErrors {
      field
      code
      message
    }
  }
}
    `, {"hash":"sha256:fd00af15232a96e0696ee608cc9a7d36d52c96d0e9944e2b72f3115b8a1b0e91"}) as unknown as TypedDocumentString<AdminUpdateProcedureMutation, AdminUpdateProcedureMutationVariables>;
export const AdminPublishProcedureDocument = new TypedDocumentString(`
    mutation AdminPublishProcedure($input: PublishProcedureInput!) {
  publishProcedure(input: $input) {
    procedure {
      published
    }
    userErrors {
      field
      code
      message
    }
  }
}
    `, {"hash":"sha256:8be82a10e8cabffefb47b287156b0059359dda6cb82af53618d2b940acd82ac7"}) as unknown as TypedDocumentString<AdminPublishProcedureMutation, AdminPublishProcedureMutationVariables>;
export const AdminWithdrawProcedureDocument = new TypedDocumentString(`
    mutation AdminWithdrawProcedure($input: WithdrawProcedureInput!) {
  withdrawProcedure(input: $input) {
    procedure {
      published
    }
    userErrors {
      field
      code
      message
    }
  }
}
    `, {"hash":"sha256:25bdfba9b6fde7d8227c7cf06a5dd187ef2bbcbba7ba4e4af7a5416885cf0c26"}) as unknown as TypedDocumentString<AdminWithdrawProcedureMutation, AdminWithdrawProcedureMutationVariables>;
export const AdminPreviewProcedureImportDocument = new TypedDocumentString(`
    mutation AdminPreviewProcedureImport($input: ProcedureImportInput!) {
  previewProcedureImport(input: $input) {
    ...AdminImportReport
  }
}
    fragment AdminImportReport on ProcedureImportPayload {
  applied
  ignoredColumns
  summary {
    total
    created
    updated
    unchanged
    rejected
  }
  rows {
    row
    code
    name
    action
    changes {
      field
      label
      before
      after
    }
    problems {
      column
      field
      code
      message
    }
  }
  userErrors {
    field
    code
    message
  }
}`, {"hash":"sha256:63a1e352ee9f000565c6de467ad453faf3b591b9b607e8380562d7b725e25889"}) as unknown as TypedDocumentString<AdminPreviewProcedureImportMutation, AdminPreviewProcedureImportMutationVariables>;
export const AdminApplyProcedureImportDocument = new TypedDocumentString(`
    mutation AdminApplyProcedureImport($input: ProcedureImportInput!) {
  applyProcedureImport(input: $input) {
    ...AdminImportReport
  }
}
    fragment AdminImportReport on ProcedureImportPayload {
  applied
  ignoredColumns
  summary {
    total
    created
    updated
    unchanged
    rejected
  }
  rows {
    row
    code
    name
    action
    changes {
      field
      label
      before
      after
    }
    problems {
      column
      field
      code
      message
    }
  }
  userErrors {
    field
    code
    message
  }
}`, {"hash":"sha256:ead33c2c66f108c7948a61ad8fb7d43ad8f54365c39c30afb61b43353fd85b18"}) as unknown as TypedDocumentString<AdminApplyProcedureImportMutation, AdminApplyProcedureImportMutationVariables>;
export const AdminCreateProcedureDocument = new TypedDocumentString(`
    mutation AdminCreateProcedure($input: CreateProcedureInput!) {
  createProcedure(input: $input) {
    procedure {
      code
    }
    userErrors {
      field
      code
      message
    }
  }
}
    `, {"hash":"sha256:18aa3e36489e06ae274e0eef1f9438ca797a253b09c96689f8da00e8e5819d31"}) as unknown as TypedDocumentString<AdminCreateProcedureMutation, AdminCreateProcedureMutationVariables>;
export const AdminProcedureListDocument = new TypedDocumentString(`
    query AdminProcedureList($first: Int, $after: String, $last: Int, $before: String, $filter: ProcedureFilter, $publication: ProcedurePublication) {
  procedures(
    first: $first
    after: $after
    last: $last
    before: $before
    filter: $filter
    publication: $publication
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
    }
    edges {
      cursor
      node {
        code
        name
        published
        sector {
          code
          name
        }
        onlineLevel
        levels
        timeLimits {
          channel
          value
          unit
        }
      }
    }
  }
}
    `, {"hash":"sha256:c9fe41f09e5c46663346285b2d6b9be4c8230bfafc6196ee30104438f5875e1f"}) as unknown as TypedDocumentString<AdminProcedureListQuery, AdminProcedureListQueryVariables>;
export const AdminQuestionnaireListDocument = new TypedDocumentString(`
    query AdminQuestionnaireList {
  questionnaires {
    code
    version
    kind
    name
    status
    publishedAt
  }
}
    `, {"hash":"sha256:81745ecc36a4f9a83d1234cc105e79ffc4f15f47e8c4c6a2d0128b9ebc98e9f9"}) as unknown as TypedDocumentString<AdminQuestionnaireListQuery, AdminQuestionnaireListQueryVariables>;
export const AdminQuestionnaireDocument = new TypedDocumentString(`
    query AdminQuestionnaire($code: String!, $version: Int) {
  questionnaire(code: $code, version: $version) {
    code
    version
    kind
    name
    basis
    status
    publishedAt
    scales {
      code
      name
      positiveFrom
      levels {
        value
        label
      }
    }
    factors {
      code
      name
      criteria {
        code
        text
      }
    }
    questions {
      code
      kind
      text
      position
      factor {
        code
      }
      criterion {
        code
      }
      scale {
        code
      }
      options {
        code
        text
      }
    }
  }
}
    `, {"hash":"sha256:102c5a7d6d23fd5fccb72f85faca74e3301c94f059fe5f75ff25fe8be146a61a"}) as unknown as TypedDocumentString<AdminQuestionnaireQuery, AdminQuestionnaireQueryVariables>;
export const AdminPublishQuestionnaireDocument = new TypedDocumentString(`
    mutation AdminPublishQuestionnaire($input: PublishQuestionnaireInput!) {
  publishQuestionnaire(input: $input) {
    questionnaire {
      code
      version
    }
    userErrors {
      field
      code
      message
    }
  }
}
    `, {"hash":"sha256:fb152ebea3cee1e14dd18bcff2ce76b3008dbc7c5b5731149405b3a0cd412029"}) as unknown as TypedDocumentString<AdminPublishQuestionnaireMutation, AdminPublishQuestionnaireMutationVariables>;
export const AdminRatingCommentsDocument = new TypedDocumentString(`
    query AdminRatingComments($first: Int, $after: String, $last: Int, $before: String, $filter: RatingCommentFilter) {
  ratingComments(
    first: $first
    after: $after
    last: $last
    before: $before
    filter: $filter
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
    }
    edges {
      cursor
      node {
        id
        dossierCode
        level
        comment
        current
        submittedAt
        hidden
        hiddenAt
        hiddenReason
        hiddenBy {
          kind
          name
          username
        }
        agency {
          code
          name
        }
        procedure {
          code
          name
        }
      }
    }
  }
}
    `, {"hash":"sha256:6345f883459023b8b066c4e37013ff30cabb45665929434ffeceddb86a42e4bb"}) as unknown as TypedDocumentString<AdminRatingCommentsQuery, AdminRatingCommentsQueryVariables>;
export const AdminHideRatingCommentDocument = new TypedDocumentString(`
    mutation AdminHideRatingComment($input: HideRatingCommentInput!) {
  hideRatingComment(input: $input) {
    rating {
      id
      hidden
    }
    userErrors {
      field
      code
      message
    }
  }
}
    `, {"hash":"sha256:6604fc65eb3f934b7d599f9c80f94d23d526938ac6bf68c13c8e31e94b813390"}) as unknown as TypedDocumentString<AdminHideRatingCommentMutation, AdminHideRatingCommentMutationVariables>;
export const AdminRestoreRatingCommentDocument = new TypedDocumentString(`
    mutation AdminRestoreRatingComment($input: RestoreRatingCommentInput!) {
  restoreRatingComment(input: $input) {
    rating {
      id
      hidden
    }
    userErrors {
      field
      code
      message
    }
  }
}
    `, {"hash":"sha256:d0554f1dbbd56b87843749e3586479260708558137fcb1f1975ae272d944965e"}) as unknown as TypedDocumentString<AdminRestoreRatingCommentMutation, AdminRestoreRatingCommentMutationVariables>;
export const AdminReformTaskListDocument = new TypedDocumentString(`
    query AdminReformTaskList($first: Int, $after: String, $last: Int, $before: String, $filter: ReformTaskFilter) {
  reformTasks(
    first: $first
    after: $after
    last: $last
    before: $before
    filter: $filter
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
    }
    edges {
      cursor
      node {
        id
        year
        title
        document
        deadline
        status
        standing
        progressPercent
        completedOn
        agency {
          code
          name
        }
        lastReport {
          at
          note
        }
      }
    }
  }
}
    `, {"hash":"sha256:a58bb0eff0309b6e82209888898fbb51b83a5fded97da68cab855c621aa9a283"}) as unknown as TypedDocumentString<AdminReformTaskListQuery, AdminReformTaskListQueryVariables>;
export const AdminReformTaskDocument = new TypedDocumentString(`
    query AdminReformTask($id: ID!) {
  reformTask(id: $id) {
    ...AdminReformTaskDetail
  }
}
    fragment AdminReformTaskDetail on ReformTask {
  id
  year
  title
  description
  document
  documentDate
  deadline
  status
  standing
  progressPercent
  completedOn
  agency {
    code
    name
  }
  ownerAgency {
    code
    name
  }
  createdBy {
    name
    username
  }
  createdAt
  updatedAt
  reports {
    id
    at
    status
    progressPercent
    note
    evidenceUrl
    evidenceRef
    by {
      name
      username
    }
  }
}`, {"hash":"sha256:9d59e9eef41b73d275b0208788a569ec944b0859d791f9c8df63d24faf5a9803"}) as unknown as TypedDocumentString<AdminReformTaskQuery, AdminReformTaskQueryVariables>;
export const AdminCreateReformTaskDocument = new TypedDocumentString(`
    mutation AdminCreateReformTask($input: CreateReformTaskInput!) {
  createReformTask(input: $input) {
    task {
      id
    }
    userErrors {
      field
      code
      message
    }
  }
}
    `, {"hash":"sha256:00e991e15822606cbd1788a141669e594d7b432e2ce3521988141f175c6548c8"}) as unknown as TypedDocumentString<AdminCreateReformTaskMutation, AdminCreateReformTaskMutationVariables>;
export const AdminUpdateReformTaskDocument = new TypedDocumentString(`
    mutation AdminUpdateReformTask($input: UpdateReformTaskInput!) {
  updateReformTask(input: $input) {
    task {
      id
    }
    userErrors {
      field
      code
      message
    }
  }
}
    `, {"hash":"sha256:9bb9c81859caa69a49aceca791a4c8f4aed69381cbc77a3932772442841469de"}) as unknown as TypedDocumentString<AdminUpdateReformTaskMutation, AdminUpdateReformTaskMutationVariables>;
export const AdminCancelReformTaskDocument = new TypedDocumentString(`
    mutation AdminCancelReformTask($input: CancelReformTaskInput!) {
  cancelReformTask(input: $input) {
    task {
      id
    }
    userErrors {
      field
      code
      message
    }
  }
}
    `, {"hash":"sha256:ca78daab8ebdbcf9187a2572600deda778c57739b9b7567721d5f69944d6ee9b"}) as unknown as TypedDocumentString<AdminCancelReformTaskMutation, AdminCancelReformTaskMutationVariables>;
export const AdminReportReformTaskProgressDocument = new TypedDocumentString(`
    mutation AdminReportReformTaskProgress($input: ReportReformTaskProgressInput!) {
  reportReformTaskProgress(input: $input) {
    task {
      id
    }
    userErrors {
      field
      code
      message
    }
  }
}
    `, {"hash":"sha256:d10cd282b40c60e62ea731e427102a596f9e03918354d465c3d63c5da32d2064"}) as unknown as TypedDocumentString<AdminReportReformTaskProgressMutation, AdminReportReformTaskProgressMutationVariables>;
export const AdminEvaluationDocument = new TypedDocumentString(`
    query AdminEvaluation($code: String!, $year: Int!, $quarter: Int!) {
  oneStopEvaluation(agencyCode: $code, year: $year, quarter: $quarter) {
    agencyCode
    agencyName
    year
    quarter
    total
    scored
    maxScore
    band {
      label
    }
    indicators {
      number
      name
      selfScore
      verifiedScore
      effectiveScore
      computed
      computedScore
      note
      detail
    }
  }
}
    `, {"hash":"sha256:9ef23df2d970316c6aba5d9dcebe2c07554d1e4410f697b34162642a6be5a913"}) as unknown as TypedDocumentString<AdminEvaluationQuery, AdminEvaluationQueryVariables>;
export const AdminSetEvaluationScoresDocument = new TypedDocumentString(`
    mutation AdminSetEvaluationScores($input: SetEvaluationScoresInput!) {
  setEvaluationScores(input: $input) {
    evaluation {
      total
    }
    userErrors {
      field
      code
      message
    }
  }
}
    `, {"hash":"sha256:55c7cda9a8b666eb699edb200e73fce0793737e405aef7ff261a5af59112f6ae"}) as unknown as TypedDocumentString<AdminSetEvaluationScoresMutation, AdminSetEvaluationScoresMutationVariables>;
export const AdminPracticeSettingsDocument = new TypedDocumentString(`
    query AdminPracticeSettings($agencyCode: String!, $on: Date) {
  practiceSettings(agencyCode: $agencyCode, on: $on) {
    agency {
      code
      name
    }
    province {
      code
      name
    }
    on
    inForce {
      ...AdminPracticeSettingsFields
    }
    history {
      ...AdminPracticeSettingsFields
    }
  }
}
    fragment AdminPracticeSettingsFields on PracticeSettings {
  effectiveFrom
  workingHours {
    start
    end
  }
  workingMinutesPerDay
  sameDayCutoff
  comparison
  evaluationBands {
    code
    label
    min
    minInclusive
  }
}`, {"hash":"sha256:1e54ce93e90b1b24ee69c9e4f500ebf298e955b3ba2535356d5b0e54771151e2"}) as unknown as TypedDocumentString<AdminPracticeSettingsQuery, AdminPracticeSettingsQueryVariables>;
export const AdminPracticeProvincesDocument = new TypedDocumentString(`
    query AdminPracticeProvinces($today: Date!) {
  agencies(first: 100, filter: {level: PROVINCE, activeOn: $today}) {
    edges {
      node {
        code
        name
      }
    }
  }
}
    `, {"hash":"sha256:d071dec3809e7465a32a49543dee1ef3429008e443a636efb3b1260351797aa0"}) as unknown as TypedDocumentString<AdminPracticeProvincesQuery, AdminPracticeProvincesQueryVariables>;
export const AdminUpdatePracticeSettingsDocument = new TypedDocumentString(`
    mutation AdminUpdatePracticeSettings($input: UpdatePracticeSettingsInput!) {
  updatePracticeSettings(input: $input) {
    settings {
      effectiveFrom
    }
    userErrors {
      field
      code
      message
    }
  }
}
    `, {"hash":"sha256:de078f8c333df5a1539394f4af9a70e6a927e16c87943f53381172b36b8aaf18"}) as unknown as TypedDocumentString<AdminUpdatePracticeSettingsMutation, AdminUpdatePracticeSettingsMutationVariables>;
export const AdminProcedureStatsDocument = new TypedDocumentString(`
    query AdminProcedureStats($code: String!, $agency: String!, $period: PeriodInput!, $previous: PeriodInput!, $asOf: Date!, $first: Int, $after: String, $last: Int, $before: String) {
  procedure(code: $code) {
    code
    name
    sector {
      name
    }
    timeLimits {
      channel
      value
      unit
    }
  }
  agency(code: $agency) {
    code
    name
  }
  current: stats(
    scope: {agencyCode: $agency, procedureCode: $code}
    period: $period
  ) {
    ...DashboardFigures
    satisfactionByTimeliness {
      timeliness
      ratings
      satisfied
      satisfactionRate
    }
  }
  previous: stats(
    scope: {agencyCode: $agency, procedureCode: $code}
    period: $previous
  ) {
    ...DashboardFigures
  }
  lateDossiers(
    scope: {agencyCode: $agency, procedureCode: $code}
    asOf: $asOf
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
    }
    edges {
      cursor
      node {
        code
        receivedAt
        dueAt
        timelinessDueAt
        workingDaysOverdue
        agency {
          code
          name
        }
      }
    }
  }
  ratingComments(
    first: 10
    filter: {procedureCode: $code, agencyCode: $agency, hidden: false}
  ) {
    totalCount
    edges {
      node {
        id
        level
        comment
        submittedAt
        dossierCode
        agency {
          name
        }
      }
    }
  }
}
    fragment DashboardFigures on ServiceStats {
  asOf
  received
  finished
  early
  onTime
  late
  onTimeRate
  lateOpen
  medianProcessingWorkingDays
  p90ProcessingWorkingDays
  ratings
  satisfactionRate
  supplementRequests
}`, {"hash":"sha256:61549eff6b7c2e5d6787b67513ab2e599699700045bc1043f5b4fcc096abfb2f"}) as unknown as TypedDocumentString<AdminProcedureStatsQuery, AdminProcedureStatsQueryVariables>;
export const AdminGrantableAgenciesDocument = new TypedDocumentString(`
    query AdminGrantableAgencies($activeOn: Date!, $after: String) {
  agencies(first: 100, after: $after, filter: {activeOn: $activeOn}) {
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        code
        name
        level
        parent {
          code
        }
      }
    }
  }
}
    `, {"hash":"sha256:43dde1cf1c7eea94aba04ca096daad4a618fc97d6bc31853b6b54f0251f52bb2"}) as unknown as TypedDocumentString<AdminGrantableAgenciesQuery, AdminGrantableAgenciesQueryVariables>;
export const AdminUserListDocument = new TypedDocumentString(`
    query AdminUserList($first: Int, $after: String, $last: Int, $before: String, $filter: UserFilter) {
  users(
    first: $first
    after: $after
    last: $last
    before: $before
    filter: $filter
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
    }
    edges {
      cursor
      node {
        username
        displayName
        email
        active
        createdAt
        roles {
          role
          agency {
            code
            name
          }
        }
      }
    }
  }
}
    `, {"hash":"sha256:f5c713fe22005fafbf05dcccb9dfcc66eb93a4ef7daf56b8b8c2dbd8da14083c"}) as unknown as TypedDocumentString<AdminUserListQuery, AdminUserListQueryVariables>;
export const AdminUserDocument = new TypedDocumentString(`
    query AdminUser($username: String!) {
  user(username: $username) {
    username
    displayName
    email
    active
    createdAt
    updatedAt
    roles {
      role
      agency {
        code
        name
      }
    }
  }
}
    `, {"hash":"sha256:c1064587ce7580d9710b26882c1b52dc486525a4e0e987b70bcf45280f24137c"}) as unknown as TypedDocumentString<AdminUserQuery, AdminUserQueryVariables>;
export const AdminCreateUserDocument = new TypedDocumentString(`
    mutation AdminCreateUser($input: CreateUserInput!) {
  createUser(input: $input) {
    user {
      username
    }
    userErrors {
      field
      code
      message
    }
  }
}
    `, {"hash":"sha256:a30fcc86b74603ea1dcac44a2157f01860c217d4d77f337ad8b207a66ecbc775"}) as unknown as TypedDocumentString<AdminCreateUserMutation, AdminCreateUserMutationVariables>;
export const AdminUpdateUserDocument = new TypedDocumentString(`
    mutation AdminUpdateUser($input: UpdateUserInput!) {
  updateUser(input: $input) {
    user {
      username
    }
    userErrors {
      field
      code
      message
    }
  }
}
    `, {"hash":"sha256:82e7ccf3eead7b1e6822312d5ad02aaae02d0a71092f02d85d50a5ea9dec6ad8"}) as unknown as TypedDocumentString<AdminUpdateUserMutation, AdminUpdateUserMutationVariables>;
export const AdminSetUserRolesDocument = new TypedDocumentString(`
    mutation AdminSetUserRoles($input: SetUserRolesInput!) {
  setUserRoles(input: $input) {
    user {
      username
    }
    userErrors {
      field
      code
      message
    }
  }
}
    `, {"hash":"sha256:e3a141349ccd45708f894a689249577a1cdb39e8eef024a09d1d72e937e10416"}) as unknown as TypedDocumentString<AdminSetUserRolesMutation, AdminSetUserRolesMutationVariables>;
export const AdminDeactivateUserDocument = new TypedDocumentString(`
    mutation AdminDeactivateUser($input: DeactivateUserInput!) {
  deactivateUser(input: $input) {
    user {
      username
    }
    sessionsEnded
    userErrors {
      field
      code
      message
    }
  }
}
    `, {"hash":"sha256:2638196369142d438e2807d38919ad77bbff5da7e903e5d071b10eb547230b18"}) as unknown as TypedDocumentString<AdminDeactivateUserMutation, AdminDeactivateUserMutationVariables>;
export const AdminReactivateUserDocument = new TypedDocumentString(`
    mutation AdminReactivateUser($input: ReactivateUserInput!) {
  reactivateUser(input: $input) {
    user {
      username
    }
    userErrors {
      field
      code
      message
    }
  }
}
    `, {"hash":"sha256:ff4dab6b670b43865436873c215a72c82d173d061b406b82cd0a9edca707d561"}) as unknown as TypedDocumentString<AdminReactivateUserMutation, AdminReactivateUserMutationVariables>;
export const AdminResetUserPasswordDocument = new TypedDocumentString(`
    mutation AdminResetUserPassword($input: ResetUserPasswordInput!) {
  resetUserPassword(input: $input) {
    user {
      username
    }
    sessionsEnded
    userErrors {
      field
      code
      message
    }
  }
}
    `, {"hash":"sha256:4716e45e02e76727248de128ec894fc1969efc903142210f0c07f1da375e4b8a"}) as unknown as TypedDocumentString<AdminResetUserPasswordMutation, AdminResetUserPasswordMutationVariables>;