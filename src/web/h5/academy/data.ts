/**
 * The training academy: typed queries and mutations shared by the H5 pages (volunteers) and the
 * console desk (staff). Writes refetch everything under ['academy'].
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client.js';
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
export const academyKeys = { all: ['academy'] as const };
export const LECTURES_ICS = '/api/v1/public/academy/lectures.ics';
const EXPIRING_DAYS = 30;

const path = (id: string) => ({ params: { path: { id } } });

export function useCourses(category?: Category) {
  return useQuery({
    queryKey: ['academy', 'courses', category ?? 'all'],
    queryFn: () => call(api.GET('/api/v1/academy/courses', { params: { query: category ? { category } : {} } })),
  });
}

export function useCourse(id: string) {
  return useQuery({
    queryKey: ['academy', 'course', id],
    queryFn: () => call(api.GET('/api/v1/academy/courses/{id}', path(id))),
  });
}

export function useMyTraining() {
  return useQuery({ queryKey: ['academy', 'me'], queryFn: () => call(api.GET('/api/v1/me/academy')) });
}

export function useMyQualifications() {
  return useQuery({
    queryKey: ['academy', 'my-qualifications'],
    queryFn: () => call(api.GET('/api/v1/me/qualifications')),
  });
}

export function useLectures() {
  return useQuery({
    queryKey: ['academy', 'lectures'],
    queryFn: () => call(api.GET('/api/v1/public/academy/lectures')),
  });
}

function useAcademyWrite<V, R>(write: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => void qc.invalidateQueries({ queryKey: academyKeys.all }),
  });
}

export function useEnrol() {
  return useAcademyWrite((vars: { sessionId: string; key: string }) =>
    call(
      api.POST('/api/v1/academy/sessions/{id}/enrolments', {
        ...path(vars.sessionId),
        headers: { 'Idempotency-Key': vars.key },
      }),
    ),
  );
}

export function useCancelEnrolment() {
  return useAcademyWrite((enrolmentId: string) =>
    call(api.POST('/api/v1/academy/enrolments/{id}/cancel', path(enrolmentId))),
  );
}

export function useStartQuiz() {
  return useAcademyWrite((courseId: string) => call(api.POST('/api/v1/academy/courses/{id}/attempts', path(courseId))));
}

export function useSubmitQuiz() {
  return useAcademyWrite(
    (vars: { courseId: string; attemptId: string; answers: { questionId: string; choice: number }[] }) =>
      call(
        api.POST('/api/v1/academy/courses/{id}/attempts/{attemptId}/submit', {
          params: { path: { id: vars.courseId, attemptId: vars.attemptId } },
          body: { answers: vars.answers },
        }),
      ),
  );
}

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
