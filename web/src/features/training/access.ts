import type { User } from '../../api/auth.js';

const has = (user: User, ...roles: User['roles']) => user.roles.some((r) => roles.includes(r));

/** 培训班次: the county office, trainers (their organisers' sessions), township and village operators (to enrol villagers). */
export const maySeeSessions = (user: User) => has(user, 'county_admin', 'trainer', 'township_operator', 'village_operator');
/** New sessions: the county office, and trainers for the organisers they belong to. */
export const mayCreateSessions = (user: User) => has(user, 'county_admin', 'trainer');
/** Ticks, the QR on the projector, closing a session: the county office and the trainers. */
export const mayRunSessions = (user: User) => has(user, 'county_admin', 'trainer');
/** Roster imports: the county office, trainers, township operators (sessions in their township). */
export const mayImportRosters = (user: User) => has(user, 'county_admin', 'trainer', 'township_operator');
/** Enrolling a villager: everyone who sees sessions. */
export const mayEnrol = maySeeSessions;
/** 课程: the county office writes them, trainers read them. */
export const maySeeCourses = (user: User) => has(user, 'county_admin', 'trainer');
export const mayEditCourses = (user: User) => has(user, 'county_admin');
/** 学员: the county office, township operators (their township), village operators (their village). */
export const maySeeTrainees = (user: User) => has(user, 'county_admin', 'township_operator', 'village_operator');
export const mayEditTrainees = (user: User) => has(user, 'county_admin', 'township_operator', 'village_operator');
/** 培训进度: the county office and regulators all of it, a township operator its township, a trainer its organisers' share. */
export const maySeeProgress = (user: User) => has(user, 'county_admin', 'regulator', 'trainer', 'township_operator');
/** 跟踪扶持: read by the county office, regulators and township operators; outcomes recorded by the first and the last. */
export const maySeeFollowUp = (user: User) => has(user, 'county_admin', 'regulator', 'township_operator');
export const mayRecordOutcomes = (user: User) => has(user, 'county_admin', 'township_operator');
/** Nominating talent: the county office, a township operator in its township; support and status: the county office. */
export const mayNominate = (user: User) => has(user, 'county_admin', 'township_operator');
export const mayManageTalent = (user: User) => has(user, 'county_admin');
/** 培训机构: the county office. */
export const mayManageOrganisers = (user: User) => has(user, 'county_admin');
/** Any page of the 电商培训 menu. */
export const maySeeTraining = (user: User) => maySeeSessions(user) || maySeeProgress(user) || maySeeFollowUp(user);
