import { periodTypeConceptId, visitConcepts, visitTypeConceptId } from '../clinical-catalog.js';
import { buildOrganisation } from './build-organisation.js';
import { buildPatients } from './build-patients.js';
import { dayMs, formatDate, formatTimestamp, minuteMs, parseDate, startOfDay } from './calendar.js';
import type { CsvTableBuffer } from './csv-table-buffer.js';
import { createDemoTableBuffers, type DemoTableName } from './demo-tables.js';
import { deriveEras } from './derive-eras.js';
import { type AppointmentDraft, planAppointments } from './plan-appointments.js';
import { Random } from './random.js';
import { type ClinicalIds, recordClinicalEvents } from './record-clinical-events.js';

/** Patients at scale 1; appointments follow (≈ 20 per patient over the 26-month window). */
export const patientsPerScale = 10_000;

const yieldEveryPatients = 250;

function yieldToEventLoop(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) =>
    setImmediate(() => (signal?.aborted ? reject(signal.reason) : resolve())),
  );
}

/** The generated tables, ready to COPY, in load order (parents before children). */
export interface DemoWarehouse {
  tables: CsvTableBuffer[];
}

/**
 * Generates the demo warehouse in memory, deterministically from (`scale`, `seed`, `referenceDate`):
 * two years of history up to `referenceDate` and two months of bookings after it. Pure computation:
 * no I/O, no clock (the reference date is an argument). It yields to the event loop every few hundred
 * patients so a server seeding on first start keeps answering `/healthz` and `/readyz`.
 */
export async function generateDemoWarehouse({
  scale,
  seed,
  referenceDate,
  signal,
}: {
  scale: number;
  seed: number;
  referenceDate: string;
  /** Checked at every yield: aborting stops the generation. */
  signal?: AbortSignal;
}): Promise<DemoWarehouse> {
  const random = new Random(seed);
  const tables = createDemoTableBuffers();
  const reference = parseDate(referenceDate);
  const windowStart = reference - 730 * dayMs;
  const windowEnd = reference + 61 * dayMs;

  const organisation = buildOrganisation({ random, scale, tables });
  const patients = buildPatients({
    random,
    count: Math.max(50, Math.round(patientsPerScale * scale)),
    referenceDate,
    windowStart,
    organisation,
    tables,
  });

  const plans: AppointmentDraft[][] = [];
  for (const patient of patients) {
    plans.push(planAppointments({ random, patient, organisation, windowStart, windowEnd, reference }));
    if (patient.patientId % yieldEveryPatients === 0) await yieldToEventLoop(signal);
  }
  // Ids follow booking order, as a booking system's sequence would.
  const allAppointments = plans
    .flat()
    .sort(
      (left, right) =>
        left.bookedAt - right.bookedAt ||
        left.patient.patientId - right.patient.patientId ||
        left.startAt - right.startAt,
    );
  allAppointments.forEach((appointment, index) => {
    appointment.appointmentId = index + 1;
  });
  const completed = allAppointments
    .filter((appointment) => appointment.status === 'completed')
    .sort((left, right) => left.startAt - right.startAt || left.appointmentId - right.appointmentId);
  completed.forEach((appointment, index) => {
    appointment.visitOccurrenceId = index + 1;
  });

  for (const appointment of allAppointments) writeAppointment(tables, appointment);
  for (const appointment of completed) writeVisit(tables, appointment);

  const ids: ClinicalIds = { condition: 0, drug: 0, measurement: 0, procedure: 0 };
  let conditionEraId = 0;
  let drugEraId = 0;
  for (const [index, patient] of patients.entries()) {
    if (patient.patientId % yieldEveryPatients === 0) await yieldToEventLoop(signal);
    const patientCompleted = (plans[index] ?? []).filter((appointment) => appointment.status === 'completed');
    const spans = recordClinicalEvents({ random, patient, completed: patientCompleted, ids, tables });
    for (const era of deriveEras(spans.conditions)) {
      tables['cdm.condition_era'].addRecord({
        condition_era_id: ++conditionEraId,
        person_id: patient.personId,
        condition_concept_id: era.conceptId,
        condition_era_start_date: formatDate(era.start),
        condition_era_end_date: formatDate(era.end),
        condition_occurrence_count: era.count,
      });
    }
    for (const era of deriveEras(spans.drugs)) {
      tables['cdm.drug_era'].addRecord({
        drug_era_id: ++drugEraId,
        person_id: patient.personId,
        drug_concept_id: era.conceptId,
        drug_era_start_date: formatDate(era.start),
        drug_era_end_date: formatDate(era.end),
        drug_exposure_count: era.count,
        gap_days: era.gapDays,
      });
    }
    const periodEnd = patient.death === undefined ? reference - dayMs : startOfDay(patient.death);
    tables['cdm.observation_period'].addRecord({
      observation_period_id: patient.patientId,
      person_id: patient.personId,
      observation_period_start_date: formatDate(Math.max(windowStart, patient.birth)),
      observation_period_end_date: formatDate(Math.max(periodEnd, Math.max(windowStart, patient.birth))),
      period_type_concept_id: periodTypeConceptId,
    });
  }

  tables['cdm.cdm_source'].addRecord({
    cdm_source_name: 'Hale demo warehouse',
    cdm_source_abbreviation: 'HALE_DEMO',
    cdm_holder: 'Hale',
    source_description: `Synthetic French outpatient network, scale ${scale}, seed ${seed}`,
    source_release_date: referenceDate,
    cdm_release_date: referenceDate,
    cdm_version: '5.4',
    cdm_version_concept_id: 0,
    vocabulary_version: 'Hale curated subset',
  });

  const order: DemoTableName[] = Object.keys(tables) as DemoTableName[];
  return { tables: order.map((name) => tables[name].finish()) };
}

function writeAppointment(
  tables: Record<DemoTableName, CsvTableBuffer>,
  appointment: AppointmentDraft,
): void {
  tables['scheduling.appointment'].addRecord({
    appointment_id: appointment.appointmentId,
    patient_id: appointment.patient.patientId,
    practitioner_id: appointment.practitioner.practitionerId,
    practice_id: appointment.practitioner.practice.practiceId,
    booked_at: formatTimestamp(appointment.bookedAt),
    start_at: formatTimestamp(appointment.startAt),
    duration_minutes: appointment.durationMinutes,
    channel: appointment.channel,
    visit_type: appointment.visitType,
    status: appointment.status,
    cancelled_at: appointment.cancelledAt === null ? null : formatTimestamp(appointment.cancelledAt),
  });
}

function writeVisit(tables: Record<DemoTableName, CsvTableBuffer>, appointment: AppointmentDraft): void {
  const end = appointment.startAt + appointment.durationMinutes * minuteMs;
  tables['cdm.visit_occurrence'].addRecord({
    visit_occurrence_id: appointment.visitOccurrenceId,
    person_id: appointment.patient.personId,
    visit_concept_id:
      appointment.visitType === 'teleconsultation' ? visitConcepts.telehealth : visitConcepts.outpatient,
    visit_start_date: formatDate(appointment.startAt),
    visit_start_datetime: formatTimestamp(appointment.startAt),
    visit_end_date: formatDate(end),
    visit_end_datetime: formatTimestamp(end),
    visit_type_concept_id: visitTypeConceptId,
    provider_id: appointment.practitioner.providerId,
    care_site_id: appointment.practitioner.practice.careSiteId,
    visit_source_value: `appointment:${appointment.appointmentId}`,
    visit_source_concept_id: 0,
    admitted_from_concept_id: 0,
    discharged_to_concept_id: 0,
  });
}
