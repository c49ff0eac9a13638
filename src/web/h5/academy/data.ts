/**
 * The training academy: typed queries and mutations shared by the H5 pages (volunteers) and the
 * console desk (staff). Every write refreshes every academy read.
 */
import { useQueryClient } from '@tanstack/react-query';
import { $api, keysetPages, refreshUnder } from '../../api/queries.js';
import type { operations } from '../../api/schema.js';
import './strings.js';

type Ok<K extends keyof operations> = operations[K]['responses'] extends {
  200: { content: { 'application/json': infer T } };
}
  ? T
  : operations[K]['responses'] extends { 201: { content: { 'application/json': infer T } } }
    ? T
    : never;

export type Course = Ok<'listAcademyCourses'>['items'][number];
export type CourseDetail = Ok<'getAcademyCourse'>;
export type Session = CourseDetail['sessions'][number];
export type Category = Course['category'];
export type Paper = Ok<'startAcademyQuiz'>;
export type QuizResult = Ok<'submitAcademyQuiz'>;
export type Qualification = Ok<'listMyQualifications'>['items'][number];

export const categories: Category[] = ['first_aid', 'elderly_care', 'psychology', 'legal', 'skills', 'lecture'];
export const LECTURES_ICS = '/api/v1/public/academy/lectures.ics';
const EXPIRING_DAYS = 30;

/** The catalogue in keyset pages (category, then title); `pageSize` courses a page. */
export const useCourses = (category?: Category, pageSize = 20) =>
  $api.useInfiniteQuery(
    'get',
    '/api/v1/academy/courses',
    { params: { query: category ? { category, limit: pageSize } : { limit: pageSize } } },
    keysetPages,
  );

export const useCourse = (id: string) =>
  $api.useQuery('get', '/api/v1/academy/courses/{id}', { params: { path: { id } } });

export const useMyTraining = () => $api.useQuery('get', '/api/v1/me/academy');

export const useMyQualifications = () => $api.useQuery('get', '/api/v1/me/qualifications');

export const useLectures = () => $api.useQuery('get', '/api/v1/public/academy/lectures');

/** After any academy write: every academy read (catalogue, sessions, my training, qualifications, lectures). */
export function useAfterAcademyWrite() {
  const qc = useQueryClient();
  return {
    onSuccess: () =>
      void refreshUnder(
        qc,
        '/api/v1/academy/',
        '/api/v1/me/academy',
        '/api/v1/me/qualifications',
        '/api/v1/public/academy/',
      ),
  };
}

export const useEnrol = () =>
  $api.useMutation('post', '/api/v1/academy/sessions/{id}/enrolments', useAfterAcademyWrite());

export const useCancelEnrolment = () =>
  $api.useMutation('post', '/api/v1/academy/enrolments/{id}/cancel', useAfterAcademyWrite());

export const useStartQuiz = () =>
  $api.useMutation('post', '/api/v1/academy/courses/{id}/attempts', useAfterAcademyWrite());

export const useSubmitQuiz = () =>
  $api.useMutation('post', '/api/v1/academy/courses/{id}/attempts/{attemptId}/submit', useAfterAcademyWrite());

export type QualificationState = 'valid' | 'expiring' | 'expired' | 'pending' | 'rejected';

/** How a qualification reads to its holder: pending/rejected as verified; valid ones by their expiry. */
export function qualificationState(q: Qualification, now = Date.now()): QualificationState {
  if (q.status !== 'valid') return q.status;
  if (q.expired) return 'expired';
  if (q.expiresAt && Date.parse(q.expiresAt) - now < EXPIRING_DAYS * 86_400_000) return 'expiring';
  return 'valid';
}

export const qualificationColour: Record<QualificationState, 'success' | 'warning' | 'danger' | 'default'> = {
  valid: 'success',
  expiring: 'warning',
  expired: 'default',
  pending: 'warning',
  rejected: 'danger',
};

/** 90 → "1.5" (hours, one decimal at most). */
export const hoursOf = (minutes: number) => String(Math.round(minutes / 6) / 10);

export type TrainingAttendance = Ok<'checkInToTraining'>;

/** 培训签到 and 签退 with the screen's token and the device's position. */
export const useTrainingAttendance = () => {
  const after = useAfterAcademyWrite();
  return {
    in: $api.useMutation('post', '/api/v1/academy/checkins', after),
    out: $api.useMutation('post', '/api/v1/academy/checkouts', after),
  };
};
