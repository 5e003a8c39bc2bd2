//! Bulk data for paging and memory tests: `generated_policies` policies for the seeded agent, two per
//! customer, deterministic from the seed. Kept allocation-light so 100 000 policies take well under a
//! second even in a debug build.

use time::{Duration, OffsetDateTime};

use crate::http::validate::complete_tckn;
use crate::simulation::catalog::{
    AGENT_BRANCH_ID, AGENT_USER_ID, BRANDS, CITIES, FIRST_NAMES, INSURERS, LAST_NAMES,
};
use crate::store::ids::SeededRng;
use crate::store::model::{
    Channel, Customer, CustomerDetails, CustomerType, Gender, Param, PaymentOption, Phone, Policy,
    PolicyState, PolicyVersion, ProductBranch, money,
};
use crate::store::{State, Table};

const CHANNELS: &[Channel] = &[
    Channel::Api,
    Channel::Website,
    Channel::CallCenter,
    Channel::MobileApp,
];

pub fn generate(state: &mut State, seed: u64, policies: usize) {
    let mut rng = SeededRng::new(seed.wrapping_mul(31).wrapping_add(7));
    let anchor = time::macros::datetime!(2024-01-01 08:00:00 UTC);
    // Spread creation over two and a half years, strictly increasing.
    let span_secs: i64 = 80_000_000;
    let step = (span_secs / i64::try_from(policies.max(1)).unwrap_or(1)).max(1);
    let customers = policies.div_ceil(2);
    state.customers = Table::with_capacity(customers);
    state.policies = Table::with_capacity(policies);
    state.identities.reserve(customers);
    let today = crate::simulation::clock::today();

    let mut customer_id = String::new();
    let mut customer_name = String::new();
    let mut identity = String::new();
    let mut plate = String::new();
    for j in 0..policies {
        let created_at = anchor
            + Duration::seconds(
                i64::try_from(j).unwrap_or(0) * step + rng.below(step as u64) as i64 / 2,
            );
        if j % 2 == 0 {
            let (id, name, tckn) = new_customer(state, &mut rng, created_at);
            customer_id = id;
            customer_name = name;
            identity = tckn;
            plate = format!(
                "{:02}{}{}",
                1 + rng.below(81),
                letters(&mut rng),
                100 + rng.below(900)
            );
        }
        let branch = if rng.below(10) < 6 {
            ProductBranch::Trafik
        } else {
            ProductBranch::Kasko
        };
        let insurer_index = usize::try_from(rng.below(INSURERS.len() as u64)).unwrap_or(0);
        let insurer = &INSURERS[insurer_index];
        let gross = match branch {
            ProductBranch::Kasko => {
                let brand = rng.pick(BRANDS);
                let model = rng.pick(brand.models);
                model.value * 0.021 * (0.7 + rng.unit() * 0.5)
            }
            _ => 6_450.0 * (0.8 + rng.unit() * 0.6),
        } * insurer.price_factor;
        let installments = insurer.installments();
        let installment = *rng.pick(installments);
        let gross = money(gross);
        let net = money(gross / 1.05);
        let start = created_at.date();
        let end = crate::simulation::clock::one_year_after(start);
        let state_roll = rng.below(100);
        let policy_state = if state_roll < 2 {
            PolicyState::Cancelled
        } else if end < today {
            PolicyState::EndOfLife
        } else {
            PolicyState::Active
        };
        let id = state.ids.object_id();
        let mut policy = Policy {
            id: id.clone(),
            policy_number: format!("{}{:08}", insurer.id, j + 1),
            state: policy_state,
            branch,
            insurer: insurer_index,
            product_id: insurer.product_id(branch).unwrap_or(0),
            product_name: format!(
                "{} {}",
                insurer.name.trim_end_matches(" Sigorta"),
                branch.display()
            ),
            proposal_id: None,
            proposal_product_id: None,
            insurer_customer_id: customer_id.clone(),
            insured_customer_id: customer_id.clone(),
            insured_name: customer_name.clone(),
            insured_identity: identity.clone(),
            start_date: start,
            end_date: end,
            arrangement_date: start,
            installment_number: installment,
            payment_type: if rng.below(10) == 0 {
                PaymentOption::SyncOpenAccount
            } else {
                PaymentOption::SyncCreditCard
            },
            net,
            gross,
            commission: money(
                net * if branch == ProductBranch::Kasko {
                    0.12
                } else {
                    0.06
                },
            ),
            vehicle_plate: Some(plate.clone()),
            agent_branch_id: (j % 4 != 3).then(|| AGENT_BRANCH_ID.to_owned()),
            channel: *rng.pick(CHANNELS),
            created_at,
            version: PolicyVersion::initial(&id, 0.0, 0.0, 0.0, start),
            representative: None,
            manual: false,
            from_transfer: false,
        };
        policy.version =
            PolicyVersion::initial(&id, policy.net, policy.gross, policy.commission, start);
        if let Some(c) = state.customers.get_mut(&customer_id) {
            c.policy_count += 1;
        }
        state.policies.insert(id, policy);
    }
    state.policy_seq = u32::try_from(policies).unwrap_or(u32::MAX);
}

fn letters(rng: &mut SeededRng) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPRSTUVYZ";
    let n = 1 + rng.below(3);
    (0..n).map(|_| char::from(*rng.pick(ALPHABET))).collect()
}

fn new_customer(
    state: &mut State,
    rng: &mut SeededRng,
    created_at: OffsetDateTime,
) -> (String, String, String) {
    let tckn = loop {
        let mut digits = [0u32; 9];
        digits[0] = 2 + rng.below(8) as u32; // never 1: keeps the published fixture TCKN free
        for d in digits.iter_mut().skip(1) {
            *d = rng.below(10) as u32;
        }
        let candidate = complete_tckn(digits);
        if !state.identities.contains_key(&candidate) {
            break candidate;
        }
    };
    let name_index = usize::try_from(rng.below(FIRST_NAMES.len() as u64)).unwrap_or(0);
    let female = name_index % 2 == 1;
    let name = format!("{} {}", FIRST_NAMES[name_index], rng.pick(LAST_NAMES));
    let city = rng.pick(CITIES);
    let (dv, dt) = *rng.pick(city.districts);
    let id = state.ids.uuid();
    let birth =
        time::Date::from_ordinal_date(1950 + rng.below(55) as i32, 1 + rng.below(365) as u16).ok();
    let mut customer = Customer {
        id: id.clone(),
        kind: CustomerType::Individual,
        identity_number: Some(tckn.clone()),
        tax_number: None,
        title: None,
        full_name: Some(name.clone()),
        birth_date: birth,
        gender: Some(if female { Gender::Female } else { Gender::Male }),
        email: Some(format!(
            "musteri{}@example.com.tr",
            state.customers.len() + 1
        )),
        phone: Some(Phone {
            country_code: 90,
            number: format!("5{:09}", rng.below(1_000_000_000)),
        }),
        city: Some(Param::new(city.code, city.name)),
        district: Some(Param::new(dv, dt)),
        agent_branch_id: (rng.below(2) == 0).then(|| AGENT_BRANCH_ID.to_owned()),
        created_at: created_at - Duration::minutes(30),
        vehicle_count: 0,
        property_count: 0,
        proposal_count: 0,
        policy_count: 0,
        case_count: 0,
        details: CustomerDetails {
            created_by: AGENT_USER_ID.to_owned(),
            ..CustomerDetails::default()
        },
    };
    if let Some(email) = &customer.email {
        customer.details.emails.push(email.clone());
    }
    if let Some(phone) = &customer.phone {
        customer.details.phones.push(phone.clone());
    }
    state.identities.insert(tckn.clone(), id.clone());
    state.customers.insert(id.clone(), customer);
    (id, name, tckn)
}
