/**
 * Hand-written additions to the curated OMOP vocabulary subset (read by `curate-vocabulary.ts`).
 *
 * Everything here is reviewable by hand. Two kinds of rows:
 * - `localConcepts`: concepts with ids >= 2,000,000,000 (the OMOP local-concept range) for things the
 *   bundled source datasets do not carry. Their codes and names are real (ICD-10-CM, ATC, SNOMED CT,
 *   RxNorm RxCUI, ISO 639-1) but the ids are local, never real Athena ids.
 * - `referencedConcepts`: real OMOP ids that the source datasets *use* (in PERSON, PROVIDER and
 *   CONCEPT_SYNONYM) without shipping their CONCEPT row; the row is reconstructed here.
 * Relationships listed here are real facts (ICD-10-CM code → SNOMED meaning, drug → ingredient, ATC
 * membership, SNOMED subsumption) asserted by hand because the source subsets lack the rows.
 */

/** A CONCEPT row written by hand. */
export interface HandConcept {
  readonly conceptId: number;
  readonly name: string;
  readonly domainId: string;
  readonly vocabularyId: string;
  readonly conceptClassId: string;
  readonly standardConcept: 'S' | 'C' | '';
  readonly conceptCode: string;
}

/** The vocabulary that holds Hale-local concepts with no natural home vocabulary. */
export const haleVocabulary = {
  vocabularyId: 'Hale',
  vocabularyName: 'Hale local concepts (demo warehouse)',
  vocabularyReference: 'mcp-tools/warehouse/vocabulary/local-additions.ts',
  vocabularyVersion: 'Hale 1.0',
} as const;

/** Real ids used (but not defined) by the source datasets; rows reconstructed. */
export const referencedConcepts: readonly HandConcept[] = [
  // PERSON.race_concept_id in Synthea27Nj with race_source_value white / black / asian.
  {
    conceptId: 8527,
    name: 'White',
    domainId: 'Race',
    vocabularyId: 'Race',
    conceptClassId: 'Race',
    standardConcept: 'S',
    conceptCode: '5',
  },
  {
    conceptId: 8516,
    name: 'Black or African American',
    domainId: 'Race',
    vocabularyId: 'Race',
    conceptClassId: 'Race',
    standardConcept: 'S',
    conceptCode: '3',
  },
  {
    conceptId: 8515,
    name: 'Asian',
    domainId: 'Race',
    vocabularyId: 'Race',
    conceptClassId: 'Race',
    standardConcept: 'S',
    conceptCode: '2',
  },
  // PROVIDER.specialty_concept_id in Synthea27Nj with specialty_source_value GENERAL PRACTICE.
  {
    conceptId: 38004446,
    name: 'General Practice',
    domainId: 'Provider',
    vocabularyId: 'Medicare Specialty',
    conceptClassId: 'Physician Specialty',
    standardConcept: 'S',
    conceptCode: '01',
  },
  // CONCEPT_SYNONYM.language_concept_id of every (English) synonym in GiBleed.
  {
    conceptId: 4180186,
    name: 'English language',
    domainId: 'Language',
    vocabularyId: 'SNOMED',
    conceptClassId: 'Qualifier Value',
    standardConcept: 'S',
    conceptCode: '297496009',
  },
];

/** Hale-vocabulary concepts: type, visit, language and provider specialty concepts. */
const haleConcepts: readonly HandConcept[] = [
  {
    conceptId: 2000000001,
    name: 'EHR',
    domainId: 'Type Concept',
    vocabularyId: 'Hale',
    conceptClassId: 'Type Concept',
    standardConcept: 'S',
    conceptCode: 'EHR',
  },
  {
    conceptId: 2000000002,
    name: 'Telehealth Visit',
    domainId: 'Visit',
    vocabularyId: 'Hale',
    conceptClassId: 'Visit',
    standardConcept: 'S',
    conceptCode: 'TELEHEALTH',
  },
  {
    conceptId: 2000000003,
    name: 'French language',
    domainId: 'Language',
    vocabularyId: 'Hale',
    conceptClassId: 'Qualifier Value',
    standardConcept: 'S',
    conceptCode: 'fr',
  },
  ...(
    [
      [2000000010, 'Cardiology', 'CARDIOLOGY'],
      [2000000011, 'Dermatology', 'DERMATOLOGY'],
      [2000000012, 'Pediatrics', 'PEDIATRICS'],
      [2000000013, 'Psychiatry', 'PSYCHIATRY'],
      [2000000014, 'Obstetrics and Gynecology', 'OBSTETRICS_GYNECOLOGY'],
      [2000000015, 'Ophthalmology', 'OPHTHALMOLOGY'],
      [2000000016, 'Endocrinology', 'ENDOCRINOLOGY'],
      [2000000017, 'Pulmonary Disease', 'PULMONOLOGY'],
      [2000000018, 'Rheumatology', 'RHEUMATOLOGY'],
      [2000000019, 'Orthopedic Surgery', 'ORTHOPEDICS'],
      [2000000020, 'Otolaryngology', 'OTOLARYNGOLOGY'],
    ] as const
  ).map(
    ([conceptId, name, conceptCode]): HandConcept => ({
      conceptId,
      name,
      domainId: 'Provider',
      vocabularyId: 'Hale',
      conceptClassId: 'Physician Specialty',
      standardConcept: 'S',
      conceptCode,
    }),
  ),
];

/** SNOMED CT concepts missing from the source subsets (real SCTIDs, local ids). */
const snomedConcepts: readonly HandConcept[] = (
  [
    [2000000100, 'Diabetes mellitus', '73211009'],
    [2000000101, 'Hypertensive disorder', '38341003'],
    [2000000102, 'Chronic obstructive lung disease', '13645005'],
    [2000000103, 'Depressive disorder', '35489007'],
    [2000000104, 'Migraine', '37796009'],
    [2000000105, 'Eczema', '43116000'],
    [2000000106, 'Acne vulgaris', '88616000'],
    [2000000107, 'Conjunctivitis', '9826008'],
    [2000000108, 'Cataract', '193570009'],
    [2000000109, 'Glaucoma', '23986001'],
    [2000000110, 'Obesity', '414916001'],
  ] as const
).map(
  ([conceptId, name, conceptCode]): HandConcept => ({
    conceptId,
    name,
    domainId: 'Condition',
    vocabularyId: 'SNOMED',
    conceptClassId: 'Clinical Finding',
    standardConcept: 'S',
    conceptCode,
  }),
);

/** RxNorm ingredients missing from the source subsets (real RxCUIs, local ids). */
const rxnormIngredients: readonly HandConcept[] = (
  [
    [2000000200, 'metformin', '6809'],
    [2000000201, 'insulin lispro', '86009'],
    [2000000202, 'sertraline', '36437'],
    [2000000203, 'fluoxetine', '4493'],
    [2000000205, 'losartan', '52175'],
    [2000000206, 'hydrochlorothiazide', '5487'],
    [2000000207, 'furosemide', '4603'],
  ] as const
).map(
  ([conceptId, name, conceptCode]): HandConcept => ({
    conceptId,
    name,
    domainId: 'Drug',
    vocabularyId: 'RxNorm',
    conceptClassId: 'Ingredient',
    standardConcept: 'S',
    conceptCode,
  }),
);

/**
 * ICD-10-CM codes (real codes and titles, FY2023 tabular list) with local ids and the standard concept
 * each 'Maps to'. The concept class follows Athena's "<n>-char billing code" convention.
 */
export const icd10cmCodes: readonly { conceptId: number; code: string; name: string; mapsTo: number }[] = [
  {
    conceptId: 2000001001,
    code: 'E11.9',
    name: 'Type 2 diabetes mellitus without complications',
    mapsTo: 201826,
  },
  {
    conceptId: 2000001002,
    code: 'E11.319',
    name: 'Type 2 diabetes mellitus with unspecified diabetic retinopathy without macular edema',
    mapsTo: 4226121,
  },
  {
    conceptId: 2000001003,
    code: 'E11.40',
    name: 'Type 2 diabetes mellitus with diabetic neuropathy, unspecified',
    mapsTo: 37016354,
  },
  { conceptId: 2000001004, code: 'E78.5', name: 'Hyperlipidemia, unspecified', mapsTo: 432867 },
  { conceptId: 2000001005, code: 'E78.1', name: 'Pure hyperglyceridemia', mapsTo: 4120314 },
  { conceptId: 2000001006, code: 'E03.9', name: 'Hypothyroidism, unspecified', mapsTo: 140673 },
  { conceptId: 2000001007, code: 'E66.9', name: 'Obesity, unspecified', mapsTo: 2000000110 },
  { conceptId: 2000001008, code: 'M10.9', name: 'Gout, unspecified', mapsTo: 440674 },
  { conceptId: 2000001009, code: 'I10', name: 'Essential (primary) hypertension', mapsTo: 320128 },
  { conceptId: 2000001010, code: 'I48.91', name: 'Unspecified atrial fibrillation', mapsTo: 313217 },
  {
    conceptId: 2000001011,
    code: 'I25.10',
    name: 'Atherosclerotic heart disease of native coronary artery without angina pectoris',
    mapsTo: 317576,
  },
  { conceptId: 2000001012, code: 'I21.9', name: 'Acute myocardial infarction, unspecified', mapsTo: 4329847 },
  { conceptId: 2000001013, code: 'I50.9', name: 'Heart failure, unspecified', mapsTo: 316139 },
  { conceptId: 2000001014, code: 'J45.909', name: 'Unspecified asthma, uncomplicated', mapsTo: 317009 },
  {
    conceptId: 2000001015,
    code: 'J44.9',
    name: 'Chronic obstructive pulmonary disease, unspecified',
    mapsTo: 2000000102,
  },
  { conceptId: 2000001016, code: 'J43.9', name: 'Emphysema, unspecified', mapsTo: 261325 },
  { conceptId: 2000001017, code: 'J30.2', name: 'Other seasonal allergic rhinitis', mapsTo: 4280726 },
  { conceptId: 2000001018, code: 'J32.9', name: 'Chronic sinusitis, unspecified', mapsTo: 257012 },
  { conceptId: 2000001019, code: 'J01.90', name: 'Acute sinusitis, unspecified', mapsTo: 4283893 },
  { conceptId: 2000001020, code: 'J02.0', name: 'Streptococcal pharyngitis', mapsTo: 28060 },
  {
    conceptId: 2000001021,
    code: 'H66.90',
    name: 'Otitis media, unspecified, unspecified ear',
    mapsTo: 372328,
  },
  { conceptId: 2000001022, code: 'J20.9', name: 'Acute bronchitis, unspecified', mapsTo: 260139 },
  { conceptId: 2000001023, code: 'J18.9', name: 'Pneumonia, unspecified organism', mapsTo: 255848 },
  { conceptId: 2000001024, code: 'U07.1', name: 'COVID-19', mapsTo: 37311061 },
  {
    conceptId: 2000001025,
    code: 'F32.9',
    name: 'Major depressive disorder, single episode, unspecified',
    mapsTo: 4282096,
  },
  {
    conceptId: 2000001026,
    code: 'F41.0',
    name: 'Panic disorder [episodic paroxysmal anxiety]',
    mapsTo: 4214746,
  },
  {
    conceptId: 2000001027,
    code: 'F43.10',
    name: 'Post-traumatic stress disorder, unspecified',
    mapsTo: 436676,
  },
  {
    conceptId: 2000001028,
    code: 'F90.9',
    name: 'Attention-deficit hyperactivity disorder, unspecified type',
    mapsTo: 440086,
  },
  {
    conceptId: 2000001029,
    code: 'G43.709',
    name: 'Chronic migraine without aura, not intractable, without status migrainosus',
    mapsTo: 4141827,
  },
  {
    conceptId: 2000001030,
    code: 'G43.909',
    name: 'Migraine, unspecified, not intractable, without status migrainosus',
    mapsTo: 2000000104,
  },
  {
    conceptId: 2000001031,
    code: 'G40.909',
    name: 'Epilepsy, unspecified, not intractable, without status epilepticus',
    mapsTo: 380378,
  },
  { conceptId: 2000001032, code: 'G30.9', name: "Alzheimer's disease, unspecified", mapsTo: 378419 },
  { conceptId: 2000001033, code: 'M17.9', name: 'Osteoarthritis of knee, unspecified', mapsTo: 4079750 },
  { conceptId: 2000001034, code: 'M16.9', name: 'Osteoarthritis of hip, unspecified', mapsTo: 4079749 },
  {
    conceptId: 2000001035,
    code: 'M19.90',
    name: 'Unspecified osteoarthritis, unspecified site',
    mapsTo: 80180,
  },
  { conceptId: 2000001036, code: 'M06.9', name: 'Rheumatoid arthritis, unspecified', mapsTo: 80809 },
  {
    conceptId: 2000001037,
    code: 'M81.0',
    name: 'Age-related osteoporosis without current pathological fracture',
    mapsTo: 80502,
  },
  { conceptId: 2000001038, code: 'M79.7', name: 'Fibromyalgia', mapsTo: 40405599 },
  {
    conceptId: 2000001039,
    code: 'S93.409A',
    name: 'Sprain of unspecified ligament of unspecified ankle, initial encounter',
    mapsTo: 81151,
  },
  { conceptId: 2000001040, code: 'L20.9', name: 'Atopic dermatitis, unspecified', mapsTo: 133834 },
  {
    conceptId: 2000001041,
    code: 'L25.9',
    name: 'Unspecified contact dermatitis, unspecified cause',
    mapsTo: 134438,
  },
  { conceptId: 2000001042, code: 'L70.0', name: 'Acne vulgaris', mapsTo: 2000000106 },
  { conceptId: 2000001043, code: 'H10.9', name: 'Unspecified conjunctivitis', mapsTo: 2000000107 },
  { conceptId: 2000001044, code: 'H26.9', name: 'Unspecified cataract', mapsTo: 2000000108 },
  { conceptId: 2000001045, code: 'H40.9', name: 'Unspecified glaucoma', mapsTo: 2000000109 },
  {
    conceptId: 2000001046,
    code: 'Z34.90',
    name: 'Encounter for supervision of normal pregnancy, unspecified, unspecified trimester',
    mapsTo: 4217975,
  },
  {
    conceptId: 2000001047,
    code: 'O14.90',
    name: 'Unspecified pre-eclampsia, unspecified trimester',
    mapsTo: 439393,
  },
  { conceptId: 2000001048, code: 'N30.90', name: 'Cystitis, unspecified without hematuria', mapsTo: 195588 },
  {
    conceptId: 2000001049,
    code: 'N39.0',
    name: 'Urinary tract infection, site not specified',
    mapsTo: 81902,
  },
  {
    conceptId: 2000001050,
    code: 'N18.30',
    name: 'Chronic kidney disease, stage 3 unspecified',
    mapsTo: 443597,
  },
  {
    conceptId: 2000001051,
    code: 'K21.9',
    name: 'Gastro-esophageal reflux disease without esophagitis',
    mapsTo: 318800,
  },
  { conceptId: 2000001052, code: 'D64.9', name: 'Anemia, unspecified', mapsTo: 439777 },
];

/**
 * ATC classes (real WHO ATC codes and names, local ids). `parent` is the next level up; `ingredients`
 * (5th level only) are the RxNorm ingredient concept ids the class 'ATC - RxNorm' points to.
 */
export const atcClasses: readonly {
  conceptId: number;
  code: string;
  name: string;
  ingredients?: readonly number[];
}[] = [
  { conceptId: 2000002001, code: 'A', name: 'ALIMENTARY TRACT AND METABOLISM' },
  { conceptId: 2000002200, code: 'A04', name: 'ANTIEMETICS AND ANTINAUSEANTS' },
  { conceptId: 2000002201, code: 'A04A', name: 'ANTIEMETICS AND ANTINAUSEANTS' },
  { conceptId: 2000002202, code: 'A04AA', name: 'Serotonin (5HT3) antagonists' },
  { conceptId: 2000002203, code: 'A04AA01', name: 'ondansetron', ingredients: [1000560] },
  { conceptId: 2000002002, code: 'A10', name: 'DRUGS USED IN DIABETES' },
  { conceptId: 2000002003, code: 'A10A', name: 'INSULINS AND ANALOGUES' },
  { conceptId: 2000002004, code: 'A10AB', name: 'Insulins and analogues for injection, fast-acting' },
  { conceptId: 2000002005, code: 'A10AB04', name: 'insulin lispro', ingredients: [2000000201] },
  { conceptId: 2000002006, code: 'A10B', name: 'BLOOD GLUCOSE LOWERING DRUGS, EXCL. INSULINS' },
  { conceptId: 2000002007, code: 'A10BA', name: 'Biguanides' },
  { conceptId: 2000002008, code: 'A10BA02', name: 'metformin', ingredients: [2000000200] },
  { conceptId: 2000002010, code: 'B', name: 'BLOOD AND BLOOD FORMING ORGANS' },
  { conceptId: 2000002011, code: 'B01', name: 'ANTITHROMBOTIC AGENTS' },
  { conceptId: 2000002012, code: 'B01A', name: 'ANTITHROMBOTIC AGENTS' },
  { conceptId: 2000002013, code: 'B01AA', name: 'Vitamin K antagonists' },
  { conceptId: 2000002014, code: 'B01AA03', name: 'warfarin', ingredients: [1310149] },
  { conceptId: 2000002204, code: 'B01AB', name: 'Heparin group' },
  { conceptId: 2000002205, code: 'B01AB01', name: 'heparin', ingredients: [1367571] },
  { conceptId: 2000002015, code: 'B01AC', name: 'Platelet aggregation inhibitors excl. heparin' },
  { conceptId: 2000002016, code: 'B01AC04', name: 'clopidogrel', ingredients: [1322184] },
  { conceptId: 2000002017, code: 'B01AC06', name: 'acetylsalicylic acid', ingredients: [1112807] },
  { conceptId: 2000002018, code: 'B03', name: 'ANTIANEMIC PREPARATIONS' },
  { conceptId: 2000002019, code: 'B03A', name: 'IRON PREPARATIONS' },
  { conceptId: 2000002020, code: 'B03AA', name: 'Iron bivalent, oral preparations' },
  { conceptId: 2000002021, code: 'B03AA07', name: 'ferrous sulfate', ingredients: [1396131] },
  { conceptId: 2000002030, code: 'C', name: 'CARDIOVASCULAR SYSTEM' },
  { conceptId: 2000002031, code: 'C01', name: 'CARDIAC THERAPY' },
  { conceptId: 2000002032, code: 'C01A', name: 'CARDIAC GLYCOSIDES' },
  { conceptId: 2000002033, code: 'C01AA', name: 'Digitalis glycosides' },
  { conceptId: 2000002034, code: 'C01AA05', name: 'digoxin', ingredients: [1326303] },
  { conceptId: 2000002206, code: 'C01B', name: 'ANTIARRHYTHMICS, CLASS I AND III' },
  { conceptId: 2000002207, code: 'C01BD', name: 'Antiarrhythmics, class III' },
  { conceptId: 2000002208, code: 'C01BD01', name: 'amiodarone', ingredients: [1309944] },
  { conceptId: 2000002209, code: 'C01C', name: 'CARDIAC STIMULANTS EXCL. CARDIAC GLYCOSIDES' },
  { conceptId: 2000002210, code: 'C01CA', name: 'Adrenergic and dopaminergic agents' },
  { conceptId: 2000002211, code: 'C01CA24', name: 'epinephrine', ingredients: [1343916] },
  { conceptId: 2000002212, code: 'C01D', name: 'VASODILATORS USED IN CARDIAC DISEASES' },
  { conceptId: 2000002213, code: 'C01DA', name: 'Organic nitrates' },
  { conceptId: 2000002214, code: 'C01DA02', name: 'glyceryl trinitrate', ingredients: [1361711] },
  { conceptId: 2000002035, code: 'C03', name: 'DIURETICS' },
  { conceptId: 2000002036, code: 'C03A', name: 'LOW-CEILING DIURETICS, THIAZIDES' },
  { conceptId: 2000002037, code: 'C03AA', name: 'Thiazides, plain' },
  { conceptId: 2000002038, code: 'C03AA03', name: 'hydrochlorothiazide', ingredients: [2000000206] },
  { conceptId: 2000002039, code: 'C03C', name: 'HIGH-CEILING DIURETICS' },
  { conceptId: 2000002040, code: 'C03CA', name: 'Sulfonamides, plain' },
  { conceptId: 2000002041, code: 'C03CA01', name: 'furosemide', ingredients: [2000000207] },
  { conceptId: 2000002042, code: 'C08', name: 'CALCIUM CHANNEL BLOCKERS' },
  {
    conceptId: 2000002043,
    code: 'C08C',
    name: 'SELECTIVE CALCIUM CHANNEL BLOCKERS WITH MAINLY VASCULAR EFFECTS',
  },
  { conceptId: 2000002044, code: 'C08CA', name: 'Dihydropyridine derivatives' },
  { conceptId: 2000002045, code: 'C08CA01', name: 'amlodipine', ingredients: [1332418] },
  {
    conceptId: 2000002215,
    code: 'C08D',
    name: 'SELECTIVE CALCIUM CHANNEL BLOCKERS WITH DIRECT CARDIAC EFFECTS',
  },
  { conceptId: 2000002216, code: 'C08DA', name: 'Phenylalkylamine derivatives' },
  { conceptId: 2000002217, code: 'C08DA01', name: 'verapamil', ingredients: [1307863] },
  { conceptId: 2000002046, code: 'C09', name: 'AGENTS ACTING ON THE RENIN-ANGIOTENSIN SYSTEM' },
  { conceptId: 2000002047, code: 'C09A', name: 'ACE INHIBITORS, PLAIN' },
  { conceptId: 2000002048, code: 'C09AA', name: 'ACE inhibitors, plain' },
  { conceptId: 2000002218, code: 'C09AA02', name: 'enalapril', ingredients: [1341927] },
  { conceptId: 2000002049, code: 'C09AA03', name: 'lisinopril', ingredients: [1308216] },
  { conceptId: 2000002219, code: 'C09AA05', name: 'ramipril', ingredients: [1334456] },
  { conceptId: 2000002050, code: 'C09C', name: 'ANGIOTENSIN II RECEPTOR BLOCKERS (ARBs), PLAIN' },
  { conceptId: 2000002051, code: 'C09CA', name: 'Angiotensin II receptor blockers (ARBs), plain' },
  { conceptId: 2000002052, code: 'C09CA01', name: 'losartan', ingredients: [2000000205] },
  { conceptId: 2000002053, code: 'C10', name: 'LIPID MODIFYING AGENTS' },
  { conceptId: 2000002054, code: 'C10A', name: 'LIPID MODIFYING AGENTS, PLAIN' },
  { conceptId: 2000002055, code: 'C10AA', name: 'HMG CoA reductase inhibitors' },
  { conceptId: 2000002056, code: 'C10AA01', name: 'simvastatin', ingredients: [1539403] },
  { conceptId: 2000002057, code: 'C10AA05', name: 'atorvastatin', ingredients: [1545958] },
  { conceptId: 2000002060, code: 'D', name: 'DERMATOLOGICALS' },
  { conceptId: 2000002061, code: 'D07', name: 'CORTICOSTEROIDS, DERMATOLOGICAL PREPARATIONS' },
  { conceptId: 2000002062, code: 'D07A', name: 'CORTICOSTEROIDS, PLAIN' },
  { conceptId: 2000002063, code: 'D07AA', name: 'Corticosteroids, weak (group I)' },
  { conceptId: 2000002064, code: 'D07AA02', name: 'hydrocortisone', ingredients: [975125] },
  { conceptId: 2000002070, code: 'G', name: 'GENITO URINARY SYSTEM AND SEX HORMONES' },
  { conceptId: 2000002071, code: 'G03', name: 'SEX HORMONES AND MODULATORS OF THE GENITAL SYSTEM' },
  { conceptId: 2000002072, code: 'G03A', name: 'HORMONAL CONTRACEPTIVES FOR SYSTEMIC USE' },
  { conceptId: 2000002073, code: 'G03AC', name: 'Progestogens' },
  { conceptId: 2000002074, code: 'G03AC03', name: 'levonorgestrel', ingredients: [1589505] },
  { conceptId: 2000002220, code: 'G03AC06', name: 'medroxyprogesterone', ingredients: [1500211] },
  { conceptId: 2000002075, code: 'G03AC08', name: 'etonogestrel', ingredients: [1519936] },
  {
    conceptId: 2000002080,
    code: 'H',
    name: 'SYSTEMIC HORMONAL PREPARATIONS, EXCL. SEX HORMONES AND INSULINS',
  },
  { conceptId: 2000002081, code: 'H02', name: 'CORTICOSTEROIDS FOR SYSTEMIC USE' },
  { conceptId: 2000002082, code: 'H02A', name: 'CORTICOSTEROIDS FOR SYSTEMIC USE, PLAIN' },
  { conceptId: 2000002083, code: 'H02AB', name: 'Glucocorticoids' },
  { conceptId: 2000002084, code: 'H02AB07', name: 'prednisone', ingredients: [1551099] },
  { conceptId: 2000002085, code: 'H03', name: 'THYROID THERAPY' },
  { conceptId: 2000002086, code: 'H03A', name: 'THYROID PREPARATIONS' },
  { conceptId: 2000002087, code: 'H03AA', name: 'Thyroid hormones' },
  { conceptId: 2000002088, code: 'H03AA01', name: 'levothyroxine sodium', ingredients: [1501700] },
  { conceptId: 2000002090, code: 'J', name: 'ANTIINFECTIVES FOR SYSTEMIC USE' },
  { conceptId: 2000002091, code: 'J01', name: 'ANTIBACTERIALS FOR SYSTEMIC USE' },
  { conceptId: 2000002092, code: 'J01A', name: 'TETRACYCLINES' },
  { conceptId: 2000002093, code: 'J01AA', name: 'Tetracyclines' },
  { conceptId: 2000002094, code: 'J01AA02', name: 'doxycycline', ingredients: [1738521] },
  { conceptId: 2000002095, code: 'J01C', name: 'BETA-LACTAM ANTIBACTERIALS, PENICILLINS' },
  { conceptId: 2000002096, code: 'J01CA', name: 'Penicillins with extended spectrum' },
  { conceptId: 2000002097, code: 'J01CA04', name: 'amoxicillin', ingredients: [1713332] },
  { conceptId: 2000002098, code: 'J01CE', name: 'Beta-lactamase sensitive penicillins' },
  { conceptId: 2000002099, code: 'J01CE02', name: 'phenoxymethylpenicillin', ingredients: [1729720] },
  { conceptId: 2000002100, code: 'J01D', name: 'OTHER BETA-LACTAM ANTIBACTERIALS' },
  { conceptId: 2000002221, code: 'J01DB', name: 'First-generation cephalosporins' },
  { conceptId: 2000002222, code: 'J01DB01', name: 'cefalexin', ingredients: [1786621] },
  { conceptId: 2000002101, code: 'J01DC', name: 'Second-generation cephalosporins' },
  { conceptId: 2000002102, code: 'J01DC02', name: 'cefuroxime', ingredients: [1778162] },
  { conceptId: 2000002223, code: 'J01DD', name: 'Third-generation cephalosporins' },
  { conceptId: 2000002224, code: 'J01DD04', name: 'ceftriaxone', ingredients: [1777806] },
  { conceptId: 2000002103, code: 'J01X', name: 'OTHER ANTIBACTERIALS' },
  { conceptId: 2000002104, code: 'J01XE', name: 'Nitrofuran derivatives' },
  { conceptId: 2000002105, code: 'J01XE01', name: 'nitrofurantoin', ingredients: [920293] },
  { conceptId: 2000002110, code: 'L', name: 'ANTINEOPLASTIC AND IMMUNOMODULATING AGENTS' },
  { conceptId: 2000002111, code: 'L04', name: 'IMMUNOSUPPRESSANTS' },
  { conceptId: 2000002112, code: 'L04A', name: 'IMMUNOSUPPRESSANTS' },
  { conceptId: 2000002225, code: 'L04AD', name: 'Calcineurin inhibitors' },
  { conceptId: 2000002226, code: 'L04AD01', name: 'ciclosporin', ingredients: [19010482] },
  { conceptId: 2000002113, code: 'L04AX', name: 'Other immunosuppressants' },
  { conceptId: 2000002114, code: 'L04AX03', name: 'methotrexate', ingredients: [1305058] },
  { conceptId: 2000002120, code: 'M', name: 'MUSCULO-SKELETAL SYSTEM' },
  { conceptId: 2000002121, code: 'M01', name: 'ANTIINFLAMMATORY AND ANTIRHEUMATIC PRODUCTS' },
  { conceptId: 2000002122, code: 'M01A', name: 'ANTIINFLAMMATORY AND ANTIRHEUMATIC PRODUCTS, NON-STEROIDS' },
  { conceptId: 2000002227, code: 'M01AB', name: 'Acetic acid derivatives and related substances' },
  { conceptId: 2000002228, code: 'M01AB05', name: 'diclofenac', ingredients: [1124300] },
  { conceptId: 2000002123, code: 'M01AE', name: 'Propionic acid derivatives' },
  { conceptId: 2000002124, code: 'M01AE01', name: 'ibuprofen', ingredients: [1177480] },
  { conceptId: 2000002125, code: 'M01AE02', name: 'naproxen', ingredients: [1115008] },
  { conceptId: 2000002229, code: 'M01AH', name: 'Coxibs' },
  { conceptId: 2000002230, code: 'M01AH01', name: 'celecoxib', ingredients: [1118084] },
  { conceptId: 2000002126, code: 'M05', name: 'DRUGS FOR TREATMENT OF BONE DISEASES' },
  { conceptId: 2000002127, code: 'M05B', name: 'DRUGS AFFECTING BONE STRUCTURE AND MINERALIZATION' },
  { conceptId: 2000002128, code: 'M05BA', name: 'Bisphosphonates' },
  { conceptId: 2000002129, code: 'M05BA04', name: 'alendronic acid', ingredients: [1557272] },
  { conceptId: 2000002130, code: 'N', name: 'NERVOUS SYSTEM' },
  { conceptId: 2000002131, code: 'N02', name: 'ANALGESICS' },
  { conceptId: 2000002231, code: 'N02A', name: 'OPIOIDS' },
  { conceptId: 2000002232, code: 'N02AA', name: 'Natural opium alkaloids' },
  { conceptId: 2000002233, code: 'N02AA01', name: 'morphine', ingredients: [1110410] },
  { conceptId: 2000002234, code: 'N02AA05', name: 'oxycodone', ingredients: [1124957] },
  { conceptId: 2000002235, code: 'N02AB', name: 'Phenylpiperidine derivatives' },
  { conceptId: 2000002236, code: 'N02AB03', name: 'fentanyl', ingredients: [1154029] },
  { conceptId: 2000002132, code: 'N02B', name: 'OTHER ANALGESICS AND ANTIPYRETICS' },
  { conceptId: 2000002133, code: 'N02BE', name: 'Anilides' },
  { conceptId: 2000002134, code: 'N02BE01', name: 'paracetamol', ingredients: [1125315] },
  { conceptId: 2000002237, code: 'N03', name: 'ANTIEPILEPTICS' },
  { conceptId: 2000002238, code: 'N03A', name: 'ANTIEPILEPTICS' },
  { conceptId: 2000002239, code: 'N03AF', name: 'Carboxamide derivatives' },
  { conceptId: 2000002240, code: 'N03AF01', name: 'carbamazepine', ingredients: [740275] },
  { conceptId: 2000002241, code: 'N05', name: 'PSYCHOLEPTICS' },
  { conceptId: 2000002242, code: 'N05B', name: 'ANXIOLYTICS' },
  { conceptId: 2000002243, code: 'N05BA', name: 'Benzodiazepine derivatives' },
  { conceptId: 2000002244, code: 'N05BA01', name: 'diazepam', ingredients: [723013] },
  { conceptId: 2000002245, code: 'N05BA06', name: 'lorazepam', ingredients: [791967] },
  { conceptId: 2000002135, code: 'N06', name: 'PSYCHOANALEPTICS' },
  { conceptId: 2000002136, code: 'N06A', name: 'ANTIDEPRESSANTS' },
  { conceptId: 2000002137, code: 'N06AB', name: 'Selective serotonin reuptake inhibitors' },
  { conceptId: 2000002138, code: 'N06AB03', name: 'fluoxetine', ingredients: [2000000203] },
  { conceptId: 2000002139, code: 'N06AB06', name: 'sertraline', ingredients: [2000000202] },
  { conceptId: 2000002140, code: 'N06B', name: 'PSYCHOSTIMULANTS, AGENTS USED FOR ADHD AND NOOTROPICS' },
  { conceptId: 2000002141, code: 'N06BA', name: 'Centrally acting sympathomimetics' },
  { conceptId: 2000002142, code: 'N06BA04', name: 'methylphenidate', ingredients: [705944] },
  { conceptId: 2000002143, code: 'N06D', name: 'ANTI-DEMENTIA DRUGS' },
  { conceptId: 2000002144, code: 'N06DA', name: 'Anticholinesterases' },
  { conceptId: 2000002145, code: 'N06DA02', name: 'donepezil', ingredients: [715997] },
  { conceptId: 2000002246, code: 'N06DX', name: 'Other anti-dementia drugs' },
  { conceptId: 2000002247, code: 'N06DX01', name: 'memantine', ingredients: [701322] },
  { conceptId: 2000002150, code: 'R', name: 'RESPIRATORY SYSTEM' },
  { conceptId: 2000002151, code: 'R03', name: 'DRUGS FOR OBSTRUCTIVE AIRWAY DISEASES' },
  { conceptId: 2000002152, code: 'R03A', name: 'ADRENERGICS, INHALANTS' },
  { conceptId: 2000002153, code: 'R03AC', name: 'Selective beta-2-adrenoreceptor agonists' },
  { conceptId: 2000002154, code: 'R03AC02', name: 'salbutamol', ingredients: [1154343] },
  { conceptId: 2000002248, code: 'R03AC12', name: 'salmeterol', ingredients: [1137529] },
  { conceptId: 2000002155, code: 'R03B', name: 'OTHER DRUGS FOR OBSTRUCTIVE AIRWAY DISEASES, INHALANTS' },
  { conceptId: 2000002156, code: 'R03BA', name: 'Glucocorticoids' },
  { conceptId: 2000002157, code: 'R03BA05', name: 'fluticasone', ingredients: [1149380] },
  { conceptId: 2000002158, code: 'R06', name: 'ANTIHISTAMINES FOR SYSTEMIC USE' },
  { conceptId: 2000002159, code: 'R06A', name: 'ANTIHISTAMINES FOR SYSTEMIC USE' },
  { conceptId: 2000002249, code: 'R06AA', name: 'Aminoalkyl ethers' },
  { conceptId: 2000002250, code: 'R06AA02', name: 'diphenhydramine', ingredients: [1129625] },
  { conceptId: 2000002160, code: 'R06AE', name: 'Piperazine derivatives' },
  { conceptId: 2000002161, code: 'R06AE07', name: 'cetirizine', ingredients: [1149196] },
  { conceptId: 2000002162, code: 'R06AX', name: 'Other antihistamines for systemic use' },
  { conceptId: 2000002163, code: 'R06AX13', name: 'loratadine', ingredients: [1107830] },
];

/** ATC parent code: A10BA02 → A10BA → A10B → A10 → A (levels of 1, 3, 4, 5, 7 characters). */
export function atcParentCode(code: string): string | undefined {
  const lengths = [1, 3, 4, 5, 7];
  const index = lengths.indexOf(code.length);
  return index > 0 ? code.slice(0, lengths[index - 1]) : undefined;
}

/**
 * Drug → ingredient pairs ('RxNorm has ing'), read off the RxNorm drug names and, where GiBleed's
 * CONCEPT_ANCESTOR holds the pair, checked against it. In the Synthea27Nj release a clinical drug
 * reaches its ingredient through 'Consists of' a drug component that 'RxNorm has ing'; the subsets lack
 * most components, so the edge is direct here.
 */
export const drugIngredients: readonly (readonly [drug: number, ingredient: number])[] = [
  [40163924, 2000000200],
  [40166274, 2000000201],
  [19080128, 1308216],
  [19080129, 1308216],
  [40185304, 2000000205],
  [1332419, 1332418],
  [19078106, 2000000206],
  [957136, 2000000207],
  [1545959, 1545958],
  [1539411, 1539403],
  [40163554, 1310149],
  [19018935, 1326303],
  [19075601, 1322184],
  [19059056, 1112807],
  [1511248, 1154343],
  [40169216, 1149380],
  [739207, 2000000202],
  [19077463, 2000000203],
  [40236446, 705944],
  [40223768, 715997],
  [40174880, 1501700],
  [19078461, 1177480],
  [19019273, 1115008],
  [1127433, 1125315],
  [19020053, 1125315],
  [19073183, 1713332],
  [19073188, 1713332],
  [1713671, 1713332],
  [1713671, 1759842],
  [19133873, 1729720],
  [19075001, 1778162],
  [46233710, 1738521],
  [920334, 920293],
  [19008572, 975125],
  [40228214, 1149196],
  [1107882, 1107830],
  [1551192, 1551099],
  [19007332, 1305058],
  [40173590, 1557272],
  [19077344, 1396131],
  [19132304, 1589505],
  [1519937, 1519936],
  [19126352, 1361711], // nitroglycerin spray → nitroglycerin
  [1310034, 1309944], // amiodarone syringe → amiodarone
  [46275507, 1367571], // heparin sodium, porcine → heparin
  [40232707, 1124957], // oxycodone 10 MG → oxycodone
  [40231925, 1125315], // acetaminophen / oxycodone → acetaminophen
  [40231925, 1124957], // acetaminophen / oxycodone → oxycodone
  [35605858, 1110410], // morphine sulfate injection → morphine
  [1154062, 1154029], // fentanyl patch → fentanyl
  [40162359, 1124300], // diclofenac sodium 75 MG → diclofenac
  [1118088, 1118084], // Celebrex → celecoxib
  [35605482, 1000560], // ondansetron injection → ondansetron
  [40232448, 1129625], // diphenhydramine 25 MG → diphenhydramine
  [19057271, 791967], // lorazepam injection → lorazepam
  [723042, 723013], // diazepam 5 MG → diazepam
  [19074679, 740275], // Tegretol → carbamazepine
  [40222846, 701322], // memantine solution → memantine
  [40169281, 1149380], // fluticasone / salmeterol inhaler → fluticasone
  [40169281, 1137529], // fluticasone / salmeterol inhaler → salmeterol
  [40224805, 1500211], // medroxyprogesterone injection → medroxyprogesterone
  [1594382, 1343916], // epinephrine auto-injector → epinephrine
  [19010522, 19010482], // cyclosporine, modified → cyclosporine
  [19073094, 1332418], // amlodipine 2.5 MG → amlodipine
  [1539463, 1539403], // simvastatin 10 MG → simvastatin
  [40185280, 2000000205], // losartan potassium 25 MG → losartan
  [19019979, 1177480], // ibuprofen 100 MG → ibuprofen
  [19079924, 1125315], // acetaminophen 160 MG chewable → acetaminophen
  [1115171, 1115008], // naproxen sodium 220 MG → naproxen
  [19133905, 1729720], // penicillin V potassium 500 MG → penicillin V
];

/**
 * SNOMED 'Is a' edges (child, parent) asserted by hand: links to the local grouper concepts above, and
 * subsumptions the subsets imply only through concepts whose rows they do not carry.
 */
export const handIsA: readonly (readonly [child: number, parent: number])[] = [
  [201826, 2000000100], // Type 2 diabetes mellitus → Diabetes mellitus
  [4144583, 2000000100], // Diabetes mellitus due to cystic fibrosis → Diabetes mellitus
  [320128, 2000000101], // Essential hypertension → Hypertensive disorder
  [2000000101, 134057], // Hypertensive disorder → Disorder of cardiovascular system
  [316139, 134057], // Heart failure → Disorder of cardiovascular system
  [261325, 2000000102], // Pulmonary emphysema → Chronic obstructive lung disease
  [4152280, 2000000103], // Major depressive disorder → Depressive disorder
  [4141827, 2000000104], // Transformed migraine → Migraine
  [133834, 2000000105], // Atopic dermatitis → Eczema
  [4309027, 140673], // Idiopathic atrophic hypothyroidism → Hypothyroidism
  [4079749, 80180], // Osteoarthritis of hip → Osteoarthritis
  [75036, 80180], // Localized, primary osteoarthritis of the hand → Osteoarthritis
];

/** English synonyms for local concepts and common abbreviations. */
export const englishSynonyms: readonly (readonly [conceptId: number, name: string])[] = [
  [2000000100, 'Diabetes'],
  [2000000101, 'Hypertension'],
  [2000000101, 'High blood pressure'],
  [2000000102, 'Chronic obstructive pulmonary disease'],
  [2000000102, 'COPD'],
  [2000000103, 'Depression'],
  [2000000106, 'Acne'],
  [2000000110, 'Obesity, unspecified'],
  [201826, 'Type 2 diabetes'],
  [201826, 'T2DM'],
  [313217, 'AF - Atrial fibrillation'],
  [3004410, 'HbA1c'],
  [3038553, 'BMI'],
  [3009201, 'TSH'],
  [1154343, 'salbutamol'],
  [1125315, 'paracetamol'],
  // WHO names of US-named ingredients
  [1343916, 'adrenaline'],
  [1361711, 'glyceryl trinitrate'],
  [19010482, 'ciclosporin'],
  [1786621, 'cefalexin'],
  // Lab abbreviations and common names
  [3027114, 'Total cholesterol'],
  [3009966, 'LDL cholesterol'],
  [3007070, 'HDL cholesterol'],
  [3030354, 'eGFR'],
  [40762499, 'SpO2'],
  [3004295, 'BUN'],
  [3006923, 'ALT'],
  [3013721, 'AST'],
  [3035995, 'ALP'],
  [3020460, 'CRP'],
  [3022217, 'INR'],
  [3013603, 'PSA'],
  [3029187, 'NT-proBNP'],
  [3008598, 'Free T4'],
  [36306105, 'High-sensitivity troponin I'],
  [3027172, 'LVEF'],
  [3051714, 'D-dimer'],
  [3007220, 'CK'],
  [40761511, 'CBC'],
  [40761511, 'Complete blood count'],
  [3041230, 'BMP'],
  [3026023, 'CMP'],
  [3026023, 'Comprehensive metabolic panel'],
  [3000905, 'WBC count'],
  [3020416, 'RBC count'],
  [3024929, 'Platelet count'],
];

/** French synonyms (language concept = the local French language concept). */
export const frenchSynonyms: readonly (readonly [conceptId: number, name: string])[] = [
  [201826, 'diabète de type 2'],
  [2000000100, 'diabète sucré'],
  [4226121, 'rétinopathie diabétique'],
  [320128, 'hypertension artérielle essentielle'],
  [2000000101, 'hypertension artérielle'],
  [2000000101, 'HTA'],
  [317009, 'asthme'],
  [4051466, "asthme de l'enfant"],
  [2000000102, 'bronchopneumopathie chronique obstructive'],
  [2000000102, 'BPCO'],
  [261325, 'emphysème pulmonaire'],
  [432867, 'hyperlipidémie'],
  [432867, 'dyslipidémie'],
  [432867, 'hypercholestérolémie'],
  [4120314, 'hypertriglycéridémie'],
  [2000000103, 'dépression'],
  [4152280, 'trouble dépressif majeur'],
  [4214746, 'trouble panique'],
  [4214746, 'anxiété sévère'],
  [436676, 'trouble de stress post-traumatique'],
  [80180, 'arthrose'],
  [4079750, 'gonarthrose'],
  [4079749, 'coxarthrose'],
  [80809, 'polyarthrite rhumatoïde'],
  [80502, 'ostéoporose'],
  [440674, 'goutte'],
  [2000000105, 'eczéma'],
  [133834, 'dermatite atopique'],
  [134438, 'eczéma de contact'],
  [2000000106, 'acné'],
  [2000000104, 'migraine'],
  [140673, 'hypothyroïdie'],
  [313217, 'fibrillation auriculaire'],
  [317576, 'athérosclérose coronarienne'],
  [4329847, 'infarctus du myocarde'],
  [316139, 'insuffisance cardiaque'],
  [134057, 'maladie cardiovasculaire'],
  [40481087, 'sinusite virale'],
  [4283893, 'sinusite'],
  [4112343, 'pharyngite virale aiguë'],
  [28060, 'angine streptococcique'],
  [372328, 'otite moyenne'],
  [260139, 'bronchite aiguë'],
  [255848, 'pneumonie'],
  [4280726, 'rhinite allergique saisonnière'],
  [4132891, 'lombalgie chronique'],
  [2000000110, 'obésité'],
  [4217975, 'grossesse normale'],
  [439393, 'prééclampsie'],
  [195588, 'cystite'],
  [81902, 'infection urinaire'],
  [2000000107, 'conjonctivite'],
  [2000000108, 'cataracte'],
  [2000000109, 'glaucome'],
  [318800, 'reflux gastro-œsophagien'],
  [439777, 'anémie'],
  [443597, 'insuffisance rénale chronique stade 3'],
  [3004410, 'hémoglobine glyquée'],
  [3004249, 'pression artérielle systolique'],
  [3012888, 'pression artérielle diastolique'],
  [3025315, 'poids'],
  [3036277, 'taille'],
  [3038553, 'indice de masse corporelle'],
  [3027018, 'fréquence cardiaque'],
  [3020891, 'température corporelle'],
  [3027114, 'cholestérol total'],
  [3016723, 'créatininémie'],
  [3009201, 'thyréostimuline (TSH)'],
  [3024171, 'fréquence respiratoire'],
  [40762499, 'saturation pulsée en oxygène (SpO2)'],
  [3000053, 'périmètre crânien'],
  [3004501, 'glycémie'],
  [3009966, 'LDL-cholestérol'],
  [3007070, 'HDL-cholestérol'],
  [3022192, 'triglycérides'],
  [3001802, 'rapport albumine/créatinine urinaire'],
  [3023103, 'kaliémie'],
  [3019550, 'natrémie'],
  [3000963, 'hémoglobine'],
  [3011505, 'rapport de Tiffeneau (VEMS/CVF)'],
  [3030354, 'débit de filtration glomérulaire estimé (DFG)'],
  [3013682, 'urée sanguine'],
  [3006906, 'calcémie'],
  [3024561, 'albuminémie'],
  [3006923, 'alanine aminotransférase (ALAT)'],
  [3013721, 'aspartate aminotransférase (ASAT)'],
  [3035995, 'phosphatases alcalines'],
  [3024128, 'bilirubine totale'],
  [3020630, 'protéines totales'],
  [3001420, 'magnésémie'],
  [3045716, 'trou anionique'],
  [3041230, 'bilan métabolique de base'],
  [3026023, 'bilan métabolique complet'],
  [40761511, 'numération formule sanguine (NFS)'],
  [40761511, 'hémogramme'],
  [3020416, 'hématies'],
  [3000905, 'leucocytes'],
  [3024929, 'plaquettes'],
  [3023314, 'hématocrite'],
  [3023599, 'volume globulaire moyen (VGM)'],
  [3012030, 'teneur corpusculaire moyenne en hémoglobine (TCMH)'],
  [3009744, 'concentration corpusculaire moyenne en hémoglobine (CCMH)'],
  [3013650, 'polynucléaires neutrophiles'],
  [3004327, 'lymphocytes'],
  [3001122, 'ferritine'],
  [3002400, 'fer sérique'],
  [3021044, 'capacité totale de fixation de la transferrine'],
  [3000185, 'coefficient de saturation de la transferrine'],
  [3029187, 'NT-proBNP'],
  [36306105, 'troponine I ultrasensible'],
  [3027172, "fraction d'éjection ventriculaire gauche (FEVG)"],
  [3034426, 'temps de Quick'],
  [3020460, 'protéine C réactive (CRP)'],
  [3013603, 'antigène prostatique spécifique (PSA)'],
  [3008598, 'thyroxine libre (T4L)'],
  [3051714, 'D-dimères'],
  [3007220, 'créatine kinase (CPK)'],
  [3016502, 'saturation artérielle en oxygène (SaO2)'],
  [43055141, 'intensité de la douleur (échelle numérique)'],
  [1125315, 'paracétamol'],
  [1154343, 'salbutamol'],
  [1112807, 'acide acétylsalicylique'],
  [1112807, 'aspirine'],
  [2000000200, 'metformine'],
  [2000000201, 'insuline lispro'],
  [2000000203, 'fluoxétine'],
  [2000000207, 'furosémide'],
  [1545958, 'atorvastatine'],
  [1539403, 'simvastatine'],
  [1310149, 'warfarine'],
  [1326303, 'digoxine'],
  [1713332, 'amoxicilline'],
  [1759842, 'acide clavulanique'],
  [1177480, 'ibuprofène'],
  [1115008, 'naproxène'],
  [1501700, 'lévothyroxine'],
  [1305058, 'méthotrexate'],
  [1778162, 'céfuroxime'],
  [920293, 'nitrofurantoïne'],
  [1149196, 'cétirizine'],
  [705944, 'méthylphénidate'],
  [715997, 'donépézil'],
  [1589505, 'lévonorgestrel'],
  [1519936, 'étonogestrel'],
  [1557272, 'acide alendronique'],
  [1396131, 'sulfate ferreux'],
  [1729720, 'pénicilline V'],
  [1361711, 'trinitrine'],
  [1307863, 'vérapamil'],
  [1367571, 'héparine'],
  [1341927, 'énalapril'],
  [1124300, 'diclofénac'],
  [1118084, 'célécoxib'],
  [1000560, 'ondansétron'],
  [1129625, 'diphénhydramine'],
  [791967, 'lorazépam'],
  [723013, 'diazépam'],
  [740275, 'carbamazépine'],
  [701322, 'mémantine'],
  [1137529, 'salmétérol'],
  [1786621, 'céfalexine'],
  [1500211, 'médroxyprogestérone'],
  [1343916, 'adrénaline'],
  [19010482, 'ciclosporine'],
  [9202, 'consultation externe'],
  [9201, 'hospitalisation'],
  [9203, 'passage aux urgences'],
  [2000000002, 'téléconsultation'],
  [38004446, 'médecine générale'],
  [2000000010, 'cardiologie'],
  [2000000011, 'dermatologie'],
  [2000000012, 'pédiatrie'],
  [2000000013, 'psychiatrie'],
  [2000000014, 'gynécologie-obstétrique'],
  [2000000015, 'ophtalmologie'],
  [2000000016, 'endocrinologie'],
  [2000000017, 'pneumologie'],
  [2000000018, 'rhumatologie'],
  [2000000019, 'chirurgie orthopédique'],
  [2000000020, 'oto-rhino-laryngologie (ORL)'],
];

/** All hand-written CONCEPT rows except the ICD-10-CM and ATC ones (built from their tables). */
export const localConcepts: readonly HandConcept[] = [
  ...haleConcepts,
  ...snomedConcepts,
  ...rxnormIngredients,
];
