/** The academy desk's staff queries and writes; the catalogue reads come from the H5 data module. */
import { $api, keysetPages } from '../../api/queries.js';
import type { operations } from '../../api/schema.js';
import { useAfterAcademyWrite } from '../../h5/academy/data.js';

type Body<K extends keyof operations> = operations[K] extends {
  requestBody?: { content: { 'application/json': infer T } };
}
  ? T
  : never;
export type CourseBody = Body<'createAcademyCourse'>;
export type SessionBody = Body<'createAcademySession'>;
export type PartnerBody = Body<'createAcademyPartner'>;

/** A fresh Idempotency-Key header for one create. */
export const idempotent = () => ({ 'Idempotency-Key': crypto.randomUUID() });

export const usePartners = () => $api.useQuery('get', '/api/v1/academy/partners');

export const useBank = (courseId: string) =>
  $api.useQuery('get', '/api/v1/academy/courses/{id}/questions', { params: { path: { id: courseId } } });

export const useEnrolments = (sessionId: string | null) =>
  $api.useQuery(
    'get',
    '/api/v1/academy/sessions/{id}/enrolments',
    { params: { path: { id: sessionId ?? '' } } },
    { enabled: Boolean(sessionId) },
  );

export const usePendingQualifications = () =>
  $api.useInfiniteQuery(
    'get',
    '/api/v1/academy/qualifications',
    { params: { query: { status: 'pending', limit: 50 } } },
    keysetPages,
  );

export const useCreateCourse = () => $api.useMutation('post', '/api/v1/academy/courses', useAfterAcademyWrite());
export const useUpdateCourse = () => $api.useMutation('put', '/api/v1/academy/courses/{id}', useAfterAcademyWrite());
export const useArchiveCourse = () =>
  $api.useMutation('post', '/api/v1/academy/courses/{id}/archive', useAfterAcademyWrite());
export const useAddQuestions = () =>
  $api.useMutation('post', '/api/v1/academy/courses/{id}/questions', useAfterAcademyWrite());
export const useCreateSession = () =>
  $api.useMutation('post', '/api/v1/academy/courses/{id}/sessions', useAfterAcademyWrite());
export const useUpdateSession = () => $api.useMutation('put', '/api/v1/academy/sessions/{id}', useAfterAcademyWrite());
export const useCancelSession = () =>
  $api.useMutation('post', '/api/v1/academy/sessions/{id}/cancel', useAfterAcademyWrite());
export const useMarkAttendance = () =>
  $api.useMutation('post', '/api/v1/academy/sessions/{id}/attendance', useAfterAcademyWrite());
export const useVerify = () =>
  $api.useMutation('post', '/api/v1/academy/qualifications/{id}/verify', useAfterAcademyWrite());
export const useRecordQualification = () =>
  $api.useMutation('post', '/api/v1/academy/qualifications', useAfterAcademyWrite());
export const useAddPartner = () => $api.useMutation('post', '/api/v1/academy/partners', useAfterAcademyWrite());

export const useSkillQualifications = () => $api.useQuery('get', '/api/v1/academy/skills');
export const useSetSkillQualification = () =>
  $api.useMutation('put', '/api/v1/academy/skills/{code}/qualification', useAfterAcademyWrite());

/** A training session's screen code, asked for again as often as the server says it rotates. */
export const useTrainingCheckinCode = (sessionId: string) =>
  $api.useQuery(
    'get',
    '/api/v1/academy/sessions/{id}/checkin-code',
    { params: { path: { id: sessionId } } },
    {
      refetchInterval: (q) => (q.state.data?.refreshSeconds ?? 10) * 1000,
      refetchIntervalInBackground: true,
      retry: false,
    },
  );
