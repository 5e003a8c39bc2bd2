//! The hook that supplies a 2FA code when an agent user's login asks for one.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use crate::error::Result;
use crate::secret::Secret;

/// What the server asked for: the code sent to the user's device.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TwoFactorChallenge {
    /// The user id from the login answer.
    pub user_id: String,
    /// The e-mail address that logged in.
    pub email: String,
}

/// Supplies 2FA codes. Implement it to prompt a person, read an authenticator, or fetch a code
/// from your own system; plain async closures implement it too.
pub trait TwoFactorProvider: Send + Sync {
    /// Returns the code for `challenge`.
    fn code(
        &self,
        challenge: TwoFactorChallenge,
    ) -> Pin<Box<dyn Future<Output = Result<String>> + Send + '_>>;
}

impl<F, Fut> TwoFactorProvider for F
where
    F: Fn(TwoFactorChallenge) -> Fut + Send + Sync,
    Fut: Future<Output = Result<String>> + Send + 'static,
{
    fn code(
        &self,
        challenge: TwoFactorChallenge,
    ) -> Pin<Box<dyn Future<Output = Result<String>> + Send + '_>> {
        Box::pin(self(challenge))
    }
}

struct FixedCode(Secret);

impl TwoFactorProvider for FixedCode {
    fn code(
        &self,
        _challenge: TwoFactorChallenge,
    ) -> Pin<Box<dyn Future<Output = Result<String>> + Send + '_>> {
        let code = self.0.expose().to_owned();
        Box::pin(async move { Ok(code) })
    }
}

/// A provider that always answers `code`: for sandboxes and test accounts with a fixed code.
pub fn fixed_code(code: impl Into<String>) -> Arc<dyn TwoFactorProvider> {
    Arc::new(FixedCode(Secret::new(code)))
}
