//! Pacing at the server's rate limit, so a batch runs at the allowed rate instead of bouncing off
//! it.
//!
//! The client learns each route class's budget from the answers it gets:
//! - `RateLimit-Policy` (the IETF httpapi draft's `"name";q=<quota>;w=<seconds>`, or the older
//!   `<quota>;w=<seconds>`) announces the rate exactly: the most restrictive policy wins.
//! - `RateLimit` (`"name";r=<remaining>;t=<seconds>`, or the older `remaining=..., reset=...`)
//!   with nothing remaining holds every request of the class back until the reset.
//! - A 429 holds the class back for its `Retry-After`. Without an announced policy it also gives
//!   the rate away: the server accepted `n` requests since the client last sat idle for a second
//!   until its refusal came back (requests in flight then count: concurrent requests are handled
//!   in any order); a token bucket holding one second's worth (the usual shape) accepts
//!   `rate` at once plus `rate` a second, so `rate = n / (1 + seconds)`. A bucket holding less
//!   makes that an underestimate (slower, never refused); a 429 while already pacing lowers the
//!   rate by a tenth instead of holding the class back again. An inferred rate is a guess, and a 429 need not mean a budget (a gateway's
//!   burst, one route's own limit): after [`RECOVERY_STEP`] without a 429 the pace climbs back a
//!   tenth of the first estimate at a time, up to a ceiling that only a 429 at the ceiling itself
//!   lowers. A true budget so settles under its rate; a passing burst does not slow the client
//!   for good. Nor does the ceiling: an inferred pace that [`FORGET_AFTER`] has neither held a
//!   request back nor met a 429 is forgotten, so the next burst finds out afresh (a batch running
//!   at a true budget is held back all the time, and keeps its pace).
//!
//! Paced requests leave one after another at [`HEADROOM`] of the rate, so the server's bucket
//! refills a little faster than it drains and timing jitter does not end in a 429.

use std::sync::Mutex;
use std::time::Duration;

use reqwest::header::HeaderMap;
use tokio::time::Instant;

use crate::fleet::RouteClass;

/// The share of the learned rate the client uses.
pub(crate) const HEADROOM: f64 = 0.97;

/// Fewer accepted requests than this before a 429 say too little to estimate a rate from (a
/// one-off 429 of an overloaded server, not a budget).
const LEAST_SAMPLE: u64 = 4;

/// How long an inferred pace must go without a 429 before it climbs back a step.
const RECOVERY_STEP: Duration = Duration::from_secs(2);

/// A pause this long between accepted requests means the server's bucket had time to fill again.
const IDLE_GAP: Duration = Duration::from_secs(1);

/// How long an inferred pace lasts once it neither holds a request back nor meets a 429.
const FORGET_AFTER: Duration = Duration::from_secs(60);

/// What one client knows about the server's limits, per route class.
#[derive(Debug, Default)]
pub(crate) struct Pacer {
    api: Mutex<Lane>,
    authentication: Mutex<Lane>,
}

#[derive(Debug)]
struct Lane {
    /// Requests per second the server allows, once known.
    rate: Option<f64>,
    /// Whether `rate` was announced by the server (exact) rather than inferred.
    announced: bool,
    /// The rate first inferred from a 429.
    first_estimate: f64,
    /// The rate an inferred pace climbs back to after a 429 slowed it.
    ceiling: f64,
    /// Whether the pace is at the ceiling: set by the estimate and by climbing back, not by a
    /// cut, so that only a 429 at the ceiling lowers it.
    at_ceiling: bool,
    /// When the refusal that gave the first estimate arrived, and when the hold it brought
    /// ended; cleared by the first cut.
    first_refusal: Option<(Instant, Instant)>,
    /// When the inferred pace last changed (a cut's hold ended, or it climbed a step).
    stepped_at: Instant,
    /// When the current inferred rate took effect (the end of the hold that came with it).
    paced_since: Instant,
    /// When the pace last held a request back or a 429 arrived.
    last_felt: Instant,
    /// When the next paced request may leave.
    next_slot: Option<Instant>,
    /// No request leaves before this.
    held_until: Option<Instant>,
    /// Accepted requests since the last idle gap: when the first and the latest were sent, and
    /// how many.
    run: Option<(Instant, Instant, u64)>,
}

impl Pacer {
    fn lane(&self, class: RouteClass) -> &Mutex<Lane> {
        match class {
            RouteClass::Authentication => &self.authentication,
            RouteClass::Api => &self.api,
        }
    }

    /// Waits for the moment a request of `class` may leave, and takes that moment.
    pub(crate) async fn admit(&self, class: RouteClass) {
        let now = Instant::now();
        let at = {
            let mut lane = self.lane(class).lock().unwrap_or_else(|e| e.into_inner());
            lane.reserve(now)
        };
        if at > now {
            tokio::time::sleep_until(at).await;
        }
    }

    /// Learns from an answer to a request of `class` sent at `sent`. `retry_after` is the wait a
    /// 429 asked for, when the client will honour it (longer waits are the caller's).
    pub(crate) fn observe(
        &self,
        class: RouteClass,
        sent: Instant,
        status: u16,
        headers: &HeaderMap,
        retry_after: Option<Duration>,
    ) {
        let mut lane = self.lane(class).lock().unwrap_or_else(|e| e.into_inner());
        lane.learn(Instant::now(), sent, status, headers, retry_after);
    }
}

impl Default for Lane {
    fn default() -> Self {
        Lane {
            rate: None,
            announced: false,
            first_estimate: 0.0,
            ceiling: 0.0,
            at_ceiling: false,
            first_refusal: None,
            stepped_at: Instant::now(),
            paced_since: Instant::now(),
            last_felt: Instant::now(),
            next_slot: None,
            held_until: None,
            run: None,
        }
    }
}

impl Lane {
    fn learn(
        &mut self,
        now: Instant,
        sent: Instant,
        status: u16,
        headers: &HeaderMap,
        retry_after: Option<Duration>,
    ) {
        if let Some(rate) = announced_rate(headers) {
            self.rate = Some(rate);
            self.announced = true;
        }
        if let Some(reset) = exhausted_until_reset(headers) {
            self.hold(now + reset);
        }
        if status != 429 {
            self.accepted(sent);
            self.count_late_answers(sent);
            return;
        }
        self.last_felt = now;
        let Some(wait) = retry_after else {
            return;
        };
        // A hold stops a burst: until the rate is known, and when the server announced it (then a
        // 429 means others spend the same budget). An inferred pace already spaces the requests:
        // a 429 then slows it, and only the refused request waits its `Retry-After` (its retry
        // does). Holding every request for each 429 of a route with a limit of its own would
        // stop the whole client once per refusal, one after another.
        if self.rate.is_none() || self.announced {
            self.hold(now + wait);
        }
        if self.announced {
            return;
        }
        match (self.rate, self.run) {
            // Refused although paced: a tenth slower, once per hold (the answers to requests
            // sent before it say nothing about the pace), never below half the first estimate.
            // Refused at the ceiling itself, the ceiling was too high too.
            (Some(rate), _) if sent >= self.paced_since => {
                let floor = self.first_estimate * 0.5;
                self.first_refusal = None;
                if self.at_ceiling {
                    self.ceiling = (self.ceiling * 0.9).max(floor);
                    self.at_ceiling = false;
                }
                self.rate = Some((rate * 0.9).max(floor));
            }
            // Sent before the current pace took effect: says nothing about it, but keeps the
            // pace from being cut again until answers to requests sent under it arrive.
            (Some(_), _) => {
                self.paced_since = self.paced_since.max(now + wait);
                self.stepped_at = self.paced_since;
                return;
            }
            (None, Some((first, _, accepted))) if accepted >= LEAST_SAMPLE => {
                self.estimate(accepted_rate(first, now, accepted));
                self.at_ceiling = true;
                self.first_refusal = Some((now, now + wait));
            }
            (None, _) => return,
        }
        self.paced_since = now + wait;
        self.stepped_at = self.paced_since;
        if let Some(rate) = self.rate {
            tracing::info!(
                rate_per_second = rate,
                "rate limited: pacing requests at the rate the server accepted"
            );
        }
    }

    fn reserve(&mut self, now: Instant) -> Instant {
        self.forget_if_unfelt(now);
        let mut at = now;
        if let Some(until) = self.held_until {
            at = at.max(until);
        }
        self.recover(at);
        if let Some(rate) = self.rate.filter(|rate| *rate > 0.0) {
            if let Some(slot) = self.next_slot {
                at = at.max(slot);
            }
            let spacing = Duration::try_from_secs_f64(1.0 / (rate * HEADROOM))
                .unwrap_or(Duration::from_secs(60))
                .min(Duration::from_secs(60));
            self.next_slot = Some(at + spacing);
        }
        if at > now {
            self.last_felt = now;
        }
        at
    }

    /// Drops an inferred pace nobody has felt for [`FORGET_AFTER`]: whatever budget or burst it
    /// came from says nothing about the server now. An announced rate stays (every answer
    /// restates it), and so does a hold a `RateLimit` field asked for.
    fn forget_if_unfelt(&mut self, now: Instant) {
        if self.rate.is_none() || self.announced || now < self.last_felt + FORGET_AFTER {
            return;
        }
        tracing::debug!("no 429 and no request held back for a minute: pacing stops");
        *self = Lane {
            held_until: self.held_until,
            run: self.run,
            ..Lane::default()
        };
    }

    /// Acceptances of the burst the first refusal ended that come back after it show the server
    /// accepted more than the estimate assumed: refusals come back first, as refusals do, and
    /// concurrent requests are handled in any order, so a refusal answered after four
    /// acceptances may be one of fifty requests in flight of which forty were accepted. A
    /// request of that burst may even leave after the refusal arrived (it was admitted before
    /// the hold, on a busy machine): what counts is that it left before the hold ended, as no
    /// later request can. The estimate takes them in until the first cut.
    fn count_late_answers(&mut self, sent: Instant) {
        let (Some((refused, hold_ended)), Some((first, _, accepted))) =
            (self.first_refusal, self.run)
        else {
            return;
        };
        if sent >= hold_ended || self.announced {
            return;
        }
        let rate = accepted_rate(first, refused, accepted);
        if rate > self.first_estimate {
            self.estimate(rate);
        }
    }

    /// Takes `rate` as the first estimate: the pace, and the ceiling it climbs back to.
    fn estimate(&mut self, rate: f64) {
        self.rate = Some(rate);
        self.first_estimate = rate;
        self.ceiling = rate;
    }

    /// Climbs an inferred pace back toward its ceiling, a step per [`RECOVERY_STEP`] without a
    /// 429.
    fn recover(&mut self, at: Instant) {
        let Some(rate) = self.rate else { return };
        if self.announced || self.at_ceiling || at < self.stepped_at + RECOVERY_STEP {
            return;
        }
        let climbed = rate + self.first_estimate * 0.1;
        self.at_ceiling = climbed >= self.ceiling;
        self.rate = Some(climbed.min(self.ceiling));
        self.stepped_at = at;
    }

    fn hold(&mut self, until: Instant) {
        self.held_until = Some(self.held_until.map_or(until, |held| held.max(until)));
        // Paced requests resume from the end of the hold, one at a time, not all at once.
        if self.rate.is_some() {
            self.next_slot = Some(self.next_slot.map_or(until, |slot| slot.max(until)));
        }
    }

    fn accepted(&mut self, sent: Instant) {
        self.run = match self.run {
            Some((first, latest, accepted)) if sent < latest + IDLE_GAP => {
                Some((first, latest.max(sent), accepted + 1))
            }
            _ => Some((sent, sent, 1)),
        };
    }
}

/// The rate of a token bucket holding a second's worth that accepted `accepted` requests sent
/// from `first` until its refusal arrived at `refused`.
fn accepted_rate(first: Instant, refused: Instant, accepted: u64) -> f64 {
    accepted as f64 / (1.0 + refused.saturating_duration_since(first).as_secs_f64())
}

/// The most restrictive rate of the `RateLimit-Policy` fields, in requests per second.
fn announced_rate(headers: &HeaderMap) -> Option<f64> {
    headers
        .get_all("ratelimit-policy")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .filter_map(|member| {
            let (head, parameters) = item(member);
            // The older drafts' bare quota (`100;w=60`), or `q=` of the current one.
            let quota = parameter(&parameters, "q").or_else(|| head.parse::<f64>().ok())?;
            let window = parameter(&parameters, "w")?;
            (quota > 0.0 && window > 0.0 && (quota / window).is_finite()).then(|| quota / window)
        })
        .min_by(f64::total_cmp)
}

/// How long until the reset, when a `RateLimit` field says nothing remains.
fn exhausted_until_reset(headers: &HeaderMap) -> Option<Duration> {
    headers
        .get_all("ratelimit")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| {
            // The current draft: one item per policy. The older one: one dictionary.
            if value.contains("remaining=") {
                vec![value.replace(',', ";")]
            } else {
                value.split(',').map(str::to_owned).collect()
            }
        })
        .filter_map(|member| {
            let (_, parameters) = item(&member);
            let remaining =
                parameter(&parameters, "r").or_else(|| parameter(&parameters, "remaining"))?;
            let reset = parameter(&parameters, "t").or_else(|| parameter(&parameters, "reset"))?;
            (remaining < 1.0).then(|| Duration::try_from_secs_f64(reset.clamp(0.0, 60.0)).ok())?
        })
        .max()
}

/// A list member's item and its `key=value` parameters.
fn item(member: &str) -> (&str, Vec<(&str, &str)>) {
    let mut parts = member.split(';').map(str::trim);
    let head = parts.next().unwrap_or_default();
    let parameters = parts
        .filter_map(|part| part.split_once('='))
        .map(|(key, value)| (key.trim(), value.trim()))
        .collect();
    (head, parameters)
}

fn parameter(parameters: &[(&str, &str)], key: &str) -> Option<f64> {
    parameters
        .iter()
        .find(|(name, _)| *name == key)
        .and_then(|(_, value)| value.parse::<f64>().ok())
        .filter(|value| value.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn headers(fields: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in fields {
            map.append(*name, HeaderValue::from_static(value));
        }
        map
    }

    #[test]
    fn the_most_restrictive_announced_policy_sets_the_rate() {
        let current = headers(&[(
            "ratelimit-policy",
            r#""burst";q=100;w=1, "day";q=86400;w=86400"#,
        )]);
        assert_eq!(announced_rate(&current), Some(1.0));
        let older = headers(&[("ratelimit-policy", "250;w=1")]);
        assert_eq!(announced_rate(&older), Some(250.0));
        let windowless = headers(&[("ratelimit-policy", r#""default";q=100"#)]);
        assert_eq!(announced_rate(&windowless), None);
        assert_eq!(
            announced_rate(&headers(&[("ratelimit-policy", "nonsense;q=x;w=0")])),
            None
        );
    }

    #[test]
    fn nothing_remaining_holds_requests_until_the_reset() {
        let spent = headers(&[("ratelimit", r#""default";r=0;t=2"#)]);
        assert_eq!(exhausted_until_reset(&spent), Some(Duration::from_secs(2)));
        let left = headers(&[("ratelimit", r#""default";r=5;t=2"#)]);
        assert_eq!(exhausted_until_reset(&left), None);
        let older = headers(&[("ratelimit", "limit=10, remaining=0, reset=3")]);
        assert_eq!(exhausted_until_reset(&older), Some(Duration::from_secs(3)));
    }

    fn refused(wait: Duration) -> (u16, Option<Duration>) {
        (429, Some(wait))
    }

    /// A lane whose server accepted `count` requests, all sent and answered at `start`.
    fn lane_that_accepted(count: u32, start: Instant) -> Lane {
        let mut lane = Lane::default();
        for _ in 0..count {
            lane.learn(start, start, 200, &HeaderMap::new(), None);
        }
        lane
    }

    #[test]
    fn a_429_after_a_burst_paces_at_the_rate_the_server_accepted() {
        // A bucket of 10 a second, full at the start: 10 accepted at once, then refused.
        let start = Instant::now();
        let mut lane = lane_that_accepted(10, start);
        let none = HeaderMap::new();
        let (status, wait) = refused(Duration::from_secs(1));
        lane.learn(start, start, status, &none, wait);
        // Held for the Retry-After, then one request every 1 / (10 * HEADROOM) s.
        let first = lane.reserve(start);
        assert_eq!(first, start + Duration::from_secs(1));
        let tenth = (0..9).map(|_| lane.reserve(start)).last().expect("slots");
        let rate = 9.0 / (tenth - first).as_secs_f64();
        assert!((rate - 10.0 * HEADROOM).abs() < 0.01, "{rate}");
        // Answers to requests sent before the hold ended change nothing; a paced request
        // refused makes the pace a tenth slower, once per hold, and never below half.
        lane.learn(start, start, status, &none, wait);
        assert_eq!(lane.rate, Some(10.0));
        let paced = start + Duration::from_secs(1);
        for _ in 0..3 {
            lane.learn(paced, paced, status, &none, wait);
        }
        assert_eq!(lane.rate.map(|rate| (rate * 1000.0).round()), Some(9000.0));
        for second in 2..20 {
            let paced = start + Duration::from_secs(second);
            lane.learn(paced, paced, status, &none, wait);
        }
        assert_eq!(lane.rate, Some(5.0));
    }

    #[test]
    fn answers_accepted_before_the_refusal_but_arriving_after_it_raise_the_estimate() {
        let start = Instant::now();
        let mut lane = lane_that_accepted(4, start);
        let none = HeaderMap::new();
        let (status, wait) = refused(Duration::from_secs(1));
        let sent = start + Duration::from_millis(500);
        lane.learn(sent, sent, status, &none, wait);
        assert_eq!(lane.rate.map(|rate| (rate * 100.0).round()), Some(267.0));
        // 26 more were sent before the refused one; their answers come back after it.
        for _ in 0..26 {
            lane.learn(sent, start + Duration::from_millis(200), 200, &none, None);
        }
        assert_eq!(lane.rate, Some(20.0));
        // A request sent once the hold ended is paced: it says nothing about the burst.
        let hold_ended = sent + Duration::from_secs(1);
        lane.learn(hold_ended, hold_ended, 200, &none, None);
        assert_eq!(lane.rate, Some(20.0));
    }

    #[test]
    fn a_burst_still_leaving_when_its_first_refusal_arrives_counts_toward_the_estimate() {
        // A busy client: fifty requests admitted at once, four accepted and one refused before
        // the rest have left; thirty-six more leave in the next 36 ms and are accepted.
        let start = Instant::now();
        let mut lane = lane_that_accepted(4, start);
        let none = HeaderMap::new();
        let (status, wait) = refused(Duration::from_secs(1));
        let refusal = start + Duration::from_millis(10);
        lane.learn(refusal, start, status, &none, wait);
        for late in 0..36 {
            let sent = refusal + Duration::from_millis(late);
            lane.learn(sent + Duration::from_millis(5), sent, 200, &none, None);
        }
        let rate = lane.rate.expect("paced");
        assert!((rate - 40.0 / 1.01).abs() < 1e-9, "{rate}");
    }

    #[test]
    fn requests_in_flight_when_the_refusal_arrived_count_toward_the_estimate() {
        // Fifty requests leave at once; four acceptances come back, then a refusal, then
        // thirty-six acceptances of requests sent a little after the refused one.
        let start = Instant::now();
        let mut lane = lane_that_accepted(4, start);
        let none = HeaderMap::new();
        let (status, wait) = refused(Duration::from_secs(1));
        let answered = start + Duration::from_millis(40);
        lane.learn(answered, start, status, &none, wait);
        let late = start + Duration::from_millis(2);
        for _ in 0..36 {
            lane.learn(answered, late, 200, &none, None);
        }
        let rate = lane.rate.expect("paced");
        assert!((rate - 40.0 / 1.04).abs() < 1e-9, "{rate}");
    }

    #[test]
    fn an_inferred_pace_slowed_by_429s_climbs_back_to_its_ceiling_and_a_429_there_lowers_it() {
        let start = Instant::now();
        let mut lane = lane_that_accepted(10, start);
        let none = HeaderMap::new();
        let (status, wait) = refused(Duration::from_secs(1));
        lane.learn(start, start, status, &none, wait);
        // Two bursts of 429s while paced (a route's own burst, say), each slowing the pace.
        let paced = start + Duration::from_secs(1);
        lane.learn(paced, paced, status, &none, wait);
        let later = start + Duration::from_secs(3);
        lane.learn(later, later, status, &none, wait);
        let slowed = lane.rate.expect("paced");
        assert!((slowed - 8.1).abs() < 1e-9, "{slowed}");
        // Under RECOVERY_STEP after the last hold: unchanged.
        lane.reserve(later + Duration::from_secs(2));
        assert_eq!(lane.rate, Some(slowed));
        // Then a tenth of the first estimate per step, up to the ceiling the first cut left.
        let mut at = later + Duration::from_secs(1) + RECOVERY_STEP;
        for _ in 0..5 {
            lane.reserve(at);
            at += RECOVERY_STEP;
        }
        assert_eq!(lane.rate.map(|rate| (rate * 1000.0).round()), Some(9000.0));
        // Refused at the ceiling: both come down, and the pace settles a tenth lower.
        lane.learn(at, at, status, &none, wait);
        assert_eq!(lane.rate.map(|rate| (rate * 1000.0).round()), Some(8100.0));
        for step in 1..10 {
            lane.reserve(at + RECOVERY_STEP * (step + 1));
        }
        assert_eq!(lane.rate.map(|rate| (rate * 1000.0).round()), Some(8100.0));
    }

    #[test]
    fn an_inferred_pace_nobody_felt_for_a_minute_is_forgotten_and_a_busy_one_is_kept() {
        let start = Instant::now();
        let none = HeaderMap::new();
        let (status, wait) = refused(Duration::from_secs(1));
        // A batch at a true budget: requests wait for their slots all the time.
        let mut busy = lane_that_accepted(10, start);
        busy.learn(start, start, status, &none, wait);
        let mut at = start + Duration::from_secs(1);
        while at < start + FORGET_AFTER * 2 {
            busy.reserve(at);
            busy.reserve(at);
            at += Duration::from_millis(100);
        }
        assert_eq!(busy.rate, Some(10.0));
        // A burst that passed: later requests never wait for a slot, and no 429 comes.
        let mut passed = lane_that_accepted(10, start);
        passed.learn(start, start, status, &none, wait);
        // The last thing anybody felt of the pace was the 429 at `start`.
        let mut at = start + Duration::from_secs(2);
        while at < start + FORGET_AFTER {
            assert_eq!(
                passed.reserve(at),
                at,
                "one request now and then is never held back"
            );
            assert!(passed.rate.is_some());
            at += Duration::from_secs(1);
        }
        assert_eq!(passed.reserve(at), at);
        assert_eq!(
            passed.rate, None,
            "forgotten a minute after anybody felt it"
        );
        let burst: Vec<Instant> = (0..5).map(|_| passed.reserve(at)).collect();
        assert!(
            burst.iter().all(|slot| *slot == at),
            "the next burst is not paced"
        );
    }

    #[test]
    fn forgetting_a_pace_keeps_the_hold_a_ratelimit_field_asked_for() {
        let start = Instant::now();
        let (status, wait) = refused(Duration::from_secs(1));
        let mut lane = lane_that_accepted(10, start);
        lane.learn(start, start, status, &HeaderMap::new(), wait);
        let later = start + FORGET_AFTER + Duration::from_secs(10);
        let spent = headers(&[("ratelimit", r#""default";r=0;t=2"#)]);
        lane.learn(later, later, 200, &spent, None);
        assert_eq!(lane.reserve(later), later + Duration::from_secs(2));
        assert_eq!(lane.rate, None);
    }

    #[test]
    fn a_lone_429_holds_requests_back_without_guessing_a_rate() {
        let start = Instant::now();
        let mut lane = lane_that_accepted(1, start);
        let (status, wait) = refused(Duration::from_secs(2));
        lane.learn(start, start, status, &HeaderMap::new(), wait);
        let slots: Vec<Instant> = (0..5).map(|_| lane.reserve(start)).collect();
        assert!(
            slots
                .iter()
                .all(|slot| *slot == start + Duration::from_secs(2))
        );
        assert_eq!(lane.rate, None);
    }

    #[test]
    fn an_announced_policy_paces_from_the_first_answer_and_a_429_does_not_override_it() {
        let mut lane = Lane::default();
        let start = Instant::now();
        let policy = headers(&[("ratelimit-policy", r#""default";q=50;w=1"#)]);
        lane.learn(start, start, 200, &policy, None);
        let first = lane.reserve(start);
        let second = lane.reserve(start);
        assert_eq!(first, start);
        assert_eq!(
            second - first,
            Duration::from_secs_f64(1.0 / (50.0 * HEADROOM))
        );
        let (status, wait) = refused(Duration::from_secs(1));
        lane.learn(start, start, status, &policy, wait);
        assert_eq!(lane.rate, Some(50.0));
    }
}
