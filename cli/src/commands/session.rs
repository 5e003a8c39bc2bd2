//! `insurup login` and `insurup logout`: the session kept in the token file.

use std::io::IsTerminal;

use insurup::{FileTokenStore, Secret, TokenStore};
use serde_json::json;

use crate::cli::{GlobalArgs, LoginArgs};
use crate::failure::Failure;
use crate::prompt;
use crate::render::{self, say};
use crate::settings::Settings;

/// `insurup login`
pub async fn login(args: LoginArgs, global: &GlobalArgs) -> Result<(), Failure> {
    let settings = Settings::load(global)?;
    let email = settings.lookup("INSURUP_EMAIL").ok_or_else(|| {
        Failure::Usage("which account? pass --email or set INSURUP_EMAIL".to_owned())
    })?;
    let password = if args.password_stdin {
        first_line_of_stdin().await?
    } else if let Some(password) = settings.lookup("INSURUP_PASSWORD") {
        Secret::new(password)
    } else if std::io::stdin().is_terminal() {
        prompt::password(&email).await?
    } else {
        return Err(Failure::Usage(
            "no password: pass --password-stdin or set INSURUP_PASSWORD".to_owned(),
        ));
    };
    let client = settings
        .base_builder()?
        .agent_user(email.clone(), password)
        .build()?;
    // A login replaces whatever session was stored, so the password is really checked.
    client.sign_out().await?;
    client.sign_in().await?;
    let me = client.reference().me().await?;
    let token_file = settings.token_file();
    if global.json {
        render::print_json(&json!({
            "ok": true,
            "email": email,
            "userId": me.id,
            "agentId": me.agent_id,
            "tokenFile": token_file,
        }));
    } else {
        say(format!(
            "{} Logged in as {} (agency {}).",
            render::ok_mark(),
            render::strong(&email),
            render::or_dash(me.agent_id.as_ref()),
        ));
        if !global.quiet {
            say(render::dim(format!(
                "The session is saved in {} and refreshed as needed; `insurup logout` forgets it.",
                token_file.display()
            )));
        }
    }
    Ok(())
}

/// `insurup logout`
pub async fn logout(global: &GlobalArgs) -> Result<(), Failure> {
    let token_file = Settings::load(global)?.token_file();
    FileTokenStore::new(&token_file).clear().await?;
    if global.json {
        render::print_json(&json!({ "ok": true, "tokenFile": token_file }));
    } else {
        say(format!(
            "{} Logged out; {} is removed.",
            render::ok_mark(),
            token_file.display()
        ));
    }
    Ok(())
}

async fn first_line_of_stdin() -> Result<Secret, Failure> {
    let line = tokio::task::spawn_blocking(|| {
        let mut line = String::new();
        std::io::stdin().read_line(&mut line).map(|_| line)
    })
    .await
    .map_err(|error| Failure::Local(error.to_string()))?
    .map_err(|error| Failure::Local(format!("could not read the password from stdin: {error}")))?;
    let password = line.trim_end_matches(['\r', '\n']);
    if password.is_empty() {
        return Err(Failure::Usage("stdin held no password".to_owned()));
    }
    Ok(Secret::new(password))
}
