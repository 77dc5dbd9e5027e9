import { type SpecialtyKey, specialties } from '../clinical-catalog.js';
import type { Organisation, Practitioner } from './build-organisation.js';
import type { Patient } from './build-patients.js';
import { ageInYears, dayMs, dayWeight, hourMs, minuteMs, startOfDay } from './calendar.js';
import type { Random } from './random.js';

/** The booking channels and their meaning in the mart. */
export type Channel = 'online' | 'phone' | 'walk_in';
export type VisitType = 'in_person' | 'teleconsultation';
export type AppointmentStatus = 'scheduled' | 'completed' | 'cancelled' | 'no_show';

/** An appointment before ids are assigned (ids follow booking order across all patients). */
export interface AppointmentDraft {
  appointmentId: number;
  visitOccurrenceId: number;
  patient: Patient;
  practitioner: Practitioner;
  bookedAt: number;
  startAt: number;
  durationMinutes: number;
  channel: Channel;
  visitType: VisitType;
  status: AppointmentStatus;
  cancelledAt: number | null;
}

/** Median booking lead time in days by specialty: general practice is quick, some specialists take months. */
const medianLeadDays: Readonly<Record<SpecialtyKey, number>> = {
  generalPractice: 2,
  pediatrics: 4,
  psychiatry: 14,
  cardiology: 30,
  dermatology: 45,
  ophthalmology: 50,
  gynecology: 25,
  endocrinology: 35,
  pulmonology: 28,
  rheumatology: 32,
  orthopedics: 21,
  otorhinolaryngology: 21,
};

function chooseSpecialty(random: Random, patient: Patient, age: number): SpecialtyKey {
  const linked = new Set(patient.chronicConditions.flatMap((condition) => condition.specialties));
  return random.weighted(specialties, (specialty) => {
    if (specialty.key === 'pediatrics') return age < 16 ? 0.3 : 0;
    if (specialty.key === 'gynecology' && (!patient.female || age < 15)) return 0;
    if (specialty.key === 'generalPractice') return age < 16 ? specialty.share * 0.6 : specialty.share;
    return specialty.share * (linked.has(specialty.key) ? 4 : 0.6);
  }).key;
}

function choosePractitioner(
  random: Random,
  organisation: Organisation,
  patient: Patient,
  specialty: SpecialtyKey,
): Practitioner | undefined {
  const atHome = patient.homePractice.practitioners.filter(
    (practitioner) => practitioner.specialty.key === specialty,
  );
  if (atHome.length > 0 && random.chance(specialty === 'generalPractice' ? 0.9 : 0.6))
    return random.pick(atHome);
  const sameCity = organisation.practitionersByPlace.get(`${specialty}|city|${patient.city.name}`);
  if (sameCity) return random.pick(sameCity);
  const sameRegion = organisation.practitionersByPlace.get(`${specialty}|region|${patient.city.region}`);
  if (sameRegion) return random.pick(sameRegion);
  const all = organisation.practitionersBySpecialty.get(specialty) ?? [];
  return all.length > 0 ? random.pick(all) : undefined;
}

function chooseDay(random: Random, windowStart: number, windowEnd: number): number {
  for (;;) {
    const day = startOfDay(windowStart + random.next() * (windowEnd - windowStart));
    if (random.next() * 1.45 < dayWeight(day)) return day;
  }
}

/**
 * Plans one patient's appointments over the window, in start order: specialty (linked to their
 * chronic conditions), practitioner (home practice first), day (weekday and seasonal patterns), slot,
 * channel (younger patients book online), visit type (teleconsultation share by specialty), lead time
 * and the outcome. Cancellation and no-show rates rise with lead time and differ by channel.
 */
export function planAppointments({
  random,
  patient,
  organisation,
  windowStart,
  windowEnd,
  reference,
}: {
  random: Random;
  patient: Patient;
  organisation: Organisation;
  windowStart: number;
  windowEnd: number;
  reference: number;
}): AppointmentDraft[] {
  // A baby born during the window has appointments only from birth on.
  const firstDay = Math.max(windowStart, patient.birth);
  const years = (windowEnd - firstDay) / (365.25 * dayMs);
  const count = random.poisson(patient.yearlyAppointments * years);
  const drafts: AppointmentDraft[] = [];
  for (let index = 0; index < count; index++) {
    const day = chooseDay(random, firstDay, windowEnd);
    if (patient.death !== undefined && day >= patient.death) continue;
    const age = ageInYears(patient.birth, day);
    let specialtyKey = chooseSpecialty(random, patient, age);
    let practitioner = choosePractitioner(random, organisation, patient, specialtyKey);
    if (!practitioner) {
      specialtyKey = 'generalPractice';
      practitioner = choosePractitioner(random, organisation, patient, specialtyKey);
    }
    if (!practitioner) continue;
    const specialty = practitioner.specialty;

    const saturday = new Date(day).getUTCDay() === 6;
    const slots = saturday ? 16 : 44; // 15-minute slots from 8:00 (Saturday mornings only)
    const startAt = day + 8 * hourMs + random.integer(0, slots - 1) * 15 * minuteMs;
    const durationMinutes = Math.max(
      10,
      Math.round((specialty.averageDurationMinutes * random.logNormal(1, 0.15)) / 5) * 5,
    );

    const onlineShare = Math.min(0.8, Math.max(0.2, 0.75 - 0.007 * (age - 20)));
    // A walk-in is booked on the spot, so none exists yet after the data's "now".
    const walkInShare =
      day >= reference
        ? 0
        : specialty.key === 'generalPractice'
          ? 0.12
          : specialty.key === 'pediatrics'
            ? 0.05
            : 0;
    const channelDraw = random.next();
    const channel: Channel =
      channelDraw < walkInShare
        ? 'walk_in'
        : channelDraw < walkInShare + (1 - walkInShare) * onlineShare
          ? 'online'
          : 'phone';

    const teleconsultationChance =
      channel === 'walk_in'
        ? 0
        : specialty.teleconsultationShare * (channel === 'online' ? 1.25 : 0.7) * (age >= 75 ? 0.5 : 1);
    const visitType: VisitType = random.chance(teleconsultationChance) ? 'teleconsultation' : 'in_person';

    let bookedAt: number;
    if (channel === 'walk_in') {
      bookedAt = startAt - random.integer(5, 90) * minuteMs;
    } else {
      const median = medianLeadDays[specialty.key] * (visitType === 'teleconsultation' ? 0.4 : 1);
      const leadDays = Math.min(240, random.logNormal(median, 0.9));
      bookedAt = startAt - leadDays * dayMs - random.integer(0, 10 * 60) * minuteMs;
      // Nothing is booked after the data's "now".
      if (bookedAt > reference) bookedAt = reference - random.integer(1, 72 * 60) * minuteMs;
      if (bookedAt > startAt) bookedAt = startAt - random.integer(30, 600) * minuteMs;
    }
    bookedAt = Math.floor(bookedAt / 1000) * 1000;
    const leadDays = (startAt - bookedAt) / dayMs;

    const cancellationChance =
      channel === 'walk_in'
        ? 0
        : 0.05 +
          0.14 * (1 - Math.exp(-leadDays / 25)) +
          (channel === 'online' ? 0.03 : 0) +
          (visitType === 'teleconsultation' ? 0.01 : 0);
    const noShowChance =
      channel === 'walk_in'
        ? 0.004
        : 0.018 +
          0.05 * (1 - Math.exp(-leadDays / 30)) +
          (age >= 18 && age <= 30 ? 0.02 : 0) +
          (channel === 'phone' ? 0.008 : 0) +
          (visitType === 'teleconsultation' ? 0.012 : 0);

    let status: AppointmentStatus;
    let cancelledAt: number | null = null;
    const outcome = random.next();
    if (outcome < cancellationChance) {
      // Most cancellations come close to the appointment.
      const at = bookedAt + (startAt - bookedAt) * random.next() ** 0.35;
      if (at <= reference) {
        status = 'cancelled';
        cancelledAt = Math.min(Math.floor(at / 1000) * 1000, startAt - minuteMs);
        if (cancelledAt < bookedAt) cancelledAt = bookedAt;
      } else {
        status = 'scheduled';
      }
    } else if (startAt + durationMinutes * minuteMs > reference) {
      status = 'scheduled';
    } else if (outcome < cancellationChance + noShowChance) {
      status = 'no_show';
    } else {
      status = 'completed';
    }

    drafts.push({
      appointmentId: 0,
      visitOccurrenceId: 0,
      patient,
      practitioner,
      bookedAt,
      startAt,
      durationMinutes,
      channel,
      visitType,
      status,
      cancelledAt,
    });
  }
  return drafts.sort((left, right) => left.startAt - right.startAt);
}
