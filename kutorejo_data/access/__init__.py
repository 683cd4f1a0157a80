"""Who someone is and what they may do: accounts, passwords, sign-in sessions, the cookie, roles and pages.

Holds: accounts and signing in with a lock-out (accounts), account management (account_admin), argon2 hashing
(passwords), sessions as database rows (sessions), the signed cookie value (cookie) and its key (secret_key), and the
roles with the one registry of pages and who may open them (permissions).

May import: records (the audit log), store, core.
"""
