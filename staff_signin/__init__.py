"""Staff sign in with a password and a second factor: an authenticator app (TOTP), a security key
or passkey (WebAuthn), or a one-time recovery code. django-otp and django-otp-webauthn do the
cryptography; this app holds the admin site that insists on it and the pages that set it up."""
