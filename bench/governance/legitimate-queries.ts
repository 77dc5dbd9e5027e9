/** A question an analyst, clinician or manager would really ask, as Hale's model would write it. */
export interface BenchQuery {
  id: string;
  /** The kind of work, for the per-class figures: what the planner has to do differs between them. */
  queryClass: 'count' | 'rate' | 'join' | 'omop' | 'cte' | 'subquery' | 'rows';
  sql: string;
}

const lastYear = "start_at >= DATE '2025-11-23' AND start_at < DATE '2026-11-23'";

/**
 * The legitimate corpus: scheduling and OMOP analytics over the demo warehouse, schema-qualified as
 * the catalog shows them. Not every principal may run every query (carol has no OMOP data, alice only
 * aggregates); the bench keeps, per principal, the queries the gate lets through.
 */
export const legitimateQueries: readonly BenchQuery[] = [
  // counts by one or two dimensions
  {
    id: 'appointments-total',
    queryClass: 'count',
    sql: 'SELECT count(*) AS appointments FROM scheduling.appointment',
  },
  {
    id: 'appointments-by-status',
    queryClass: 'count',
    sql: 'SELECT status, count(*) AS appointments FROM scheduling.appointment GROUP BY status ORDER BY status',
  },
  {
    id: 'appointments-by-channel',
    queryClass: 'count',
    sql: 'SELECT channel, count(*) AS appointments FROM scheduling.appointment GROUP BY channel ORDER BY appointments DESC',
  },
  {
    id: 'appointments-by-status-and-channel',
    queryClass: 'count',
    sql: 'SELECT status, channel, count(*) AS appointments FROM scheduling.appointment GROUP BY status, channel ORDER BY status, channel',
  },
  {
    id: 'appointments-by-month',
    queryClass: 'count',
    sql: "SELECT date_trunc('month', start_at) AS month, count(*) AS appointments FROM scheduling.appointment GROUP BY 1 ORDER BY 1",
  },
  {
    id: 'appointments-by-month-last-year',
    queryClass: 'count',
    sql: `SELECT date_trunc('month', start_at) AS month, count(*) AS appointments FROM scheduling.appointment WHERE ${lastYear} GROUP BY 1 ORDER BY 1`,
  },
  {
    id: 'appointments-by-weekday',
    queryClass: 'count',
    sql: "SELECT extract(isodow FROM start_at) AS weekday, count(*) AS appointments FROM scheduling.appointment WHERE status <> 'cancelled' GROUP BY 1 ORDER BY 1",
  },
  {
    id: 'appointments-by-hour',
    queryClass: 'count',
    sql: 'SELECT extract(hour FROM start_at) AS hour, count(*) AS appointments FROM scheduling.appointment GROUP BY 1 ORDER BY 1',
  },
  {
    id: 'appointments-by-visit-type',
    queryClass: 'count',
    sql: 'SELECT visit_type, count(*) AS appointments, avg(duration_minutes) AS average_minutes FROM scheduling.appointment GROUP BY visit_type',
  },
  {
    id: 'appointments-upcoming-week',
    queryClass: 'count',
    sql: "SELECT start_at::date AS day, count(*) AS appointments FROM scheduling.appointment WHERE status = 'scheduled' AND start_at >= DATE '2026-11-23' AND start_at < DATE '2026-11-30' GROUP BY 1 ORDER BY 1",
  },
  {
    id: 'booking-lead-time-by-channel',
    queryClass: 'count',
    sql: 'SELECT channel, avg(extract(epoch FROM start_at - booked_at) / 86400) AS lead_days FROM scheduling.appointment GROUP BY channel',
  },
  {
    id: 'cancellations-by-month',
    queryClass: 'count',
    sql: "SELECT date_trunc('month', cancelled_at) AS month, count(*) AS cancellations FROM scheduling.appointment WHERE cancelled_at IS NOT NULL GROUP BY 1 ORDER BY 1",
  },
  {
    id: 'distinct-patients-by-month',
    queryClass: 'count',
    sql: "SELECT date_trunc('month', start_at) AS month, count(DISTINCT patient_id) AS patients FROM scheduling.appointment WHERE status = 'completed' GROUP BY 1 ORDER BY 1",
  },
  {
    id: 'patients-by-city',
    queryClass: 'count',
    sql: 'SELECT city, count(*) AS patients FROM scheduling.patient GROUP BY city ORDER BY patients DESC, city LIMIT 20',
  },
  {
    id: 'practices-by-region',
    queryClass: 'count',
    sql: 'SELECT region, count(*) AS practices FROM scheduling.practice GROUP BY region ORDER BY region',
  },

  // rates with FILTER
  {
    id: 'no-show-rate',
    queryClass: 'rate',
    sql: "SELECT count(*) FILTER (WHERE status = 'no_show')::numeric / nullif(count(*) FILTER (WHERE status IN ('completed', 'no_show')), 0) AS no_show_rate FROM scheduling.appointment",
  },
  {
    id: 'no-show-rate-by-channel',
    queryClass: 'rate',
    sql: "SELECT channel, count(*) FILTER (WHERE status = 'no_show') AS no_shows, count(*) AS appointments, round(100.0 * count(*) FILTER (WHERE status = 'no_show') / count(*), 2) AS no_show_percent FROM scheduling.appointment GROUP BY channel ORDER BY channel",
  },
  {
    id: 'no-show-rate-by-month',
    queryClass: 'rate',
    sql: `SELECT date_trunc('month', start_at) AS month, round(100.0 * count(*) FILTER (WHERE status = 'no_show') / nullif(count(*), 0), 2) AS no_show_percent FROM scheduling.appointment WHERE ${lastYear} GROUP BY 1 ORDER BY 1`,
  },
  {
    id: 'cancellation-rate-by-visit-type',
    queryClass: 'rate',
    sql: "SELECT visit_type, avg((status = 'cancelled')::int) AS cancellation_rate FROM scheduling.appointment GROUP BY visit_type",
  },
  {
    id: 'late-cancellation-rate',
    queryClass: 'rate',
    sql: "SELECT count(*) FILTER (WHERE status = 'cancelled' AND start_at - cancelled_at < interval '24 hours') AS late_cancellations, count(*) FILTER (WHERE status = 'cancelled') AS cancellations FROM scheduling.appointment",
  },
  {
    id: 'teleconsultation-share-by-month',
    queryClass: 'rate',
    sql: "SELECT date_trunc('month', start_at) AS month, round(100.0 * count(*) FILTER (WHERE visit_type = 'teleconsultation') / count(*), 1) AS teleconsultation_percent FROM scheduling.appointment GROUP BY 1 ORDER BY 1",
  },
  {
    id: 'online-booking-share',
    queryClass: 'rate',
    sql: "SELECT count(*) FILTER (WHERE channel = 'online') AS online, count(*) FILTER (WHERE channel = 'phone') AS phone, count(*) FILTER (WHERE channel = 'walk_in') AS walk_in FROM scheduling.appointment WHERE status = 'completed'",
  },

  // scheduling joins
  {
    id: 'appointments-by-practice',
    queryClass: 'join',
    sql: 'SELECT p.name, p.city, count(*) AS appointments FROM scheduling.appointment a JOIN scheduling.practice p ON p.practice_id = a.practice_id GROUP BY p.name, p.city ORDER BY appointments DESC',
  },
  {
    id: 'appointments-by-region',
    queryClass: 'join',
    sql: 'SELECT p.region, count(*) AS appointments FROM scheduling.appointment a JOIN scheduling.practice p USING (practice_id) GROUP BY p.region ORDER BY p.region',
  },
  {
    id: 'no-show-rate-by-region',
    queryClass: 'join',
    sql: "SELECT p.region, round(100.0 * count(*) FILTER (WHERE a.status = 'no_show') / count(*), 2) AS no_show_percent FROM scheduling.appointment a JOIN scheduling.practice p ON p.practice_id = a.practice_id GROUP BY p.region ORDER BY no_show_percent DESC",
  },
  {
    id: 'appointments-by-specialty',
    queryClass: 'join',
    sql: 'SELECT s.name AS specialty, count(*) AS appointments FROM scheduling.appointment a JOIN scheduling.practitioner pr ON pr.practitioner_id = a.practitioner_id JOIN scheduling.specialty s ON s.specialty_id = pr.specialty_id GROUP BY s.name ORDER BY appointments DESC',
  },
  {
    id: 'no-show-rate-by-specialty',
    queryClass: 'join',
    sql: "SELECT s.name AS specialty, count(*) FILTER (WHERE a.status = 'no_show') AS no_shows, count(*) AS appointments FROM scheduling.appointment a JOIN scheduling.practitioner pr USING (practitioner_id) JOIN scheduling.specialty s USING (specialty_id) GROUP BY s.name ORDER BY s.name",
  },
  {
    id: 'busiest-practitioners',
    queryClass: 'join',
    sql: `SELECT pr.full_name, s.name AS specialty, count(*) AS appointments FROM scheduling.appointment a JOIN scheduling.practitioner pr ON pr.practitioner_id = a.practitioner_id JOIN scheduling.specialty s ON s.specialty_id = pr.specialty_id WHERE a.${lastYear} GROUP BY pr.full_name, s.name ORDER BY appointments DESC, pr.full_name, s.name LIMIT 10`,
  },
  {
    id: 'practitioners-per-practice',
    queryClass: 'join',
    sql: 'SELECT p.name, count(pr.practitioner_id) AS practitioners FROM scheduling.practice p LEFT JOIN scheduling.practitioner pr ON pr.practice_id = p.practice_id GROUP BY p.name ORDER BY practitioners DESC',
  },
  {
    id: 'specialties-per-region',
    queryClass: 'join',
    sql: 'SELECT p.region, s.name AS specialty, count(*) AS practitioners FROM scheduling.practitioner pr JOIN scheduling.practice p ON p.practice_id = pr.practice_id JOIN scheduling.specialty s ON s.specialty_id = pr.specialty_id GROUP BY p.region, s.name ORDER BY p.region, s.name',
  },
  {
    id: 'appointments-by-patient-city',
    queryClass: 'join',
    sql: 'SELECT pa.city, count(*) AS appointments FROM scheduling.appointment a JOIN scheduling.patient pa ON pa.patient_id = a.patient_id GROUP BY pa.city ORDER BY appointments DESC, pa.city LIMIT 15',
  },
  {
    id: 'no-show-rate-by-patient-city',
    queryClass: 'join',
    sql: "SELECT pa.city, count(*) FILTER (WHERE a.status = 'no_show') AS no_shows, count(*) AS appointments FROM scheduling.appointment a JOIN scheduling.patient pa USING (patient_id) GROUP BY pa.city HAVING count(*) > 100 ORDER BY no_shows DESC",
  },
  {
    id: 'appointments-by-region-and-channel',
    queryClass: 'join',
    sql: `SELECT p.region, a.channel, count(*) AS appointments FROM scheduling.appointment a JOIN scheduling.practice p ON p.practice_id = a.practice_id WHERE a.${lastYear} GROUP BY p.region, a.channel ORDER BY p.region, a.channel`,
  },
  {
    id: 'teleconsultations-by-specialty',
    queryClass: 'join',
    sql: "SELECT s.name AS specialty, count(*) FILTER (WHERE a.visit_type = 'teleconsultation') AS teleconsultations FROM scheduling.appointment a JOIN scheduling.practitioner pr ON pr.practitioner_id = a.practitioner_id JOIN scheduling.specialty s ON s.specialty_id = pr.specialty_id GROUP BY s.name",
  },

  // OMOP analytics
  { id: 'persons-total', queryClass: 'omop', sql: 'SELECT count(*) AS persons FROM cdm.person' },
  {
    id: 'persons-by-gender',
    queryClass: 'omop',
    sql: 'SELECT c.concept_name AS gender, count(*) AS persons FROM cdm.person p JOIN vocab.concept c ON c.concept_id = p.gender_concept_id GROUP BY c.concept_name',
  },
  {
    id: 'persons-by-decade-of-birth',
    queryClass: 'omop',
    sql: 'SELECT (year_of_birth / 10) * 10 AS decade, count(*) AS persons FROM cdm.person GROUP BY 1 ORDER BY 1',
  },
  {
    id: 'top-conditions',
    queryClass: 'omop',
    sql: 'SELECT c.concept_name, count(DISTINCT co.person_id) AS persons FROM cdm.condition_occurrence co JOIN vocab.concept c ON c.concept_id = co.condition_concept_id GROUP BY c.concept_name ORDER BY persons DESC, c.concept_name LIMIT 10',
  },
  {
    id: 'conditions-by-year',
    queryClass: 'omop',
    sql: "SELECT date_trunc('year', condition_start_date) AS year, count(*) AS conditions FROM cdm.condition_occurrence GROUP BY 1 ORDER BY 1",
  },
  {
    id: 'visits-by-concept',
    queryClass: 'omop',
    sql: 'SELECT c.concept_name AS visit_kind, count(*) AS visits FROM cdm.visit_occurrence v JOIN vocab.concept c ON c.concept_id = v.visit_concept_id GROUP BY c.concept_name',
  },
  {
    id: 'visits-by-month',
    queryClass: 'omop',
    sql: "SELECT date_trunc('month', visit_start_date) AS month, count(*) AS visits, count(DISTINCT person_id) AS persons FROM cdm.visit_occurrence WHERE visit_start_date >= DATE '2025-01-01' GROUP BY 1 ORDER BY 1",
  },
  {
    id: 'hypertension-by-gender',
    queryClass: 'omop',
    sql: "SELECT g.concept_name AS gender, count(DISTINCT p.person_id) AS persons FROM cdm.person p JOIN cdm.condition_occurrence co ON co.person_id = p.person_id JOIN vocab.concept c ON c.concept_id = co.condition_concept_id JOIN vocab.concept g ON g.concept_id = p.gender_concept_id WHERE c.concept_name = 'Essential hypertension' GROUP BY g.concept_name",
  },
  {
    id: 'diabetes-by-decade',
    queryClass: 'omop',
    sql: "SELECT (p.year_of_birth / 10) * 10 AS decade, count(DISTINCT p.person_id) AS persons FROM cdm.person p JOIN cdm.condition_occurrence co ON co.person_id = p.person_id JOIN vocab.concept c ON c.concept_id = co.condition_concept_id WHERE c.concept_name ILIKE '%diabetes%' GROUP BY 1 ORDER BY 1",
  },
  {
    id: 'top-drugs',
    queryClass: 'omop',
    sql: 'SELECT c.concept_name, count(*) AS exposures, count(DISTINCT d.person_id) AS persons FROM cdm.drug_exposure d JOIN vocab.concept c ON c.concept_id = d.drug_concept_id GROUP BY c.concept_name ORDER BY exposures DESC, c.concept_name LIMIT 10',
  },
  {
    id: 'measurement-averages',
    queryClass: 'omop',
    sql: 'SELECT c.concept_name, count(*) AS measurements, avg(m.value_as_number) AS average_value FROM cdm.measurement m JOIN vocab.concept c ON c.concept_id = m.measurement_concept_id GROUP BY c.concept_name ORDER BY measurements DESC, c.concept_name LIMIT 10',
  },
  {
    id: 'bmi-by-gender',
    queryClass: 'omop',
    sql: "SELECT g.concept_name AS gender, avg(m.value_as_number) AS average_bmi, count(DISTINCT m.person_id) AS persons FROM cdm.measurement m JOIN vocab.concept c ON c.concept_id = m.measurement_concept_id JOIN cdm.person p ON p.person_id = m.person_id JOIN vocab.concept g ON g.concept_id = p.gender_concept_id WHERE c.concept_name LIKE 'Body mass index%' GROUP BY g.concept_name",
  },
  {
    id: 'procedures-by-domain',
    queryClass: 'omop',
    sql: 'SELECT c.domain_id, count(*) AS procedures FROM cdm.procedure_occurrence po JOIN vocab.concept c ON c.concept_id = po.procedure_concept_id GROUP BY c.domain_id',
  },
  {
    id: 'condition-eras-by-concept',
    queryClass: 'omop',
    sql: 'SELECT c.concept_name, count(*) AS eras, avg(ce.condition_occurrence_count) AS occurrences_per_era FROM cdm.condition_era ce JOIN vocab.concept c ON c.concept_id = ce.condition_concept_id GROUP BY c.concept_name ORDER BY eras DESC, c.concept_name LIMIT 10',
  },
  {
    id: 'deaths-by-year',
    queryClass: 'omop',
    sql: "SELECT date_trunc('year', death_date) AS year, count(*) AS deaths FROM cdm.death GROUP BY 1 ORDER BY 1",
  },
  {
    id: 'observation-period-length',
    queryClass: 'omop',
    sql: 'SELECT avg(observation_period_end_date - observation_period_start_date) AS average_days, count(*) AS periods FROM cdm.observation_period',
  },
  {
    id: 'conditions-under-ancestor',
    queryClass: 'omop',
    sql: "SELECT a.concept_name AS ancestor, count(DISTINCT co.person_id) AS persons FROM cdm.condition_occurrence co JOIN vocab.concept_ancestor ca ON ca.descendant_concept_id = co.condition_concept_id JOIN vocab.concept a ON a.concept_id = ca.ancestor_concept_id WHERE a.domain_id = 'Condition' AND ca.min_levels_of_separation = 1 GROUP BY a.concept_name ORDER BY persons DESC, a.concept_name LIMIT 10",
  },
  {
    id: 'scheduling-to-omop-visits',
    queryClass: 'omop',
    sql: "SELECT s.name AS specialty, count(DISTINCT v.person_id) AS persons FROM scheduling.appointment a JOIN scheduling.patient pa ON pa.patient_id = a.patient_id JOIN cdm.visit_occurrence v ON v.person_id = pa.person_id AND v.visit_start_date = a.start_at::date JOIN scheduling.practitioner pr ON pr.practitioner_id = a.practitioner_id JOIN scheduling.specialty s ON s.specialty_id = pr.specialty_id WHERE a.status = 'completed' AND a.start_at >= DATE '2026-10-01' GROUP BY s.name",
  },

  // common table expressions
  {
    id: 'cte-monthly-no-show-trend',
    queryClass: 'cte',
    sql: "WITH monthly AS (SELECT date_trunc('month', start_at) AS month, count(*) FILTER (WHERE status = 'no_show') AS no_shows, count(*) AS appointments FROM scheduling.appointment GROUP BY 1) SELECT month, no_shows, appointments, round(100.0 * no_shows / appointments, 2) AS no_show_percent FROM monthly ORDER BY month",
  },
  {
    id: 'cte-region-channel-mix',
    queryClass: 'cte',
    sql: 'WITH counts AS (SELECT p.region, a.channel, count(*) AS appointments FROM scheduling.appointment a JOIN scheduling.practice p ON p.practice_id = a.practice_id GROUP BY p.region, a.channel) SELECT region, channel, appointments FROM counts WHERE appointments > 50 ORDER BY region, channel',
  },
  {
    id: 'cte-completed-last-year-by-specialty',
    queryClass: 'cte',
    sql: `WITH recent AS (SELECT practitioner_id, status FROM scheduling.appointment WHERE ${lastYear}) SELECT s.name AS specialty, count(*) FILTER (WHERE r.status = 'completed') AS completed FROM recent r JOIN scheduling.practitioner pr ON pr.practitioner_id = r.practitioner_id JOIN scheduling.specialty s ON s.specialty_id = pr.specialty_id GROUP BY s.name ORDER BY completed DESC`,
  },
  {
    id: 'cte-diabetic-visits',
    queryClass: 'cte',
    sql: "WITH diabetic AS (SELECT DISTINCT co.person_id FROM cdm.condition_occurrence co JOIN vocab.concept c ON c.concept_id = co.condition_concept_id WHERE c.concept_name ILIKE '%diabetes%') SELECT date_trunc('year', v.visit_start_date) AS year, count(*) AS visits FROM cdm.visit_occurrence v JOIN diabetic d ON d.person_id = v.person_id GROUP BY 1 ORDER BY 1",
  },
  {
    id: 'cte-measurements-per-person',
    queryClass: 'cte',
    sql: 'WITH per_person AS (SELECT person_id, count(*) AS measurements FROM cdm.measurement GROUP BY person_id) SELECT width_bucket(measurements, 0, 500, 10) AS bucket, count(*) AS persons FROM per_person GROUP BY 1 ORDER BY 1',
  },

  // subqueries
  {
    id: 'subquery-patients-with-no-show',
    queryClass: 'subquery',
    sql: "SELECT count(*) AS patients FROM scheduling.patient pa WHERE EXISTS (SELECT 1 FROM scheduling.appointment a WHERE a.patient_id = pa.patient_id AND a.status = 'no_show')",
  },
  {
    id: 'subquery-practices-above-average',
    queryClass: 'subquery',
    sql: 'SELECT p.name, count(*) AS appointments FROM scheduling.appointment a JOIN scheduling.practice p ON p.practice_id = a.practice_id GROUP BY p.name HAVING count(*) > (SELECT count(*) / count(DISTINCT practice_id) FROM scheduling.appointment) ORDER BY appointments DESC',
  },
  {
    id: 'subquery-region-in',
    queryClass: 'subquery',
    sql: "SELECT status, count(*) AS appointments FROM scheduling.appointment WHERE practice_id IN (SELECT practice_id FROM scheduling.practice WHERE region IN ('Île-de-France', 'Occitanie')) GROUP BY status",
  },
  {
    id: 'subquery-derived-table',
    queryClass: 'subquery',
    sql: "SELECT visits_per_patient, count(*) AS patients FROM (SELECT patient_id, count(*) AS visits_per_patient FROM scheduling.appointment WHERE status = 'completed' GROUP BY patient_id) per_patient GROUP BY visits_per_patient ORDER BY visits_per_patient",
  },
  {
    id: 'subquery-persons-with-condition-and-drug',
    queryClass: 'subquery',
    sql: "SELECT count(*) AS persons FROM cdm.person p WHERE p.person_id IN (SELECT co.person_id FROM cdm.condition_occurrence co JOIN vocab.concept c ON c.concept_id = co.condition_concept_id WHERE c.concept_name = 'Essential hypertension') AND p.person_id IN (SELECT d.person_id FROM cdm.drug_exposure d)",
  },

  // row-level reads (not for aggregate-only principals)
  {
    id: 'rows-next-appointments',
    queryClass: 'rows',
    sql: "SELECT appointment_id, start_at, status, channel FROM scheduling.appointment WHERE start_at >= DATE '2026-11-23' ORDER BY start_at, appointment_id LIMIT 50",
  },
  {
    id: 'rows-recent-no-shows',
    queryClass: 'rows',
    sql: "SELECT a.appointment_id, a.start_at, p.name AS practice FROM scheduling.appointment a JOIN scheduling.practice p ON p.practice_id = a.practice_id WHERE a.status = 'no_show' ORDER BY a.start_at DESC, a.appointment_id LIMIT 20",
  },
  {
    id: 'rows-practitioners',
    queryClass: 'rows',
    sql: 'SELECT pr.full_name, s.name AS specialty, p.name AS practice FROM scheduling.practitioner pr JOIN scheduling.specialty s ON s.specialty_id = pr.specialty_id JOIN scheduling.practice p ON p.practice_id = pr.practice_id ORDER BY pr.full_name',
  },
  {
    id: 'rows-patient-city-list',
    queryClass: 'rows',
    sql: "SELECT patient_id, city, postal_code FROM scheduling.patient WHERE city = 'Paris' ORDER BY patient_id LIMIT 100",
  },
  {
    id: 'rows-person-conditions',
    queryClass: 'rows',
    sql: 'SELECT co.person_id, co.condition_start_date, c.concept_name FROM cdm.condition_occurrence co JOIN vocab.concept c ON c.concept_id = co.condition_concept_id WHERE co.person_id = 100004 ORDER BY co.condition_start_date, c.concept_name',
  },
  {
    id: 'rows-recent-visits',
    queryClass: 'rows',
    sql: "SELECT visit_occurrence_id, person_id, visit_start_date FROM cdm.visit_occurrence WHERE visit_start_date >= DATE '2026-11-01' ORDER BY visit_start_date DESC, visit_occurrence_id LIMIT 100",
  },
  {
    id: 'rows-window-rank-practices',
    queryClass: 'rows',
    sql: 'SELECT region, name, appointments, rank() OVER (PARTITION BY region ORDER BY appointments DESC) AS rank_in_region FROM (SELECT p.region, p.name, count(*) AS appointments FROM scheduling.appointment a JOIN scheduling.practice p ON p.practice_id = a.practice_id GROUP BY p.region, p.name) per_practice ORDER BY region, rank_in_region',
  },
  {
    id: 'rows-vocabulary-lookup',
    queryClass: 'rows',
    sql: "SELECT concept_id, concept_name, vocabulary_id FROM vocab.concept WHERE domain_id = 'Condition' AND concept_name ILIKE '%diabetes%' ORDER BY concept_name",
  },
];
