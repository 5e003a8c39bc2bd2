//! The simulated market behind the API: insurers and their quotes (answered on the sandbox's own
//! clock), reference data, generated history, and the clock the records are stamped with.

pub mod addresses;
pub mod catalog;
pub mod clock;
pub mod generator;
pub mod insurers;
pub mod market;

use crate::config::SandboxConfig;
use crate::store::State;

/// The world a sandbox starts from: the fixed fixtures plus, when asked, generated policies.
pub fn seeded_world(config: &SandboxConfig) -> State {
    let mut state = State::seeded(config);
    if config.generated_policies > 0 {
        generator::generate(&mut state, config.seed, config.generated_policies);
    }
    state
}

/// Back to the seeded world; auth sessions survive, since the seeded users are the same after it.
pub fn reset(state: &mut State, config: &SandboxConfig) {
    state.replace_keeping_sessions(seeded_world(config));
}
