/** What follow-up (progress against the plan's targets, what trainees went on to do) needs of other modules. */

/** A dated target of the plan for a training indicator (`training_person_times`, `training_poor_person_times`). */
export interface TrainingTarget {
  id: string;
  indicator: string;
  label: string;
  value: number;
  /** YYYY-MM-DD (Asia/Shanghai). */
  due: string;
}

/** The plan's training targets, as the statistics keep them (the county may change them there). */
export interface TrainingTargets {
  trainingTargets(): Promise<TrainingTarget[]>;
}

/** Farmer sellers on this platform, found by the keyed fingerprint of their ID number (parties). */
export interface FollowUpSellers {
  /** `approvedAt` is null for a seller not approved now (pending, rejected, suspended). */
  farmersByFingerprint(prints: string[]): Promise<{ sellerId: string; name: string; fingerprint: string; approvedAt: string | null }[]>;
}

/** Operating stations and village points, and the accounts that run them (network). */
export interface FollowUpPoints {
  operatedBy(userIds: string[]): Promise<{ siteId: string; name: string; userId: string }[]>;
}

/** Market players of the register and their shops on other platforms, with their monthly reports (players). */
export interface FollowUpPlayers {
  player(id: string): Promise<{ id: string; name: string; townshipCode: string; shops: { id: string; name: string; platformName: string }[] } | null>;
  /** Sales reported for the months from `fromMonth` (YYYY-MM) on: a shop's, or all the player's shops' together. */
  salesSince(playerId: string, shopId: string | null, fromMonth: string): Promise<{ salesFen: number; months: number }>;
}

/** Every port follow-up needs. */
export interface FollowUpPorts {
  targets: TrainingTargets;
  sellers: FollowUpSellers;
  points: FollowUpPoints;
  players: FollowUpPlayers;
}
