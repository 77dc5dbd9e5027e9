/**
 * Clinical catalog used by the demo-data generator.
 *
 * Pure data. Every concept id below exists in the bundled vocabulary subset
 * (`mcp-tools/warehouse/vocabulary/data/CONCEPT.csv`); `vocabulary/check-catalog.ts` verifies it.
 * Ids >= 2,000,000,000 are Hale-local concepts (see `vocabulary/local-additions.ts`); all other ids
 * are real OMOP ids taken from the Synthea27Nj and GiBleed vocabulary subsets.
 */

/** Keys of the medical specialties the demo practices offer. */
export type SpecialtyKey =
  | 'generalPractice'
  | 'cardiology'
  | 'dermatology'
  | 'pediatrics'
  | 'psychiatry'
  | 'gynecology'
  | 'ophthalmology'
  | 'endocrinology'
  | 'pulmonology'
  | 'rheumatology'
  | 'orthopedics'
  | 'otorhinolaryngology';

/** A medical specialty with its scheduling characteristics. */
export interface Specialty {
  readonly key: SpecialtyKey;
  readonly name: string;
  readonly omopConceptId: number;
  readonly teleconsultationShare: number;
  readonly share: number;
  readonly averageDurationMinutes: number;
}

/** A condition the generator can diagnose, with its ICD-10-CM source code. */
export interface ConditionEntry {
  readonly conceptId: number;
  readonly name: string;
  readonly sourceConceptId: number;
  readonly sourceValue: string;
  readonly specialties: readonly SpecialtyKey[];
  readonly annualPrevalence: number;
  readonly chronic: boolean;
}

/** A prescribable drug (standard RxNorm drug concept) and the conditions it treats. */
export interface DrugEntry {
  readonly conceptId: number;
  readonly ingredientConceptId: number;
  readonly name: string;
  readonly indicationConceptIds: readonly number[];
  readonly daysSupply: number;
}

/** A numeric measurement (LOINC) with its UCUM unit and a plausible value distribution. */
export interface MeasurementEntry {
  readonly conceptId: number;
  readonly name: string;
  readonly unitConceptId: number;
  readonly unitSourceValue: string;
  readonly mean: number;
  readonly standardDeviation: number;
  readonly minimum: number;
  readonly maximum: number;
  readonly decimals: number;
  readonly specialties: readonly SpecialtyKey[];
  readonly forConditionConceptIds?: readonly number[];
}

/** A procedure (SNOMED, Procedure domain) and how often it happens per visit of a specialty. */
export interface ProcedureEntry {
  readonly conceptId: number;
  readonly name: string;
  readonly specialties: readonly SpecialtyKey[];
  readonly probabilityPerVisit: number;
}

/** A concept with a rough population share (race, ethnicity). */
export interface SharedConcept {
  readonly conceptId: number;
  readonly name: string;
  readonly share: number;
}

/**
 * Specialties offered by the demo practices. `share` is the fraction of all appointments (sums to 1),
 * `teleconsultationShare` the fraction of that specialty's appointments held by video. General practice
 * uses the real Medicare Specialty concept 38004446; the others are Hale-local concepts because the
 * bundled source datasets carry no other provider-specialty concept.
 */
export const specialties: readonly Specialty[] = [
  {
    key: 'generalPractice',
    name: 'General practice',
    omopConceptId: 38004446,
    teleconsultationShare: 0.15,
    share: 0.45,
    averageDurationMinutes: 20,
  },
  {
    key: 'cardiology',
    name: 'Cardiology',
    omopConceptId: 2000000010,
    teleconsultationShare: 0.08,
    share: 0.06,
    averageDurationMinutes: 30,
  },
  {
    key: 'dermatology',
    name: 'Dermatology',
    omopConceptId: 2000000011,
    teleconsultationShare: 0.2,
    share: 0.06,
    averageDurationMinutes: 20,
  },
  {
    key: 'pediatrics',
    name: 'Pediatrics',
    omopConceptId: 2000000012,
    teleconsultationShare: 0.1,
    share: 0.09,
    averageDurationMinutes: 20,
  },
  {
    key: 'psychiatry',
    name: 'Psychiatry',
    omopConceptId: 2000000013,
    teleconsultationShare: 0.45,
    share: 0.05,
    averageDurationMinutes: 45,
  },
  {
    key: 'gynecology',
    name: 'Gynecology and obstetrics',
    omopConceptId: 2000000014,
    teleconsultationShare: 0.06,
    share: 0.07,
    averageDurationMinutes: 25,
  },
  {
    key: 'ophthalmology',
    name: 'Ophthalmology',
    omopConceptId: 2000000015,
    teleconsultationShare: 0.02,
    share: 0.06,
    averageDurationMinutes: 20,
  },
  {
    key: 'endocrinology',
    name: 'Endocrinology',
    omopConceptId: 2000000016,
    teleconsultationShare: 0.25,
    share: 0.03,
    averageDurationMinutes: 30,
  },
  {
    key: 'pulmonology',
    name: 'Pulmonology',
    omopConceptId: 2000000017,
    teleconsultationShare: 0.1,
    share: 0.03,
    averageDurationMinutes: 30,
  },
  {
    key: 'rheumatology',
    name: 'Rheumatology',
    omopConceptId: 2000000018,
    teleconsultationShare: 0.12,
    share: 0.03,
    averageDurationMinutes: 30,
  },
  {
    key: 'orthopedics',
    name: 'Orthopedics',
    omopConceptId: 2000000019,
    teleconsultationShare: 0.03,
    share: 0.04,
    averageDurationMinutes: 20,
  },
  {
    key: 'otorhinolaryngology',
    name: 'Otorhinolaryngology (ENT)',
    omopConceptId: 2000000020,
    teleconsultationShare: 0.04,
    share: 0.03,
    averageDurationMinutes: 20,
  },
];

/**
 * Conditions (standard SNOMED concepts, Condition domain) with the ICD-10-CM code recorded as source.
 * `sourceConceptId` is the ICD-10-CM concept (0 when no code is bundled, then `sourceValue` is the
 * SNOMED code); `annualPrevalence` is a rough fraction of an outpatient population diagnosed in a year.
 */
export const conditions: readonly ConditionEntry[] = [
  // Endocrine and metabolic
  {
    conceptId: 201826,
    name: 'Type 2 diabetes mellitus',
    sourceConceptId: 2000001001,
    sourceValue: 'E11.9',
    specialties: ['generalPractice', 'endocrinology'],
    annualPrevalence: 0.07,
    chronic: true,
  },
  {
    conceptId: 4226121,
    name: 'Retinopathy due to type 2 diabetes mellitus',
    sourceConceptId: 2000001002,
    sourceValue: 'E11.319',
    specialties: ['ophthalmology', 'endocrinology'],
    annualPrevalence: 0.01,
    chronic: true,
  },
  {
    conceptId: 37016354,
    name: 'Neuropathy due to type 2 diabetes mellitus',
    sourceConceptId: 2000001003,
    sourceValue: 'E11.40',
    specialties: ['endocrinology', 'generalPractice'],
    annualPrevalence: 0.01,
    chronic: true,
  },
  {
    conceptId: 432867,
    name: 'Hyperlipidemia',
    sourceConceptId: 2000001004,
    sourceValue: 'E78.5',
    specialties: ['generalPractice', 'cardiology', 'endocrinology'],
    annualPrevalence: 0.15,
    chronic: true,
  },
  {
    conceptId: 4120314,
    name: 'Hypertriglyceridemia',
    sourceConceptId: 2000001005,
    sourceValue: 'E78.1',
    specialties: ['generalPractice', 'endocrinology'],
    annualPrevalence: 0.03,
    chronic: true,
  },
  {
    conceptId: 140673,
    name: 'Hypothyroidism',
    sourceConceptId: 2000001006,
    sourceValue: 'E03.9',
    specialties: ['generalPractice', 'endocrinology'],
    annualPrevalence: 0.04,
    chronic: true,
  },
  {
    conceptId: 2000000110,
    name: 'Obesity',
    sourceConceptId: 2000001007,
    sourceValue: 'E66.9',
    specialties: ['generalPractice', 'endocrinology', 'pediatrics'],
    annualPrevalence: 0.12,
    chronic: true,
  },
  {
    conceptId: 436940,
    name: 'Metabolic syndrome X',
    sourceConceptId: 0,
    sourceValue: '237602007',
    specialties: ['endocrinology'],
    annualPrevalence: 0.02,
    chronic: true,
  },
  {
    conceptId: 440674,
    name: 'Gout',
    sourceConceptId: 2000001008,
    sourceValue: 'M10.9',
    specialties: ['generalPractice', 'rheumatology'],
    annualPrevalence: 0.015,
    chronic: true,
  },
  // Cardiovascular
  {
    conceptId: 320128,
    name: 'Essential hypertension',
    sourceConceptId: 2000001009,
    sourceValue: 'I10',
    specialties: ['generalPractice', 'cardiology'],
    annualPrevalence: 0.18,
    chronic: true,
  },
  {
    conceptId: 313217,
    name: 'Atrial fibrillation',
    sourceConceptId: 2000001010,
    sourceValue: 'I48.91',
    specialties: ['cardiology', 'generalPractice'],
    annualPrevalence: 0.02,
    chronic: true,
  },
  {
    conceptId: 317576,
    name: 'Coronary arteriosclerosis',
    sourceConceptId: 2000001011,
    sourceValue: 'I25.10',
    specialties: ['cardiology', 'generalPractice'],
    annualPrevalence: 0.03,
    chronic: true,
  },
  {
    conceptId: 4329847,
    name: 'Myocardial infarction',
    sourceConceptId: 2000001012,
    sourceValue: 'I21.9',
    specialties: ['cardiology'],
    annualPrevalence: 0.003,
    chronic: false,
  },
  {
    conceptId: 316139,
    name: 'Heart failure',
    sourceConceptId: 2000001013,
    sourceValue: 'I50.9',
    specialties: ['cardiology', 'generalPractice'],
    annualPrevalence: 0.012,
    chronic: true,
  },
  {
    conceptId: 4229440,
    name: 'Chronic congestive heart failure',
    sourceConceptId: 0,
    sourceValue: '88805009',
    specialties: ['cardiology'],
    annualPrevalence: 0.006,
    chronic: true,
  },
  // Respiratory
  {
    conceptId: 317009,
    name: 'Asthma',
    sourceConceptId: 2000001014,
    sourceValue: 'J45.909',
    specialties: ['generalPractice', 'pulmonology', 'pediatrics'],
    annualPrevalence: 0.06,
    chronic: true,
  },
  {
    conceptId: 4051466,
    name: 'Childhood asthma',
    sourceConceptId: 0,
    sourceValue: '233678006',
    specialties: ['pediatrics'],
    annualPrevalence: 0.02,
    chronic: true,
  },
  {
    conceptId: 2000000102,
    name: 'Chronic obstructive lung disease',
    sourceConceptId: 2000001015,
    sourceValue: 'J44.9',
    specialties: ['pulmonology', 'generalPractice'],
    annualPrevalence: 0.03,
    chronic: true,
  },
  {
    conceptId: 261325,
    name: 'Pulmonary emphysema',
    sourceConceptId: 2000001016,
    sourceValue: 'J43.9',
    specialties: ['pulmonology'],
    annualPrevalence: 0.005,
    chronic: true,
  },
  {
    conceptId: 4280726,
    name: 'Seasonal allergic rhinitis',
    sourceConceptId: 2000001017,
    sourceValue: 'J30.2',
    specialties: ['generalPractice', 'otorhinolaryngology'],
    annualPrevalence: 0.06,
    chronic: false,
  },
  {
    conceptId: 40486433,
    name: 'Perennial allergic rhinitis',
    sourceConceptId: 0,
    sourceValue: '446096008',
    specialties: ['otorhinolaryngology', 'pulmonology'],
    annualPrevalence: 0.02,
    chronic: true,
  },
  {
    conceptId: 40481087,
    name: 'Viral sinusitis',
    sourceConceptId: 0,
    sourceValue: '444814009',
    specialties: ['generalPractice', 'otorhinolaryngology'],
    annualPrevalence: 0.08,
    chronic: false,
  },
  {
    conceptId: 257012,
    name: 'Chronic sinusitis',
    sourceConceptId: 2000001018,
    sourceValue: 'J32.9',
    specialties: ['otorhinolaryngology'],
    annualPrevalence: 0.02,
    chronic: true,
  },
  {
    conceptId: 4283893,
    name: 'Sinusitis',
    sourceConceptId: 2000001019,
    sourceValue: 'J01.90',
    specialties: ['generalPractice', 'otorhinolaryngology'],
    annualPrevalence: 0.02,
    chronic: false,
  },
  {
    conceptId: 4112343,
    name: 'Acute viral pharyngitis',
    sourceConceptId: 0,
    sourceValue: '195662009',
    specialties: ['generalPractice', 'pediatrics'],
    annualPrevalence: 0.07,
    chronic: false,
  },
  {
    conceptId: 28060,
    name: 'Streptococcal sore throat',
    sourceConceptId: 2000001020,
    sourceValue: 'J02.0',
    specialties: ['generalPractice', 'pediatrics', 'otorhinolaryngology'],
    annualPrevalence: 0.02,
    chronic: false,
  },
  {
    conceptId: 372328,
    name: 'Otitis media',
    sourceConceptId: 2000001021,
    sourceValue: 'H66.90',
    specialties: ['pediatrics', 'generalPractice', 'otorhinolaryngology'],
    annualPrevalence: 0.04,
    chronic: false,
  },
  {
    conceptId: 260139,
    name: 'Acute bronchitis',
    sourceConceptId: 2000001022,
    sourceValue: 'J20.9',
    specialties: ['generalPractice', 'pulmonology'],
    annualPrevalence: 0.05,
    chronic: false,
  },
  {
    conceptId: 255848,
    name: 'Pneumonia',
    sourceConceptId: 2000001023,
    sourceValue: 'J18.9',
    specialties: ['generalPractice', 'pulmonology'],
    annualPrevalence: 0.01,
    chronic: false,
  },
  {
    conceptId: 37311061,
    name: 'COVID-19',
    sourceConceptId: 2000001024,
    sourceValue: 'U07.1',
    specialties: ['generalPractice'],
    annualPrevalence: 0.03,
    chronic: false,
  },
  // Mental health and neurology
  {
    conceptId: 4152280,
    name: 'Major depressive disorder',
    sourceConceptId: 0,
    sourceValue: '370143000',
    specialties: ['psychiatry', 'generalPractice'],
    annualPrevalence: 0.03,
    chronic: true,
  },
  {
    conceptId: 4282096,
    name: 'Major depression, single episode',
    sourceConceptId: 2000001025,
    sourceValue: 'F32.9',
    specialties: ['psychiatry', 'generalPractice'],
    annualPrevalence: 0.03,
    chronic: false,
  },
  {
    conceptId: 4214746,
    name: 'Severe anxiety (panic)',
    sourceConceptId: 2000001026,
    sourceValue: 'F41.0',
    specialties: ['psychiatry', 'generalPractice'],
    annualPrevalence: 0.04,
    chronic: false,
  },
  {
    conceptId: 436676,
    name: 'Posttraumatic stress disorder',
    sourceConceptId: 2000001027,
    sourceValue: 'F43.10',
    specialties: ['psychiatry'],
    annualPrevalence: 0.01,
    chronic: true,
  },
  {
    conceptId: 440086,
    name: 'Child attention deficit disorder',
    sourceConceptId: 2000001028,
    sourceValue: 'F90.9',
    specialties: ['pediatrics', 'psychiatry'],
    annualPrevalence: 0.02,
    chronic: true,
  },
  {
    conceptId: 4141827,
    name: 'Transformed migraine',
    sourceConceptId: 2000001029,
    sourceValue: 'G43.709',
    specialties: ['generalPractice'],
    annualPrevalence: 0.01,
    chronic: true,
  },
  {
    conceptId: 2000000104,
    name: 'Migraine',
    sourceConceptId: 2000001030,
    sourceValue: 'G43.909',
    specialties: ['generalPractice'],
    annualPrevalence: 0.04,
    chronic: true,
  },
  {
    conceptId: 378253,
    name: 'Headache',
    sourceConceptId: 0,
    sourceValue: '25064002',
    specialties: ['generalPractice'],
    annualPrevalence: 0.03,
    chronic: false,
  },
  {
    conceptId: 380378,
    name: 'Epilepsy',
    sourceConceptId: 2000001031,
    sourceValue: 'G40.909',
    specialties: ['generalPractice', 'pediatrics'],
    annualPrevalence: 0.006,
    chronic: true,
  },
  {
    conceptId: 378419,
    name: "Alzheimer's disease",
    sourceConceptId: 2000001032,
    sourceValue: 'G30.9',
    specialties: ['generalPractice', 'psychiatry'],
    annualPrevalence: 0.008,
    chronic: true,
  },
  // Musculoskeletal
  {
    conceptId: 4079750,
    name: 'Osteoarthritis of knee',
    sourceConceptId: 2000001033,
    sourceValue: 'M17.9',
    specialties: ['rheumatology', 'orthopedics', 'generalPractice'],
    annualPrevalence: 0.05,
    chronic: true,
  },
  {
    conceptId: 4079749,
    name: 'Osteoarthritis of hip',
    sourceConceptId: 2000001034,
    sourceValue: 'M16.9',
    specialties: ['orthopedics', 'rheumatology'],
    annualPrevalence: 0.02,
    chronic: true,
  },
  {
    conceptId: 80180,
    name: 'Osteoarthritis',
    sourceConceptId: 2000001035,
    sourceValue: 'M19.90',
    specialties: ['rheumatology', 'generalPractice'],
    annualPrevalence: 0.03,
    chronic: true,
  },
  {
    conceptId: 80809,
    name: 'Rheumatoid arthritis',
    sourceConceptId: 2000001036,
    sourceValue: 'M06.9',
    specialties: ['rheumatology'],
    annualPrevalence: 0.008,
    chronic: true,
  },
  {
    conceptId: 80502,
    name: 'Osteoporosis',
    sourceConceptId: 2000001037,
    sourceValue: 'M81.0',
    specialties: ['rheumatology', 'gynecology', 'generalPractice'],
    annualPrevalence: 0.03,
    chronic: true,
  },
  {
    conceptId: 40405599,
    name: 'Fibromyalgia',
    sourceConceptId: 2000001038,
    sourceValue: 'M79.7',
    specialties: ['rheumatology'],
    annualPrevalence: 0.01,
    chronic: true,
  },
  {
    conceptId: 4132891,
    name: 'Chronic low back pain',
    sourceConceptId: 0,
    sourceValue: '278860009',
    specialties: ['generalPractice', 'rheumatology', 'orthopedics'],
    annualPrevalence: 0.08,
    chronic: true,
  },
  {
    conceptId: 43530622,
    name: 'Chronic neck pain',
    sourceConceptId: 0,
    sourceValue: '1121000119107',
    specialties: ['generalPractice', 'orthopedics'],
    annualPrevalence: 0.03,
    chronic: true,
  },
  {
    conceptId: 81151,
    name: 'Sprain of ankle',
    sourceConceptId: 2000001039,
    sourceValue: 'S93.409A',
    specialties: ['orthopedics', 'generalPractice'],
    annualPrevalence: 0.02,
    chronic: false,
  },
  {
    conceptId: 4035415,
    name: 'Tear of meniscus of knee',
    sourceConceptId: 0,
    sourceValue: '239720000',
    specialties: ['orthopedics'],
    annualPrevalence: 0.005,
    chronic: false,
  },
  {
    conceptId: 4146173,
    name: 'Injury of tendon of the rotator cuff of shoulder',
    sourceConceptId: 0,
    sourceValue: '307731004',
    specialties: ['orthopedics'],
    annualPrevalence: 0.005,
    chronic: false,
  },
  // Skin
  {
    conceptId: 133834,
    name: 'Atopic dermatitis',
    sourceConceptId: 2000001040,
    sourceValue: 'L20.9',
    specialties: ['dermatology', 'pediatrics', 'generalPractice'],
    annualPrevalence: 0.03,
    chronic: true,
  },
  {
    conceptId: 134438,
    name: 'Contact dermatitis',
    sourceConceptId: 2000001041,
    sourceValue: 'L25.9',
    specialties: ['dermatology', 'generalPractice'],
    annualPrevalence: 0.02,
    chronic: false,
  },
  {
    conceptId: 2000000106,
    name: 'Acne vulgaris',
    sourceConceptId: 2000001042,
    sourceValue: 'L70.0',
    specialties: ['dermatology', 'generalPractice'],
    annualPrevalence: 0.03,
    chronic: true,
  },
  // Eyes
  {
    conceptId: 2000000107,
    name: 'Conjunctivitis',
    sourceConceptId: 2000001043,
    sourceValue: 'H10.9',
    specialties: ['ophthalmology', 'generalPractice', 'pediatrics'],
    annualPrevalence: 0.03,
    chronic: false,
  },
  {
    conceptId: 2000000108,
    name: 'Cataract',
    sourceConceptId: 2000001044,
    sourceValue: 'H26.9',
    specialties: ['ophthalmology'],
    annualPrevalence: 0.02,
    chronic: true,
  },
  {
    conceptId: 2000000109,
    name: 'Glaucoma',
    sourceConceptId: 2000001045,
    sourceValue: 'H40.9',
    specialties: ['ophthalmology'],
    annualPrevalence: 0.015,
    chronic: true,
  },
  // Genitourinary, pregnancy, gynecology
  {
    conceptId: 4217975,
    name: 'Normal pregnancy',
    sourceConceptId: 2000001046,
    sourceValue: 'Z34.90',
    specialties: ['gynecology'],
    annualPrevalence: 0.02,
    chronic: false,
  },
  {
    conceptId: 439393,
    name: 'Pre-eclampsia',
    sourceConceptId: 2000001047,
    sourceValue: 'O14.90',
    specialties: ['gynecology'],
    annualPrevalence: 0.001,
    chronic: false,
  },
  {
    conceptId: 4078393,
    name: 'Miscarriage in first trimester',
    sourceConceptId: 0,
    sourceValue: '19169002',
    specialties: ['gynecology'],
    annualPrevalence: 0.003,
    chronic: false,
  },
  {
    conceptId: 195588,
    name: 'Cystitis',
    sourceConceptId: 2000001048,
    sourceValue: 'N30.90',
    specialties: ['generalPractice', 'gynecology'],
    annualPrevalence: 0.03,
    chronic: false,
  },
  {
    conceptId: 81902,
    name: 'Urinary tract infectious disease',
    sourceConceptId: 2000001049,
    sourceValue: 'N39.0',
    specialties: ['generalPractice', 'gynecology', 'pediatrics'],
    annualPrevalence: 0.03,
    chronic: false,
  },
  {
    conceptId: 443597,
    name: 'Chronic kidney disease stage 3',
    sourceConceptId: 2000001050,
    sourceValue: 'N18.30',
    specialties: ['generalPractice', 'cardiology'],
    annualPrevalence: 0.02,
    chronic: true,
  },
  // Digestive and blood
  {
    conceptId: 318800,
    name: 'Gastroesophageal reflux disease',
    sourceConceptId: 2000001051,
    sourceValue: 'K21.9',
    specialties: ['generalPractice'],
    annualPrevalence: 0.05,
    chronic: true,
  },
  {
    conceptId: 192671,
    name: 'Gastrointestinal hemorrhage',
    sourceConceptId: 35208414,
    sourceValue: 'K92.2',
    specialties: ['generalPractice'],
    annualPrevalence: 0.002,
    chronic: false,
  },
  {
    conceptId: 439777,
    name: 'Anemia',
    sourceConceptId: 2000001052,
    sourceValue: 'D64.9',
    specialties: ['generalPractice', 'gynecology'],
    annualPrevalence: 0.03,
    chronic: false,
  },
];

/**
 * Drugs (standard RxNorm clinical or branded drugs) with their main ingredient, the condition
 * concept ids they are prescribed for, and a typical days-supply per prescription.
 */
export const drugs: readonly DrugEntry[] = [
  {
    conceptId: 40163924,
    ingredientConceptId: 2000000200,
    name: '24 HR metformin hydrochloride 500 MG Extended Release Oral Tablet',
    indicationConceptIds: [201826, 436940],
    daysSupply: 90,
  },
  {
    conceptId: 40166274,
    ingredientConceptId: 2000000201,
    name: 'insulin lispro 100 UNT/ML Injectable Solution [Humalog]',
    indicationConceptIds: [201826],
    daysSupply: 30,
  },
  {
    conceptId: 19080128,
    ingredientConceptId: 1308216,
    name: 'lisinopril 10 MG Oral Tablet',
    indicationConceptIds: [320128, 316139, 4229440],
    daysSupply: 90,
  },
  {
    conceptId: 19080129,
    ingredientConceptId: 1308216,
    name: 'lisinopril 20 MG Oral Tablet',
    indicationConceptIds: [320128],
    daysSupply: 90,
  },
  {
    conceptId: 40185304,
    ingredientConceptId: 2000000205,
    name: 'losartan potassium 50 MG Oral Tablet',
    indicationConceptIds: [320128, 443597],
    daysSupply: 90,
  },
  {
    conceptId: 1332419,
    ingredientConceptId: 1332418,
    name: 'amlodipine 5 MG Oral Tablet',
    indicationConceptIds: [320128, 317576],
    daysSupply: 90,
  },
  {
    conceptId: 19078106,
    ingredientConceptId: 2000000206,
    name: 'hydrochlorothiazide 25 MG Oral Tablet',
    indicationConceptIds: [320128],
    daysSupply: 90,
  },
  {
    conceptId: 957136,
    ingredientConceptId: 2000000207,
    name: 'furosemide 40 MG Oral Tablet',
    indicationConceptIds: [316139, 4229440],
    daysSupply: 30,
  },
  {
    conceptId: 1545959,
    ingredientConceptId: 1545958,
    name: 'atorvastatin 80 MG Oral Tablet',
    indicationConceptIds: [432867, 317576, 4329847],
    daysSupply: 90,
  },
  {
    conceptId: 1539411,
    ingredientConceptId: 1539403,
    name: 'simvastatin 20 MG Oral Tablet',
    indicationConceptIds: [432867, 4120314],
    daysSupply: 90,
  },
  {
    conceptId: 40163554,
    ingredientConceptId: 1310149,
    name: 'warfarin sodium 5 MG Oral Tablet',
    indicationConceptIds: [313217],
    daysSupply: 30,
  },
  {
    conceptId: 19018935,
    ingredientConceptId: 1326303,
    name: 'digoxin 0.125 MG Oral Tablet',
    indicationConceptIds: [313217, 316139],
    daysSupply: 30,
  },
  {
    conceptId: 19075601,
    ingredientConceptId: 1322184,
    name: 'clopidogrel 75 MG Oral Tablet',
    indicationConceptIds: [317576, 4329847],
    daysSupply: 90,
  },
  {
    conceptId: 19059056,
    ingredientConceptId: 1112807,
    name: 'aspirin 81 MG Oral Tablet',
    indicationConceptIds: [317576, 4329847],
    daysSupply: 90,
  },
  {
    conceptId: 1511248,
    ingredientConceptId: 1154343,
    name: 'NDA020503 200 ACTUAT albuterol 0.09 MG/ACTUAT Metered Dose Inhaler',
    indicationConceptIds: [317009, 4051466, 2000000102, 260139],
    daysSupply: 30,
  },
  {
    conceptId: 40169216,
    ingredientConceptId: 1149380,
    name: '120 ACTUAT fluticasone propionate 0.044 MG/ACTUAT Metered Dose Inhaler',
    indicationConceptIds: [317009, 4051466, 2000000102],
    daysSupply: 30,
  },
  {
    conceptId: 739207,
    ingredientConceptId: 2000000202,
    name: 'sertraline 100 MG Oral Tablet',
    indicationConceptIds: [4152280, 4282096, 4214746, 436676],
    daysSupply: 30,
  },
  {
    conceptId: 19077463,
    ingredientConceptId: 2000000203,
    name: 'fluoxetine 20 MG Oral Capsule',
    indicationConceptIds: [4152280, 4282096],
    daysSupply: 30,
  },
  {
    conceptId: 40236446,
    ingredientConceptId: 705944,
    name: 'methylphenidate hydrochloride 20 MG Oral Tablet',
    indicationConceptIds: [440086],
    daysSupply: 30,
  },
  {
    conceptId: 40223768,
    ingredientConceptId: 715997,
    name: 'donepezil hydrochloride 10 MG Oral Tablet',
    indicationConceptIds: [378419],
    daysSupply: 30,
  },
  {
    conceptId: 40174880,
    ingredientConceptId: 1501700,
    name: 'levothyroxine sodium 0.075 MG Oral Tablet',
    indicationConceptIds: [140673],
    daysSupply: 90,
  },
  {
    conceptId: 19078461,
    ingredientConceptId: 1177480,
    name: 'ibuprofen 200 MG Oral Tablet',
    indicationConceptIds: [4079750, 4079749, 80180, 4132891, 43530622, 81151, 2000000104, 378253],
    daysSupply: 10,
  },
  {
    conceptId: 19019273,
    ingredientConceptId: 1115008,
    name: 'naproxen 500 MG Oral Tablet',
    indicationConceptIds: [4079750, 4079749, 80180, 4132891, 440674],
    daysSupply: 14,
  },
  {
    conceptId: 1127433,
    ingredientConceptId: 1125315,
    name: 'acetaminophen 325 MG Oral Tablet',
    indicationConceptIds: [40481087, 4112343, 372328, 260139, 37311061, 378253, 2000000104, 4141827],
    daysSupply: 7,
  },
  {
    conceptId: 19020053,
    ingredientConceptId: 1125315,
    name: 'acetaminophen 500 MG Oral Tablet',
    indicationConceptIds: [4132891, 80180, 4079750, 40405599],
    daysSupply: 14,
  },
  {
    conceptId: 19073183,
    ingredientConceptId: 1713332,
    name: 'amoxicillin 250 MG Oral Capsule',
    indicationConceptIds: [372328, 28060],
    daysSupply: 10,
  },
  {
    conceptId: 19073188,
    ingredientConceptId: 1713332,
    name: 'amoxicillin 500 MG Oral Tablet',
    indicationConceptIds: [4283893, 28060, 255848],
    daysSupply: 7,
  },
  {
    conceptId: 1713671,
    ingredientConceptId: 1713332,
    name: 'amoxicillin 250 MG / clavulanate 125 MG Oral Tablet',
    indicationConceptIds: [4283893, 257012, 372328],
    daysSupply: 10,
  },
  {
    conceptId: 19133873,
    ingredientConceptId: 1729720,
    name: 'penicillin V potassium 250 MG Oral Tablet',
    indicationConceptIds: [28060],
    daysSupply: 10,
  },
  {
    conceptId: 19075001,
    ingredientConceptId: 1778162,
    name: 'cefuroxime 250 MG Oral Tablet',
    indicationConceptIds: [372328, 4283893],
    daysSupply: 10,
  },
  {
    conceptId: 46233710,
    ingredientConceptId: 1738521,
    name: 'doxycycline monohydrate 100 MG Oral Tablet',
    indicationConceptIds: [2000000106],
    daysSupply: 90,
  },
  {
    conceptId: 920334,
    ingredientConceptId: 920293,
    name: 'nitrofurantoin, macrocrystals 50 MG Oral Capsule',
    indicationConceptIds: [195588, 81902],
    daysSupply: 5,
  },
  {
    conceptId: 19008572,
    ingredientConceptId: 975125,
    name: 'hydrocortisone 10 MG/ML Topical Cream',
    indicationConceptIds: [133834, 134438],
    daysSupply: 14,
  },
  {
    conceptId: 40228214,
    ingredientConceptId: 1149196,
    name: 'cetirizine hydrochloride 10 MG Oral Tablet',
    indicationConceptIds: [4280726, 40486433, 2000000107],
    daysSupply: 30,
  },
  {
    conceptId: 1107882,
    ingredientConceptId: 1107830,
    name: 'loratadine 10 MG Oral Tablet',
    indicationConceptIds: [4280726, 40486433],
    daysSupply: 30,
  },
  {
    conceptId: 1551192,
    ingredientConceptId: 1551099,
    name: 'prednisone 5 MG Oral Tablet',
    indicationConceptIds: [80809, 317009, 2000000102],
    daysSupply: 7,
  },
  {
    conceptId: 19007332,
    ingredientConceptId: 1305058,
    name: 'methotrexate 2.5 MG Oral Tablet',
    indicationConceptIds: [80809],
    daysSupply: 28,
  },
  {
    conceptId: 40173590,
    ingredientConceptId: 1557272,
    name: 'alendronic acid 10 MG Oral Tablet',
    indicationConceptIds: [80502],
    daysSupply: 90,
  },
  {
    conceptId: 19077344,
    ingredientConceptId: 1396131,
    name: 'ferrous sulfate 325 MG Oral Tablet',
    indicationConceptIds: [439777],
    daysSupply: 30,
  },
  {
    conceptId: 19132304,
    ingredientConceptId: 1589505,
    name: 'levonorgestrel 0.000833 MG/HR Intrauterine System [Mirena]',
    indicationConceptIds: [],
    daysSupply: 1825,
  },
  {
    conceptId: 1519937,
    ingredientConceptId: 1519936,
    name: 'etonogestrel 68 MG Drug Implant',
    indicationConceptIds: [],
    daysSupply: 1095,
  },
];

/**
 * Numeric measurements (standard LOINC concepts) with UCUM units and plausible adult distributions.
 * Vital signs are taken at most general-practice and cardiology visits; laboratory tests are drawn for
 * the conditions in `forConditionConceptIds` (absent means any patient of the listed specialties).
 */
export const measurements: readonly MeasurementEntry[] = [
  {
    conceptId: 3004249,
    name: 'Systolic blood pressure',
    unitConceptId: 8876,
    unitSourceValue: 'mm[Hg]',
    mean: 128,
    standardDeviation: 16,
    minimum: 80,
    maximum: 220,
    decimals: 0,
    specialties: ['generalPractice', 'cardiology', 'endocrinology', 'gynecology'],
  },
  {
    conceptId: 3012888,
    name: 'Diastolic blood pressure',
    unitConceptId: 8876,
    unitSourceValue: 'mm[Hg]',
    mean: 79,
    standardDeviation: 10,
    minimum: 40,
    maximum: 130,
    decimals: 0,
    specialties: ['generalPractice', 'cardiology', 'endocrinology', 'gynecology'],
  },
  {
    conceptId: 3027018,
    name: 'Heart rate',
    unitConceptId: 8541,
    unitSourceValue: '/min',
    mean: 74,
    standardDeviation: 12,
    minimum: 40,
    maximum: 180,
    decimals: 0,
    specialties: ['generalPractice', 'cardiology', 'pediatrics', 'pulmonology'],
  },
  {
    conceptId: 3024171,
    name: 'Respiratory rate',
    unitConceptId: 8541,
    unitSourceValue: '/min',
    mean: 16,
    standardDeviation: 3,
    minimum: 8,
    maximum: 40,
    decimals: 0,
    specialties: ['pulmonology', 'pediatrics'],
  },
  {
    conceptId: 40762499,
    name: 'Oxygen saturation in Arterial blood by Pulse oximetry',
    unitConceptId: 8554,
    unitSourceValue: '%',
    mean: 97,
    standardDeviation: 1.8,
    minimum: 80,
    maximum: 100,
    decimals: 0,
    specialties: ['pulmonology', 'cardiology'],
  },
  {
    conceptId: 3020891,
    name: 'Body temperature',
    unitConceptId: 586323,
    unitSourceValue: 'Cel',
    mean: 36.9,
    standardDeviation: 0.5,
    minimum: 35,
    maximum: 41,
    decimals: 1,
    specialties: ['generalPractice', 'pediatrics'],
  },
  {
    conceptId: 3025315,
    name: 'Body weight',
    unitConceptId: 9529,
    unitSourceValue: 'kg',
    mean: 74,
    standardDeviation: 16,
    minimum: 2.5,
    maximum: 220,
    decimals: 1,
    specialties: ['generalPractice', 'cardiology', 'endocrinology', 'pediatrics', 'gynecology'],
  },
  {
    conceptId: 3036277,
    name: 'Body height',
    unitConceptId: 8582,
    unitSourceValue: 'cm',
    mean: 169,
    standardDeviation: 10,
    minimum: 45,
    maximum: 210,
    decimals: 1,
    specialties: ['generalPractice', 'pediatrics', 'endocrinology'],
  },
  {
    conceptId: 3038553,
    name: 'Body mass index (BMI) [Ratio]',
    unitConceptId: 9531,
    unitSourceValue: 'kg/m2',
    mean: 25.8,
    standardDeviation: 4.8,
    minimum: 12,
    maximum: 65,
    decimals: 1,
    specialties: ['generalPractice', 'endocrinology', 'cardiology'],
  },
  {
    conceptId: 3000053,
    name: 'Head Occipital-frontal circumference',
    unitConceptId: 8582,
    unitSourceValue: 'cm',
    mean: 44,
    standardDeviation: 4,
    minimum: 30,
    maximum: 56,
    decimals: 1,
    specialties: ['pediatrics'],
  },
  {
    conceptId: 3004410,
    name: 'Hemoglobin A1c/Hemoglobin.total in Blood',
    unitConceptId: 8554,
    unitSourceValue: '%',
    mean: 7.2,
    standardDeviation: 1.2,
    minimum: 4.5,
    maximum: 14,
    decimals: 1,
    specialties: ['generalPractice', 'endocrinology'],
    forConditionConceptIds: [201826, 4226121, 37016354, 436940],
  },
  {
    conceptId: 3004501,
    name: 'Glucose [Mass/volume] in Serum or Plasma',
    unitConceptId: 8840,
    unitSourceValue: 'mg/dL',
    mean: 105,
    standardDeviation: 28,
    minimum: 45,
    maximum: 450,
    decimals: 0,
    specialties: ['generalPractice', 'endocrinology'],
  },
  {
    conceptId: 3027114,
    name: 'Cholesterol [Mass/volume] in Serum or Plasma',
    unitConceptId: 8840,
    unitSourceValue: 'mg/dL',
    mean: 195,
    standardDeviation: 38,
    minimum: 90,
    maximum: 400,
    decimals: 0,
    specialties: ['generalPractice', 'cardiology', 'endocrinology'],
    forConditionConceptIds: [432867, 4120314, 201826, 320128, 317576],
  },
  {
    conceptId: 3009966,
    name: 'Cholesterol in LDL [Mass/volume] in Serum or Plasma by Direct assay',
    unitConceptId: 8840,
    unitSourceValue: 'mg/dL',
    mean: 115,
    standardDeviation: 33,
    minimum: 30,
    maximum: 300,
    decimals: 0,
    specialties: ['generalPractice', 'cardiology', 'endocrinology'],
    forConditionConceptIds: [432867, 201826, 317576, 4329847],
  },
  {
    conceptId: 3007070,
    name: 'Cholesterol in HDL [Mass/volume] in Serum or Plasma',
    unitConceptId: 8840,
    unitSourceValue: 'mg/dL',
    mean: 52,
    standardDeviation: 14,
    minimum: 15,
    maximum: 120,
    decimals: 0,
    specialties: ['generalPractice', 'cardiology', 'endocrinology'],
    forConditionConceptIds: [432867, 201826, 317576, 4329847],
  },
  {
    conceptId: 3022192,
    name: 'Triglyceride [Mass/volume] in Serum or Plasma',
    unitConceptId: 8840,
    unitSourceValue: 'mg/dL',
    mean: 140,
    standardDeviation: 70,
    minimum: 30,
    maximum: 1000,
    decimals: 0,
    specialties: ['generalPractice', 'endocrinology'],
    forConditionConceptIds: [432867, 4120314, 201826, 436940],
  },
  {
    conceptId: 3016723,
    name: 'Creatinine [Mass/volume] in Serum or Plasma',
    unitConceptId: 8840,
    unitSourceValue: 'mg/dL',
    mean: 0.95,
    standardDeviation: 0.3,
    minimum: 0.3,
    maximum: 8,
    decimals: 2,
    specialties: ['generalPractice', 'cardiology', 'endocrinology'],
    forConditionConceptIds: [201826, 320128, 316139, 443597],
  },
  {
    conceptId: 3001802,
    name: 'Microalbumin/Creatinine [Mass Ratio] in Urine',
    unitConceptId: 8723,
    unitSourceValue: 'mg/g',
    mean: 25,
    standardDeviation: 30,
    minimum: 1,
    maximum: 600,
    decimals: 0,
    specialties: ['endocrinology'],
    forConditionConceptIds: [201826, 443597],
  },
  {
    conceptId: 3023103,
    name: 'Potassium [Moles/volume] in Serum or Plasma',
    unitConceptId: 8753,
    unitSourceValue: 'mmol/L',
    mean: 4.3,
    standardDeviation: 0.4,
    minimum: 2.5,
    maximum: 7,
    decimals: 1,
    specialties: ['cardiology'],
    forConditionConceptIds: [316139, 4229440, 443597],
  },
  {
    conceptId: 3019550,
    name: 'Sodium [Moles/volume] in Serum or Plasma',
    unitConceptId: 8753,
    unitSourceValue: 'mmol/L',
    mean: 139,
    standardDeviation: 3,
    minimum: 120,
    maximum: 160,
    decimals: 0,
    specialties: ['cardiology'],
    forConditionConceptIds: [316139, 4229440, 443597],
  },
  {
    conceptId: 3009201,
    name: 'Thyrotropin [Units/volume] in Serum or Plasma',
    unitConceptId: 9040,
    unitSourceValue: 'mIU/L',
    mean: 2.3,
    standardDeviation: 1.5,
    minimum: 0.01,
    maximum: 60,
    decimals: 2,
    specialties: ['endocrinology', 'generalPractice'],
    forConditionConceptIds: [140673, 313217],
  },
  {
    conceptId: 3000963,
    name: 'Hemoglobin [Mass/volume] in Blood',
    unitConceptId: 8713,
    unitSourceValue: 'g/dL',
    mean: 13.8,
    standardDeviation: 1.5,
    minimum: 6,
    maximum: 19,
    decimals: 1,
    specialties: ['generalPractice', 'gynecology'],
    forConditionConceptIds: [439777, 4217975, 443597, 192671],
  },
  {
    conceptId: 3011505,
    name: 'FEV1/FVC',
    unitConceptId: 8554,
    unitSourceValue: '%',
    mean: 74,
    standardDeviation: 9,
    minimum: 30,
    maximum: 95,
    decimals: 0,
    specialties: ['pulmonology'],
    forConditionConceptIds: [317009, 2000000102, 261325],
  },
];

/**
 * Outpatient procedures (standard SNOMED concepts of the Procedure domain) with the probability that
 * one is recorded during a visit of one of the listed specialties.
 */
export const procedures: readonly ProcedureEntry[] = [
  {
    conceptId: 4163951,
    name: 'Electrocardiographic procedure',
    specialties: ['cardiology'],
    probabilityPerVisit: 0.6,
  },
  { conceptId: 4230911, name: 'Echocardiography', specialties: ['cardiology'], probabilityPerVisit: 0.2 },
  {
    conceptId: 4296597,
    name: 'Cardiovascular stress testing',
    specialties: ['cardiology'],
    probabilityPerVisit: 0.05,
  },
  {
    conceptId: 4240345,
    name: 'Physical examination',
    specialties: ['generalPractice', 'pediatrics'],
    probabilityPerVisit: 0.3,
  },
  {
    conceptId: 4326177,
    name: 'Medication Reconciliation',
    specialties: ['generalPractice', 'cardiology', 'psychiatry'],
    probabilityPerVisit: 0.15,
  },
  {
    conceptId: 4218408,
    name: 'Collection of blood specimen for laboratory',
    specialties: ['generalPractice', 'endocrinology'],
    probabilityPerVisit: 0.12,
  },
  {
    conceptId: 4163708,
    name: 'Administration of diphtheria, pertussis, and tetanus vaccine',
    specialties: ['pediatrics', 'generalPractice'],
    probabilityPerVisit: 0.08,
  },
  { conceptId: 4132649, name: 'Well child visit', specialties: ['pediatrics'], probabilityPerVisit: 0.3 },
  {
    conceptId: 4134565,
    name: 'Hearing examination',
    specialties: ['otorhinolaryngology', 'pediatrics'],
    probabilityPerVisit: 0.25,
  },
  {
    conceptId: 4010253,
    name: 'Nasal sinus endoscopy',
    specialties: ['otorhinolaryngology'],
    probabilityPerVisit: 0.15,
  },
  {
    conceptId: 4234705,
    name: 'Evaluation of psychiatric state of patient',
    specialties: ['psychiatry'],
    probabilityPerVisit: 0.5,
  },
  {
    conceptId: 46272472,
    name: 'Assessment of anxiety',
    specialties: ['psychiatry', 'generalPractice'],
    probabilityPerVisit: 0.05,
  },
  {
    conceptId: 4043071,
    name: 'Cognitive and behavioral therapy',
    specialties: ['psychiatry'],
    probabilityPerVisit: 0.3,
  },
  {
    conceptId: 4076772,
    name: 'Application of moisturizer to skin',
    specialties: ['dermatology'],
    probabilityPerVisit: 0.2,
  },
  {
    conceptId: 4107731,
    name: 'Subcutaneous immunotherapy',
    specialties: ['otorhinolaryngology', 'pulmonology'],
    probabilityPerVisit: 0.05,
  },
  { conceptId: 4163872, name: 'Plain chest X-ray', specialties: ['pulmonology'], probabilityPerVisit: 0.2 },
  {
    conceptId: 4035793,
    name: 'Pulmonary rehabilitation',
    specialties: ['pulmonology'],
    probabilityPerVisit: 0.05,
  },
  {
    conceptId: 4195803,
    name: 'Bone density scan',
    specialties: ['rheumatology', 'gynecology'],
    probabilityPerVisit: 0.06,
  },
  {
    conceptId: 4252419,
    name: 'Radiologic examination of knee',
    specialties: ['orthopedics', 'rheumatology'],
    probabilityPerVisit: 0.2,
  },
  {
    conceptId: 4146053,
    name: 'Manual pelvic examination',
    specialties: ['gynecology'],
    probabilityPerVisit: 0.35,
  },
  {
    conceptId: 4234541,
    name: 'Cytopathology procedure, preparation of smear, genital source',
    specialties: ['gynecology'],
    probabilityPerVisit: 0.15,
  },
  {
    conceptId: 4275113,
    name: 'Insertion of intrauterine contraceptive device',
    specialties: ['gynecology'],
    probabilityPerVisit: 0.04,
  },
  {
    conceptId: 4060626,
    name: 'Ultrasound scan for fetal viability',
    specialties: ['gynecology'],
    probabilityPerVisit: 0.08,
  },
  { conceptId: 4324693, name: 'Mammography', specialties: ['gynecology'], probabilityPerVisit: 0.05 },
];

/** Visit concepts: real OMOP Visit concepts 9201/9202/9203 and a Hale-local telehealth visit concept. */
export const visitConcepts = {
  outpatient: 9202,
  inpatient: 9201,
  emergency: 9203,
  telehealth: 2000000002,
} as const;

/**
 * Type concept used for every record's provenance (`*_type_concept_id`): the Hale-local "EHR" type
 * concept, because no EHR type concept row is available in the bundled source datasets.
 */
export const ehrTypeConceptId = 2000000001;

/** Visit provenance type concept (EHR). */
export const visitTypeConceptId = ehrTypeConceptId;
/** Condition provenance type concept (EHR). */
export const conditionTypeConceptId = ehrTypeConceptId;
/** Drug exposure provenance type concept (EHR). */
export const drugTypeConceptId = ehrTypeConceptId;
/** Measurement provenance type concept (EHR). */
export const measurementTypeConceptId = ehrTypeConceptId;
/** Procedure provenance type concept (EHR). */
export const procedureTypeConceptId = ehrTypeConceptId;
/** Observation provenance type concept (EHR). */
export const observationTypeConceptId = ehrTypeConceptId;
/** Observation period provenance type concept (EHR). */
export const periodTypeConceptId = ehrTypeConceptId;

/** Gender concepts (OMOP Gender vocabulary). */
export const genderConcepts = { male: 8507, female: 8532 } as const;

/**
 * Race concepts (OMOP Race vocabulary) with rough shares; 0 ("No matching concept") stands for other or
 * unrecorded race, which is the common case for French data where race is not collected.
 */
export const raceConcepts: readonly SharedConcept[] = [
  { conceptId: 8527, name: 'White', share: 0.55 },
  { conceptId: 8516, name: 'Black or African American', share: 0.08 },
  { conceptId: 8515, name: 'Asian', share: 0.05 },
  { conceptId: 0, name: 'No matching concept', share: 0.32 },
];

/** Ethnicity concepts (OMOP Ethnicity vocabulary) with rough shares. */
export const ethnicityConcepts: readonly SharedConcept[] = [
  { conceptId: 38003564, name: 'Not Hispanic or Latino', share: 0.96 },
  { conceptId: 38003563, name: 'Hispanic or Latino', share: 0.04 },
];

/** Language concepts used by CONCEPT_SYNONYM: real English (4180186) and a Hale-local French concept. */
export const languageConcepts = { english: 4180186, french: 2000000003 } as const;
