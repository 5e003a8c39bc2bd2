//! Questions asked on the terminal: the password (not echoed) and the 2FA code.

use std::sync::Arc;

use console::Term;
use insurup::{Error, ErrorKind, Secret, TwoFactorChallenge, TwoFactorProvider};

/// Asks for the 2FA code on the terminal when the login needs one.
pub fn two_factor_code() -> Arc<dyn TwoFactorProvider> {
    Arc::new(|challenge: TwoFactorChallenge| async move {
        let question = format!("Two-factor code for {}: ", challenge.email);
        let answer = ask(question, false).await?;
        Ok(answer.expose().trim().to_owned())
    })
}

/// Asks for the password without echoing it.
pub async fn password(email: &str) -> Result<Secret, Error> {
    ask(format!("Password for {email}: "), true).await
}

async fn ask(question: String, secret: bool) -> Result<Secret, Error> {
    let answer = tokio::task::spawn_blocking(move || {
        let term = Term::stderr();
        term.write_str(&question)?;
        if secret {
            term.read_secure_line()
        } else {
            term.read_line()
        }
    })
    .await
    .map_err(|error| Error::new(ErrorKind::Authentication, error.to_string()))?;
    answer.map(Secret::new).map_err(|error| {
        Error::new(
            ErrorKind::Authentication,
            format!("could not read from the terminal: {error}"),
        )
    })
}
