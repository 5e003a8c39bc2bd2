//! The simulated insurance companies: each quotes a proposal after its own latency, fails at its own
//! rate, and prices the risk with its own factor. Everything derives from (seed, proposal, insurer,
//! attempt), so the same seed replays the same market.

use std::time::{Duration, Instant};

use crate::config::SandboxConfig;
use crate::simulation::catalog::{self, CoverageGroup, INSURERS, Insurer};
use crate::store::ids::{IdGen, hash_parts};
use crate::store::model::{Premium, Product, ProductBranch, ProductState, Proposal, Quote, money};

/// Why an insurer may refuse to quote, as their services phrase it.
const REFUSALS: &[&str] = &[
    "Sigorta şirketi servisine şu anda ulaşılamıyor.",
    "Sigorta şirketi zaman aşımına uğradı; lütfen teklifi yeniden deneyin.",
    "Araç için hasar geçmişi sorgusu başarısız oldu.",
    "Bu risk için sigorta şirketi teklif vermiyor.",
];

/// The facts a price depends on, gathered once per proposal.
#[derive(Clone, Debug, Default)]
pub struct Risk {
    pub model_year: Option<i32>,
    pub model_code: Option<String>,
    pub utilization_style: Option<String>,
    pub plate_city: Option<u8>,
    pub square_meter: Option<u32>,
    pub construction_year: Option<i32>,
    pub property_use: Option<String>,
    pub insured_age: Option<i32>,
}

/// The branch's reference gross premium for this risk, before insurer and coverage factors.
pub fn base_premium(branch: ProductBranch, risk: &Risk, this_year: i32) -> f64 {
    let utilization = risk.utilization_style.as_deref().unwrap_or("PRIVATE_CAR");
    match branch {
        ProductBranch::Kasko => {
            let new_value = risk
                .model_code
                .as_deref()
                .and_then(catalog::model)
                .map_or(1_300_000.0, |(_, m)| m.value);
            let age = (this_year - risk.model_year.unwrap_or(this_year - 4)).clamp(0, 30);
            let value = new_value * 0.93_f64.powi(age);
            let old_car = if age > 10 { 1.15 } else { 1.0 };
            value * 0.021 * kasko_use_factor(utilization) * old_car
        }
        ProductBranch::Trafik => {
            let city = if risk.plate_city == Some(34) {
                1.15
            } else {
                1.0
            };
            6_450.0 * trafik_use_factor(utilization) * city
        }
        ProductBranch::Imm => 2_400.0 * trafik_use_factor(utilization),
        ProductBranch::Dask => {
            let area = f64::from(risk.square_meter.unwrap_or(100));
            let old = if risk.construction_year.unwrap_or(2010) < 2000 {
                1.35
            } else {
                1.0
            };
            (area * 17.5 * old).max(450.0)
        }
        ProductBranch::Konut => {
            let area = f64::from(risk.square_meter.unwrap_or(100));
            let business = if risk.property_use.as_deref() == Some("BUSINESS") {
                1.6
            } else {
                1.0
            };
            (area * 41.0 * business).max(900.0)
        }
        ProductBranch::Tss => {
            let age = f64::from(risk.insured_age.unwrap_or(35));
            9_800.0 * (age / 35.0).clamp(0.6, 2.5)
        }
        _ => 5_000.0,
    }
}

fn kasko_use_factor(style: &str) -> f64 {
    match style {
        "TAXI" => 1.8,
        "RENTAL_CAR" => 1.5,
        "TRUCK" => 1.6,
        "PICKUP_TRUCK" | "JEEP" => 1.2,
        "MINIBUS" | "MINIBUS_SHARED_TAXI" | "BUS" => 1.4,
        "MOTORCYCLE" => 0.7,
        _ => 1.0,
    }
}

fn trafik_use_factor(style: &str) -> f64 {
    match style {
        "TAXI" => 3.2,
        "TRUCK" => 2.4,
        "MINIBUS" | "MINIBUS_SHARED_TAXI" | "BUS" => 2.2,
        "PICKUP_TRUCK" => 1.3,
        "MOTORCYCLE" => 0.45,
        "TRACTOR" => 0.6,
        _ => 1.0,
    }
}

fn installment_factor(n: u8) -> f64 {
    match n {
        1 => 1.0,
        3 => 1.03,
        6 => 1.06,
        _ => 1.09,
    }
}

fn commission_rate(branch: ProductBranch) -> f64 {
    match branch {
        ProductBranch::Kasko => 0.12,
        ProductBranch::Trafik => 0.06,
        _ => 0.15,
    }
}

/// Premiums for every installment count this insurer offers.
pub fn premiums(
    ids: &mut IdGen,
    insurer: &Insurer,
    branch: ProductBranch,
    base: f64,
    group: Option<&CoverageGroup>,
    jitter: f64,
) -> Vec<Premium> {
    let cash_gross = base * insurer.price_factor * group.map_or(1.0, |g| g.factor) * jitter;
    insurer
        .installments()
        .iter()
        .map(|&n| {
            let gross = money(cash_gross * installment_factor(n));
            // Gross includes the 5 % BSMV tax; commission is a share of net.
            let net = money(gross / 1.05);
            Premium {
                installment_number: n,
                net,
                gross,
                commission: money(net * commission_rate(branch)),
                services_premium_id: ids.object_id(),
            }
        })
        .collect()
}

/// What one insurer answers for one attempt, and when.
pub fn quote(
    config: &SandboxConfig,
    ids: &mut IdGen,
    proposal: &Proposal,
    insurer: &Insurer,
    group: Option<&CoverageGroup>,
    attempt: u32,
    now: Instant,
) -> (Instant, Quote) {
    let group_key = group.map_or("", |g| g.id);
    let key = |salt: &str| {
        hash_parts(
            config.seed,
            &[
                &proposal.id,
                insurer.name,
                group_key,
                &attempt.to_string(),
                salt,
            ],
        )
    };
    let (lo, hi) = insurer.latency_ms;
    let latency = lo + key("latency") % (hi - lo + 1);
    let ready_at = now + config.scaled(Duration::from_millis(latency));
    let roll = (key("failure") >> 11) as f64 / (1u64 << 53) as f64;
    // A retry is more likely to go through: the insurer's service has had time to recover.
    let failure_rate = insurer.failure_rate / f64::from(attempt + 1);
    let quote = if roll < failure_rate {
        let reason = REFUSALS[(key("reason") % REFUSALS.len() as u64) as usize];
        Quote::Refused(reason.to_owned())
    } else {
        let jitter = 0.94 + ((key("price") % 1200) as f64) / 10_000.0;
        Quote::Offered(premiums(
            ids,
            insurer,
            proposal.branch,
            proposal.base_premium,
            group,
            jitter,
        ))
    };
    (ready_at, quote)
}

/// One product per insurer offering the branch and per requested coverage group.
pub fn plan_products(
    config: &SandboxConfig,
    ids: &mut IdGen,
    proposal: &Proposal,
    now: Instant,
) -> Vec<Product> {
    let groups: Vec<Option<&CoverageGroup>> = if proposal.coverage_group_ids.is_empty() {
        vec![None]
    } else {
        proposal
            .coverage_group_ids
            .iter()
            .map(|id| catalog::coverage_group(id))
            .collect()
    };
    let mut products = Vec::new();
    for (index, insurer) in INSURERS.iter().enumerate() {
        let Some(product_id) = insurer.product_id(proposal.branch) else {
            continue;
        };
        for group in &groups {
            let (ready_at, quote) = quote(config, ids, proposal, insurer, *group, 0, now);
            let product_name = match group {
                Some(g) => format!("{} {}", short_name(insurer), g.name),
                None => format!("{} {}", short_name(insurer), proposal.branch.display()),
            };
            let discount_roll = hash_parts(config.seed, &[&proposal.id, insurer.name, "undamaged"]);
            products.push(Product {
                id: ids.object_id(),
                insurer: index,
                product_id,
                product_name,
                coverage_group_id: group.map(|g| g.id.to_owned()),
                state: ProductState::Waiting,
                ready_at,
                quote,
                premiums: Vec::new(),
                error_message: None,
                policy_id: None,
                attempt: 0,
                company_proposal_number: format!("{}", 140_000_000 + discount_roll % 9_000_000),
                services_proposal_id: ids.object_id(),
                has_undamaged_discount: discount_roll % 3 != 0,
            });
        }
    }
    products
}

fn short_name(insurer: &Insurer) -> &'static str {
    insurer
        .name
        .strip_suffix(" Sigorta")
        .unwrap_or(insurer.name)
}

/// Applies answers that are due; returns the indices of the products that changed.
pub fn settle(proposal: &mut Proposal, now: Instant) -> Vec<usize> {
    let mut changed = Vec::new();
    for (index, product) in proposal.products.iter_mut().enumerate() {
        if product.state != ProductState::Waiting || product.ready_at > now {
            continue;
        }
        changed.push(index);
        match &product.quote {
            Quote::Offered(premiums) => {
                product.state = ProductState::Active;
                product.premiums = premiums.clone();
                product.error_message = None;
            }
            Quote::Refused(reason) => {
                product.state = ProductState::Failed;
                product.error_message = Some(reason.clone());
            }
        }
    }
    if !changed.is_empty() {
        proposal.recompute_state();
    }
    changed
}

/// Nominal time an insurer takes to issue a policy once paid.
pub fn purchase_latency(insurer: &Insurer) -> Duration {
    Duration::from_millis(insurer.latency_ms.0 / 2 + 150)
}

/// A plausible coverage table for a product.
pub fn coverage(
    branch: ProductBranch,
    proposal: &Proposal,
    product: &Product,
) -> serde_json::Value {
    let group_factor = product
        .coverage_group_id
        .as_deref()
        .and_then(catalog::coverage_group)
        .map_or(1.0, |g| g.factor);
    coverage_table(branch, proposal, group_factor)
}

/// The cover the proposal asked for: its first coverage group's, or the branch's standard cover.
pub fn requested_coverage(proposal: &Proposal) -> serde_json::Value {
    let group_factor = proposal
        .coverage_group_ids
        .first()
        .and_then(|id| catalog::coverage_group(id))
        .map_or(1.0, |g| g.factor);
    coverage_table(proposal.branch, proposal, group_factor)
}

fn coverage_table(
    branch: ProductBranch,
    proposal: &Proposal,
    group_factor: f64,
) -> serde_json::Value {
    match branch {
        ProductBranch::Kasko => {
            let vehicle_value = money(proposal.base_premium / 0.021);
            serde_json::json!({
                "$type": "kasko",
                "vehicleValue": vehicle_value,
                "collision": group_factor >= 1.0,
                "theft": true,
                "fire": true,
                "flood": group_factor >= 1.0,
                "earthquake": group_factor >= 1.0,
                "glassBreakage": if group_factor > 1.0 { "UNLIMITED" } else { "ONCE_A_YEAR" },
                "replacementVehicle": {"days": if group_factor > 1.0 { 15 } else { 7 }, "vehicleClass": "C"},
                "increasedThirdPartyLiability": {"limit": 1_000_000.0, "combinedSingleLimit": true},
                "personalAccident": {"death": 100_000.0, "permanentDisability": 100_000.0},
                "legalProtection": 25_000.0,
                "roadsideAssistance": true,
                "deductible": 0.0,
                "repairShop": "AUTHORIZED_SERVICE"
            })
        }
        ProductBranch::Trafik | ProductBranch::Imm => serde_json::json!({
            "$type": "trafik",
            "materialDamagePerVehicle": 300_000.0,
            "materialDamagePerAccident": 600_000.0,
            "healthExpensesPerPerson": 2_700_000.0,
            "deathAndDisabilityPerPerson": 2_700_000.0,
            "increasedThirdPartyLiability": if group_factor > 1.0 { 1_000_000.0 } else { 0.0 },
            "roadsideAssistance": true
        }),
        ProductBranch::Dask | ProductBranch::Konut => serde_json::json!({
            "$type": if branch == ProductBranch::Dask { "dask" } else { "konut" },
            "buildingSumInsured": money(proposal.base_premium * 900.0),
            "contentsSumInsured": money(proposal.base_premium * 120.0),
            "earthquake": true,
            "fire": true,
            "flood": branch == ProductBranch::Konut,
            "theft": branch == ProductBranch::Konut
        }),
        _ => serde_json::json!({
            "$type": branch.as_str().to_ascii_lowercase(),
            "inpatient": true,
            "outpatient": branch == ProductBranch::Tss,
            "annualLimit": 500_000.0
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corolla(year: i32, style: &str) -> Risk {
        Risk {
            model_year: Some(year),
            model_code: Some("139014".to_owned()),
            utilization_style: Some(style.to_owned()),
            plate_city: Some(34),
            ..Risk::default()
        }
    }

    #[test]
    fn a_newer_car_costs_more_to_insure_than_an_older_one() {
        let new = base_premium(ProductBranch::Kasko, &corolla(2025, "PRIVATE_CAR"), 2026);
        let old = base_premium(ProductBranch::Kasko, &corolla(2019, "PRIVATE_CAR"), 2026);
        assert!(new > old, "{new} vs {old}");
    }

    #[test]
    fn a_taxi_pays_more_than_a_private_car_in_both_branches() {
        for branch in [ProductBranch::Kasko, ProductBranch::Trafik] {
            let taxi = base_premium(branch, &corolla(2022, "TAXI"), 2026);
            let private = base_premium(branch, &corolla(2022, "PRIVATE_CAR"), 2026);
            assert!(taxi > private, "{branch:?}: {taxi} vs {private}");
        }
    }

    #[test]
    fn premiums_rise_with_installments_and_net_is_gross_without_tax() {
        let mut ids = IdGen::new(1);
        let premiums = premiums(
            &mut ids,
            &INSURERS[0],
            ProductBranch::Kasko,
            20_000.0,
            None,
            1.0,
        );
        assert_eq!(
            premiums
                .iter()
                .map(|p| p.installment_number)
                .collect::<Vec<_>>(),
            [1, 3, 6, 9]
        );
        assert!(premiums.windows(2).all(|w| w[0].gross < w[1].gross));
        assert!(
            premiums
                .iter()
                .all(|p| (p.net * 1.05 - p.gross).abs() < 0.02)
        );
    }
}
