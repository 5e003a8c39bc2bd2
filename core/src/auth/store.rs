//! Where a session keeps its tokens between calls and, with a file store, between processes.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use async_trait::async_trait;

use super::TokenSet;
use crate::error::{Error, ErrorKind, Result};

/// Keeps the session's tokens. The session saves every new token set (a rotated refresh token
/// included) before it uses it, so a store that persists lets a restarted process continue
/// without a new login or 2FA code.
///
/// Implement it to keep tokens in a secret manager, a database or a mobile keychain.
#[async_trait]
pub trait TokenStore: Send + Sync + fmt::Debug {
    /// The stored tokens, if any.
    async fn load(&self) -> Result<Option<TokenSet>>;
    /// Replaces the stored tokens.
    async fn save(&self, tokens: &TokenSet) -> Result<()>;
    /// Forgets the stored tokens.
    async fn clear(&self) -> Result<()>;
}

/// Keeps tokens in memory only (the default).
#[derive(Default)]
pub struct MemoryTokenStore {
    tokens: Mutex<Option<TokenSet>>,
}

impl MemoryTokenStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }
}

impl fmt::Debug for MemoryTokenStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("MemoryTokenStore")
    }
}

fn poisoned() -> Error {
    Error::new(ErrorKind::Authentication, "token store lock poisoned")
}

#[async_trait]
impl TokenStore for MemoryTokenStore {
    async fn load(&self) -> Result<Option<TokenSet>> {
        Ok(self.tokens.lock().map_err(|_| poisoned())?.clone())
    }

    async fn save(&self, tokens: &TokenSet) -> Result<()> {
        *self.tokens.lock().map_err(|_| poisoned())? = Some(tokens.clone());
        Ok(())
    }

    async fn clear(&self) -> Result<()> {
        *self.tokens.lock().map_err(|_| poisoned())? = None;
        Ok(())
    }
}

/// Keeps tokens in a JSON file readable by its owner only (mode 0600), replaced atomically so a
/// crash mid-write never leaves a half-written file or loses the rotated refresh token.
pub struct FileTokenStore {
    path: PathBuf,
}

impl FileTokenStore {
    /// A store at `path`; the file is created on the first save.
    pub fn new(path: impl Into<PathBuf>) -> Self {
        FileTokenStore { path: path.into() }
    }

    /// The default location: `$INSURUP_TOKEN_FILE`, else `~/.config/insurup/tokens.json`.
    pub fn default_path() -> PathBuf {
        if let Some(path) = std::env::var_os("INSURUP_TOKEN_FILE") {
            return PathBuf::from(path);
        }
        let base = std::env::var_os("XDG_CONFIG_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".config")))
            .unwrap_or_else(|| PathBuf::from("."));
        base.join("insurup").join("tokens.json")
    }

    /// The file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn io_error(&self, action: &str, error: std::io::Error) -> Error {
        Error::new(
            ErrorKind::Authentication,
            format!(
                "could not {action} token file {}: {error}",
                self.path.display()
            ),
        )
    }
}

impl fmt::Debug for FileTokenStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FileTokenStore")
            .field("path", &self.path)
            .finish()
    }
}

#[async_trait]
impl TokenStore for FileTokenStore {
    async fn load(&self) -> Result<Option<TokenSet>> {
        match tokio::fs::read(&self.path).await {
            Ok(bytes) => Ok(serde_json::from_slice(&bytes).ok()),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(error) => Err(self.io_error("read", error)),
        }
    }

    async fn save(&self, tokens: &TokenSet) -> Result<()> {
        let path = self.path.clone();
        let bytes = serde_json::to_vec_pretty(tokens)
            .map_err(|error| Error::decode("could not encode tokens", error))?;
        tokio::task::spawn_blocking(move || write_private_atomically(&path, &bytes))
            .await
            .map_err(|error| Error::new(ErrorKind::Authentication, error.to_string()))?
            .map_err(|error| self.io_error("write", error))
    }

    async fn clear(&self) -> Result<()> {
        match tokio::fs::remove_file(&self.path).await {
            Ok(()) => Ok(()),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(error) => Err(self.io_error("remove", error)),
        }
    }
}

/// Writes to a temporary file in the same directory, flushes it, then renames it over `path`.
fn write_private_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;

    let dir = path.parent().filter(|dir| !dir.as_os_str().is_empty());
    if let Some(dir) = dir {
        std::fs::create_dir_all(dir)?;
    }
    let file_name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| "tokens.json".to_owned());
    let temp = path.with_file_name(format!(".{file_name}.{}.tmp", std::process::id()));
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(&temp)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    drop(file);
    std::fs::rename(&temp, path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secret::Secret;

    #[tokio::test]
    async fn file_store_keeps_tokens_private_and_survives_a_new_store() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("nested").join("tokens.json");
        let store = FileTokenStore::new(&path);
        assert!(store.load().await.expect("load").is_none());
        let tokens = TokenSet::new(
            Secret::new("access"),
            Some(Secret::new("refresh")),
            600,
            "agent-user:a@b.c".into(),
        );
        store.save(&tokens).await.expect("save");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let reloaded = FileTokenStore::new(&path)
            .load()
            .await
            .expect("load")
            .expect("tokens");
        assert_eq!(
            reloaded.refresh_token.as_ref().map(Secret::expose),
            Some("refresh")
        );
        store.clear().await.expect("clear");
        assert!(store.load().await.expect("load").is_none());
    }
}
