//! The documented dialects of InsurUp's API. Its sources (the B2B guide, the GraphQL and OAuth docs,
//! the vendor's generated TypeScript client) name and shape the same API differently; a sandbox
//! speaks one of them at a time, strictly, and refuses the others the way the real stack would.
//! `tests/DIALECTS.md` lists every difference, its source and the test that shows it.

use std::fmt;
use std::str::FromStr;

/// Which documentation a sandbox behaves like.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dialect {
    /// The B2B/CRM integration guide and the self-service and kasko guides it points to:
    /// `getPoliciesNew(filter: PolicyFilterInput, orderBy: …)` with `edges { node }`, agent-user
    /// login only, the older proposal body, `{policyId, policyNumber, status}` after a purchase.
    Guide,
    /// InsurUp's GraphQL, OAuth and service-account docs: `policiesNew(filter:
    /// QueryPoliciesResultFilterInput, search: …, order: …)` with `nodes`, the OAuth token endpoint
    /// on its own origin, 422 for invalid input. REST follows the vendor client where these docs
    /// are silent.
    GraphqlDocs,
    /// The vendor's generated TypeScript client (`@insurup/sdk`): `/api/graphql`,
    /// `filtering_/searching_/sorting_` variable types, `edges { cursor node }`, `$type` in bodies.
    VendorSdk,
}

impl Dialect {
    /// The three documented dialects.
    pub const ALL_STRICT: [Dialect; 3] = [Dialect::Guide, Dialect::GraphqlDocs, Dialect::VendorSdk];

    /// The spelling of the `--dialect` flag and `INSURUP_SANDBOX_DIALECT`.
    pub fn as_str(self) -> &'static str {
        match self {
            Dialect::Guide => "guide",
            Dialect::GraphqlDocs => "graphql-docs",
            Dialect::VendorSdk => "vendor-sdk",
        }
    }

    /// Whether `/connect/token` lives on a separate auth origin (`auth.insurup.com` in production)
    /// and answers 404 on the API origin, as the OAuth docs say.
    pub fn splits_auth_origin(self) -> bool {
        matches!(self, Dialect::GraphqlDocs | Dialect::VendorSdk)
    }

    /// Whether this dialect speaks the guide's REST shapes (older proposal body, purchase and case
    /// answers); the others speak the vendor client's.
    pub(crate) fn guide_rest(self) -> bool {
        self == Dialect::Guide
    }

    /// Whether this dialect speaks the vendor client's REST shapes.
    pub(crate) fn vendor_rest(self) -> bool {
        matches!(self, Dialect::GraphqlDocs | Dialect::VendorSdk)
    }
}

impl Default for Dialect {
    /// The vendor client's dialect: closest to production (see the sandbox README).
    fn default() -> Self {
        Dialect::VendorSdk
    }
}

impl fmt::Display for Dialect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A `--dialect` value that names no dialect.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown dialect '{0}': expected guide, graphql-docs or vendor-sdk")]
pub struct UnknownDialect(pub String);

impl FromStr for Dialect {
    type Err = UnknownDialect;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.trim().to_ascii_lowercase().as_str() {
            "guide" => Ok(Dialect::Guide),
            "graphql-docs" => Ok(Dialect::GraphqlDocs),
            "vendor-sdk" => Ok(Dialect::VendorSdk),
            _ => Err(UnknownDialect(text.to_owned())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_spellings_round_trip() {
        for dialect in Dialect::ALL_STRICT {
            assert_eq!(dialect.to_string().parse::<Dialect>(), Ok(dialect));
        }
        assert!("b2b".parse::<Dialect>().is_err());
        assert!(
            "lenient".parse::<Dialect>().is_err(),
            "no dialect accepts every spelling"
        );
    }

    #[test]
    fn only_the_oauth_dialects_split_the_token_endpoint_off() {
        assert!(!Dialect::Guide.splits_auth_origin());
        assert!(Dialect::GraphqlDocs.splits_auth_origin());
        assert!(Dialect::VendorSdk.splits_auth_origin());
    }
}
