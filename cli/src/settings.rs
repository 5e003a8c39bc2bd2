//! Where settings come from — flags, then `INSURUP_*` environment variables, then the config
//! file — and the client they build.
//!
//! Every setting travels under its environment-variable name and reaches the SDK through
//! [`ClientBuilder::with_vars`], so the three sources mean exactly what `INSURUP_*` means to
//! every other front end of the SDK.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use insurup::{Client, ClientBuilder, ErrorKind, FileTokenStore, TokenStore};

use crate::cli::GlobalArgs;
use crate::failure::Failure;
use crate::prompt;

/// Keys the config file may hold; each is `INSURUP_<KEY>` in the environment.
const CONFIG_KEYS: &[&str] = &[
    "base_url",
    "auth_url",
    "email",
    "password",
    "two_factor_code",
    "client_id",
    "client_secret",
    "access_token",
    "agent_id",
    "agent_branch_id",
    "timeout",
    "max_retries",
    "token_file",
];

/// Config keys whose values are secrets: the file holding them should be private.
/// The public OAuth client of `insurup login --browser`, as InsurUp's own command line names it.
pub const DEFAULT_SIGN_IN_CLIENT: &str = "cli";
/// A loopback redirect URI for a resumed sign-in, which only refreshes and never redirects.
pub const LOOPBACK_REDIRECT: &str = "http://127.0.0.1/callback";

const SECRET_KEYS: &[&str] = &["password", "client_secret", "access_token"];

const USER_AGENT: &str = concat!("insurup-cli/", env!("CARGO_PKG_VERSION"));

/// The settings of one run.
#[derive(Debug)]
pub struct Settings {
    global: GlobalArgs,
    file: BTreeMap<String, String>,
}

impl Settings {
    /// Reads the config file (if any) under the flags and the environment.
    pub fn load(global: &GlobalArgs) -> Result<Self, Failure> {
        let file = match &global.config {
            Some(path) => read_config(path)?,
            None => match default_config_path() {
                Some(path) if path.exists() => read_config(&path)?,
                _ => BTreeMap::new(),
            },
        };
        Ok(Settings {
            global: global.clone(),
            file,
        })
    }

    /// The value of `INSURUP_<NAME>`: flag, else environment, else config file.
    pub fn lookup(&self, name: &str) -> Option<String> {
        let flag = match name {
            "INSURUP_BASE_URL" => self.global.base_url.clone(),
            "INSURUP_EMAIL" => self.global.email.clone(),
            "INSURUP_TWO_FACTOR_CODE" => self.global.two_factor_code.clone(),
            "INSURUP_AGENT_ID" => self.global.agent_id.clone(),
            "INSURUP_AGENT_BRANCH_ID" => self.global.agent_branch_id.clone(),
            "INSURUP_TOKEN_FILE" => self
                .global
                .token_file
                .as_ref()
                .map(|path| path.display().to_string()),
            _ => None,
        };
        flag.or_else(|| std::env::var(name).ok())
            .or_else(|| self.file.get(name).cloned())
            .filter(|value| !value.trim().is_empty())
    }

    /// The API base URL, when one is configured anywhere.
    pub fn base_url(&self) -> Option<String> {
        self.lookup("INSURUP_BASE_URL")
    }

    /// Where the session is kept.
    pub fn token_file(&self) -> PathBuf {
        self.lookup("INSURUP_TOKEN_FILE")
            .map_or_else(FileTokenStore::default_path, PathBuf::from)
    }

    fn has_credentials(&self) -> bool {
        let set = |name: &str| self.lookup(name).is_some();
        set("INSURUP_ACCESS_TOKEN")
            || (set("INSURUP_EMAIL") && set("INSURUP_PASSWORD"))
            || (set("INSURUP_CLIENT_ID") && set("INSURUP_CLIENT_SECRET"))
    }

    /// A builder with every setting applied and the session kept in the token file. Without a
    /// password (or another credential) it resumes the session `insurup login` stored.
    pub async fn builder(&self) -> Result<ClientBuilder, Failure> {
        if self.has_credentials() {
            return self.base_builder();
        }
        let stored = FileTokenStore::new(self.token_file())
            .load()
            .await
            .ok()
            .flatten();
        if self.lookup("INSURUP_EMAIL").is_none()
            && let Some(client_id) = stored.as_ref().and_then(|tokens| tokens.oauth_client_id())
        {
            // `login --browser` stored a user's OAuth sign-in; refreshing it needs no redirect.
            return Ok(self
                .base_builder()?
                .oauth_user(client_id, LOOPBACK_REDIRECT));
        }
        let email = match self.lookup("INSURUP_EMAIL") {
            Some(email) => Some(email),
            None => stored.and_then(|tokens| tokens.agent_user_email().map(str::to_owned)),
        };
        let Some(email) = email else {
            return Err(Failure::Api(insurup::Error::new(
                ErrorKind::Authentication,
                "not logged in: run `insurup login`, or set INSURUP_EMAIL and INSURUP_PASSWORD \
                 (or INSURUP_CLIENT_ID and INSURUP_CLIENT_SECRET)",
            )));
        };
        Ok(self.base_builder()?.stored_agent_session(email))
    }

    /// The OAuth client `login --browser` signs in with when INSURUP_CLIENT_ID names none.
    pub fn sign_in_client_id(&self) -> String {
        self.lookup("INSURUP_CLIENT_ID")
            .unwrap_or_else(|| DEFAULT_SIGN_IN_CLIENT.to_owned())
    }

    /// A builder with every setting applied and the token file as its store, before any
    /// decision about credentials.
    pub fn base_builder(&self) -> Result<ClientBuilder, Failure> {
        let mut builder = Client::builder()
            .token_store(Arc::new(FileTokenStore::new(self.token_file())))
            .user_agent_suffix(USER_AGENT);
        if std::io::stdin().is_terminal() {
            builder = builder.two_factor(prompt::two_factor_code());
        }
        // After the prompt, so a code from a flag, the environment or the file wins.
        Ok(builder.with_vars(|name| self.lookup(name))?)
    }

    /// The client for a command.
    pub async fn client(&self) -> Result<Client, Failure> {
        Ok(self.builder().await?.build()?)
    }
}

/// `$XDG_CONFIG_HOME/insurup/config.toml`, else `~/.config/insurup/config.toml`.
pub fn default_config_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|dir| !dir.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".config")))?;
    Some(base.join("insurup").join("config.toml"))
}

fn read_config(path: &Path) -> Result<BTreeMap<String, String>, Failure> {
    let text = std::fs::read_to_string(path)
        .map_err(|error| Failure::Usage(format!("config file {}: {error}", path.display())))?;
    let values = parse_config(&text)
        .map_err(|message| Failure::Usage(format!("config file {}: {message}", path.display())))?;
    if values
        .keys()
        .any(|name| SECRET_KEYS.iter().any(|key| name == &env_name(key)))
    {
        warn_unless_private(path);
    }
    Ok(values)
}

/// The file's settings keyed by environment-variable name.
fn parse_config(text: &str) -> Result<BTreeMap<String, String>, String> {
    let table: toml::Table = text.parse().map_err(|error| format!("{error}"))?;
    let mut values = BTreeMap::new();
    for (key, value) in table {
        if !CONFIG_KEYS.contains(&key.as_str()) {
            return Err(format!(
                "unknown key `{key}`; known keys: {}",
                CONFIG_KEYS.join(", ")
            ));
        }
        let text = match value {
            toml::Value::String(text) => text,
            toml::Value::Integer(number) => number.to_string(),
            toml::Value::Float(number) => number.to_string(),
            other => {
                return Err(format!(
                    "`{key}` must be a string or a number, not {}",
                    other.type_str()
                ));
            }
        };
        values.insert(env_name(&key), text);
    }
    Ok(values)
}

fn env_name(key: &str) -> String {
    format!("INSURUP_{}", key.to_ascii_uppercase())
}

#[cfg(unix)]
fn warn_unless_private(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    if let Ok(metadata) = std::fs::metadata(path)
        && metadata.permissions().mode() & 0o077 != 0
    {
        eprintln!(
            "warning: {} holds secrets but other users can read it; run `chmod 600 {}`",
            path.display(),
            path.display()
        );
    }
}

#[cfg(not(unix))]
fn warn_unless_private(_path: &Path) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_keys_become_the_environment_names_the_sdk_reads() {
        let values = parse_config(
            "base_url = \"http://127.0.0.1:9\"\nemail = \"ops@acente.com.tr\"\ntimeout = 2.5\nmax_retries = 5\n",
        )
        .expect("valid config");
        assert_eq!(values["INSURUP_BASE_URL"], "http://127.0.0.1:9");
        assert_eq!(values["INSURUP_EMAIL"], "ops@acente.com.tr");
        assert_eq!(values["INSURUP_TIMEOUT"], "2.5");
        assert_eq!(values["INSURUP_MAX_RETRIES"], "5");
    }

    #[test]
    fn a_misspelt_config_key_is_refused_by_name() {
        let error = parse_config("base_ulr = \"x\"").expect_err("unknown key");
        assert!(error.contains("base_ulr"), "{error}");
        let error = parse_config("email = [\"a\"]").expect_err("not a string");
        assert!(error.contains("email"), "{error}");
    }

    #[test]
    fn flags_beat_the_config_file() {
        let settings = Settings {
            global: GlobalArgs {
                base_url: Some("http://127.0.0.1:1".to_owned()),
                ..GlobalArgs::default()
            },
            file: parse_config("base_url = \"http://127.0.0.1:2\"").expect("valid config"),
        };
        assert_eq!(settings.base_url().as_deref(), Some("http://127.0.0.1:1"));
    }
}
