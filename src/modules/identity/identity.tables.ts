export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  phone: string | null;
  password_hash: string;
  /** JSON array of Role. */
  roles: string;
  scope_kind: string;
  scope_id: string;
  status: 'active' | 'disabled';
  failed_logins: number;
  locked_until: string | null;
  is_demo: number;
  created_at: string;
  updated_at: string;
}

export interface SessionRow {
  /** sha256 of the cookie value; the cookie value itself is never stored. */
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string;
  user_agent: string | null;
}

export interface ApiTokenRow {
  id: string;
  user_id: string;
  name: string;
  /** sha256 of the token. */
  token_hash: string;
  /** The first characters, so a person can tell tokens apart. */
  token_prefix: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** A fixed window of counted attempts: `ip:<address>` (10 minutes) or `account:<user name>` (an hour). */
export interface LoginThrottleRow {
  key: string;
  window_start: string;
  attempts: number;
  /** 1 once this window's filling has been audited. */
  noticed: number;
}

/** A browser a user signed in from: its device cookie lets that user past the per-account limit. */
export interface DeviceRow {
  /** sha256 of the device cookie; one browser may be known for several users (a village point's shared phone). */
  id: string;
  user_id: string;
  created_at: string;
  last_used_at: string;
}

/** Failed sign-ins for one user name from one address (the name as typed, known or not). */
export interface SignInFailureRow {
  /** `<address> <user name>`. */
  key: string;
  /** Attempts since the last delay began, counted before the password is checked. */
  failures: number;
  /** How many delays this pair has earned; each is longer than the last. */
  strikes: number;
  delayed_until: string | null;
  updated_at: string;
}

export interface IdentityTables {
  identity_users: UserRow;
  identity_sessions: SessionRow;
  identity_api_tokens: ApiTokenRow;
  identity_login_throttle: LoginThrottleRow;
  identity_sign_in_failures: SignInFailureRow;
  identity_devices: DeviceRow;
}
