//! Where a session keeps its tokens between calls and, with a file store, between processes.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use async_trait::async_trait;

use super::TokenSet;
use super::shared::SharedTokenStore;
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

    /// The renewal lease of a store that many processes share (see [`SharedTokenStore`]); a
    /// session renews through it when there is one. `None` (the default) for a store of one
    /// process.
    fn shared(&self) -> Option<&dyn SharedTokenStore> {
        None
    }
}

/// Keeps tokens in memory only (the default).
#[derive(Default)]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, module = "insurup"))]
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
    Error::new(ErrorKind::TokenStore, "token store lock poisoned")
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
///
/// Several clients and processes may share one file: each writes through its own temporary
/// file, and a session re-reads the file before it refreshes, so it adopts tokens another
/// client saved instead of refreshing with a refresh token that client already rotated.
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, module = "insurup"))]
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
            ErrorKind::TokenStore,
            format!(
                "could not {action} token file {}: {error}",
                self.path.display()
            ),
        )
    }
}

impl FileTokenStore {
    /// A store at `path`, or at [`FileTokenStore::default_path`] when there is none: what every
    /// language's `FileTokenStore(path?)` makes.
    pub fn at(path: Option<impl Into<PathBuf>>) -> Self {
        FileTokenStore::new(path.map_or_else(FileTokenStore::default_path, Into::into))
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
            Ok(bytes) => serde_json::from_slice(&bytes).map(Some).map_err(|error| {
                Error::new(
                    ErrorKind::TokenStore,
                    format!(
                        "token file {} is not a saved session ({error}); delete it and log in again",
                        self.path.display()
                    ),
                )
            }),
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
            .map_err(|error| Error::new(ErrorKind::TokenStore, error.to_string()))?
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

/// Writes to a uniquely named temporary file in the same directory (mode 0600), flushes it, then
/// renames it over `path`: readers see the old file or the new one, never a mix, and writers in
/// other threads or processes never share a temporary file.
fn write_private_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;

    let dir = match path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
        Some(dir) => {
            std::fs::create_dir_all(dir)?;
            dir.to_path_buf()
        }
        None => PathBuf::from("."),
    };
    let mut file = tempfile::Builder::new()
        .prefix(".tokens.")
        .suffix(".tmp")
        .tempfile_in(&dir)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    file.persist(path).map_err(|error| error.error)?;
    Ok(())
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

    #[tokio::test]
    async fn a_corrupt_token_file_is_an_error_that_says_what_to_do() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("tokens.json");
        std::fs::write(&path, b"{ half a file").expect("write");
        let error = FileTokenStore::new(&path)
            .load()
            .await
            .expect_err("corrupt file");
        assert_eq!(error.kind(), ErrorKind::TokenStore);
        assert!(error.to_string().contains("delete it"), "{error}");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn concurrent_saves_through_one_file_never_collide() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("tokens.json");
        let saves = (0..32).map(|n| {
            let store = FileTokenStore::new(&path);
            tokio::spawn(async move {
                let tokens = TokenSet::new(
                    Secret::new(format!("access-{n}")),
                    Some(Secret::new(format!("refresh-{n}"))),
                    600,
                    "agent-user:a@b.c".into(),
                );
                store.save(&tokens).await
            })
        });
        for save in futures::future::join_all(saves).await {
            save.expect("task").expect("every save succeeds");
        }
        let kept = FileTokenStore::new(&path)
            .load()
            .await
            .expect("the file is whole")
            .expect("tokens");
        assert!(kept.access_token.expose().starts_with("access-"));
        let leftovers = std::fs::read_dir(dir.path()).expect("dir").count();
        assert_eq!(leftovers, 1, "no temporary file is left behind");
    }
}
