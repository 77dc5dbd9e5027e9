import { type ConditionEntry, conditions, ehrTypeConceptId, genderConcepts } from '../clinical-catalog.js';
import type { Organisation, Practice } from './build-organisation.js';
import { dayMs, formatDate, formatTimestamp, parseDate } from './calendar.js';
import type { CsvTableBuffer } from './csv-table-buffer.js';
import type { DemoTableName } from './demo-tables.js';
import { type City, cities } from './french-geography.js';
import { familyNames, givenNames } from './french-names.js';
import type { Random } from './random.js';

/** A generated patient with what the simulation needs. */
export interface Patient {
  patientId: number;
  personId: number;
  female: boolean;
  birth: number;
  city: City;
  homePractice: Practice;
  chronicConditions: ConditionEntry[];
  /** Expected appointments per year (before the window is applied). */
  yearlyAppointments: number;
  /** Time of death within the window, if the patient dies. */
  death?: number;
}

export const personIdOffset = 100_000;

/** Approximate French population by age band (INSEE), as [from, to, share]. */
const ageBands: readonly [number, number, number][] = [
  [0, 14, 0.175],
  [15, 29, 0.17],
  [30, 44, 0.185],
  [45, 59, 0.195],
  [60, 74, 0.17],
  [75, 89, 0.09],
  [90, 100, 0.015],
];

/** Pediatric and atopic conditions are common in children; most chronic ones rise with age. */
function prevalenceAgeFactor(condition: ConditionEntry, age: number): number {
  const childhoodCondition = /asthma|eczema|dermatitis|otitis|attention/i.test(condition.name);
  if (age < 16) return childhoodCondition ? 1.6 : 0.1;
  if (age < 40) return childhoodCondition ? 1 : 0.45;
  if (age < 65) return childhoodCondition ? 0.7 : 1.2;
  return childhoodCondition ? 0.6 : 2.1;
}

function femaleOnly(condition: ConditionEntry): boolean {
  return condition.specialties.length === 1 && condition.specialties[0] === 'gynecology';
}

function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '');
}

/**
 * Generates patients (scheduling.patient and cdm.person): French age pyramid, home city by population,
 * a home practice in that city, chronic conditions by age-adjusted prevalence, and a personal rate
 * of appointments that grows with age and chronic disease (gamma-spread, so some patients are frequent
 * attenders and many come rarely).
 */
export function buildPatients({
  random,
  count,
  referenceDate,
  windowStart,
  organisation,
  tables,
}: {
  random: Random;
  count: number;
  referenceDate: string;
  windowStart: number;
  organisation: Organisation;
  tables: Record<DemoTableName, CsvTableBuffer>;
}): Patient[] {
  const reference = parseDate(referenceDate);
  const practicesByCity = new Map<string, Practice[]>();
  for (const practice of organisation.practices) {
    const list = practicesByCity.get(practice.city.name) ?? [];
    list.push(practice);
    practicesByCity.set(practice.city.name, list);
  }
  const chronicCatalog = conditions.filter((condition) => condition.chronic);
  const patients: Patient[] = [];
  const usedEmails = new Set<string>();

  for (let patientId = 1; patientId <= count; patientId++) {
    const female = random.chance(0.515);
    const [fromAge, toAge] = random.weighted(ageBands, (band) => band[2]);
    const age = random.integer(fromAge, toAge);
    const birth = reference - (age * 365.25 + random.integer(0, 364)) * dayMs;
    const birthDay = Math.floor(birth / dayMs) * dayMs;
    const city = random.weighted(cities, (candidate) => candidate.population);
    const postalCode = random.pick(city.postalCodes);
    const cityPractices = practicesByCity.get(city.name) ?? organisation.practices;
    const homePractice = random.weighted(cityPractices, (practice) => practice.practitioners.length);

    const chronicConditions = chronicCatalog.filter((condition) => {
      if (femaleOnly(condition) && !female) return false;
      return random.chance(Math.min(0.7, condition.annualPrevalence * prevalenceAgeFactor(condition, age)));
    });
    const ageUtilisation =
      age < 3 ? 2.2 : age < 16 ? 0.9 : age < 45 ? 0.75 : age < 65 ? 1.0 : age < 80 ? 1.5 : 1.9;
    const yearlyAppointments =
      5.6 * ageUtilisation * (1 + 0.35 * chronicConditions.length) * random.gamma(1.4);
    const deathChance = age >= 75 ? 0.012 * (age - 70) ** 0.9 : 0.0005;
    // Death falls after birth: a baby born during the window cannot die before it.
    const aliveFrom = Math.max(windowStart, birthDay);
    const death = random.chance(deathChance)
      ? aliveFrom + random.next() * (reference - aliveFrom)
      : undefined;

    const given = random.pick(female ? givenNames.female : givenNames.male);
    const family = random.pick(familyNames);
    let email: string | null = null;
    if (random.chance(0.9)) {
      email = `${asciiSlug(given)}.${asciiSlug(family)}@example.com`;
      for (let suffix = 2; usedEmails.has(email); suffix++) {
        email = `${asciiSlug(given)}.${asciiSlug(family)}${suffix}@example.com`;
      }
      usedEmails.add(email);
    }
    const phone = random.chance(0.95)
      ? `+33 ${random.pick(['6', '7', '1', '4'])} ${Array.from({ length: 4 }, () => String(random.integer(0, 99)).padStart(2, '0')).join(' ')}`
      : null;

    const patient: Patient = {
      patientId,
      personId: personIdOffset + patientId,
      female,
      birth: birthDay,
      city,
      homePractice,
      chronicConditions,
      yearlyAppointments,
      ...(death === undefined ? {} : { death }),
    };
    patients.push(patient);

    tables['scheduling.patient'].addRecord({
      patient_id: patientId,
      person_id: patient.personId,
      first_name: given,
      last_name: family,
      birth_date: formatDate(birthDay),
      email,
      phone,
      postal_code: postalCode,
      city: city.name,
    });
    const birthDate = new Date(birthDay);
    tables['cdm.person'].addRecord({
      person_id: patient.personId,
      gender_concept_id: female ? genderConcepts.female : genderConcepts.male,
      year_of_birth: birthDate.getUTCFullYear(),
      month_of_birth: birthDate.getUTCMonth() + 1,
      day_of_birth: birthDate.getUTCDate(),
      birth_datetime: formatTimestamp(birthDay),
      // France does not record race or ethnicity (law of 6 January 1978): OMOP's 0 = no matching concept.
      race_concept_id: 0,
      ethnicity_concept_id: 0,
      location_id: organisation.locationIds.get(`${city.name}|${postalCode}`) ?? null,
      care_site_id: homePractice.careSiteId,
      person_source_value: `patient:${patientId}`,
      gender_source_value: female ? 'F' : 'M',
    });
    if (patient.death !== undefined) {
      const deathDay = Math.floor(patient.death / dayMs) * dayMs;
      tables['cdm.death'].addRecord({
        person_id: patient.personId,
        death_date: formatDate(deathDay),
        death_datetime: formatTimestamp(deathDay),
        death_type_concept_id: ehrTypeConceptId,
      });
    }
  }
  return patients;
}
