//! `insurup demo`: the whole B2B flow, narrated step by step, on a sandbox started inside this
//! process or on a real InsurUp environment.
//!
//! Every step is one or two SDK calls; this module only decides what to show. With `--json` the
//! steps and their results become one JSON document on stdout.

use std::io::IsTerminal;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use insurup::graphql::PolicyFields;
use insurup::{
    Card, Channel, Client, Customer, DocumentSerial, Error, ErrorKind, ListQuery, NewCustomer,
    NewProposal, NewVehicle, Payment, Product, ProductBranch, Proposal, Purchase,
    TwoFactorChallenge, TwoFactorProvider, Vehicle, WaitOptions,
};
use insurup_sandbox::{Sandbox, SandboxConfig, SandboxHandle, fixtures};
use serde::Serialize;
use serde_json::{Value, json};

use crate::cli::{DemoArgs, GlobalArgs};
use crate::commands::{lists, show};
use crate::failure::Failure;
use crate::prompt;
use crate::render::{self, say};
use crate::settings::Settings;

/// Card expiry used with the test card: a few years ahead, so it never expires.
const CARD_YEARS_AHEAD: i32 = 3;

/// `insurup demo`
pub async fn run(args: DemoArgs, global: &GlobalArgs) -> Result<(), Failure> {
    let started = Instant::now();
    let settings = Settings::load(global)?;
    let mut story = Story::new(global);
    let remote_url = settings.base_url();
    story.intro(remote_url.as_deref());
    let sandbox = match remote_url {
        Some(_) => None,
        None => Some(start_sandbox(&args, &mut story).await?),
    };
    let outcome = match connect(&settings, sandbox.as_ref()).await {
        Ok((client, two_factor)) => {
            let mut demo = Demo {
                client,
                args: &args,
                embedded: sandbox.is_some(),
                two_factor,
                story: &mut story,
            };
            demo.flow().await
        }
        Err(failure) => Err(StepError {
            step: Step::Login,
            failure,
        }),
    };
    if let Some(sandbox) = sandbox {
        sandbox.shutdown().await;
    }
    story.finish(outcome, started.elapsed())
}

/// The steps, in order: their JSON names and the labels the narration shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Sandbox,
    Login,
    Customer,
    Vehicle,
    Case,
    Proposal,
    Quotes,
    Purchase,
    Policy,
    LatestPolicies,
}

impl Step {
    fn name(self) -> &'static str {
        match self {
            Step::Sandbox => "sandbox",
            Step::Login => "login",
            Step::Customer => "customer",
            Step::Vehicle => "vehicle",
            Step::Case => "case",
            Step::Proposal => "proposal",
            Step::Quotes => "quotes",
            Step::Purchase => "purchase",
            Step::Policy => "policy",
            Step::LatestPolicies => "latestPolicies",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Step::Sandbox => "Sandbox",
            Step::Login => "Login",
            Step::Customer => "Customer",
            Step::Vehicle => "Vehicle",
            Step::Case => "Case",
            Step::Proposal => "Proposal",
            Step::Quotes => "Quotes",
            Step::Purchase => "Purchase",
            Step::Policy => "Policy",
            Step::LatestPolicies => "Policies",
        }
    }
}

/// A step that failed, and why.
#[derive(Debug)]
struct StepError {
    step: Step,
    failure: Failure,
}

/// Tags an error with the step it happened in.
fn at<E: Into<Failure>>(step: Step) -> impl FnOnce(E) -> StepError {
    move |error| StepError {
        step,
        failure: error.into(),
    }
}

/// What the user sees: narrated lines as the steps finish, or one JSON document at the end.
struct Story {
    json: bool,
    quiet: bool,
    environment: Value,
    steps: Vec<StepRecord>,
}

/// One step of the JSON document: its name and outcome first, then what it produced.
#[derive(Debug, Serialize)]
struct StepRecord {
    step: &'static str,
    ok: bool,
    #[serde(flatten)]
    data: serde_json::Map<String, Value>,
}

/// The JSON document `--json` prints.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Document<'a> {
    ok: bool,
    environment: &'a Value,
    steps: &'a [StepRecord],
    elapsed_seconds: f64,
}

impl Story {
    fn new(global: &GlobalArgs) -> Self {
        Story {
            json: global.json,
            quiet: global.quiet,
            environment: Value::Null,
            steps: Vec::new(),
        }
    }

    fn intro(&mut self, remote_url: Option<&str>) {
        self.environment = json!({
            "baseUrl": remote_url,
            "embeddedSandbox": remote_url.is_none(),
        });
        if self.json || self.quiet {
            return;
        }
        let place = match remote_url {
            Some(url) => format!("on {url}"),
            None => "on a sandbox inside this process".to_owned(),
        };
        say(format!(
            "{} the B2B quote-and-buy flow {place}\n",
            render::strong("InsurUp demo:")
        ));
    }

    /// Records a finished step: a headline, detail lines, and its JSON fields.
    fn done(&mut self, step: Step, headline: String, details: &[String], data: Value) {
        if self.json {
            self.steps.push(step_json(step, true, data));
            return;
        }
        say(format!(
            "{} {:<9} {headline}",
            render::ok_mark(),
            render::strong(step.label())
        ));
        for line in details {
            say(format!("            {line}"));
        }
    }

    fn skipped(&mut self, step: Step, reason: &str) {
        if self.json {
            self.steps.push(step_json(
                step,
                true,
                json!({ "skipped": true, "reason": reason }),
            ));
            return;
        }
        say(format!(
            "{} {:<9} {}",
            render::dim("–"),
            render::strong(step.label()),
            render::dim(format!("skipped: {reason}"))
        ));
    }

    /// Prints text (a table, a blank line) in narrated mode only.
    fn show(&self, text: impl std::fmt::Display) {
        if !self.json {
            say(text);
        }
    }

    fn finish(mut self, outcome: Result<(), StepError>, elapsed: Duration) -> Result<(), Failure> {
        let seconds = elapsed.as_secs_f64();
        match outcome {
            Ok(()) => {
                if self.json {
                    self.print_document(true, seconds);
                } else if !self.quiet {
                    say(format!(
                        "\n{} in {seconds:.1} s. Next: `insurup sandbox` keeps a sandbox running for \
                         your own code; `insurup quote-batch --help` quotes a whole portfolio.",
                        render::strong("Done")
                    ));
                }
                Ok(())
            }
            Err(StepError { step, failure }) => {
                if !self.json {
                    say(format!(
                        "{} {:<9} failed",
                        render::fail_mark(),
                        render::strong(step.label())
                    ));
                    return Err(failure);
                }
                self.steps.push(step_json(
                    step,
                    false,
                    json!({ "error": failure.to_json() }),
                ));
                self.print_document(false, seconds);
                Err(Failure::Reported(failure.exit_code()))
            }
        }
    }

    fn print_document(&self, ok: bool, seconds: f64) {
        render::print_json(&Document {
            ok,
            environment: &self.environment,
            steps: &self.steps,
            elapsed_seconds: (seconds * 10.0).round() / 10.0,
        });
    }
}

fn step_json(step: Step, ok: bool, data: Value) -> StepRecord {
    StepRecord {
        step: step.name(),
        ok,
        data: match data {
            Value::Object(fields) => fields,
            _ => serde_json::Map::new(),
        },
    }
}

async fn start_sandbox(args: &DemoArgs, story: &mut Story) -> Result<SandboxHandle, Failure> {
    let latency_scale = if args.fast { 0.0 } else { args.latency_scale };
    let config = SandboxConfig {
        latency_scale,
        seed: args.seed,
        ..SandboxConfig::default()
    };
    let sandbox = Sandbox::start(config)
        .await
        .map_err(|error| Failure::Local(format!("the sandbox could not start: {error}")))?;
    let pace = if latency_scale > 0.0 {
        format!(
            "insurers answer within {:.0} s",
            (4.0 * latency_scale).ceil()
        )
    } else {
        "insurers answer at once".to_owned()
    };
    story.done(
        Step::Sandbox,
        format!("{} ({pace})", sandbox.base_url()),
        &[],
        json!({
            "baseUrl": sandbox.base_url(),
            "latencyScale": latency_scale,
            "seed": args.seed,
        }),
    );
    story.environment["baseUrl"] = json!(sandbox.base_url());
    Ok(sandbox)
}

/// Which 2FA challenge the login met, if any.
type TwoFactorLog = Arc<Mutex<Option<TwoFactorChallenge>>>;

/// A provider that notes the challenge, then lets `inner` answer it.
fn noting(
    inner: Option<Arc<dyn TwoFactorProvider>>,
    log: TwoFactorLog,
) -> Arc<dyn TwoFactorProvider> {
    Arc::new(move |challenge: TwoFactorChallenge| {
        let inner = inner.clone();
        let log = Arc::clone(&log);
        async move {
            if let Ok(mut slot) = log.lock() {
                *slot = Some(challenge.clone());
            }
            match inner {
                Some(provider) => provider.code(challenge).await,
                None => Err(Error::new(
                    ErrorKind::TwoFactorRequired,
                    "this account needs a 2FA code: pass --two-factor-code or run in a terminal",
                )),
            }
        }
    })
}

/// The client for the demo: the sandbox's 2FA user, or the configured credentials.
async fn connect(
    settings: &Settings,
    sandbox: Option<&SandboxHandle>,
) -> Result<(Client, TwoFactorLog), Failure> {
    let log = TwoFactorLog::default();
    let builder = match sandbox {
        Some(sandbox) => Client::builder()
            .base_url(sandbox.base_url())
            .agent_user(fixtures::MFA_USER_EMAIL, fixtures::PASSWORD)
            .agent_id(fixtures::AGENT_ID)
            .two_factor(noting(
                Some(insurup::fixed_code(sandbox.config().mfa_code.clone())),
                Arc::clone(&log),
            )),
        None => {
            let code = settings.lookup("INSURUP_TWO_FACTOR_CODE");
            let inner = match code {
                Some(code) => Some(insurup::fixed_code(code)),
                None if std::io::stdin().is_terminal() => Some(prompt::two_factor_code()),
                None => None,
            };
            settings
                .builder()
                .await?
                .two_factor(noting(inner, Arc::clone(&log)))
        }
    };
    Ok((builder.build()?, log))
}

struct Demo<'a> {
    client: Client,
    args: &'a DemoArgs,
    embedded: bool,
    two_factor: TwoFactorLog,
    story: &'a mut Story,
}

impl Demo<'_> {
    async fn flow(&mut self) -> Result<(), StepError> {
        self.login().await.map_err(at(Step::Login))?;
        let customer = self.customer().await.map_err(at(Step::Customer))?;
        let vehicle = self.vehicle(&customer).await.map_err(at(Step::Vehicle))?;
        self.case(&customer).await.map_err(at(Step::Case))?;
        let proposal = self
            .proposal(&customer, &vehicle)
            .await
            .map_err(at(Step::Proposal))?;
        let (proposal, best) = self.quotes(proposal).await.map_err(at(Step::Quotes))?;
        if self.embedded || self.args.purchase {
            let bought = self
                .purchase(&customer, &proposal, &best)
                .await
                .map_err(at(Step::Purchase))?;
            self.policy(&bought).await.map_err(at(Step::Policy))?;
            self.latest_policies(Some(&bought))
                .await
                .map_err(at(Step::LatestPolicies))?;
        } else {
            let reason = "this is not the embedded sandbox; pass --purchase to buy the cheapest \
                          offer with the test card";
            self.story.skipped(Step::Purchase, reason);
            self.story.skipped(Step::Policy, "nothing was bought");
            self.latest_policies(None)
                .await
                .map_err(at(Step::LatestPolicies))?;
        }
        Ok(())
    }

    async fn login(&mut self) -> Result<(), Error> {
        self.client.sign_in().await?;
        let me = self.client.reference().me().await?;
        let challenge = self.two_factor.lock().ok().and_then(|slot| slot.clone());
        let email = me.email.clone().unwrap_or_default();
        let mut details = Vec::new();
        let two_factor = match (&challenge, self.embedded) {
            (Some(_), true) => {
                let code = fixture_code();
                details.push(format!(
                    "two-factor code requested; entered {}, the sandbox's test code",
                    render::strong(&code)
                ));
                json!({ "requested": true, "code": code })
            }
            (Some(_), false) => {
                details.push("two-factor code requested and accepted".to_owned());
                json!({ "requested": true })
            }
            (None, _) => json!({ "requested": false }),
        };
        self.story.done(
            Step::Login,
            format!(
                "{} (agency {})",
                email,
                render::or_dash(me.agent_id.as_ref())
            ),
            &details,
            json!({
                "email": email,
                "userId": me.id,
                "agentId": me.agent_id,
                "twoFactor": two_factor,
            }),
        );
        Ok(())
    }

    async fn customer(&mut self) -> Result<Customer, Error> {
        let args = self.args;
        let registry = self
            .client
            .customers()
            .lookup_individual(&args.tckn, Some(&args.birth_date))
            .await?;
        let mut new = NewCustomer::individual(&args.tckn).with_birth_date(&args.birth_date);
        if let Some(name) = &registry.full_name {
            new = new.with_full_name(name);
        }
        let customer = self.client.customers().ensure(new).await?;
        self.story.done(
            Step::Customer,
            format!(
                "{}, TCKN {}",
                customer.display_name(),
                render::or_dash(customer.identity_number.as_ref())
            ),
            &[format!(
                "name and birth date from the population registry; customer {}",
                customer.id
            )],
            json!({
                "customer": {
                    "id": customer.id,
                    "name": customer.display_name(),
                    "identityNumber": customer.identity_number,
                },
                "registry": { "fullName": registry.full_name, "birthDate": registry.birth_date },
            }),
        );
        Ok(customer)
    }

    async fn vehicle(&mut self, customer: &Customer) -> Result<Vehicle, Error> {
        let args = self.args;
        let serial = DocumentSerial::parse(&args.document_serial)?;
        let vehicles = self.client.vehicles();
        let found = vehicles
            .lookup(
                &customer.id,
                &args.plate,
                Some(&serial.code),
                Some(&serial.number),
            )
            .await?;
        let mut new =
            NewVehicle::new(&args.plate).with_document_serial(&serial.code, &serial.number);
        if let (Some(brand), Some(model), Some(year)) = (
            &found.brand_reference,
            &found.model_type_reference,
            found.model_year,
        ) {
            new = new.with_model(brand, model, year);
        }
        new.fuel = found.fuel.clone();
        new.utilization_style = found.utilization_style.clone();
        let vehicle = vehicles.ensure(&customer.id, new).await?;
        let describe = |reference: &Option<insurup::Reference>| {
            reference
                .as_ref()
                .map_or_else(String::new, |r| r.text.clone())
        };
        let model = format!(
            "{} {} {}",
            render::or_dash(found.model_year),
            describe(&found.brand),
            describe(&found.model)
        );
        let plate = vehicle
            .plate
            .as_ref()
            .map_or_else(|| args.plate.clone(), ToString::to_string);
        self.story.done(
            Step::Vehicle,
            format!("{plate}: {}", model.trim()),
            &[format!(
                "model, fuel and usage from the vehicle registry; vehicle {}",
                vehicle.id
            )],
            json!({
                "vehicle": {
                    "id": vehicle.id,
                    "plate": plate,
                    "modelYear": vehicle.model_year.or(found.model_year),
                    "brand": found.brand.as_ref().map(|r| &r.text),
                    "model": found.model.as_ref().map(|r| &r.text),
                },
            }),
        );
        Ok(vehicle)
    }

    async fn case(&mut self, customer: &Customer) -> Result<(), Error> {
        let case = self
            .client
            .cases()
            .ensure_sale_opportunity(&customer.id, ProductBranch::Kasko, Channel::Api)
            .await?;
        self.story.done(
            Step::Case,
            format!(
                "{}: KASKO sale opportunity, {}",
                render::or_dash(case.case_ref.as_ref()),
                case.status
            ),
            &[],
            json!({
                "case": {
                    "id": case.id,
                    "ref": case.case_ref,
                    "type": case.case_type,
                    "status": case.status,
                },
            }),
        );
        Ok(())
    }

    async fn proposal(
        &mut self,
        customer: &Customer,
        vehicle: &Vehicle,
    ) -> Result<Proposal, Error> {
        let proposal = self
            .client
            .proposals()
            .create(NewProposal::kasko(&customer.id, &vehicle.id))
            .await?;
        let asked = proposal
            .products
            .len()
            .max(proposal.total_products_count as usize);
        self.story.done(
            Step::Proposal,
            format!("kasko proposal {}: asked {asked} insurers", proposal.id),
            &[],
            json!({
                "proposal": {
                    "id": proposal.id,
                    "branch": proposal.product_branch,
                    "insurersAsked": asked,
                },
            }),
        );
        Ok(proposal)
    }

    /// Watches the insurers answer, one line each, then compares the offers.
    async fn quotes(&mut self, proposal: Proposal) -> Result<(Proposal, Product), Error> {
        let installments = self.args.installments;
        let wait = if self.embedded {
            WaitOptions {
                timeout: Duration::from_secs(60),
                poll_interval: Duration::from_millis(200),
                max_poll_interval: Duration::from_millis(500),
            }
        } else {
            WaitOptions::default()
        };
        let bar = render::progress_bar(
            proposal.products.len() as u64,
            "            {spinner:.cyan} {bar:30.cyan/dim} {pos}/{len} insurers answered",
            self.story.json || self.story.quiet,
        );
        if !self.story.json {
            say(render::dim(format!(
                "            waiting for {} insurers to answer...",
                proposal.products.len()
            )));
        }
        let mut watch = self.client.proposals().watch(&proposal.id, wait)?;
        let mut latest = proposal;
        while let Some(update) = watch.next().await? {
            bar.set_length(update.proposal.products.len() as u64);
            for product in &update.resolved {
                if !self.story.json {
                    render::say_above(&bar, answer_line(product, installments));
                }
                bar.inc(1);
            }
            latest = update.proposal;
        }
        bar.finish_and_clear();
        let priced = show::priced_products(&latest);
        let Some(best) = latest.cheapest_product(installments).cloned() else {
            return Err(Error::new(
                ErrorKind::Unprocessable,
                format!(
                    "none of the {} insurers offered a premium in {installments} installment(s)",
                    latest.products.len()
                ),
            ));
        };
        let best_premium = best.premium(installments).map_or(0.0, |p| p.gross_premium);
        self.story.show("");
        self.story
            .show(show::offers_table(&latest, Some(&best.id), false));
        self.story.done(
            Step::Quotes,
            format!(
                "{} of {} insurers priced it; cheapest {}: {} {}",
                priced.len(),
                latest.products.len(),
                installments_phrase(installments),
                best.insurance_company_name,
                render::money(best_premium),
            ),
            &[],
            json!({
                "asked": latest.products.len(),
                "priced": priced.len(),
                "offers": priced.iter().map(|product| offer_json(product)).collect::<Vec<_>>(),
                "failures": latest
                    .products
                    .iter()
                    .filter(|product| product.premiums.is_empty())
                    .map(|product| json!({
                        "insurer": product.insurance_company_name,
                        "state": product.state,
                        "reason": product.error_message,
                    }))
                    .collect::<Vec<_>>(),
                "cheapest": {
                    "insurer": best.insurance_company_name,
                    "productId": best.id,
                    "installments": installments,
                    "grossPremium": best_premium,
                },
            }),
        );
        Ok((latest, best))
    }

    async fn purchase(
        &mut self,
        customer: &Customer,
        proposal: &Proposal,
        best: &Product,
    ) -> Result<Purchase, Error> {
        let installments = self.args.installments;
        let holder = match customer.display_name() {
            "" => "AHMET YILMAZ",
            name => name,
        };
        let expiry_year = time::OffsetDateTime::now_utc().year() + CARD_YEARS_AHEAD;
        let card = Card::new(
            fixtures::SUCCESS_CARD,
            "123",
            "12",
            expiry_year.to_string(),
            holder,
        )?;
        let card_shown = render::masked_card(card.last4());
        let bought = self
            .client
            .purchase()
            .sync(
                &proposal.id,
                &best.id,
                Payment::credit_card(card, installments),
            )
            .await?;
        let premium = best.premium(installments).map_or(0.0, |p| p.gross_premium);
        self.story.done(
            Step::Purchase,
            format!(
                "{} ({}) for {} {}, card {card_shown}",
                show::product_name(best),
                best.insurance_company_name,
                render::money(premium),
                installments_phrase(installments),
            ),
            // Some servers answer a purchase with the policy id alone; its number follows below.
            &[format!(
                "policy {} issued",
                bought
                    .policy_number
                    .as_deref()
                    .unwrap_or(bought.policy_id.as_str())
            )],
            json!({
                "insurer": best.insurance_company_name,
                "productId": best.id,
                "installments": installments,
                "grossPremium": premium,
                "card": card_shown,
                "policyId": bought.policy_id,
                "policyNumber": bought.policy_number,
                "status": bought.status,
            }),
        );
        Ok(bought)
    }

    async fn policy(&mut self, bought: &Purchase) -> Result<(), Error> {
        let policy = self.client.policies().get(&bought.policy_id).await?;
        let period = match (&policy.start_date, &policy.end_date) {
            (Some(start), Some(end)) => {
                format!("{} → {}", lists::date_part(start), lists::date_part(end))
            }
            _ => "-".to_owned(),
        };
        self.story.done(
            Step::Policy,
            format!(
                "{} {} by {}, {period}, {}, {}",
                render::or_dash(policy.product_branch.as_ref()),
                render::or_dash(policy.policy_number.as_ref()),
                render::or_dash(policy.insurance_company_name.as_ref()),
                render::or_dash(policy.gross_premium.map(render::money)),
                policy.state,
            ),
            &[],
            json!({
                "policy": {
                    "id": policy.id,
                    "policyNumber": policy.policy_number,
                    "state": policy.state,
                    "branch": policy.product_branch,
                    "insurer": policy.insurance_company_name,
                    "startDate": policy.start_date,
                    "endDate": policy.end_date,
                    "grossPremium": policy.gross_premium,
                    "plate": policy.vehicle_plate,
                },
            }),
        );
        Ok(())
    }

    async fn latest_policies(&mut self, bought: Option<&Purchase>) -> Result<(), Error> {
        let query = ListQuery::first(5).order_by(PolicyFields::created_at().desc());
        let page = self.client.graphql().policies(&query).await?;
        let total = page
            .total_count
            .map_or_else(String::new, |total| format!(" of {total}"));
        self.story.done(
            Step::LatestPolicies,
            format!(
                "newest {}{total} of the agency's policies, through GraphQL",
                page.items.len()
            ),
            &[],
            json!({ "totalCount": page.total_count, "policies": page.items }),
        );
        if !page.items.is_empty() {
            let highlight = bought.map(|bought| bought.policy_id.as_str());
            self.story.show(lists::policy_table(&page.items, highlight));
        }
        Ok(())
    }
}

fn fixture_code() -> String {
    SandboxConfig::default().mfa_code
}

fn installments_phrase(installments: u32) -> String {
    match installments {
        1 => "in cash".to_owned(),
        n => format!("in {n} installments"),
    }
}

/// One insurer's answer as it arrives.
fn answer_line(product: &Product, installments: u32) -> String {
    let insurer = format!("{:<22}", product.insurance_company_name);
    match product.premium(installments) {
        Some(premium) => format!(
            "            {} {insurer} {:>15}",
            render::ok_mark(),
            render::money(premium.gross_premium)
        ),
        None => {
            format!(
                "            {} {insurer} {}",
                render::fail_mark(),
                render::dim(product.error_message.clone().unwrap_or_else(|| format!(
                    "no premium {}",
                    installments_phrase(installments)
                )))
            )
        }
    }
}

fn offer_json(product: &Product) -> Value {
    json!({
        "insurer": product.insurance_company_name,
        "product": show::product_name(product),
        "productId": product.id,
        "premiums": product
            .premiums
            .iter()
            .map(|premium| json!({
                "installments": premium.installment_number,
                "grossPremium": premium.gross_premium,
                "netPremium": premium.net_premium,
            }))
            .collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn step_json_starts_with_the_step_and_its_outcome() {
        let record = step_json(Step::Quotes, true, json!({ "asked": 12 }));
        let text = serde_json::to_string(&record).expect("serializes");
        assert_eq!(text, r#"{"step":"quotes","ok":true,"asked":12}"#);
    }
}
