//! One module per API resource. Each method is one documented call, or a flow helper built from
//! them; every request is described once here and sent through the client's transport.

mod addresses;
mod agent_branches;
mod assets;
mod case_work;
mod cases;
mod customer_contacts;
mod customers;
mod graphql;
mod policies;
mod policy_admin;
mod properties;
mod proposal_documents;
mod proposals;
mod purchase;
mod reference;
mod vehicles;
mod webhooks;

pub use addresses::Addresses;
pub use agent_branches::AgentBranches;
pub use cases::Cases;
pub use customers::Customers;
pub use graphql::{Graphql, GraphqlPages, RowCursor, decode_list_answer};
pub use policies::Policies;
pub use properties::Properties;
pub(crate) use proposals::Prepared;
pub use proposals::{ProposalUpdate, ProposalWatch, Proposals, WaitOptions};
pub use purchase::Purchases;
pub use reference::ReferenceData;
pub use vehicles::Vehicles;
pub use webhooks::Webhooks;

use serde::Deserialize;

/// The id a create call answers with: `{"id": …}`, `{"proposalId": …}` or a bare string.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub(crate) enum CreatedId {
    Object {
        #[serde(alias = "proposalId", alias = "policyId", alias = "addressId")]
        id: String,
    },
    Bare(String),
}

impl CreatedId {
    pub fn into_string(self) -> String {
        match self {
            CreatedId::Object { id } | CreatedId::Bare(id) => id,
        }
    }
}

/// Sends `build`'s request spelt for the client's REST dialect; when the server has no such
/// route or verb (404, 405: nothing happened), sends it once more spelt for the other dialect
/// and remembers the one that worked. Only for requests whose paths or verbs the dialects name
/// differently.
pub(crate) async fn send_on_either_route(
    client: &crate::client::Client,
    build: impl Fn(crate::dialect::Dialect) -> crate::error::Result<crate::transport::Request>,
) -> crate::error::Result<crate::transport::Response> {
    let dialects = client.dialects();
    let first = dialects.rest_current();
    match client.send(build(first)?).await {
        Err(error) if matches!(error.status(), Some(404 | 405)) => {
            let Some(other) = dialects.other_rest(first) else {
                return Err(error);
            };
            match client.send(build(other)?).await {
                Ok(answer) => {
                    dialects.settle_rest(other);
                    Ok(answer)
                }
                Err(second) if matches!(second.status(), Some(404 | 405)) => Err(error),
                Err(second) => Err(second),
            }
        }
        outcome => outcome,
    }
}

/// `text` as one path segment: every byte outside RFC 3986's `pchar` set percent-encoded, so an
/// e-mail address or a phone number can name a sub-resource.
pub(crate) fn segment(text: &str) -> String {
    let mut encoded = String::with_capacity(text.len());
    for byte in text.bytes() {
        let plain = byte.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@".contains(&byte);
        if plain {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_segments_keep_email_addresses_readable_and_escape_the_rest() {
        assert_eq!(
            segment("ahmet.yilmaz+crm@example.com"),
            "ahmet.yilmaz+crm@example.com"
        );
        assert_eq!(segment("a b/c?d#e%"), "a%20b%2Fc%3Fd%23e%25");
        assert_eq!(segment("şube"), "%C5%9Fube");
    }
}
