import {
  genderConcepts,
  type Specialty,
  type SpecialtyKey,
  specialties,
  visitConcepts,
} from '../clinical-catalog.js';
import type { CsvTableBuffer } from './csv-table-buffer.js';
import type { DemoTableName } from './demo-tables.js';
import { type City, cities } from './french-geography.js';
import { familyNames, givenNames } from './french-names.js';
import type { Random } from './random.js';

/** A generated practice with what the appointment simulation needs to know about it. */
export interface Practice {
  practiceId: number;
  careSiteId: number;
  city: City;
  practitioners: Practitioner[];
}

/** A generated practitioner. */
export interface Practitioner {
  practitionerId: number;
  providerId: number;
  practice: Practice;
  specialty: Specialty;
}

/** Practices, practitioners, and the lookups used to route appointments. */
export interface Organisation {
  practices: Practice[];
  /** The location id of each (city, postal code). */
  locationIds: Map<string, number>;
  practitionersBySpecialty: Map<SpecialtyKey, Practitioner[]>;
  /** Practitioners by `specialty|city|name` and `specialty|region|name`: routing looks them up per appointment. */
  practitionersByPlace: Map<string, Practitioner[]>;
}

const practiceKinds = ['Cabinet médical', 'Centre médical', 'Maison de santé', 'Centre de santé'] as const;

/** Offsets keep OMOP ids visibly distinct from scheduling ids, so a join on the wrong key finds nothing. */
export const careSiteIdOffset = 100;
export const providerIdOffset = 5000;

function specialtyByKey(key: SpecialtyKey): Specialty {
  const specialty = specialties.find((candidate) => candidate.key === key);
  if (!specialty) throw new Error(`specialty ${key} missing from the catalog`);
  return specialty;
}

/** Number of practices for a scale: grows slower than patients, as practices grow busier. */
export function practiceCount(scale: number): number {
  return Math.max(cities.length + 2, Math.round(30 * scale ** 0.6));
}

/**
 * Generates specialties, practices (at least one per city, the rest by population), practitioners
 * (every practice has general practitioners; specialists by national mix) and their OMOP
 * counterparts: `location`, `care_site`, `provider`.
 */
export function buildOrganisation({
  random,
  scale,
  tables,
}: {
  random: Random;
  scale: number;
  tables: Record<DemoTableName, CsvTableBuffer>;
}): Organisation {
  specialties.forEach((specialty, index) => {
    tables['scheduling.specialty'].addRecord({
      specialty_id: index + 1,
      name: specialty.name,
      omop_concept_id: specialty.omopConceptId,
    });
  });
  const specialtyIds = new Map(specialties.map((specialty, index) => [specialty.key, index + 1]));

  const locationIds = new Map<string, number>();
  for (const city of cities) {
    for (const postalCode of city.postalCodes) {
      const locationId = locationIds.size + 1;
      locationIds.set(`${city.name}|${postalCode}`, locationId);
      tables['cdm.location'].addRecord({
        location_id: locationId,
        city: city.name,
        zip: postalCode,
        county: city.region.slice(0, 20),
        country_source_value: 'France',
        location_source_value: `${postalCode} ${city.name}`,
      });
    }
  }

  const totalPractices = practiceCount(scale);
  const practiceCities: City[] = [...cities];
  while (practiceCities.length < totalPractices)
    practiceCities.push(random.weighted(cities, (city) => city.population));
  practiceCities.sort((left, right) => cities.indexOf(left) - cities.indexOf(right));

  const practices: Practice[] = [];
  const practitionersBySpecialty = new Map<SpecialtyKey, Practitioner[]>();
  const usedNames = new Set<string>();
  const usedRppsNumbers = new Set<string>();
  const specialists = specialties.filter((specialty) => specialty.key !== 'generalPractice');
  let practitionerId = 0;

  for (const city of practiceCities) {
    const practiceId = practices.length + 1;
    const practice: Practice = {
      practiceId,
      careSiteId: careSiteIdOffset + practiceId,
      city,
      practitioners: [],
    };
    practices.push(practice);
    let name = `${random.pick(practiceKinds)} ${random.pick(city.neighbourhoods)}`;
    while (usedNames.has(name)) name = `${random.pick(practiceKinds)} ${random.pick(city.neighbourhoods)}`;
    usedNames.add(name);
    const postalCode = random.pick(city.postalCodes);
    tables['scheduling.practice'].addRecord({
      practice_id: practiceId,
      name,
      city: city.name,
      region: city.region,
      postal_code: postalCode,
      care_site_id: practice.careSiteId,
    });
    tables['cdm.care_site'].addRecord({
      care_site_id: practice.careSiteId,
      care_site_name: name.slice(0, 255),
      place_of_service_concept_id: visitConcepts.outpatient,
      location_id: locationIds.get(`${city.name}|${postalCode}`) ?? null,
      care_site_source_value: `practice:${practiceId}`,
      place_of_service_source_value: 'outpatient practice',
    });

    const generalPractitioners = random.integer(2, 4);
    const specialistCount = random.integer(1, 5);
    const practiceSpecialties: Specialty[] = [];
    for (let index = 0; index < generalPractitioners; index++)
      practiceSpecialties.push(specialtyByKey('generalPractice'));
    for (let index = 0; index < specialistCount; index++) {
      practiceSpecialties.push(random.weighted(specialists, (specialty) => specialty.share));
    }
    for (const specialty of practiceSpecialties) {
      practitionerId++;
      const female = random.chance(0.52);
      const given = random.pick(female ? givenNames.female : givenNames.male);
      const family = random.pick(familyNames);
      let rppsNumber = `10${String(random.integer(0, 999_999_999)).padStart(9, '0')}`;
      while (usedRppsNumbers.has(rppsNumber))
        rppsNumber = `10${String(random.integer(0, 999_999_999)).padStart(9, '0')}`;
      usedRppsNumbers.add(rppsNumber);
      const practitioner: Practitioner = {
        practitionerId,
        providerId: providerIdOffset + practitionerId,
        practice,
        specialty,
      };
      practice.practitioners.push(practitioner);
      const list = practitionersBySpecialty.get(specialty.key) ?? [];
      list.push(practitioner);
      practitionersBySpecialty.set(specialty.key, list);
      tables['scheduling.practitioner'].addRecord({
        practitioner_id: practitionerId,
        practice_id: practiceId,
        specialty_id: specialtyIds.get(specialty.key) ?? null,
        full_name: `Dr ${given} ${family}`,
        rpps_number: rppsNumber,
        provider_id: practitioner.providerId,
      });
      tables['cdm.provider'].addRecord({
        provider_id: practitioner.providerId,
        provider_name: `Dr ${given} ${family}`,
        specialty_concept_id: specialty.omopConceptId,
        care_site_id: practice.careSiteId,
        year_of_birth: random.integer(1958, 1994),
        gender_concept_id: female ? genderConcepts.female : genderConcepts.male,
        provider_source_value: rppsNumber,
        specialty_source_value: specialty.name,
        gender_source_value: female ? 'F' : 'M',
      });
    }
  }
  const practitionersByPlace = new Map<string, Practitioner[]>();
  for (const practice of practices) {
    for (const practitioner of practice.practitioners) {
      for (const key of [
        `${practitioner.specialty.key}|city|${practice.city.name}`,
        `${practitioner.specialty.key}|region|${practice.city.region}`,
      ]) {
        practitionersByPlace.set(key, [...(practitionersByPlace.get(key) ?? []), practitioner]);
      }
    }
  }
  return { practices, locationIds, practitionersBySpecialty, practitionersByPlace };
}
