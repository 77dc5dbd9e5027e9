import type { TableDescription } from './table-description.js';

/** What the booking mart's tables and columns hold, by table name. */
export const schedulingTableDescriptions: Readonly<Record<string, TableDescription>> = {
  specialty: {
    description:
      'Medical specialties practitioners book appointments under (general medicine, cardiology …).',
    columns: {
      specialty_id: 'Identifier of the specialty.',
      name: 'Name of the specialty (e.g. "General practice", "Dermatology").',
      omop_concept_id:
        'The OMOP concept of the specialty (Provider domain). References vocab.concept.concept_id.',
    },
  },
  practice: {
    description: 'Practices (medical centres and offices) in ten French cities.',
    columns: {
      practice_id: 'Identifier of the practice.',
      name: 'Name of the practice.',
      city: 'City of the practice: Paris, Lyon, Marseille, Nice, Toulouse, Montpellier, Bordeaux, Lille, Strasbourg or Nantes.',
      region: 'French region of the practice, e.g. "Île-de-France", "Auvergne-Rhône-Alpes".',
      postal_code: 'French postal code of the practice (5 digits).',
      care_site_id: 'The practice as an OMOP care site. References cdm.care_site.care_site_id.',
    },
  },
  practitioner: {
    description: 'Practitioners (doctors and other professionals) and the practice they work at.',
    columns: {
      practitioner_id: 'Identifier of the practitioner.',
      practice_id: 'Practice the practitioner works at. References scheduling.practice.practice_id.',
      specialty_id: 'Specialty of the practitioner. References scheduling.specialty.specialty_id.',
      full_name: 'Full name of the practitioner.',
      rpps_number: 'French national practitioner number (RPPS, 11 digits).',
      provider_id: 'The practitioner as an OMOP provider. References cdm.provider.provider_id.',
    },
  },
  patient: {
    description:
      'Patients registered with the booking system; one row per patient, linked to their OMOP person.',
    columns: {
      patient_id: 'Identifier of the patient in the booking system.',
      person_id: 'The patient as an OMOP person. References cdm.person.person_id.',
      first_name: 'First name (a direct identifier).',
      last_name: 'Last name (a direct identifier).',
      birth_date: 'Date of birth.',
      email: 'Email address (a direct identifier); may be empty.',
      phone: 'Phone number (a direct identifier); may be empty.',
      postal_code: 'Postal code of the home address.',
      city: 'City of the home address.',
    },
  },
  appointment: {
    description:
      'Appointments booked with practitioners: one row per appointment, whatever its outcome. Times are Europe/Paris local time.',
    columns: {
      appointment_id: 'Identifier of the appointment.',
      patient_id: 'Patient who booked. References scheduling.patient.patient_id.',
      practitioner_id: 'Practitioner seen. References scheduling.practitioner.practitioner_id.',
      practice_id: 'Practice where it takes place. References scheduling.practice.practice_id.',
      booked_at: 'When the appointment was booked.',
      start_at: 'When the appointment starts (or started).',
      duration_minutes: 'Planned length in minutes.',
      channel: "How it was booked: 'online', 'phone' or 'walk_in'.",
      visit_type: "'in_person' or 'teleconsultation' (video consultation).",
      status:
        "'scheduled' (in the future), 'completed', 'cancelled' or 'no_show' (the patient did not come).",
      cancelled_at: "When it was cancelled; set exactly when status is 'cancelled'.",
    },
  },
};
