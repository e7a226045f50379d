/**
 * Accounts handed to the person they belong to in this answer (a session from a sign-in link,
 * used while the caller is still anonymous): their e-mail is shown to them.
 */
export const ownAccounts = new WeakSet<object>();
