//! The documented dialects of InsurUp's API, and which one this client's server speaks.
//!
//! The B2B guide, InsurUp's GraphQL docs and the vendor's generated client name and shape the same
//! API differently (`tests/DIALECTS.md` lists every difference). Answers are read tolerantly in
//! every spelling. Requests must pick one: a client reads the server's GraphQL schema once
//! (`GET /graphql/schema`, anonymous) to learn which, and otherwise starts from the vendor client's
//! spelling; a request the server refuses for its spelling alone (a GraphQL validation error, an
//! ASP.NET body it cannot bind, a 404 on a renamed path) is sent once more in the next spelling,
//! and what works is remembered. Nothing that may have taken effect is ever sent again.

use std::fmt;
use std::str::FromStr;
use std::sync::Mutex;

use crate::error::{Error, ErrorKind};

/// A documented spelling of InsurUp's API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Dialect {
    /// The B2B integration guide: `getPoliciesNew(… orderBy)` with `PolicyFilterInput` and
    /// `edges { node }` at `/graphql`; the older REST bodies (`type: "traffic"`, a flat vehicle);
    /// dotted webhook event names.
    Guide,
    /// InsurUp's GraphQL docs: `policiesNew(… order)` with `QueryPoliciesResultFilterInput` and
    /// `nodes` at `/graphql`; the current REST bodies; the token endpoint on the auth server.
    GraphqlDocs,
    /// The vendor's generated TypeScript client: `filtering_…`/`sorting_…` input types and
    /// `edges { cursor node }` at `/api/graphql`; the current REST bodies.
    VendorSdk,
}

impl Dialect {
    /// Every dialect, in the order a client tries them when the schema cannot be read: the
    /// vendor client first (generated from the server itself), the guide last (its examples are
    /// marked as samples).
    pub const ALL: [Dialect; 3] = [Dialect::VendorSdk, Dialect::GraphqlDocs, Dialect::Guide];

    /// The name used by `INSURUP_DIALECT` and the sandbox's `--dialect`.
    pub fn as_str(self) -> &'static str {
        match self {
            Dialect::Guide => "guide",
            Dialect::GraphqlDocs => "graphql-docs",
            Dialect::VendorSdk => "vendor-sdk",
        }
    }

    /// True for the guide's older REST bodies and names.
    pub(crate) fn older_rest(self) -> bool {
        self == Dialect::Guide
    }

    /// Where GraphQL is posted, relative to the API's base URL.
    pub(crate) fn graphql_path(self) -> &'static str {
        match self {
            Dialect::VendorSdk => "/api/graphql",
            Dialect::Guide | Dialect::GraphqlDocs => "/graphql",
        }
    }

    /// Reads the dialect off a GraphQL schema in SDL: its list fields and input type names say it.
    pub(crate) fn of_schema(sdl: &str) -> Option<Dialect> {
        if sdl.contains("getPoliciesNew") || sdl.contains("getCustomersNew") {
            Some(Dialect::Guide)
        } else if sdl.contains("filtering_Query") {
            Some(Dialect::VendorSdk)
        } else if sdl.contains("ResultFilterInput") || sdl.contains("ModelFilterInput") {
            Some(Dialect::GraphqlDocs)
        } else {
            None
        }
    }
}

impl fmt::Display for Dialect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Dialect {
    type Err = Error;

    fn from_str(text: &str) -> Result<Self, Error> {
        Dialect::ALL
            .into_iter()
            .find(|dialect| dialect.as_str().eq_ignore_ascii_case(text.trim()))
            .ok_or_else(|| {
                Error::validation("dialect", "must be guide, graphql-docs or vendor-sdk")
            })
    }
}

/// What a client knows about its server's dialect.
#[derive(Debug)]
pub(crate) struct DialectState {
    /// Set by the caller: never changed by discovery or fallbacks.
    explicit: Option<Dialect>,
    /// The dialect requests are spelt in now.
    current: Mutex<Dialect>,
    /// Whether the GraphQL schema was read (once per client), and what it said.
    schema: tokio::sync::OnceCell<Option<Dialect>>,
    /// The REST spelling the server accepted, when it differed from what GraphQL suggested.
    rest: Mutex<Option<Dialect>>,
}

impl DialectState {
    pub fn new(explicit: Option<Dialect>) -> Self {
        DialectState {
            explicit,
            current: Mutex::new(explicit.unwrap_or(Dialect::VendorSdk)),
            schema: tokio::sync::OnceCell::new(),
            rest: Mutex::new(None),
        }
    }

    /// The dialect to spell the next REST request in.
    pub fn rest_current(&self) -> Dialect {
        let learned = *self
            .rest
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        learned
            .filter(|_| !self.is_explicit())
            .unwrap_or_else(|| self.current())
    }

    /// Remembers the REST spelling the server accepted.
    pub fn settle_rest(&self, dialect: Dialect) {
        if self.explicit.is_none() {
            *self
                .rest
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(dialect);
        }
    }

    /// The dialect to spell the next request in.
    pub fn current(&self) -> Dialect {
        *self
            .current
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// True when the caller chose the dialect: no discovery, no fallback.
    pub fn is_explicit(&self) -> bool {
        self.explicit.is_some()
    }

    /// Remembers that the server accepted `dialect`'s spelling.
    pub fn settle(&self, dialect: Dialect) {
        if self.explicit.is_none() {
            *self
                .current
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner()) = dialect;
        }
    }

    /// The dialects to try, in order: the current one, then (unless chosen explicitly or read off
    /// the schema) the others.
    pub fn candidates(&self) -> Vec<Dialect> {
        let current = self.current();
        let mut order = vec![current];
        let settled_by_schema = matches!(self.schema.get(), Some(Some(_)));
        if !self.is_explicit() && !settled_by_schema {
            order.extend(Dialect::ALL.into_iter().filter(|d| *d != current));
        }
        order
    }

    /// The other request body spelling to try after one was refused as unbindable.
    pub fn other_rest(&self, tried: Dialect) -> Option<Dialect> {
        if self.is_explicit() {
            return None;
        }
        Some(if tried.older_rest() {
            Dialect::VendorSdk
        } else {
            Dialect::Guide
        })
    }

    /// Reads the schema once per client with `read`, and adopts the dialect it shows.
    pub async fn discover<F, Fut>(&self, read: F)
    where
        F: FnOnce() -> Fut,
        Fut: std::future::Future<Output = Option<String>>,
    {
        if self.is_explicit() {
            return;
        }
        let found = self
            .schema
            .get_or_init(|| async {
                let found = read().await.as_deref().and_then(Dialect::of_schema);
                tracing::debug!(dialect = ?found, "read the GraphQL schema");
                found
            })
            .await;
        if let Some(dialect) = found {
            self.settle(*dialect);
        }
    }
}

/// True when the server refused a request for its spelling alone, so nothing happened and the
/// same request in another dialect's spelling may be sent: a GraphQL validation error, an
/// ASP.NET body that could not be bound, or a 404 for a path the dialect names differently.
pub(crate) fn refused_for_spelling(error: &Error) -> bool {
    // HotChocolate's validation errors cite the rule of the GraphQL spec they enforce.
    if error.graphql_errors().iter().any(|e| {
        e.code() == Some("VALIDATION_ERROR")
            || e.extensions.contains_key("specifiedBy")
            || e.message.contains("does not exist on the type")
            || e.message.contains("is not compatible with the type")
            || e.message.starts_with("The argument `") && e.message.ends_with("does not exist.")
    }) {
        return true;
    }
    unbindable(error) || error.status() == Some(404) && error.kind() == ErrorKind::NotFound
}

/// ASP.NET Core's answer to a body it could not bind: 400 with `ValidationProblemDetails`
/// (nothing was created).
pub(crate) fn unbindable(error: &Error) -> bool {
    error.status() == Some(400)
        && error.problem().is_some_and(|problem| {
            let validation_problem = problem.problem_type.as_deref().is_some_and(|uri| {
                uri.contains("rfc9110#section-15.5.1") || uri.contains("rfc7231#section-6.5.1")
            });
            validation_problem
                || problem.title.as_deref() == Some("One or more validation errors occurred.")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_schema_says_which_dialect_it_is() {
        assert_eq!(
            Dialect::of_schema("type Query { getPoliciesNew(orderBy: [PolicySortInput!]): X }"),
            Some(Dialect::Guide)
        );
        assert_eq!(
            Dialect::of_schema("input filtering_QueryPoliciesResultFilterInput { id: X }"),
            Some(Dialect::VendorSdk)
        );
        assert_eq!(
            Dialect::of_schema("input QueryPoliciesResultFilterInput { id: X }"),
            Some(Dialect::GraphqlDocs)
        );
        assert_eq!(Dialect::of_schema("type Query { me: User }"), None);
    }

    #[test]
    fn dialect_names_round_trip_and_unknown_ones_name_the_setting() {
        for dialect in Dialect::ALL {
            assert_eq!(dialect.as_str().parse::<Dialect>().ok(), Some(dialect));
        }
        let error = "lenient".parse::<Dialect>().expect_err("unknown");
        assert_eq!(error.field(), Some("dialect"));
    }

    #[test]
    fn an_explicit_dialect_is_never_changed() {
        let state = DialectState::new(Some(Dialect::Guide));
        state.settle(Dialect::VendorSdk);
        assert_eq!(state.current(), Dialect::Guide);
        assert_eq!(state.candidates(), [Dialect::Guide]);
        assert_eq!(state.other_rest(Dialect::Guide), None);
    }
}
