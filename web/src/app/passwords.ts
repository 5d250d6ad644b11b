/** The server's password rule: at least 10 characters with a letter and a digit. */
export const strongPassword = (password: string) => password.length >= 10 && /[A-Za-z]/.test(password) && /\d/.test(password);
