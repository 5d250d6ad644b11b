/** The county's places as training needs them (the network module keeps them). */
export interface TrainingPlaceBook {
  townships: { code: string; name: string }[];
  villages: { code: string; name: string; townshipCode: string; townshipName: string }[];
  /** A site's division code (a village's or a township's): a session held at a site takes its place from it. */
  siteDivision: Map<string, string>;
  siteName: Map<string, string>;
}

/** Townships, villages and sites of the network (read through a short cache). */
export interface TrainingPlaces {
  placeBook(): Promise<TrainingPlaceBook>;
}

/** Checks of identifiers other modules own (parties' resident ID rule). */
export interface TrainingIdentifiers {
  /** What is wrong with a resident ID number, or null. */
  residentIdProblem(id: string): string | null;
}

/** Every port the training core needs. */
export interface TrainingPorts {
  identifiers: TrainingIdentifiers;
  places: TrainingPlaces;
}

// ---- follow-up (progress against the plan's targets, what trainees went on to do) ----

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
  farmersByFingerprint(prints: string[]): Promise<{ sellerId: string; name: string; fingerprint: string; approvedAt: string | null }[]>;
}

/** Stations and village points, and the accounts that run them (network). */
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
