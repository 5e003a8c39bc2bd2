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
    if args.browser {
        return browser_login(&settings, global).await;
    }
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
    report_signed_in(
        settings.token_file(),
        &me,
        (&email, Some(&email)),
        "Logged in",
        global,
    );
    Ok(())
}

/// Says who is signed in and where the session is kept (one JSON document with `--json`).
fn report_signed_in(
    token_file: std::path::PathBuf,
    me: &insurup::AgentUser,
    (who, email): (&str, Option<&str>),
    verb: &str,
    global: &GlobalArgs,
) {
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
            "{} {verb} as {} (agency {}).",
            render::ok_mark(),
            render::strong(who),
            render::or_dash(me.agent_id.as_ref()),
        ));
        if !global.quiet {
            say(render::dim(format!(
                "The session is saved in {} and refreshed as needed; `insurup logout` forgets it.",
                token_file.display()
            )));
        }
    }
}

/// How long `login --browser` waits for the browser to come back.
const BROWSER_WAIT: std::time::Duration = std::time::Duration::from_secs(300);

/// `insurup login --browser`: a user's OAuth sign-in (PKCE, PAR when offered) whose redirect is a
/// listener on loopback; the session goes to the token file like a password login's.
async fn browser_login(settings: &Settings, global: &GlobalArgs) -> Result<(), Failure> {
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0))
        .await
        .map_err(|error| Failure::Local(format!("could not listen on loopback: {error}")))?;
    let port = listener
        .local_addr()
        .map_err(|error| Failure::Local(error.to_string()))?
        .port();
    let origin = format!("http://127.0.0.1:{port}");
    let client_id = settings.sign_in_client_id();
    let mut builder = settings
        .base_builder()?
        .oauth_user(client_id, format!("{origin}/callback"));
    if let Some(secret) = settings.lookup("INSURUP_CLIENT_SECRET") {
        builder = builder.oauth_client_secret(secret);
    }
    let client = builder.build()?;
    let request = client.start_sign_in().await?;
    // On stderr, so `--json` output stays one JSON document.
    eprintln!(
        "Open this address in a browser to sign in:\n  {}\nWaiting for the browser on {origin}/callback ...",
        request.authorization_url
    );
    let callback = tokio::time::timeout(BROWSER_WAIT, wait_for_callback(&listener, &origin))
        .await
        .map_err(|_| {
            Failure::Local(format!(
                "the browser did not come back within {} minutes; run `insurup login --browser` again",
                BROWSER_WAIT.as_secs() / 60
            ))
        })??;
    client.complete_sign_in(&callback).await?;
    let me = client.reference().me().await?;
    let who = me.email.clone().unwrap_or_else(|| me.id.to_string());
    report_signed_in(
        settings.token_file(),
        &me,
        (&who, me.email.as_deref()),
        "Signed in",
        global,
    );
    Ok(())
}

/// The first request to `/callback` on `listener`, as a full URL; the browser is told it may
/// close the page. Other requests (a favicon) get a 404.
async fn wait_for_callback(
    listener: &tokio::net::TcpListener,
    origin: &str,
) -> Result<String, Failure> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    loop {
        let (mut stream, _) = listener
            .accept()
            .await
            .map_err(|error| Failure::Local(format!("the loopback listener failed: {error}")))?;
        let mut head = Vec::new();
        let mut buffer = [0u8; 2048];
        while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < 16 * 1024 {
            match stream.read(&mut buffer).await {
                Ok(0) | Err(_) => break,
                Ok(read) => head.extend_from_slice(&buffer[..read]),
            }
        }
        let text = String::from_utf8_lossy(&head);
        let target = text
            .lines()
            .next()
            .and_then(|line| line.split_whitespace().nth(1))
            .unwrap_or_default()
            .to_owned();
        if !target.starts_with("/callback") {
            let _ = stream
                .write_all(
                    b"HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\nconnection: close\r\n\r\n",
                )
                .await;
            continue;
        }
        let page = "<!doctype html><meta charset=\"utf-8\"><title>insurup</title>\
                    <p>insurup: you can close this window and return to the terminal.</p>";
        let answer = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: text/html; charset=utf-8\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{page}",
            page.len()
        );
        let _ = stream.write_all(answer.as_bytes()).await;
        return Ok(format!("{origin}{target}"));
    }
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
