import type { TableDefinition } from './table-definition.js';

/**
 * The appointment-booking mart. Times are `timestamp` in Europe/Paris local time, as a French booking
 * system records them. Links to OMOP (`care_site_id`, `provider_id`, `person_id`) are plain ids, not
 * foreign keys, so an OMOP load can replace the `cdm` schema without touching this one.
 */
export const schedulingTables: readonly TableDefinition[] = [
  {
    schema: 'scheduling',
    name: 'specialty',
    primaryKey: ['specialty_id'],
    columns: [
      { name: 'specialty_id', type: 'integer', required: true },
      { name: 'name', type: 'text', required: true },
      { name: 'omop_concept_id', type: 'integer', required: true },
    ],
  },
  {
    schema: 'scheduling',
    name: 'practice',
    primaryKey: ['practice_id'],
    columns: [
      { name: 'practice_id', type: 'integer', required: true },
      { name: 'name', type: 'text', required: true },
      { name: 'city', type: 'text', required: true },
      { name: 'region', type: 'text', required: true },
      { name: 'postal_code', type: 'varchar(5)', required: true },
      { name: 'care_site_id', type: 'integer', required: true },
    ],
  },
  {
    schema: 'scheduling',
    name: 'practitioner',
    primaryKey: ['practitioner_id'],
    columns: [
      { name: 'practitioner_id', type: 'integer', required: true },
      { name: 'practice_id', type: 'integer', required: true },
      { name: 'specialty_id', type: 'integer', required: true },
      { name: 'full_name', type: 'text', required: true },
      { name: 'rpps_number', type: 'varchar(11)', required: true },
      { name: 'provider_id', type: 'integer', required: true },
    ],
    constraints: [
      'FOREIGN KEY (practice_id) REFERENCES scheduling.practice',
      'FOREIGN KEY (specialty_id) REFERENCES scheduling.specialty',
    ],
  },
  {
    schema: 'scheduling',
    name: 'patient',
    primaryKey: ['patient_id'],
    columns: [
      { name: 'patient_id', type: 'integer', required: true },
      { name: 'person_id', type: 'integer', required: true },
      { name: 'first_name', type: 'text', required: true },
      { name: 'last_name', type: 'text', required: true },
      { name: 'birth_date', type: 'date', required: true },
      { name: 'email', type: 'text', required: false },
      { name: 'phone', type: 'text', required: false },
      { name: 'postal_code', type: 'varchar(5)', required: true },
      { name: 'city', type: 'text', required: true },
    ],
  },
  {
    schema: 'scheduling',
    name: 'appointment',
    primaryKey: ['appointment_id'],
    columns: [
      { name: 'appointment_id', type: 'integer', required: true },
      { name: 'patient_id', type: 'integer', required: true },
      { name: 'practitioner_id', type: 'integer', required: true },
      { name: 'practice_id', type: 'integer', required: true },
      { name: 'booked_at', type: 'timestamp', required: true },
      { name: 'start_at', type: 'timestamp', required: true },
      { name: 'duration_minutes', type: 'integer', required: true },
      { name: 'channel', type: 'text', required: true },
      { name: 'visit_type', type: 'text', required: true },
      { name: 'status', type: 'text', required: true },
      { name: 'cancelled_at', type: 'timestamp', required: false },
    ],
    constraints: [
      "CHECK (channel IN ('online', 'phone', 'walk_in'))",
      "CHECK (visit_type IN ('in_person', 'teleconsultation'))",
      "CHECK (status IN ('scheduled', 'completed', 'cancelled', 'no_show'))",
      "CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))",
      'CHECK (booked_at <= start_at)',
      'FOREIGN KEY (patient_id) REFERENCES scheduling.patient',
      'FOREIGN KEY (practitioner_id) REFERENCES scheduling.practitioner',
      'FOREIGN KEY (practice_id) REFERENCES scheduling.practice',
    ],
  },
];
