/**
 * The demo policy's row scopes written out as an administrator would query them, so references say
 * exactly which rows a principal may see (mcp-tools/governance/default-policies.yml).
 */

/** bob (clinician, practice 1): the patients with an appointment at his practice. */
export const bobPatientIds = 'SELECT patient_id FROM scheduling.appointment WHERE practice_id = 1';

/** bob: the OMOP persons of his patients. */
export const bobPersonIds = `SELECT person_id FROM scheduling.patient WHERE patient_id IN (${bobPatientIds})`;

/** carol (ops manager, Île-de-France): the practices of her region. */
export const carolPracticeIds = "SELECT practice_id FROM scheduling.practice WHERE region = 'Île-de-France'";

/** carol: the patients with an appointment at a practice of her region. */
export const carolPatientIds = `SELECT patient_id FROM scheduling.appointment WHERE practice_id IN (${carolPracticeIds})`;

/**
 * Values of a patient column held only by patients outside a scope: a value that a patient in scope
 * also has (or contains, since the check is a substring search over the result's JSON) is left out,
 * so finding one in a result is a real leak and never a coincidence.
 */
function valuesOutsideScope(column: 'email' | 'phone', scope: string): string {
  return (
    `SELECT outside.${column} FROM scheduling.patient outside ` +
    `WHERE outside.${column} IS NOT NULL AND outside.patient_id NOT IN (${scope}) ` +
    `AND NOT EXISTS (SELECT 1 FROM scheduling.patient inside WHERE inside.patient_id IN (${scope}) ` +
    `AND strpos(inside.${column}, outside.${column}) > 0)`
  );
}

/** Emails bob must never see: those of patients outside his practice. */
export const emailsOutsideBob = valuesOutsideScope('email', bobPatientIds);

/** Phone numbers bob must never see. */
export const phonesOutsideBob = valuesOutsideScope('phone', bobPatientIds);

/** Every real email: carol and alice may see none (denied), dana only hashes of them (masked). */
export const allEmails = 'SELECT email FROM scheduling.patient WHERE email IS NOT NULL';

/** Every real email and phone number, for principals who must only ever see them masked or not at all. */
export const allEmailsAndPhones = `${allEmails} UNION SELECT phone FROM scheduling.patient WHERE phone IS NOT NULL`;
