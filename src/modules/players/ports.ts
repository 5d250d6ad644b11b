/** A township or village of the county, by division code, with the names people know it by. */
export interface PlayerPlace {
  townshipCode: string;
  townshipName: string;
  villageCode: string | null;
  villageName: string | null;
}

/** The county's divisions in force today, to check a player's place and show it by name (network). */
export interface PlayerPlaces {
  /** A township (9 digits) or village (12 digits) code in force; null when the county has no such division. */
  place(code: string): Promise<PlayerPlace | null>;
  /** Names of townships and villages by code, for lists. */
  names(): Promise<Map<string, string>>;
}

/** The check characters of a unified social credit code (parties' identifiers): null when valid, else why not. */
export interface CreditCodeCheck {
  creditCodeProblem(code: string): string | null;
}
