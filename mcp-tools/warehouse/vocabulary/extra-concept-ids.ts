/**
 * Real concepts bundled beyond the clinical catalog, so that common clinical questions (lab panels,
 * drug classes, units) find an answer in the vocabulary even though the demo data never records them.
 * Every id has a row in the Synthea27Nj or GiBleed CONCEPT table; the names are those rows' names.
 * The drug → ingredient edges of the new drugs are in `local-additions.ts` (`drugIngredients`).
 */

/** Conditions, observations and visit-like procedures used by ontology questions. */
const clinicalConceptIds: readonly number[] = [
  0, // No matching concept
  134057, // Disorder of cardiovascular system
  4144583, // Diabetes mellitus due to cystic fibrosis
  75036, // Localized, primary osteoarthritis of the hand
  4309027, // Idiopathic atrophic hypothyroidism
  4060985, // Body mass index 30+ - obesity
  4256640, // Body mass index 40+ - severely obese
  42709996, // Smokes tobacco daily
  40489429, // Telemedicine consultation with patient
  4089036, // Telephone encounter
];

/**
 * RxNorm ingredients and drugs. The ingredients are common classes a question names (ACE inhibitors,
 * opioids, benzodiazepines, NSAIDs, cephalosporins); the drugs are the ones Synthea27Nj prescribes most,
 * and one drug for each new ingredient where the sources have one.
 */
const drugConceptIds: readonly number[] = [
  1759842, // clavulanate
  40213154, // Influenza, seasonal, injectable, preservative free (CVX)
  40213198, // pneumococcal conjugate vaccine, 13 valent (CVX)
  // Ingredients
  1361711, // Nitroglycerin
  1309944, // Amiodarone
  1307863, // Verapamil
  1367571, // heparin
  1341927, // enalapril
  1334456, // ramipril
  1124957, // Oxycodone
  1110410, // Morphine
  1154029, // Fentanyl
  1124300, // Diclofenac
  1118084, // celecoxib
  1000560, // Ondansetron
  1129625, // Diphenhydramine
  791967, // Lorazepam
  723013, // Diazepam
  740275, // Carbamazepine
  701322, // Memantine
  1137529, // salmeterol
  1777806, // ceftriaxone
  1786621, // cephalexin
  1500211, // Medroxyprogesterone
  1343916, // Epinephrine
  19010482, // Cyclosporine
  // Drugs of the new ingredients
  19126352, // nitroglycerin 0.4 MG/ACTUAT Mucosal Spray
  1310034, // 3 ML amiodarone hydrochloride 50 MG/ML Prefilled Syringe
  40171902, // verapamil hydrochloride 40 MG (Clinical Drug Comp; its 'RxNorm has ing' row is in Synthea)
  46275507, // 1 ML heparin sodium, porcine 5000 UNT/ML Injection
  40232707, // oxycodone hydrochloride 10 MG Oral Tablet
  40231925, // acetaminophen 325 MG / oxycodone hydrochloride 5 MG Oral Tablet
  35605858, // 1 ML morphine sulfate 5 MG/ML Injection
  1154062, // 72 HR fentanyl 0.025 MG/HR Transdermal System
  40162359, // Diclofenac Sodium 75 MG Delayed Release Oral Tablet
  1118088, // celecoxib 200 MG Oral Capsule [Celebrex]
  35605482, // 2 ML ondansetron 2 MG/ML Injection
  40232448, // diphenhydramine hydrochloride 25 MG Oral Tablet
  19057271, // lorazepam 2 MG/ML Injectable Solution
  723042, // diazepam 5 MG Oral Tablet
  19074679, // carbamazepine 20 MG/ML Oral Suspension [Tegretol]
  40222846, // memantine hydrochloride 2 MG/ML Oral Solution
  40169281, // 60 ACTUAT fluticasone propionate 0.25 MG/ACTUAT / salmeterol 0.05 MG/ACTUAT Dry Powder Inhaler
  40224805, // 1 ML medroxyprogesterone acetate 150 MG/ML Injection
  1594382, // NDA020800 0.3 ML epinephrine 1 MG/ML Auto-Injector
  19010522, // cyclosporine, modified 100 MG Oral Capsule
  // More drugs of bundled ingredients, among the most prescribed in Synthea27Nj
  19073094, // amlodipine 2.5 MG Oral Tablet
  1539463, // simvastatin 10 MG Oral Tablet
  40185280, // losartan potassium 25 MG Oral Tablet
  19019979, // ibuprofen 100 MG Oral Tablet
  19079924, // acetaminophen 160 MG Chewable Tablet
  1115171, // naproxen sodium 220 MG Oral Tablet
  46234522, // doxycycline hyclate 100 MG (Clinical Drug Comp; its 'RxNorm has ing' row is in Synthea)
  19133905, // penicillin V potassium 500 MG Oral Tablet
];

/**
 * LOINC measurements: the lab tests and panels of Synthea27Nj's MEASUREMENT table (chemistry, liver,
 * blood count, iron, cardiac), plus common tests its vocabulary holds (CRP, INR, PSA, free T4, D-dimer).
 * Panels bring their members through the real 'Panel contains' rows.
 */
const measurementConceptIds: readonly number[] = [
  3030354, // eGFR (MDRD), non-standard in this vocabulary release
  3000483, // Glucose [Mass/volume] in Blood
  3009542, // Hematocrit
  3010813, // Leukocytes
  3007461, // Platelets [#/volume] in Blood
  3013682, // Urea nitrogen
  3024561, // Albumin
  3006906, // Calcium
  40758413, // Blood pressure systolic and diastolic
  3027598, // Mean blood pressure
  36203185, // Blood pressure panel
  40760809, // Lipid panel with direct LDL
  3042932, // PHQ-9 total score
  3044486, // PHQ-9 panel
  40758879, // PHQ-2 total score
  42868746, // GAD-7 total score
  40772159, // GAD-7
  4133840, // Spirometry (SNOMED, Measurement domain)
  4064377, // Depression screening (SNOMED, Measurement domain)
  37395717, // Depression screening using PHQ-9 score (SNOMED, Measurement domain)
  // Basic metabolic panel (blood)
  3041230, // Basic metabolic panel - Blood
  3032503, // Calcium [Mass/volume] in Blood
  3014094, // Carbon dioxide, total [Moles/volume] in Blood
  3018572, // Chloride [Moles/volume] in Blood
  3051825, // Creatinine [Mass/volume] in Blood
  3005456, // Potassium [Moles/volume] in Blood
  3000285, // Sodium [Moles/volume] in Blood
  3004295, // Urea nitrogen [Mass/volume] in Blood
  // Comprehensive metabolic panel (serum or plasma)
  3026023, // Comprehensive metabolic 2000 panel - Serum or Plasma
  3015632, // Carbon dioxide, total [Moles/volume] in Serum or Plasma
  3014576, // Chloride [Moles/volume] in Serum or Plasma
  3006923, // Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma
  3013721, // Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma
  3035995, // Alkaline phosphatase [Enzymatic activity/volume] in Serum or Plasma
  3024128, // Bilirubin.total [Mass/volume] in Serum or Plasma
  3020630, // Protein [Mass/volume] in Serum or Plasma
  3027970, // Globulin [Mass/volume] in Serum by calculation
  3001420, // Magnesium [Mass/volume] in Serum or Plasma
  3045716, // Anion gap in Serum or Plasma
  // Blood count
  40761511, // CBC panel - Blood by Automated count
  3020416, // Erythrocytes [#/volume] in Blood by Automated count
  3000905, // Leukocytes [#/volume] in Blood by Automated count
  3012030, // MCH [Entitic mass] by Automated count
  3009744, // MCHC [Mass/volume] by Automated count
  3023599, // MCV [Entitic volume] by Automated count
  3024929, // Platelets [#/volume] in Blood by Automated count
  3023314, // Hematocrit [Volume Fraction] of Blood by Automated count
  3015182, // Erythrocyte distribution width [Entitic volume] by Automated count
  3043111, // Platelet mean volume [Entitic volume] in Blood by Automated count
  40760142, // Auto Differential panel - Blood
  3013650, // Neutrophils [#/volume] in Blood by Automated count
  3004327, // Lymphocytes [#/volume] in Blood by Automated count
  3033575, // Monocytes [#/volume] in Blood by Automated count
  3028615, // Eosinophils [#/volume] in Blood by Automated count
  // Iron status
  3031616, // Iron and Iron binding capacity panel - Serum or Plasma
  3002400, // Iron [Mass/volume] in Serum or Plasma
  3021044, // Iron binding capacity [Mass/volume] in Serum or Plasma
  3000185, // Iron saturation [Mass Fraction] in Serum or Plasma
  3001122, // Ferritin [Mass/volume] in Serum or Plasma
  // Cardiac, coagulation, inflammation and others
  3029187, // Natriuretic peptide.B prohormone N-Terminal [Mass/volume] in Serum or Plasma
  36306105, // Troponin I.cardiac [Mass/volume] in Serum or Plasma by High sensitivity method
  3027172, // Left ventricular Ejection fraction
  3045501, // PT panel - Platelet poor plasma by Coagulation assay
  3022217, // INR in Platelet poor plasma by Coagulation assay
  3034426, // Prothrombin time (PT)
  3020460, // C reactive protein [Mass/volume] in Serum or Plasma
  3013603, // Prostate specific Ag [Mass/volume] in Serum or Plasma
  3008598, // Thyroxine (T4) free [Mass/volume] in Serum or Plasma
  3051714, // Fibrin D-dimer FEU [Mass/volume] in Platelet poor plasma
  3007220, // Creatine kinase [Enzymatic activity/volume] in Serum or Plasma
  3016502, // Oxygen saturation in Arterial blood
  43055141, // Pain severity - 0-10 verbal numeric rating [Score] - Reported
];

/** UCUM units of the measurements above, as Synthea27Nj records them, plus the SI units French labs use. */
const unitConceptIds: readonly number[] = [
  9327, // inch
  9289, // degree Fahrenheit
  8848, // thousand per microliter
  9579, // millimole per mole
  8523, // ratio
  8645, // unit per liter (ALT, AST, ALP, CK)
  8751, // milligram per liter (CRP)
  8555, // second (prothrombin time)
  8842, // nanogram per milliliter (PSA)
  8817, // nanogram per deciliter (free T4)
  8859, // microgram per milliliter (D-dimer)
  8564, // picogram (MCH)
  8583, // femtoliter (MCV, RDW, MPV)
  8636, // gram per liter (globulin)
  8748, // microgram per liter (ferritin)
  8837, // microgram per deciliter (iron)
  8845, // picogram per milliliter (NT-proBNP, troponin)
  8815, // million per microliter (erythrocytes)
  8749, // micromole per liter (creatinine in SI units)
  720870, // milliliter per minute per 1.73 square meter (eGFR)
];

/** Every extra concept id; the selection is a set, so an id listed twice is harmless. */
export const extraConceptIds: readonly number[] = [
  ...clinicalConceptIds,
  ...drugConceptIds,
  ...measurementConceptIds,
  ...unitConceptIds,
];
