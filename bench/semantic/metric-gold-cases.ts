/**
 * One hand-written gold query per bundled metric, written the way an analyst would write it (not the
 * way the compiler does: CASE sums rather than FILTER, window functions and correlated subqueries
 * rather than spines and offset joins), so agreement means the compiler got the semantics right.
 * Output columns are named like the compiled query's. Also used by the semantic bench (generated
 * versus gold timings).
 */
export interface GoldCase {
  name: string;
  query: {
    metrics: string[];
    group_by?: string[];
    where?: (string | { dimension: string; operator: string; values: (string | number)[] })[];
    start?: string;
    end?: string;
  };
  sql: string;
}

const ageBand = (birthDate: string) => `CASE
    WHEN extract(year FROM age(${birthDate})) < 18 THEN '0-17'
    WHEN extract(year FROM age(${birthDate})) < 40 THEN '18-39'
    WHEN extract(year FROM age(${birthDate})) < 65 THEN '40-64'
    WHEN extract(year FROM age(${birthDate})) < 80 THEN '65-79'
    ELSE '80+' END`;
const gender = (column: string) =>
  `CASE WHEN ${column} = 8532 THEN 'female' WHEN ${column} = 8507 THEN 'male' ELSE 'unknown' END`;
const leadDays = 'extract(epoch FROM a.start_at - a.booked_at) / 86400';

export const goldCases: GoldCase[] = [
  {
    name: 'appointments by month and region',
    query: { metrics: ['appointments'], group_by: ['metric_time__month', 'practice__region'] },
    sql: `SELECT date_trunc('month', a.start_at)::date AS metric_time__month, p.region AS practice__region, count(*) AS appointments
          FROM scheduling.appointment a JOIN scheduling.practice p ON p.practice_id = a.practice_id GROUP BY 1, 2`,
  },
  {
    name: 'bookings by booking week, in a date range',
    query: { metrics: ['bookings'], group_by: ['metric_time__week'], start: '2025-01-01', end: '2026-01-01' },
    sql: `SELECT date_trunc('week', booked_at)::date AS metric_time__week, count(*) AS bookings
          FROM scheduling.appointment WHERE booked_at >= '2025-01-01' AND booked_at < '2026-01-01' GROUP BY 1`,
  },
  {
    name: 'completed visits by specialty (two hops)',
    query: { metrics: ['completed_visits'], group_by: ['practitioner__specialty__specialty_name'] },
    sql: `SELECT s.name AS practitioner__specialty__specialty_name, sum(CASE WHEN a.status = 'completed' THEN 1 ELSE 0 END) AS completed_visits
          FROM scheduling.appointment a JOIN scheduling.practitioner pr ON pr.practitioner_id = a.practitioner_id
          JOIN scheduling.specialty s ON s.specialty_id = pr.specialty_id GROUP BY 1`,
  },
  {
    name: 'cancelled teleconsultations in Lyon by month (filter string and structured filter)',
    query: {
      metrics: ['cancellations'],
      group_by: ['metric_time__month'],
      where: [
        { dimension: 'practice__city', operator: '=', values: ['Lyon'] },
        "{{ Dimension('appointment__visit_type') }} = 'teleconsultation'",
      ],
    },
    sql: `SELECT date_trunc('month', a.start_at)::date AS metric_time__month, sum(CASE WHEN a.status = 'cancelled' THEN 1 ELSE 0 END) AS cancellations
          FROM scheduling.appointment a JOIN scheduling.practice p ON p.practice_id = a.practice_id
          WHERE p.city = 'Lyon' AND a.visit_type = 'teleconsultation' GROUP BY 1`,
  },
  {
    name: 'no-shows by channel',
    query: { metrics: ['no_shows'], group_by: ['appointment__channel'] },
    sql: `SELECT channel AS appointment__channel, sum(CASE WHEN status = 'no_show' THEN 1 ELSE 0 END) AS no_shows
          FROM scheduling.appointment GROUP BY 1`,
  },
  {
    name: 'teleconsultations by quarter',
    query: { metrics: ['teleconsultations'], group_by: ['metric_time__quarter'] },
    sql: `SELECT date_trunc('quarter', start_at)::date AS metric_time__quarter, count(*) AS teleconsultations
          FROM scheduling.appointment WHERE visit_type = 'teleconsultation' GROUP BY 1`,
  },
  {
    name: 'cancellation rate by channel',
    query: { metrics: ['cancellation_rate'], group_by: ['channel'] },
    sql: `SELECT channel, sum(CASE WHEN status = 'cancelled' THEN 1 ELSE 0 END)::float8 / count(*) AS cancellation_rate
          FROM scheduling.appointment GROUP BY 1`,
  },
  {
    name: 'no-show rate by channel (denominator filtered to due appointments)',
    query: { metrics: ['no_show_rate'], group_by: ['appointment__channel'] },
    sql: `SELECT channel AS appointment__channel,
                 sum(CASE WHEN status = 'no_show' THEN 1 ELSE 0 END)::float8
                 / nullif(sum(CASE WHEN status IN ('completed', 'no_show') THEN 1 ELSE 0 END), 0) AS no_show_rate
          FROM scheduling.appointment GROUP BY 1`,
  },
  {
    name: 'teleconsultation share by region',
    query: { metrics: ['teleconsultation_share'], group_by: ['region'] },
    sql: `SELECT p.region, avg(CASE WHEN a.visit_type = 'teleconsultation' THEN 1.0 ELSE 0.0 END)::float8 AS teleconsultation_share
          FROM scheduling.appointment a JOIN scheduling.practice p ON p.practice_id = a.practice_id GROUP BY 1`,
  },
  {
    name: 'average booking lead time by specialty',
    query: { metrics: ['average_booking_lead_time_days'], group_by: ['specialty_name'] },
    sql: `SELECT s.name AS specialty_name, avg(${leadDays}) AS average_booking_lead_time_days
          FROM scheduling.appointment a JOIN scheduling.practitioner pr ON pr.practitioner_id = a.practitioner_id
          JOIN scheduling.specialty s ON s.specialty_id = pr.specialty_id GROUP BY 1`,
  },
  {
    name: 'median booking lead time by region',
    query: { metrics: ['median_booking_lead_time_days'], group_by: ['practice__region'] },
    sql: `SELECT p.region AS practice__region, percentile_cont(0.5) WITHIN GROUP (ORDER BY ${leadDays}) AS median_booking_lead_time_days
          FROM scheduling.appointment a JOIN scheduling.practice p ON p.practice_id = a.practice_id GROUP BY 1`,
  },
  {
    name: 'active practitioners by month',
    query: { metrics: ['active_practitioners'], group_by: ['metric_time__month'] },
    sql: `SELECT date_trunc('month', start_at)::date AS metric_time__month, count(DISTINCT practitioner_id) AS active_practitioners
          FROM scheduling.appointment GROUP BY 1`,
  },
  {
    name: 'distinct patients seen by age band',
    query: { metrics: ['patients_seen'], group_by: ['patient__age_band'] },
    sql: `SELECT ${ageBand('pa.birth_date')} AS patient__age_band,
                 count(DISTINCT a.patient_id) FILTER (WHERE a.status = 'completed') AS patients_seen
          FROM scheduling.appointment a JOIN scheduling.patient pa ON pa.patient_id = a.patient_id GROUP BY 1`,
  },
  {
    name: 'appointments per practitioner by specialty',
    query: {
      metrics: ['appointments_per_practitioner'],
      group_by: ['practitioner__specialty__specialty_name'],
    },
    sql: `SELECT s.name AS practitioner__specialty__specialty_name, count(*)::float8 / count(DISTINCT a.practitioner_id) AS appointments_per_practitioner
          FROM scheduling.appointment a JOIN scheduling.practitioner pr ON pr.practitioner_id = a.practitioner_id
          JOIN scheduling.specialty s ON s.specialty_id = pr.specialty_id GROUP BY 1`,
  },
  {
    name: 'booked hours by visit type',
    query: { metrics: ['booked_hours'], group_by: ['visit_type'] },
    sql: `SELECT visit_type, sum(duration_minutes) / 60.0 AS booked_hours FROM scheduling.appointment GROUP BY 1`,
  },
  {
    name: 'booked minutes, no group-by, in Île-de-France',
    query: { metrics: ['booked_minutes'], where: ["{{ Dimension('practice__region') }} = 'Île-de-France'"] },
    sql: `SELECT sum(a.duration_minutes) AS booked_minutes FROM scheduling.appointment a
          JOIN scheduling.practice p ON p.practice_id = a.practice_id WHERE p.region = 'Île-de-France'`,
  },
  {
    name: 'appointments a month earlier (offset window)',
    query: { metrics: ['appointments_previous_month'], group_by: ['metric_time__month'] },
    sql: `SELECT (date_trunc('month', start_at) + interval '1 month')::date AS metric_time__month, count(*) AS appointments_previous_month
          FROM scheduling.appointment GROUP BY 1`,
  },
  {
    name: 'appointments and their month-over-month growth',
    query: {
      metrics: ['appointments', 'appointments_growth_month_over_month'],
      group_by: ['metric_time__month'],
    },
    sql: `WITH monthly AS (
            SELECT date_trunc('month', start_at)::date AS month, count(*) AS n FROM scheduling.appointment GROUP BY 1)
          SELECT coalesce(current_month.month, (previous_month.month + interval '1 month')::date) AS metric_time__month,
                 current_month.n AS appointments,
                 (current_month.n - previous_month.n)::float8 / nullif(previous_month.n, 0) AS appointments_growth_month_over_month
          FROM monthly current_month
          FULL JOIN monthly previous_month ON current_month.month = (previous_month.month + interval '1 month')::date`,
  },
  {
    name: 'appointments year to date, by month (cumulative, grain to date)',
    query: { metrics: ['appointments_year_to_date'], group_by: ['metric_time__month'] },
    sql: `SELECT month AS metric_time__month,
                 sum(n) OVER (PARTITION BY date_trunc('year', month) ORDER BY month) AS appointments_year_to_date
          FROM (SELECT date_trunc('month', start_at)::date AS month, count(*) AS n FROM scheduling.appointment GROUP BY 1) monthly`,
  },
  {
    name: 'appointments year to date, by month and region (a total runs on through empty months)',
    query: { metrics: ['appointments_year_to_date'], group_by: ['metric_time__month', 'practice__region'] },
    sql: `WITH monthly AS (
            SELECT date_trunc('month', a.start_at)::date AS month, p.region, count(*) AS n
            FROM scheduling.appointment a JOIN scheduling.practice p ON p.practice_id = a.practice_id GROUP BY 1, 2)
          SELECT months.month AS metric_time__month, regions.region AS practice__region, sum(earlier.n) AS appointments_year_to_date
          FROM (SELECT DISTINCT month FROM monthly) months
          CROSS JOIN (SELECT DISTINCT region FROM monthly) regions
          JOIN monthly earlier ON earlier.region = regions.region AND earlier.month <= months.month
                              AND earlier.month >= date_trunc('year', months.month)
          GROUP BY 1, 2`,
  },
  {
    name: 'bookings over a rolling 28 days, by week (cumulative window)',
    query: { metrics: ['bookings_rolling_28_days'], group_by: ['metric_time__week'] },
    sql: `SELECT weeks.week AS metric_time__week,
                 (SELECT count(*) FROM scheduling.appointment a
                   WHERE a.booked_at >= weeks.week + interval '7 days' - interval '28 days'
                     AND a.booked_at < weeks.week + interval '7 days') AS bookings_rolling_28_days
          FROM (SELECT DISTINCT date_trunc('week', booked_at)::date AS week FROM scheduling.appointment) weeks`,
  },
  {
    name: 'OMOP patients by gender and age band',
    query: { metrics: ['patients'], group_by: ['person__gender', 'person__age_band'] },
    sql: `SELECT ${gender('gender_concept_id')} AS person__gender,
                 CASE WHEN extract(year FROM current_date) - year_of_birth < 18 THEN '0-17'
                      WHEN extract(year FROM current_date) - year_of_birth < 40 THEN '18-39'
                      WHEN extract(year FROM current_date) - year_of_birth < 65 THEN '40-64'
                      WHEN extract(year FROM current_date) - year_of_birth < 80 THEN '65-79'
                      ELSE '80+' END AS person__age_band,
                 count(*) AS patients
          FROM cdm.person GROUP BY 1, 2`,
  },
  {
    name: 'OMOP visits by visit type and year',
    query: { metrics: ['visits'], group_by: ['visit_type_name', 'metric_time__year'] },
    sql: `SELECT c.concept_name AS visit_type_name, date_trunc('year', v.visit_start_date)::date AS metric_time__year, count(*) AS visits
          FROM cdm.visit_occurrence v LEFT JOIN vocab.concept c ON c.concept_id = v.visit_concept_id GROUP BY 1, 2`,
  },
  {
    name: 'OMOP patients with a visit by year',
    query: { metrics: ['patients_with_visit'], group_by: ['metric_time__year'] },
    sql: `SELECT date_trunc('year', visit_start_date)::date AS metric_time__year, count(DISTINCT person_id) AS patients_with_visit
          FROM cdm.visit_occurrence GROUP BY 1`,
  },
  {
    name: 'OMOP patients with a condition (eras) by condition',
    query: { metrics: ['patients_with_condition'], group_by: ['condition__condition_name'] },
    sql: `SELECT c.concept_name AS condition__condition_name, count(DISTINCT e.person_id) AS patients_with_condition
          FROM cdm.condition_era e LEFT JOIN vocab.concept c ON c.concept_id = e.condition_concept_id GROUP BY 1`,
  },
  {
    name: 'OMOP patients with a recorded condition by year and gender',
    query: {
      metrics: ['patients_with_condition_occurrence'],
      group_by: ['metric_time__year', 'person__gender'],
    },
    sql: `SELECT date_trunc('year', co.condition_start_date)::date AS metric_time__year, ${gender('p.gender_concept_id')} AS person__gender,
                 count(DISTINCT co.person_id) AS patients_with_condition_occurrence
          FROM cdm.condition_occurrence co LEFT JOIN cdm.person p ON p.person_id = co.person_id GROUP BY 1, 2`,
  },
  {
    name: 'OMOP condition records by condition code',
    query: { metrics: ['condition_occurrences'], group_by: ['condition__condition_code'] },
    sql: `SELECT c.concept_code AS condition__condition_code, count(*) AS condition_occurrences
          FROM cdm.condition_occurrence co LEFT JOIN vocab.concept c ON c.concept_id = co.condition_concept_id GROUP BY 1`,
  },
  {
    name: 'OMOP patients exposed to each drug ingredient (eras)',
    query: { metrics: ['patients_exposed_to_drug'], group_by: ['drug__drug_name'] },
    sql: `SELECT c.concept_name AS drug__drug_name, count(DISTINCT d.person_id) AS patients_exposed_to_drug
          FROM cdm.drug_era d LEFT JOIN vocab.concept c ON c.concept_id = d.drug_concept_id GROUP BY 1`,
  },
  {
    name: 'OMOP patients with a drug exposure by year',
    query: { metrics: ['patients_with_drug_exposure'], group_by: ['metric_time__year'] },
    sql: `SELECT date_trunc('year', drug_exposure_start_date)::date AS metric_time__year, count(DISTINCT person_id) AS patients_with_drug_exposure
          FROM cdm.drug_exposure GROUP BY 1`,
  },
  {
    name: 'OMOP drug exposures by month, in a date range',
    query: {
      metrics: ['drug_exposures'],
      group_by: ['metric_time__month'],
      start: '2024-01-01',
      end: '2026-07-01',
    },
    sql: `SELECT date_trunc('month', drug_exposure_start_date)::date AS metric_time__month, count(*) AS drug_exposures
          FROM cdm.drug_exposure WHERE drug_exposure_start_date >= '2024-01-01' AND drug_exposure_start_date < '2026-07-01' GROUP BY 1`,
  },
  {
    name: 'OMOP measurements and average values by measurement',
    query: { metrics: ['measurements', 'average_measurement_value'], group_by: ['measurement_name'] },
    sql: `SELECT c.concept_name AS measurement_name, count(*) AS measurements, avg(m.value_as_number) AS average_measurement_value
          FROM cdm.measurement m LEFT JOIN vocab.concept c ON c.concept_id = m.measurement_concept_id GROUP BY 1`,
  },
  {
    name: 'OMOP patients with a measurement by quarter',
    query: { metrics: ['patients_measured'], group_by: ['metric_time__quarter'] },
    sql: `SELECT date_trunc('quarter', measurement_date)::date AS metric_time__quarter, count(DISTINCT person_id) AS patients_measured
          FROM cdm.measurement GROUP BY 1`,
  },
  {
    name: 'OMOP deaths by year and gender',
    query: { metrics: ['deaths'], group_by: ['metric_time__year', 'person__gender'] },
    sql: `SELECT date_trunc('year', d.death_date)::date AS metric_time__year, ${gender('p.gender_concept_id')} AS person__gender, count(*) AS deaths
          FROM cdm.death d LEFT JOIN cdm.person p ON p.person_id = d.person_id GROUP BY 1, 2`,
  },
  {
    name: 'OMOP visits per patient by care site',
    query: { metrics: ['visits_per_patient'], group_by: ['care_site__care_site_name'] },
    sql: `SELECT cs.care_site_name AS care_site__care_site_name, count(*)::float8 / count(DISTINCT v.person_id) AS visits_per_patient
          FROM cdm.visit_occurrence v LEFT JOIN cdm.care_site cs ON cs.care_site_id = v.care_site_id GROUP BY 1`,
  },
];
