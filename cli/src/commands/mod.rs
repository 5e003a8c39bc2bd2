//! The everyday commands: the sandbox server, the session, lists and single records.

pub mod lists;
pub mod sandbox;
pub mod session;
pub mod show;
pub mod watch;

use crate::cli::{GlobalArgs, PoliciesCommand, ProposalsCommand};
use crate::failure::Failure;

/// `insurup proposals ...`
pub async fn proposals(command: ProposalsCommand, global: &GlobalArgs) -> Result<(), Failure> {
    match command {
        ProposalsCommand::List {
            page,
            branch,
            state,
            plate,
        } => lists::proposals(page, branch, state, plate, global).await,
        ProposalsCommand::Get { id } => show::proposal(&id, global).await,
        ProposalsCommand::Watch { id, max_wait } => watch::proposal(&id, max_wait, global).await,
    }
}

/// `insurup policies ...`
pub async fn policies(command: PoliciesCommand, global: &GlobalArgs) -> Result<(), Failure> {
    match command {
        PoliciesCommand::List {
            page,
            branch,
            state,
            plate,
            insurer,
        } => lists::policies(page, branch, state, plate, insurer, global).await,
        PoliciesCommand::Get { id } => show::policy(&id, global).await,
    }
}
