//! Insurers answer on the sandbox's own clock: a background task applies each product's answer at
//! its `ready_at`, whether or not anyone reads the proposal; the hub tells the proposal's watchers
//! and each price is announced to webhooks as `proposal_premium.received`. A read that finds an
//! answer already due applies it the same way first, so a REST read never shows a state whose event
//! has not been sent. Every change is published while the store is still locked, so events leave
//! in the order the store changed.

use std::time::Instant;

use crate::hub::ProductEvent;
use crate::state::{AppState, until_stopped};
use crate::store::State;
use crate::store::model::{ProductState, Quote};

/// Applies the answers of `proposal_id` that are due and publishes each as Success or Failed.
pub fn settle(app: &AppState, data: &mut State, proposal_id: &str, now: Instant) {
    if !data.pending.contains(proposal_id) {
        return;
    }
    let Some(proposal) = data.proposals.get_mut(proposal_id) else {
        data.pending.remove(proposal_id);
        return;
    };
    let answered = crate::simulation::insurers::settle(proposal, now);
    let proposal = &*proposal;
    let mut received = Vec::new();
    for index in answered {
        let product = &proposal.products[index];
        let event = match product.quote {
            Quote::Offered(_) => {
                received.push((
                    "proposal_premium.received",
                    crate::api::proposals::premium_received_payload(proposal, product),
                ));
                ProductEvent::Success
            }
            Quote::Refused(_) => ProductEvent::Failed,
        };
        app.hub.product_event(event, proposal, product, None);
    }
    let branch = proposal.agent_branch_id.clone();
    let done = !proposal
        .products
        .iter()
        .any(|p| p.state == ProductState::Waiting);
    if !received.is_empty() {
        crate::api::webhooks::emit_locked(app, data, branch.as_deref(), received);
    }
    if done {
        data.pending.remove(proposal_id);
    }
}

/// Applies every answer that is due.
pub fn settle_all(app: &AppState, data: &mut State, now: Instant) {
    let ids: Vec<String> = data.pending.iter().cloned().collect();
    for id in ids {
        settle(app, data, &id, now);
    }
}

/// Products of `proposal_id` started waiting for their insurers (only `product_id` when given, else
/// every waiting one): tells the watchers (InProgress), applies answers already due (latency scale
/// 0) and wakes the clock for the rest.
pub fn pricing_started(
    app: &AppState,
    data: &mut State,
    proposal_id: &str,
    product_id: Option<&str>,
    now: Instant,
) {
    if let Some(proposal) = data.proposals.get(proposal_id) {
        for product in proposal
            .products
            .iter()
            .filter(|p| p.state == ProductState::Waiting && product_id.is_none_or(|id| p.id == id))
        {
            app.hub
                .product_event(ProductEvent::InProgress, proposal, product, None);
        }
    }
    data.pending.insert(proposal_id.to_owned());
    settle(app, data, proposal_id, now);
    app.market_clock.notify_one();
}

/// When the next waiting product is due, if any waits.
fn next_answer(data: &State) -> Option<Instant> {
    data.pending
        .iter()
        .filter_map(|id| data.proposals.get(id))
        .flat_map(|p| p.products.iter())
        .filter(|p| p.state == ProductState::Waiting)
        .map(|p| p.ready_at)
        .min()
}

/// The insurers' clock, one per sandbox: sleeps until the next answer is due (or a product starts
/// waiting), applies what is due, and stops with the sandbox.
pub async fn run(app: AppState) {
    let mut stopped = app.shutdown.clone();
    loop {
        let next = app.store.with(|data| {
            settle_all(&app, data, Instant::now());
            next_answer(data)
        });
        let due = async {
            match next {
                Some(at) => tokio::time::sleep_until(at.into()).await,
                None => std::future::pending().await,
            }
        };
        tokio::select! {
            () = due => {}
            () = app.market_clock.notified() => {}
            () = until_stopped(&mut stopped) => return,
        }
    }
}
