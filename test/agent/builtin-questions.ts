/**
 * The built-in model's question set: conversations (one or more turns) for every intent, both
 * domains and every demo principal, with what each turn must do. Data only; the runner is
 * builtin-model.test.ts. The clock is 2026-07-01 and the warehouse is seeded up to 2026-06-30, so
 * "last month" is June 2026. No expected number is written here: the runner checks every number of
 * an answer against the governed query it runs itself for the same principal.
 */

export type DemoUser = 'admin' | 'dana' | 'alice' | 'bob' | 'carol';

/** The essentials of a query_metrics input; group_by and where are compared as sets. */
export interface ExpectedQuery {
  metrics: string[];
  group_by?: string[];
  where?: { dimension: string; operator: string; values: (string | number)[] }[];
  order_by?: string[];
  limit?: number;
  start?: string;
  end?: string;
}

export interface BuiltinTurn {
  question: string;
  /** The tools called in this turn, in order; empty: the answer comes without any tool call. */
  tools: string[];
  /** The query_metrics call (when there is one): every group_by, filter and date given must match. */
  query?: ExpectedQuery;
  /** Fields the first call of the turn must have (for tools other than query_metrics). */
  input?: Record<string, unknown>;
  /** Phrases the answer contains (case-insensitive). */
  includes?: string[];
  /** Phrases the answer never contains (case-insensitive). */
  excludes?: string[];
}

export interface BuiltinConversation {
  id: string;
  user: DemoUser;
  intent:
    | 'metric'
    | 'follow_up'
    | 'clarification'
    | 'concept'
    | 'document'
    | 'access'
    | 'tables'
    | 'help'
    | 'out_of_scope'
    | 'refusal'
    | 'no_metric'
    | 'denied'
    | 'unknown_value'
    | 'sql';
  turns: BuiltinTurn[];
}

const lastMonth = { start: '2026-06-01', end: '2026-07-01' };
const lastYear = { start: '2025-01-01', end: '2026-01-01' };
const thisYear = { start: '2026-01-01', end: '2027-01-01' };
const lastQuarter = { start: '2026-04-01', end: '2026-07-01' };
const specialty = 'practitioner__specialty__specialty_name';
const t2dm = { dimension: 'condition', operator: 'descendant_of', values: [201826] };

export const builtinQuestions: BuiltinConversation[] = [
  // Scheduling metrics
  {
    id: 'appointments-last-month',
    user: 'admin',
    intent: 'metric',
    turns: [
      {
        question: 'How many appointments were there last month?',
        tools: ['query_metrics'],
        query: { metrics: ['appointments'], group_by: [], where: [], ...lastMonth },
        includes: ['Appointments', 'June 2026', 'counted on the day they take place'],
      },
    ],
  },
  {
    id: 'cancellations-2025',
    user: 'dana',
    intent: 'metric',
    turns: [
      {
        question: 'How many cancellations in 2025?',
        tools: ['query_metrics'],
        query: { metrics: ['cancellations'], group_by: [], where: [], ...lastYear },
        includes: ['Cancellations', '2025-01-01'],
      },
    ],
  },
  {
    id: 'no-show-rate-by-channel',
    user: 'admin',
    intent: 'metric',
    turns: [
      {
        question: 'What is the no-show rate by booking channel?',
        tools: ['query_metrics'],
        query: { metrics: ['no_show_rate'], group_by: ['appointment__channel'], where: [] },
        includes: ['No-show rate', 'Booking channel', '%', 'online'],
      },
    ],
  },
  {
    id: 'highest-no-show-channel',
    user: 'admin',
    intent: 'metric',
    turns: [
      {
        question: 'Which booking channel has the highest no-show rate?',
        tools: ['query_metrics'],
        query: {
          metrics: ['no_show_rate'],
          group_by: ['appointment__channel'],
          where: [],
          order_by: ['-no_show_rate'],
        },
        includes: ['highest first', 'Highest No-show rate'],
      },
    ],
  },
  {
    id: 'lyon-teleconsultation-cancellations',
    user: 'admin',
    intent: 'metric',
    turns: [
      {
        question: 'How many teleconsultations were cancelled in Lyon last month?',
        tools: ['query_metrics'],
        query: {
          metrics: ['cancellations'],
          group_by: [],
          where: [
            { dimension: 'appointment__visit_type', operator: '=', values: ['teleconsultation'] },
            { dimension: 'practice__city', operator: '=', values: ['Lyon'] },
          ],
          ...lastMonth,
        },
        includes: ['City is Lyon', 'teleconsultation'],
      },
    ],
  },
  {
    id: 'top-specialties-no-show',
    user: 'dana',
    intent: 'metric',
    turns: [
      {
        question: 'Top 5 specialties by no-show rate',
        tools: ['query_metrics'],
        query: {
          metrics: ['no_show_rate'],
          group_by: [specialty],
          where: [],
          order_by: ['-no_show_rate'],
          limit: 5,
        },
        includes: ['Specialty', 'the first 5', 'Lowest'],
      },
    ],
  },
  {
    id: 'region-most-cancellations',
    user: 'admin',
    intent: 'metric',
    turns: [
      {
        question: 'Which region has the most cancellations?',
        tools: ['query_metrics'],
        query: {
          metrics: ['cancellations'],
          group_by: ['practice__region'],
          where: [],
          order_by: ['-cancellations'],
        },
        includes: ['Region', 'Highest Cancellations'],
      },
    ],
  },
  {
    id: 'cancellation-rate-by-channel',
    user: 'dana',
    intent: 'metric',
    turns: [
      {
        question: 'What is the cancellation rate by booking channel?',
        tools: ['query_metrics'],
        query: { metrics: ['cancellation_rate'], group_by: ['appointment__channel'], where: [] },
        includes: ['Cancellation rate', '%'],
      },
    ],
  },
  {
    id: 'teleconsultation-share-by-region',
    user: 'admin',
    intent: 'metric',
    turns: [
      {
        question: 'What share of appointments are teleconsultations in each region?',
        tools: ['query_metrics'],
        query: { metrics: ['teleconsultation_share'], group_by: ['practice__region'], where: [] },
        includes: ['Teleconsultation share', '%'],
      },
    ],
  },
  {
    id: 'waiting-time-by-specialty',
    user: 'admin',
    intent: 'metric',
    turns: [
      {
        question: 'What is the average waiting time for an appointment by specialty?',
        tools: ['query_metrics'],
        query: { metrics: ['average_booking_lead_time_days'], group_by: [specialty], where: [] },
        includes: ['Average booking lead time (days)', 'Specialty'],
      },
    ],
  },
  {
    id: 'active-practitioners-by-region',
    user: 'dana',
    intent: 'metric',
    turns: [
      {
        question: 'How many practitioners were active per region last month?',
        tools: ['query_metrics'],
        query: { metrics: ['active_practitioners'], group_by: ['practice__region'], where: [], ...lastMonth },
        includes: ['Active practitioners'],
      },
    ],
  },
  {
    id: 'patients-seen-by-practice',
    user: 'admin',
    intent: 'metric',
    turns: [
      {
        question: 'How many distinct patients were seen per practice this year?',
        tools: ['query_metrics'],
        query: { metrics: ['patients_seen'], group_by: ['practice__practice_name'], where: [], ...thisYear },
        includes: ['Distinct patients seen', 'Practice'],
      },
    ],
  },
  {
    id: 'online-bookings-weekly',
    user: 'admin',
    intent: 'metric',
    turns: [
      {
        question: 'How many bookings were made online each week since March?',
        tools: ['query_metrics'],
        query: {
          metrics: ['bookings'],
          group_by: ['metric_time__week'],
          where: [{ dimension: 'appointment__channel', operator: '=', values: ['online'] }],
          start: '2026-03-01',
          end: '2026-07-02',
        },
        includes: ['Bookings', 'Week', 'Booking channel is online'],
      },
    ],
  },
  {
    id: 'appointments-per-month',
    user: 'dana',
    intent: 'metric',
    turns: [
      {
        question: 'Appointments per month this year',
        tools: ['query_metrics'],
        query: { metrics: ['appointments'], group_by: ['metric_time__month'], where: [], ...thisYear },
        includes: ['Month', '2026-01-01'],
      },
    ],
  },
  {
    id: 'median-wait-by-region',
    user: 'admin',
    intent: 'metric',
    turns: [
      {
        question: 'What is the median waiting time per region?',
        tools: ['query_metrics'],
        query: { metrics: ['median_booking_lead_time_days'], group_by: ['practice__region'], where: [] },
        includes: ['Median booking lead time (days)'],
      },
    ],
  },
  {
    id: 'no-shows-by-practice',
    user: 'admin',
    intent: 'metric',
    turns: [
      {
        question: 'How many no-shows did each practice have last month?',
        tools: ['query_metrics'],
        query: { metrics: ['no_shows'], group_by: ['practice__practice_name'], where: [], ...lastMonth },
        includes: ['No-shows', 'without cancelling'],
      },
    ],
  },
  {
    id: 'completed-visits-by-specialty',
    user: 'dana',
    intent: 'metric',
    turns: [
      {
        question: 'How many visits were completed per specialty last quarter?',
        tools: ['query_metrics'],
        query: { metrics: ['completed_visits'], group_by: [specialty], where: [], ...lastQuarter },
        includes: ['Completed visits', 'last quarter'],
      },
    ],
  },
  {
    id: 'appointments-per-practitioner',
    user: 'admin',
    intent: 'metric',
    turns: [
      {
        question: 'How many appointments per practitioner in each specialty?',
        tools: ['query_metrics'],
        query: { metrics: ['appointments_per_practitioner'], group_by: [specialty], where: [] },
        includes: ['Appointments per practitioner'],
      },
    ],
  },
  {
    id: 'cardiology-since-march',
    user: 'admin',
    intent: 'metric',
    turns: [
      {
        question: 'How many appointments in cardiology since March?',
        tools: ['query_metrics'],
        query: {
          metrics: ['appointments'],
          group_by: [],
          where: [{ dimension: specialty, operator: '=', values: ['Cardiology'] }],
          start: '2026-03-01',
          end: '2026-07-02',
        },
        includes: ['Specialty is Cardiology', 'since March 2026'],
      },
    ],
  },
  {
    id: 'booked-hours-by-city',
    user: 'dana',
    intent: 'metric',
    turns: [
      {
        question: 'Booked hours by city in Q1 2026',
        tools: ['query_metrics'],
        query: {
          metrics: ['booked_hours'],
          group_by: ['practice__city'],
          where: [],
          start: '2026-01-01',
          end: '2026-04-01',
        },
        includes: ['Booked hours', 'City'],
      },
    ],
  },
  {
    id: 'ile-de-france-12-weeks',
    user: 'admin',
    intent: 'metric',
    turns: [
      {
        question: 'How many appointments in Île-de-France over the last 12 weeks?',
        tools: ['query_metrics'],
        query: {
          metrics: ['appointments'],
          group_by: [],
          where: [{ dimension: 'practice__region', operator: '=', values: ['Île-de-France'] }],
          start: '2026-04-09',
          end: '2026-07-02',
        },
        includes: ['Region is Île-de-France'],
      },
    ],
  },
  {
    id: 'teleconsultations-monthly-2025',
    user: 'admin',
    intent: 'metric',
    turns: [
      {
        question: 'Number of teleconsultations per month in 2025',
        tools: ['query_metrics'],
        query: { metrics: ['teleconsultations'], group_by: ['metric_time__month'], where: [], ...lastYear },
        includes: ['Teleconsultations', 'Appointments held by video'],
      },
    ],
  },
  {
    id: 'fewest-appointments-practices',
    user: 'admin',
    intent: 'metric',
    turns: [
      {
        question: 'Which 3 practices had the fewest appointments last month?',
        tools: ['query_metrics'],
        query: {
          metrics: ['appointments'],
          group_by: ['practice__practice_name'],
          where: [],
          order_by: ['appointments'],
          limit: 3,
          ...lastMonth,
        },
        includes: ['lowest first'],
      },
    ],
  },
  {
    id: 'walk-ins-yesterday',
    user: 'dana',
    intent: 'metric',
    turns: [
      {
        question: 'How many walk-in appointments were there yesterday?',
        tools: ['query_metrics'],
        query: {
          metrics: ['appointments'],
          group_by: [],
          where: [{ dimension: 'appointment__channel', operator: '=', values: ['walk_in'] }],
          start: '2026-06-30',
          end: '2026-07-01',
        },
        includes: ['yesterday'],
      },
    ],
  },
  {
    id: 'french-cancellations-lyon',
    user: 'admin',
    intent: 'metric',
    turns: [
      {
        question: "Combien d'annulations à Lyon le mois dernier ?",
        tools: ['query_metrics'],
        query: {
          metrics: ['cancellations'],
          group_by: [],
          where: [{ dimension: 'practice__city', operator: '=', values: ['Lyon'] }],
          ...lastMonth,
        },
        includes: ['Cancellations'],
      },
    ],
  },
  {
    id: 'french-no-show-rate-channel',
    user: 'dana',
    intent: 'metric',
    turns: [
      {
        question: 'Taux de lapins par canal de réservation',
        tools: ['query_metrics'],
        query: { metrics: ['no_show_rate'], group_by: ['appointment__channel'], where: [] },
        includes: ['No-show rate'],
      },
    ],
  },
  {
    id: 'no-shows-by-age-band',
    user: 'dana',
    intent: 'metric',
    turns: [
      {
        question: 'How many no-shows by age band last quarter?',
        tools: ['query_metrics'],
        query: { metrics: ['no_shows'], group_by: ['patient__age_band'], where: [], ...lastQuarter },
        includes: ['Age band', '18-39'],
      },
    ],
  },
  {
    id: 'practice-named-by-a-word',
    user: 'admin',
    intent: 'metric',
    turns: [
      {
        question: 'How many appointments at Confluence in 2025?',
        tools: ['query_metrics'],
        query: {
          metrics: ['appointments'],
          group_by: [],
          where: [
            { dimension: 'practice__practice_name', operator: '=', values: ['Centre médical Confluence'] },
          ],
          ...lastYear,
        },
        includes: ['Practice is Centre médical Confluence'],
      },
    ],
  },

  {
    id: 'two-groupings',
    user: 'dana',
    intent: 'metric',
    turns: [
      {
        question: 'Cancellations by channel and visit type in 2025',
        tools: ['query_metrics'],
        query: {
          metrics: ['cancellations'],
          group_by: ['appointment__channel', 'appointment__visit_type'],
          where: [],
          ...lastYear,
        },
        includes: ['Booking channel and Visit type'],
      },
    ],
  },
  {
    id: 'practitioners-most-no-shows',
    user: 'admin',
    intent: 'metric',
    turns: [
      {
        question: 'Which practitioners had the most no-shows last month?',
        tools: ['query_metrics'],
        query: {
          metrics: ['no_shows'],
          group_by: ['practitioner__practitioner_name'],
          where: [],
          order_by: ['-no_shows'],
          ...lastMonth,
        },
        includes: ['Practitioner'],
      },
    ],
  },

  // OMOP metrics
  {
    id: 'patients-with-type-2-diabetes',
    user: 'admin',
    intent: 'metric',
    turns: [
      {
        question: 'How many patients have type 2 diabetes?',
        tools: ['search_concepts', 'query_metrics'],
        query: { metrics: ['patients_with_condition'], group_by: [], where: [t2dm] },
        includes: [
          'Type 2 diabetes mellitus',
          'SNOMED 44054006',
          'and its descendants',
          'Patients with a condition',
        ],
      },
    ],
  },
  {
    id: 'metformin-per-year',
    user: 'dana',
    intent: 'metric',
    turns: [
      {
        question: 'How many patients were exposed to metformin each year?',
        tools: ['search_concepts', 'query_metrics'],
        query: {
          metrics: ['patients_exposed_to_drug'],
          group_by: ['metric_time__year'],
          where: [{ dimension: 'drug', operator: 'descendant_of', values: [2000000200] }],
        },
        includes: ['metformin', 'RxNorm', 'Year'],
      },
    ],
  },
  {
    id: 'hba1c-average-per-year',
    user: 'admin',
    intent: 'metric',
    turns: [
      {
        question: 'What is the average HbA1c value per year?',
        tools: ['search_concepts', 'query_metrics'],
        query: {
          metrics: ['average_measurement_value'],
          group_by: ['metric_time__year'],
          where: [{ dimension: 'measurement_concept', operator: 'descendant_of', values: [3004410] }],
        },
        includes: ['Hemoglobin A1c', 'LOINC 4548-4', 'Average measurement value'],
      },
    ],
  },
  {
    id: 'deaths-per-year',
    user: 'dana',
    intent: 'metric',
    turns: [
      {
        question: 'How many deaths per year?',
        tools: ['query_metrics'],
        query: { metrics: ['deaths'], group_by: ['metric_time__year'], where: [] },
        includes: ['Deaths', 'Patients who died in the period'],
      },
    ],
  },
  {
    id: 'patients-by-gender',
    user: 'admin',
    intent: 'metric',
    turns: [
      {
        question: 'How many patients are there by gender?',
        tools: ['query_metrics'],
        query: { metrics: ['patients'], group_by: ['person__gender'], where: [] },
        includes: ['Gender', 'female', 'male'],
      },
    ],
  },
  {
    id: 'visits-by-type-per-year',
    user: 'admin',
    intent: 'metric',
    turns: [
      {
        question: 'How many visits by visit type per year?',
        tools: ['query_metrics'],
        query: {
          metrics: ['visits'],
          group_by: ['metric_time__year', 'visit_concept__visit_type_name'],
          where: [],
        },
        includes: ['Visits', 'Visit type'],
      },
    ],
  },
  {
    id: 'drug-exposures-last-year',
    user: 'dana',
    intent: 'metric',
    turns: [
      {
        question: 'How many drug exposures last year?',
        tools: ['query_metrics'],
        query: { metrics: ['drug_exposures'], group_by: [], where: [], ...lastYear },
        includes: ['Drug exposures'],
      },
    ],
  },
  {
    id: 'measurements-last-year',
    user: 'admin',
    intent: 'metric',
    turns: [
      {
        question: 'How many measurements were recorded last year?',
        tools: ['query_metrics'],
        query: { metrics: ['measurements'], group_by: [], where: [], ...lastYear },
        includes: ['Measurements'],
      },
    ],
  },
  {
    id: 'visits-per-patient-2025',
    user: 'dana',
    intent: 'metric',
    turns: [
      {
        question: 'What was the number of visits per patient in 2025?',
        tools: ['query_metrics'],
        query: { metrics: ['visits_per_patient'], group_by: [], where: [], ...lastYear },
        includes: ['Visits per patient'],
      },
    ],
  },
  {
    id: 'asthma-by-gender',
    user: 'admin',
    intent: 'metric',
    turns: [
      {
        question: 'How many patients with asthma by gender?',
        tools: ['search_concepts', 'query_metrics'],
        query: {
          metrics: ['patients_with_condition'],
          group_by: ['person__gender'],
          where: [{ dimension: 'condition', operator: 'descendant_of', values: [317009] }],
        },
        includes: ['Asthma', 'Gender'],
      },
    ],
  },
  {
    id: 'women-with-hypertension',
    user: 'dana',
    intent: 'metric',
    turns: [
      {
        question: 'How many women have hypertension?',
        tools: ['search_concepts', 'query_metrics'],
        query: {
          metrics: ['patients_with_condition'],
          group_by: [],
          where: [
            { dimension: 'person__gender', operator: '=', values: ['female'] },
            { dimension: 'condition', operator: 'descendant_of', values: [2000000101] },
          ],
        },
        includes: ['Gender is female', 'Hypertensive disorder'],
      },
    ],
  },
  {
    id: 'top-conditions',
    user: 'dana',
    intent: 'metric',
    turns: [
      {
        question: 'Top 10 conditions by number of patients',
        tools: ['query_metrics'],
        query: {
          metrics: ['patients_with_condition'],
          group_by: ['condition__condition_name'],
          where: [],
          order_by: ['-patients_with_condition'],
          limit: 10,
        },
        includes: ['Condition', 'the first 10'],
      },
    ],
  },
  {
    id: 'inpatient-visits',
    user: 'admin',
    intent: 'metric',
    turns: [
      {
        question: 'How many inpatient visits in 2025?',
        tools: ['search_concepts', 'query_metrics'],
        query: {
          metrics: ['visits'],
          group_by: [],
          where: [{ dimension: 'visit_concept', operator: 'descendant_of', values: [9201] }],
          ...lastYear,
        },
        includes: ['Inpatient Visit'],
      },
    ],
  },
  {
    id: 'alice-diabetes-by-age-band',
    user: 'alice',
    intent: 'metric',
    turns: [
      {
        question: 'How many patients have type 2 diabetes, by age band?',
        tools: ['search_concepts', 'query_metrics'],
        query: { metrics: ['patients_with_condition'], group_by: ['person__age_band'], where: [t2dm] },
        includes: ['fewer than 11 patients', 'hidden'],
      },
    ],
  },
  {
    id: 'bob-asthma',
    user: 'bob',
    intent: 'metric',
    turns: [
      {
        question: 'How many patients have asthma?',
        tools: ['search_concepts', 'query_metrics', 'whoami'],
        query: {
          metrics: ['patients_with_condition'],
          group_by: [],
          where: [{ dimension: 'condition', operator: 'descendant_of', values: [317009] }],
        },
        includes: ['access policy', 'practice ids: 1'],
      },
    ],
  },

  // Principals and their policies
  {
    id: 'carol-region-policy',
    user: 'carol',
    intent: 'metric',
    turns: [
      {
        question: 'How many cancellations last month?',
        tools: ['query_metrics', 'whoami'],
        query: { metrics: ['cancellations'], group_by: [], where: [], ...lastMonth },
        includes: ['access policy', 'Île-de-France'],
      },
    ],
  },
  {
    id: 'carol-by-specialty',
    user: 'carol',
    intent: 'metric',
    turns: [
      {
        question: 'How many appointments per specialty in 2025?',
        tools: ['query_metrics', 'whoami'],
        query: { metrics: ['appointments'], group_by: [specialty], where: [], ...lastYear },
        includes: ['regions: Île-de-France'],
      },
    ],
  },
  {
    id: 'bob-appointments',
    user: 'bob',
    intent: 'metric',
    turns: [
      {
        question: 'How many appointments were there last month?',
        tools: ['query_metrics', 'whoami'],
        query: { metrics: ['appointments'], group_by: [], where: [], ...lastMonth },
        includes: ['access policy', 'practice ids: 1'],
      },
    ],
  },
  {
    id: 'alice-no-shows-by-practice',
    user: 'alice',
    intent: 'metric',
    turns: [
      {
        question: 'How many no-shows did each practice have last month?',
        tools: ['query_metrics'],
        query: { metrics: ['no_shows'], group_by: ['practice__practice_name'], where: [], ...lastMonth },
        includes: ['No-shows'],
      },
    ],
  },
  {
    id: 'alice-lead-time',
    user: 'alice',
    intent: 'metric',
    turns: [
      {
        question: 'What is the average waiting time for an appointment by specialty?',
        tools: ['query_metrics'],
        query: { metrics: ['average_booking_lead_time_days'], group_by: [specialty], where: [] },
        includes: ['Average booking lead time (days)'],
      },
    ],
  },
  {
    id: 'alice-growth-refused',
    user: 'alice',
    intent: 'denied',
    turns: [
      {
        question: 'What was the appointment growth month over month this year?',
        tools: ['query_metrics'],
        includes: ['I could not answer this', 'totals over large enough groups'],
      },
    ],
  },

  // Follow-ups
  {
    id: 'follow-up-chain',
    user: 'admin',
    intent: 'follow_up',
    turns: [
      {
        question: 'How many cancellations this year?',
        tools: ['query_metrics'],
        query: { metrics: ['cancellations'], group_by: [], where: [], ...thisYear },
      },
      {
        question: 'And by month?',
        tools: ['query_metrics'],
        query: { metrics: ['cancellations'], group_by: ['metric_time__month'], where: [], ...thisYear },
        includes: ['Month'],
      },
      {
        question: 'Only teleconsultations',
        tools: ['query_metrics'],
        query: {
          metrics: ['cancellations'],
          group_by: ['metric_time__month'],
          where: [{ dimension: 'appointment__visit_type', operator: '=', values: ['teleconsultation'] }],
          ...thisYear,
        },
        includes: ['Visit type is teleconsultation'],
      },
      {
        question: 'What about Lyon?',
        tools: ['query_metrics'],
        query: {
          metrics: ['cancellations'],
          group_by: ['metric_time__month'],
          where: [
            { dimension: 'appointment__visit_type', operator: '=', values: ['teleconsultation'] },
            { dimension: 'practice__city', operator: '=', values: ['Lyon'] },
          ],
          ...thisYear,
        },
      },
      {
        question: 'Same for last year',
        tools: ['query_metrics'],
        query: {
          metrics: ['cancellations'],
          group_by: ['metric_time__month'],
          where: [
            { dimension: 'appointment__visit_type', operator: '=', values: ['teleconsultation'] },
            { dimension: 'practice__city', operator: '=', values: ['Lyon'] },
          ],
          ...lastYear,
        },
        includes: ['last year (2025)'],
      },
      {
        question: 'And the no-show rate?',
        tools: ['query_metrics'],
        query: {
          metrics: ['no_show_rate'],
          group_by: ['metric_time__month'],
          where: [
            { dimension: 'appointment__visit_type', operator: '=', values: ['teleconsultation'] },
            { dimension: 'practice__city', operator: '=', values: ['Lyon'] },
          ],
          ...lastYear,
        },
        includes: ['No-show rate'],
      },
    ],
  },
  {
    id: 'follow-up-replaces-city',
    user: 'dana',
    intent: 'follow_up',
    turns: [
      {
        question: 'Cancellations in Lyon vs Paris in 2025',
        tools: ['query_metrics'],
        query: {
          metrics: ['cancellations'],
          group_by: ['practice__city'],
          where: [{ dimension: 'practice__city', operator: 'in', values: ['Lyon', 'Paris'] }],
          ...lastYear,
        },
        includes: ['Lyon', 'Paris'],
      },
      {
        question: 'What about Marseille?',
        tools: ['query_metrics'],
        query: {
          metrics: ['cancellations'],
          group_by: [],
          where: [{ dimension: 'practice__city', operator: '=', values: ['Marseille'] }],
          ...lastYear,
        },
        includes: ['City is Marseille'],
      },
    ],
  },
  {
    id: 'follow-up-concept-by-gender',
    user: 'admin',
    intent: 'follow_up',
    turns: [
      {
        question: 'How many patients have type 2 diabetes?',
        tools: ['search_concepts', 'query_metrics'],
        query: { metrics: ['patients_with_condition'], group_by: [], where: [t2dm] },
      },
      {
        question: 'And by gender?',
        tools: ['query_metrics'],
        query: { metrics: ['patients_with_condition'], group_by: ['person__gender'], where: [t2dm] },
        includes: ['Type 2 diabetes mellitus', 'Gender'],
      },
    ],
  },
  {
    id: 'carol-follow-up',
    user: 'carol',
    intent: 'follow_up',
    turns: [
      {
        question: 'How many no-shows last month?',
        tools: ['query_metrics', 'whoami'],
        query: { metrics: ['no_shows'], group_by: [], where: [], ...lastMonth },
      },
      {
        question: 'By specialty?',
        tools: ['query_metrics'],
        query: { metrics: ['no_shows'], group_by: [specialty], where: [], ...lastMonth },
        includes: ['Île-de-France'],
      },
    ],
  },
  {
    id: 'follow-up-ranking-swap',
    user: 'alice',
    intent: 'follow_up',
    turns: [
      {
        question: 'Top 5 specialties by no-show rate',
        tools: ['query_metrics'],
        query: {
          metrics: ['no_show_rate'],
          group_by: [specialty],
          where: [],
          order_by: ['-no_show_rate'],
          limit: 5,
        },
      },
      {
        question: 'And the cancellation rate?',
        tools: ['query_metrics'],
        query: {
          metrics: ['cancellation_rate'],
          group_by: [specialty],
          where: [],
          order_by: ['-cancellation_rate'],
          limit: 5,
        },
        includes: ['Cancellation rate'],
      },
    ],
  },

  // Clarifications
  {
    id: 'clarify-patients',
    user: 'admin',
    intent: 'clarification',
    turns: [
      {
        question: 'How many patients?',
        tools: [],
        includes: ['Distinct patients seen', 'Patients in the OMOP CDM', 'Which one do you mean?'],
      },
      {
        question: 'The OMOP ones',
        tools: ['query_metrics'],
        query: { metrics: ['patients'], group_by: [], where: [] },
        includes: ['Patients'],
      },
    ],
  },
  {
    id: 'clarify-rate',
    user: 'dana',
    intent: 'clarification',
    turns: [
      {
        question: "What's the rate in Lyon?",
        tools: [],
        includes: ['Cancellation rate', 'No-show rate', 'Which one do you mean?'],
      },
      {
        question: 'The no-show rate',
        tools: ['query_metrics'],
        query: {
          metrics: ['no_show_rate'],
          group_by: [],
          where: [{ dimension: 'practice__city', operator: '=', values: ['Lyon'] }],
        },
      },
    ],
  },
  {
    id: 'clarify-two-periods',
    user: 'admin',
    intent: 'clarification',
    turns: [
      {
        question: 'How many appointments this year vs last year?',
        tools: [],
        includes: ['Which period'],
      },
    ],
  },
  {
    id: 'clarify-visits',
    user: 'admin',
    intent: 'clarification',
    turns: [
      {
        question: 'How many visits last month?',
        tools: [],
        includes: ['Completed visits', 'Visits recorded in the OMOP CDM', 'Which one do you mean?'],
      },
      {
        question: 'Completed visits',
        tools: ['query_metrics'],
        query: { metrics: ['completed_visits'], group_by: [], where: [], ...lastMonth },
      },
    ],
  },
  {
    id: 'clarify-value-only',
    user: 'dana',
    intent: 'clarification',
    turns: [
      { question: 'Cardiology?', tools: [], includes: ['What would you like to know about Cardiology'] },
    ],
  },

  // Vocabulary
  {
    id: 'snomed-code-type-2-diabetes',
    user: 'admin',
    intent: 'concept',
    turns: [
      {
        question: 'What is the SNOMED code for type 2 diabetes?',
        tools: ['search_concepts'],
        input: { text: 'type 2 diabetes', vocabularies: ['SNOMED'] },
        includes: ['44054006', 'Type 2 diabetes mellitus'],
      },
    ],
  },
  {
    id: 'concept-by-id',
    user: 'alice',
    intent: 'concept',
    turns: [
      {
        question: 'concept 201826',
        tools: ['get_concept'],
        input: { conceptId: 201826 },
        includes: ['Type 2 diabetes mellitus', 'T2DM'],
      },
    ],
  },
  {
    id: 'map-icd10-to-snomed',
    user: 'carol',
    intent: 'concept',
    turns: [
      {
        question: 'Map ICD10 E11.9 to SNOMED',
        tools: ['translate_code'],
        input: { system: 'ICD10CM', code: 'E11.9' },
        includes: ['Maps to', '44054006'],
      },
    ],
  },
  {
    id: 'loinc-code-meaning',
    user: 'bob',
    intent: 'concept',
    turns: [
      {
        question: 'What does LOINC 4548-4 mean?',
        tools: ['get_concept'],
        input: { system: 'LOINC', code: '4548-4' },
        includes: ['Hemoglobin A1c'],
      },
    ],
  },
  {
    id: 'descendants-of-diabetes',
    user: 'dana',
    intent: 'concept',
    turns: [
      {
        question: 'What are the descendants of concept 2000000100?',
        tools: ['concept_descendants'],
        input: { conceptId: 2000000100 },
        includes: ['Type 2 diabetes mellitus'],
      },
    ],
  },
  {
    id: 'icd10-codes-for-asthma',
    user: 'admin',
    intent: 'concept',
    turns: [
      {
        question: 'What are the ICD-10 codes for asthma?',
        tools: ['search_concepts'],
        input: { text: 'asthma', vocabularies: ['ICD10CM'] },
        includes: ['ICD10CM'],
      },
    ],
  },
  {
    id: 'rxnorm-metformin',
    user: 'carol',
    intent: 'concept',
    turns: [
      {
        question: 'What is the RxNorm code for metformin?',
        tools: ['search_concepts'],
        input: { text: 'metformin', vocabularies: ['RxNorm'] },
        includes: ['6809'],
      },
    ],
  },
  {
    id: 'subtypes-of-diabetes',
    user: 'admin',
    intent: 'concept',
    turns: [
      {
        question: 'What are the subtypes of diabetes mellitus?',
        tools: ['search_concepts', 'concept_descendants'],
        includes: ['Type 2 diabetes mellitus'],
      },
    ],
  },

  // Documentation
  {
    id: 'no-show-definition',
    user: 'alice',
    intent: 'document',
    turns: [
      {
        question: 'How is a no-show defined?',
        tools: ['search_documents'],
        includes: ['According to', 'no-show'],
      },
    ],
  },
  {
    id: 'refresh-schedule',
    user: 'bob',
    intent: 'document',
    turns: [
      {
        question: 'When is the data refreshed?',
        tools: ['search_documents'],
        includes: ['Data refresh schedule'],
      },
    ],
  },
  {
    id: 'teleconsultation-rules',
    user: 'carol',
    intent: 'document',
    turns: [
      {
        question: 'What are the teleconsultation rules?',
        tools: ['search_documents'],
        includes: ['Teleconsultation rules'],
      },
    ],
  },
  {
    id: 'french-glossary',
    user: 'admin',
    intent: 'document',
    turns: [
      {
        question: "Qu'est-ce qu'un lapin ?",
        tools: ['search_documents'],
        includes: ['According to'],
      },
    ],
  },

  // Access and tables
  {
    id: 'carol-what-can-i-see',
    user: 'carol',
    intent: 'access',
    turns: [
      {
        question: 'What can I see?',
        tools: ['whoami', 'list_metrics'],
        includes: ['carol', 'Île-de-France', 'agreed metrics'],
      },
    ],
  },
  {
    id: 'alice-who-am-i',
    user: 'alice',
    intent: 'access',
    turns: [
      { question: 'Who am I?', tools: ['whoami', 'list_metrics'], includes: ['analyst', 'aggregates'] },
    ],
  },
  {
    id: 'bob-tables',
    user: 'bob',
    intent: 'tables',
    turns: [
      { question: 'Which tables are there?', tools: ['list_tables'], includes: ['scheduling.appointment'] },
    ],
  },
  {
    id: 'dana-describe-appointment',
    user: 'dana',
    intent: 'tables',
    turns: [
      {
        question: 'Describe scheduling.appointment',
        tools: ['describe_table'],
        input: { table: 'scheduling.appointment' },
        includes: ['visit_type', 'status'],
      },
    ],
  },
  {
    id: 'carol-describe-patient',
    user: 'carol',
    intent: 'tables',
    turns: [
      {
        question: 'What columns are in scheduling.patient?',
        tools: ['describe_table'],
        input: { table: 'scheduling.patient' },
        includes: ['hidden'],
      },
    ],
  },
  {
    id: 'carol-metrics',
    user: 'carol',
    intent: 'tables',
    turns: [
      {
        question: 'Which metrics are there?',
        tools: ['list_metrics'],
        includes: ['Cancellation rate'],
        excludes: ['Patients with a condition'],
      },
    ],
  },

  // Greetings, help, out of scope and refusals
  {
    id: 'hello',
    user: 'admin',
    intent: 'help',
    turns: [{ question: 'Hello!', tools: [], includes: ['You could ask'] }],
  },
  {
    id: 'what-can-you-do',
    user: 'bob',
    intent: 'help',
    turns: [
      { question: 'What can you do?', tools: [], includes: ['How many appointments were there last month?'] },
    ],
  },
  {
    id: 'carol-help-hides-other-regions',
    user: 'carol',
    intent: 'help',
    turns: [{ question: 'help', tools: [], includes: ['You could ask'], excludes: ['Lyon'] }],
  },
  {
    id: 'weather',
    user: 'admin',
    intent: 'out_of_scope',
    turns: [
      {
        question: "What's the weather in Paris tomorrow?",
        tools: [],
        includes: ['outside what I can help with'],
      },
    ],
  },
  {
    id: 'joke',
    user: 'dana',
    intent: 'out_of_scope',
    turns: [{ question: 'Tell me a joke', tools: [], includes: ['outside what I can help with'] }],
  },
  {
    id: 'write-email',
    user: 'alice',
    intent: 'out_of_scope',
    turns: [
      {
        question: 'Write an email to my team about the no-show rate',
        tools: [],
        includes: ['outside what I can help with'],
      },
    ],
  },
  {
    id: 'delete-table',
    user: 'admin',
    intent: 'refusal',
    turns: [{ question: 'Delete the appointments table', tools: [], includes: ['read-only'] }],
  },
  {
    id: 'update-status',
    user: 'bob',
    intent: 'refusal',
    turns: [
      {
        question: 'Update the status of appointment 12 to completed',
        tools: [],
        includes: ['read-only'],
      },
    ],
  },
  {
    id: 'drop-table',
    user: 'carol',
    intent: 'refusal',
    turns: [{ question: 'Drop table scheduling.patient', tools: [], includes: ['read-only'] }],
  },
  {
    id: 'patient-emails',
    user: 'dana',
    intent: 'refusal',
    turns: [
      {
        question: 'List the email addresses of patients in Lyon',
        tools: [],
        includes: ['do not list'],
        excludes: ['@'],
      },
    ],
  },

  // SQL written in the chat runs through the gate as it is
  {
    id: 'alice-sql-aggregate',
    user: 'alice',
    intent: 'sql',
    turns: [
      {
        question: 'SELECT channel, count(*) AS appointments FROM scheduling.appointment GROUP BY channel',
        tools: ['run_sql'],
        input: {
          sql: 'SELECT channel, count(*) AS appointments FROM scheduling.appointment GROUP BY channel',
        },
        includes: ['| channel | appointments |', 'online'],
      },
    ],
  },
  {
    id: 'carol-sql-row-filter',
    user: 'carol',
    intent: 'sql',
    turns: [
      {
        question: 'select practice_id, count(*) from scheduling.appointment group by 1',
        tools: ['run_sql', 'whoami'],
        includes: ['Île-de-France', 'row filter'],
      },
    ],
  },
  {
    id: 'alice-sql-denied',
    user: 'alice',
    intent: 'denied',
    turns: [
      {
        question: 'SELECT email FROM scheduling.patient',
        tools: ['run_sql'],
        includes: ['I could not answer this'],
        excludes: ['@'],
      },
    ],
  },
  {
    id: 'unknown-year',
    user: 'dana',
    intent: 'clarification',
    turns: [
      { question: 'How many appointments in 1999?', tools: [], includes: ['Which period do you want'] },
    ],
  },

  // No metric, denied, unknown values
  {
    id: 'satisfaction-no-metric',
    user: 'admin',
    intent: 'no_metric',
    turns: [
      {
        question: 'What is the average patient satisfaction score?',
        tools: ['search_concepts', 'list_metrics'],
        includes: ['I will not guess a number', 'Related metrics'],
      },
    ],
  },
  {
    id: 'revenue-no-metric',
    user: 'carol',
    intent: 'no_metric',
    turns: [
      {
        question: 'How much revenue did we make last month?',
        tools: ['list_metrics'],
        includes: ['I cannot answer that from the data', 'Related metrics'],
        excludes: ['Patients with a condition'],
      },
    ],
  },
  {
    id: 'carol-denied-conditions',
    user: 'carol',
    intent: 'denied',
    turns: [
      {
        question: 'How many patients have type 2 diabetes?',
        tools: ['search_concepts', 'query_metrics'],
        includes: [
          'your access does not include the data this needs',
          'Ask about data your role covers instead',
        ],
      },
    ],
  },
  {
    id: 'carol-denied-deaths',
    user: 'carol',
    intent: 'denied',
    turns: [
      {
        question: 'How many deaths last year?',
        tools: ['query_metrics'],
        includes: ['your access does not include'],
      },
    ],
  },
  {
    id: 'carol-unknown-city',
    user: 'carol',
    intent: 'unknown_value',
    turns: [
      {
        question: 'How many appointments in Lyon last month?',
        tools: [],
        includes: ['could not find "Lyon"', 'Paris'],
      },
    ],
  },
  {
    id: 'bob-unknown-city',
    user: 'bob',
    intent: 'unknown_value',
    turns: [
      { question: 'How many cancellations in Toulouse?', tools: [], includes: ['could not find "Toulouse"'] },
    ],
  },
];
