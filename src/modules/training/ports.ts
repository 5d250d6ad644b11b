/** A site of the network as training needs it: where a session is held, and the village an operator works for. */
export interface TrainingSite {
  name: string;
  townshipCode: string;
  /** The village of a village point; null for a township or county site. */
  villageCode: string | null;
}

/** The county's places as training needs them (the network module keeps them). */
export interface TrainingPlaceBook {
  townships: { code: string; name: string }[];
  villages: { code: string; name: string; townshipCode: string }[];
  sites: Map<string, TrainingSite>;
}

/** Townships, villages and operating sites of the network (read through a short cache). */
export interface TrainingPlaces {
  /** `fresh`: read the network again now, past the cache (a site id the cached reading does not know may be new). */
  placeBook(options?: { fresh?: boolean }): Promise<TrainingPlaceBook>;
}

/** Checks of identifiers other modules own (parties' resident ID rule). */
export interface TrainingIdentifiers {
  /** What is wrong with a resident ID number, or null. */
  residentIdProblem(id: string): string | null;
}

/** The phone number of an account (identity), to check a trainee record may be claimed by it. */
export interface TrainingAccounts {
  phoneOf(userId: string): Promise<string | null>;
}
