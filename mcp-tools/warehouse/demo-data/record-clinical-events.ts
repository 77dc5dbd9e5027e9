import {
  type ConditionEntry,
  conditions,
  conditionTypeConceptId,
  type DrugEntry,
  drugs,
  drugTypeConceptId,
  measurements,
  measurementTypeConceptId,
  procedures,
  procedureTypeConceptId,
} from '../clinical-catalog.js';
import type { Patient } from './build-patients.js';
import { dayMs, formatDate, formatTimestamp, respiratorySeason, startOfDay } from './calendar.js';
import type { CsvTableBuffer } from './csv-table-buffer.js';
import type { DemoTableName } from './demo-tables.js';
import type { Span } from './derive-eras.js';
import type { AppointmentDraft } from './plan-appointments.js';
import type { Random } from './random.js';

/** Running ids for clinical rows, shared across patients. */
export interface ClinicalIds {
  condition: number;
  drug: number;
  measurement: number;
  procedure: number;
}

/** What the era derivation needs from one patient's records. */
export interface PatientSpans {
  conditions: Span[];
  drugs: Span[];
}

const acuteCatalog = conditions.filter((condition) => !condition.chronic);

function drugsFor(condition: ConditionEntry): DrugEntry[] {
  return drugs.filter((drug) => drug.indicationConceptIds.includes(condition.conceptId));
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/**
 * Writes the OMOP events of one patient's completed appointments: chronic conditions recorded at
 * visits of a matching specialty (always at the first one), seasonal acute conditions, prescriptions
 * for what was recorded (one stable drug per chronic condition), vital signs and condition-specific
 * laboratory tests at in-person visits, and procedures. Returns the spans eras are derived from.
 */
export function recordClinicalEvents({
  random,
  patient,
  completed,
  ids,
  tables,
}: {
  random: Random;
  patient: Patient;
  completed: readonly AppointmentDraft[];
  ids: ClinicalIds;
  tables: Record<DemoTableName, CsvTableBuffer>;
}): PatientSpans {
  const spans: PatientSpans = { conditions: [], drugs: [] };
  const diagnosed = new Set<number>();
  const chosenDrug = new Map<number, DrugEntry | undefined>();
  const patientConditionIds = new Set(patient.chronicConditions.map((condition) => condition.conceptId));

  for (const appointment of completed) {
    const specialty = appointment.practitioner.specialty.key;
    const day = startOfDay(appointment.startAt);
    const personId = patient.personId;
    const providerId = appointment.practitioner.providerId;
    const visitOccurrenceId = appointment.visitOccurrenceId;
    const date = formatDate(day);
    const datetime = formatTimestamp(appointment.startAt);
    const recorded: ConditionEntry[] = [];
    for (const condition of patient.chronicConditions) {
      const matches = condition.specialties.includes(specialty) || specialty === 'generalPractice';
      if (!matches) continue;
      const first = !diagnosed.has(condition.conceptId) && condition.specialties.includes(specialty);
      if (first || random.chance(specialty === 'generalPractice' ? 0.35 : 0.7)) recorded.push(condition);
    }
    const acuteSpecialty =
      specialty === 'generalPractice' || specialty === 'pediatrics' || specialty === 'otorhinolaryngology';
    if (acuteSpecialty && random.chance(Math.min(0.8, 0.28 * respiratorySeason(day)))) {
      const candidates = acuteCatalog.filter((condition) => condition.specialties.includes(specialty));
      if (candidates.length > 0)
        recorded.push(random.weighted(candidates, (condition) => condition.annualPrevalence));
    }

    for (const condition of recorded) {
      diagnosed.add(condition.conceptId);
      ids.condition++;
      const end = condition.chronic ? null : day + random.integer(5, 14) * dayMs;
      tables['cdm.condition_occurrence'].addRecord({
        person_id: personId,
        provider_id: providerId,
        visit_occurrence_id: visitOccurrenceId,
        condition_occurrence_id: ids.condition,
        condition_concept_id: condition.conceptId,
        condition_start_date: date,
        condition_start_datetime: datetime,
        condition_end_date: end === null ? null : formatDate(end),
        condition_type_concept_id: conditionTypeConceptId,
        condition_status_concept_id: 0,
        condition_source_value: condition.sourceValue,
        condition_source_concept_id: condition.sourceConceptId,
      });
      spans.conditions.push({ conceptId: condition.conceptId, start: day, end: end ?? day });

      if (!chosenDrug.has(condition.conceptId)) {
        const options = drugsFor(condition);
        chosenDrug.set(condition.conceptId, options.length > 0 ? random.pick(options) : undefined);
      }
      const acuteOptions = condition.chronic ? [] : drugsFor(condition);
      const drug = condition.chronic
        ? chosenDrug.get(condition.conceptId)
        : acuteOptions.length > 0
          ? random.pick(acuteOptions)
          : undefined;
      if (!drug || !random.chance(condition.chronic ? 0.75 : 0.65)) continue;
      ids.drug++;
      const drugEnd = day + (drug.daysSupply - 1) * dayMs;
      tables['cdm.drug_exposure'].addRecord({
        person_id: personId,
        provider_id: providerId,
        visit_occurrence_id: visitOccurrenceId,
        drug_exposure_id: ids.drug,
        drug_concept_id: drug.conceptId,
        drug_exposure_start_date: date,
        drug_exposure_start_datetime: datetime,
        drug_exposure_end_date: formatDate(drugEnd),
        drug_type_concept_id: drugTypeConceptId,
        refills: condition.chronic ? random.integer(0, 3) : 0,
        quantity: drug.daysSupply,
        days_supply: drug.daysSupply,
        route_concept_id: 0,
        drug_source_value: drug.name.slice(0, 50),
        drug_source_concept_id: 0,
      });
      spans.drugs.push({ conceptId: drug.ingredientConceptId, start: day, end: drugEnd });
    }

    if (appointment.visitType === 'in_person') {
      for (const measurement of measurements) {
        if (!measurement.specialties.includes(specialty)) continue;
        const targeted = measurement.forConditionConceptIds;
        if (targeted && !targeted.some((conceptId) => patientConditionIds.has(conceptId))) continue;
        if (!random.chance(targeted ? 0.5 : 0.7)) continue;
        const shifted = targeted ? measurement.standardDeviation * 0.5 : 0;
        const value = round(
          Math.min(
            measurement.maximum,
            Math.max(
              measurement.minimum,
              random.normal(measurement.mean + shifted, measurement.standardDeviation),
            ),
          ),
          measurement.decimals,
        );
        ids.measurement++;
        tables['cdm.measurement'].addRecord({
          person_id: personId,
          provider_id: providerId,
          visit_occurrence_id: visitOccurrenceId,
          measurement_id: ids.measurement,
          measurement_concept_id: measurement.conceptId,
          measurement_date: date,
          measurement_datetime: datetime,
          measurement_type_concept_id: measurementTypeConceptId,
          value_as_number: value,
          unit_concept_id: measurement.unitConceptId,
          range_low: null,
          range_high: null,
          measurement_source_value: measurement.name.slice(0, 50),
          measurement_source_concept_id: 0,
          unit_source_value: measurement.unitSourceValue,
          value_source_value: String(value),
        });
      }
    }

    for (const procedure of procedures) {
      if (!procedure.specialties.includes(specialty)) continue;
      if (!random.chance(procedure.probabilityPerVisit)) continue;
      ids.procedure++;
      tables['cdm.procedure_occurrence'].addRecord({
        person_id: personId,
        provider_id: providerId,
        visit_occurrence_id: visitOccurrenceId,
        procedure_occurrence_id: ids.procedure,
        procedure_concept_id: procedure.conceptId,
        procedure_date: date,
        procedure_datetime: datetime,
        procedure_type_concept_id: procedureTypeConceptId,
        modifier_concept_id: 0,
        quantity: 1,
        procedure_source_value: procedure.name.slice(0, 50),
        procedure_source_concept_id: 0,
      });
    }
  }
  return spans;
}
