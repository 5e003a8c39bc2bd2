//! Customers: individual, company and foreign, polymorphic on `$type`.

use axum::Json;
use axum::extract::{Extension, State};
use axum::http::StatusCode;
use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::app::AppState;
use crate::auth::Principal;
use crate::catalog::{self, FIRST_NAMES, LAST_NAMES};
use crate::clock::{fmt_date, fmt_ts, parse_date, today};
use crate::extract::{ApiJson, Checks, PathIds};
use crate::ids::hash_parts;
use crate::model::{Customer, CustomerType, Gender, Param, Phone};
use crate::problem::{ApiResult, Problem};
use crate::store::State as Data;
use crate::validate::{is_plausible_email, is_valid_tckn, is_valid_vkn};
use crate::webhooks;

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PhoneBody {
    country_code: Value,
    number: String,
}

/// The create/update body. Fields InsurUp accepts but the sandbox does not model are accepted and
/// ignored (`_`-prefixed), so a misspelt field is still reported as unknown.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CustomerBody {
    #[serde(rename = "$type")]
    kind: Option<String>,
    #[serde(rename = "type")]
    kind_alias: Option<String>,
    id: Option<String>,
    identity_number: Option<Value>,
    tax_number: Option<Value>,
    title: Option<String>,
    full_name: Option<String>,
    first_name: Option<String>,
    last_name: Option<String>,
    birth_date: Option<String>,
    gender: Option<String>,
    email: Option<String>,
    primary_email: Option<String>,
    phone_number: Option<PhoneBody>,
    primary_phone_number: Option<PhoneBody>,
    city_reference: Option<String>,
    district_reference: Option<String>,
    agent_id: Option<String>,
    agent_branch_id: Option<String>,
    #[serde(default, rename = "fillMissingFields")]
    _fill_missing_fields: Option<IgnoredAny>,
    #[serde(default, rename = "maritalStatus")]
    _marital_status: Option<IgnoredAny>,
    #[serde(default, rename = "nationality")]
    _nationality: Option<IgnoredAny>,
    #[serde(default, rename = "educationStatus")]
    _education_status: Option<IgnoredAny>,
    #[serde(default, rename = "job")]
    _job: Option<IgnoredAny>,
    #[serde(default, rename = "passportNumber")]
    _passport_number: Option<IgnoredAny>,
    #[serde(default, rename = "fatherName")]
    _father_name: Option<IgnoredAny>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerView {
    id: String,
    #[serde(rename = "type")]
    kind: CustomerType,
    #[serde(skip_serializing_if = "Option::is_none")]
    full_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    identity_number: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tax_number: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    birth_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    gender: Option<Gender>,
    #[serde(skip_serializing_if = "Option::is_none")]
    primary_email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    primary_phone_number: Option<Phone>,
    #[serde(skip_serializing_if = "Option::is_none")]
    city: Option<Param>,
    #[serde(skip_serializing_if = "Option::is_none")]
    district: Option<Param>,
    created_at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    agent_branch_id: Option<String>,
    vehicle_count: u32,
    property_count: u32,
    proposal_count: u32,
    policy_count: u32,
    case_count: u32,
}

impl From<&Customer> for CustomerView {
    fn from(c: &Customer) -> Self {
        Self {
            id: c.id.clone(),
            kind: c.kind,
            full_name: c.full_name.clone(),
            identity_number: c.identity_number.clone(),
            title: c.title.clone(),
            tax_number: c.tax_number.clone(),
            birth_date: c.birth_date.map(fmt_date),
            gender: c.gender,
            primary_email: c.email.clone(),
            primary_phone_number: c.phone.clone(),
            city: c.city.clone(),
            district: c.district.clone(),
            created_at: fmt_ts(c.created_at),
            agent_branch_id: c.agent_branch_id.clone(),
            vehicle_count: c.vehicle_count,
            property_count: c.property_count,
            proposal_count: c.proposal_count,
            policy_count: c.policy_count,
            case_count: c.case_count,
        }
    }
}

/// Identity numbers arrive as strings or (in older docs) JSON numbers.
fn digits(field: &str, value: &Option<Value>, checks: &mut Checks) -> Option<String> {
    match value {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.trim().to_owned()),
        Some(Value::Number(n)) if n.is_u64() => Some(n.to_string()),
        Some(other) => {
            checks.fail(field, "Rakamlardan oluşan bir metin olmalı.", other.clone());
            None
        }
    }
}

fn country_code(value: &Value) -> Option<u32> {
    match value {
        Value::Number(n) => n.as_u64().and_then(|v| u32::try_from(v).ok()),
        Value::String(s) => s.trim().trim_start_matches('+').parse().ok(),
        _ => None,
    }
}

/// A validated body, ready to become (or update) a customer.
struct Valid {
    kind: CustomerType,
    identity_number: Option<String>,
    tax_number: Option<String>,
    title: Option<String>,
    full_name: Option<String>,
    birth_date: Option<time::Date>,
    gender: Option<Gender>,
    email: Option<String>,
    phone: Option<Phone>,
    city: Option<Param>,
    district: Option<Param>,
    agent_branch_id: Option<String>,
}

fn validate(body: CustomerBody, principal: &Principal, data: &Data) -> ApiResult<Valid> {
    let mut checks = Checks::default();
    let kind_text = body.kind.or(body.kind_alias).unwrap_or_default();
    let kind = match kind_text.trim().to_ascii_lowercase().as_str() {
        "individual" => CustomerType::Individual,
        "company" | "corporate" => CustomerType::Company,
        "foreign" => CustomerType::Foreign,
        _ => {
            checks.fail(
                "$type",
                "individual, company veya foreign olmalı.",
                kind_text.as_str(),
            );
            CustomerType::Individual
        }
    };
    let identity_number = digits("identityNumber", &body.identity_number, &mut checks);
    let tax_number = digits("taxNumber", &body.tax_number, &mut checks);
    match kind {
        CustomerType::Individual => match &identity_number {
            None => checks.fail("identityNumber", "Bu alan zorunludur.", Value::Null),
            Some(n) if !is_valid_tckn(n) => checks.fail(
                "identityNumber",
                "Geçerli bir T.C. kimlik numarası değil.",
                n.as_str(),
            ),
            _ => {}
        },
        CustomerType::Foreign => match &identity_number {
            None => checks.fail("identityNumber", "Bu alan zorunludur.", Value::Null),
            Some(n) if n.len() != 11 || !n.bytes().all(|b| b.is_ascii_digit()) => checks.fail(
                "identityNumber",
                "11 haneli yabancı kimlik numarası olmalı.",
                n.as_str(),
            ),
            _ => {}
        },
        CustomerType::Company => {
            match &tax_number {
                None => checks.fail("taxNumber", "Bu alan zorunludur.", Value::Null),
                Some(n) if !is_valid_vkn(n) => checks.fail(
                    "taxNumber",
                    "Geçerli bir vergi kimlik numarası değil.",
                    n.as_str(),
                ),
                _ => {}
            }
            if body.title.as_deref().is_none_or(|t| t.trim().is_empty()) {
                checks.fail(
                    "title",
                    "Şirket unvanı zorunludur.",
                    body.title.clone().unwrap_or_default(),
                );
            }
        }
    }
    let birth_date = match body.birth_date.as_deref().filter(|s| !s.is_empty()) {
        None => None,
        Some(text) => match parse_date(text) {
            Some(d) if d <= today() => Some(d),
            _ => {
                checks.fail(
                    "birthDate",
                    "YYYY-MM-DD biçiminde, geçmiş bir tarih olmalı.",
                    text,
                );
                None
            }
        },
    };
    let gender = match body.gender.as_deref() {
        None => None,
        Some(text) => {
            let parsed = Gender::parse(text);
            if parsed.is_none() {
                checks.fail("gender", "UNKNOWN, MALE, FEMALE veya OTHER olmalı.", text);
            }
            parsed
        }
    };
    let email = body
        .email
        .or(body.primary_email)
        .filter(|e| !e.trim().is_empty());
    if let Some(e) = &email
        && !is_plausible_email(e)
    {
        checks.fail("email", "Geçerli bir e-posta adresi değil.", e.as_str());
    }
    let phone = match body.phone_number.or(body.primary_phone_number) {
        None => None,
        Some(p) => {
            let code = country_code(&p.country_code);
            let number: String = p.number.chars().filter(|c| !c.is_whitespace()).collect();
            if code.is_none_or(|c| c == 0 || c > 999) {
                checks.fail(
                    "phoneNumber.countryCode",
                    "Ülke kodu 1-999 arasında bir sayı olmalı.",
                    p.country_code.clone(),
                );
            }
            if number.len() < 7 || number.len() > 12 || !number.bytes().all(|b| b.is_ascii_digit())
            {
                checks.fail(
                    "phoneNumber.number",
                    "7-12 haneli bir telefon numarası olmalı.",
                    p.number.as_str(),
                );
            }
            code.map(|country_code| Phone {
                country_code,
                number,
            })
        }
    };
    let city = body
        .city_reference
        .as_deref()
        .and_then(|code| match catalog::city(code) {
            Some(c) => Some(c),
            None => {
                checks.fail("cityReference", "Bilinmeyen il kodu.", code);
                None
            }
        });
    let district = match (&body.district_reference, city) {
        (None, _) => None,
        (Some(code), Some(c)) => match c.districts.iter().find(|(v, _)| v == code) {
            Some((v, t)) => Some(Param::new(v, t)),
            None => {
                checks.fail(
                    "districtReference",
                    "Bu ile ait bir ilçe kodu değil.",
                    code.as_str(),
                );
                None
            }
        },
        (Some(code), None) => {
            checks.fail(
                "districtReference",
                "İlçe için cityReference de gönderilmeli.",
                code.as_str(),
            );
            None
        }
    };
    let full_name = body
        .full_name
        .or_else(|| match (body.first_name, body.last_name) {
            (Some(f), Some(l)) => Some(format!("{f} {l}")),
            (Some(f), None) => Some(f),
            (None, Some(l)) => Some(l),
            (None, None) => None,
        });
    checks.finish()?;
    if let Some(agent) = &body.agent_id
        && !agent.eq_ignore_ascii_case(&principal.agent_id)
    {
        return Err(Problem::access_denied(
            "AGENT_MISMATCH",
            "Bu acente adına işlem yetkiniz yok.",
        ));
    }
    if let Some(branch) = &body.agent_branch_id
        && data.branch(branch).is_none()
    {
        return Err(Problem::not_found(
            "AGENT_BRANCH_NOT_FOUND",
            "Şube bulunamadı.",
        ));
    }
    Ok(Valid {
        kind,
        identity_number: if kind == CustomerType::Company {
            None
        } else {
            identity_number
        },
        tax_number: if kind == CustomerType::Company {
            tax_number
        } else {
            None
        },
        title: if kind == CustomerType::Company {
            body.title
        } else {
            None
        },
        full_name: if kind == CustomerType::Company {
            None
        } else {
            full_name
        },
        birth_date,
        gender,
        email,
        phone,
        city: city.map(|c| Param::new(c.code, c.name)),
        district,
        agent_branch_id: body.agent_branch_id,
    })
}

fn duplicate(existing: &str) -> Problem {
    Problem::duplicate(
        "CUSTOMER_ALREADY_EXISTS",
        "Bu kimlik numarasıyla kayıtlı bir müşteri zaten var.",
    )
    .template_args(json!({ "customerId": existing }))
    .suggest("Mevcut müşteriyi kullanın.")
}

pub fn not_found() -> Problem {
    Problem::not_found("CUSTOMER_NOT_FOUND", "Müşteri bulunamadı.")
}

/// Resolves a path key (id, TCKN or VKN) to a customer id.
pub fn resolve(data: &Data, key: &str) -> ApiResult<String> {
    data.customer_id_for(key).ok_or_else(not_found)
}

pub fn event_payload(c: &Customer) -> Value {
    let (first, last) = match c.full_name.as_deref().and_then(|n| n.rsplit_once(' ')) {
        Some((f, l)) => (Some(f.to_owned()), Some(l.to_owned())),
        None => (c.full_name.clone(), None),
    };
    json!({
        "customerId": c.id,
        "customerType": c.kind,
        "identityNumber": c.identity_number,
        "firstName": first,
        "lastName": last,
        "companyTitle": c.title,
        "taxNumber": c.tax_number,
        "birthDate": c.birth_date.map(fmt_date),
        "gender": c.gender,
        "province": c.city.as_ref().map(|p| p.text.clone()),
        "district": c.district.as_ref().map(|p| p.text.clone()),
        "email": c.email,
        "phoneNumber": c.phone.as_ref().map(|p| format!("+{}{}", p.country_code, p.number)),
        "branch": c.agent_branch_id,
        "createdAt": fmt_ts(c.created_at),
        "creationChannel": "API",
    })
}

pub async fn create(
    State(app): State<AppState>,
    Extension(principal): Extension<Principal>,
    ApiJson(body): ApiJson<CustomerBody>,
) -> ApiResult<Json<Value>> {
    let (id, payload, branch) = app.store.with(|data| {
        let v = validate(body, &principal, data)?;
        let identity = v
            .identity_number
            .clone()
            .or_else(|| v.tax_number.clone())
            .unwrap_or_default();
        if let Some(existing) = data.identities.get(&identity) {
            return Err(duplicate(existing));
        }
        let id = data.ids.uuid();
        let customer = Customer {
            id: id.clone(),
            kind: v.kind,
            identity_number: v.identity_number,
            tax_number: v.tax_number,
            title: v.title,
            // Like InsurUp, an individual's missing name comes from the population registry.
            full_name: v.full_name.or_else(|| {
                (v.kind == CustomerType::Individual)
                    .then(|| registry_full_name(app.config.seed, &identity))
            }),
            birth_date: v.birth_date,
            gender: v.gender,
            email: v.email,
            phone: v.phone,
            city: v.city,
            district: v.district,
            agent_branch_id: v.agent_branch_id,
            created_at: crate::clock::now(),
            vehicle_count: 0,
            property_count: 0,
            proposal_count: 0,
            policy_count: 0,
            case_count: 0,
        };
        let payload = event_payload(&customer);
        let branch = customer.agent_branch_id.clone();
        data.identities.insert(identity, id.clone());
        data.customers.insert(id.clone(), customer);
        data.stats.customers_created += 1;
        Ok((id, payload, branch))
    })?;
    webhooks::emit(&app, "customer.created", branch.as_deref(), payload);
    Ok(Json(json!({ "id": id })))
}

pub async fn get(
    State(app): State<AppState>,
    PathIds(key): PathIds<String>,
) -> ApiResult<Json<CustomerView>> {
    app.store.with(|data| {
        let id = resolve(data, &key)?;
        data.customers
            .get(&id)
            .map(|c| Json(CustomerView::from(c)))
            .ok_or_else(not_found)
    })
}

pub async fn update(
    State(app): State<AppState>,
    Extension(principal): Extension<Principal>,
    PathIds(key): PathIds<String>,
    ApiJson(body): ApiJson<CustomerBody>,
) -> ApiResult<StatusCode> {
    let body_id = body.id.clone();
    let (payload, branch) = app.store.with(|data| {
        let id = resolve(data, &key)?;
        if let Some(body_id) = body_id.filter(|b| b != &id) {
            return Err(Problem::field(
                "id",
                "Gövdedeki id adresteki müşteriyle aynı olmalı.",
                body_id,
            ));
        }
        let v = validate(body, &principal, data)?;
        let current = data.customers.get(&id).ok_or_else(not_found)?;
        if current.kind != v.kind {
            return Err(Problem::business(
                "CUSTOMER_TYPE_IMMUTABLE",
                "Müşteri tipi değiştirilemez.",
            ));
        }
        let old_identity = current.identity().to_owned();
        let new_identity = v
            .identity_number
            .clone()
            .or_else(|| v.tax_number.clone())
            .unwrap_or_default();
        if new_identity != old_identity {
            if let Some(existing) = data.identities.get(&new_identity) {
                return Err(duplicate(existing));
            }
            data.identities.remove(&old_identity);
            data.identities.insert(new_identity, id.clone());
        }
        let customer = data.customers.get_mut(&id).ok_or_else(not_found)?;
        customer.identity_number = v.identity_number;
        customer.tax_number = v.tax_number;
        customer.title = v.title;
        customer.full_name = v.full_name;
        customer.birth_date = v.birth_date;
        customer.gender = v.gender;
        customer.email = v.email;
        customer.phone = v.phone;
        customer.city = v.city;
        customer.district = v.district;
        customer.agent_branch_id = v.agent_branch_id;
        let mut payload = event_payload(customer);
        if let Some(obj) = payload.as_object_mut() {
            obj.remove("createdAt");
            obj.remove("creationChannel");
            obj.insert("updatedAt".to_owned(), json!(fmt_ts(crate::clock::now())));
        }
        Ok((payload, customer.agent_branch_id.clone()))
    })?;
    webhooks::emit(&app, "customer.updated", branch.as_deref(), payload);
    Ok(StatusCode::NO_CONTENT)
}

pub async fn delete(
    State(app): State<AppState>,
    PathIds(key): PathIds<String>,
) -> ApiResult<StatusCode> {
    app.store.with(|data| {
        let id = resolve(data, &key)?;
        let customer = data.customers.remove(&id).ok_or_else(not_found)?;
        data.identities.remove(customer.identity());
        let vehicles: Vec<String> = data
            .vehicles
            .iter()
            .filter(|v| v.customer_id == id)
            .map(|v| v.id.clone())
            .collect();
        for v in vehicles {
            data.vehicles.remove(&v);
        }
        let properties: Vec<String> = data
            .properties
            .iter()
            .filter(|p| p.customer_id == id)
            .map(|p| p.id.clone())
            .collect();
        for p in properties {
            data.properties.remove(&p);
        }
        Ok(StatusCode::NO_CONTENT)
    })
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LookupBody {
    identity_number: Option<Value>,
    tax_number: Option<Value>,
    birth_date: Option<String>,
}

/// The name the simulated population registry (MERNİS) holds for a TCKN.
fn registry_full_name(seed: u64, identity: &str) -> String {
    let h = hash_parts(seed, &[identity]);
    let female = h % 2 == 0;
    let first = FIRST_NAMES[((h >> 3) % 10 * 2 + u64::from(female)) as usize % FIRST_NAMES.len()];
    let last = LAST_NAMES[((h >> 13) % LAST_NAMES.len() as u64) as usize];
    format!("{first} {last}")
}

/// Plausible registry data, deterministic from the number (the real API asks MERNİS / GİB).
pub async fn external_lookup(
    State(app): State<AppState>,
    ApiJson(body): ApiJson<LookupBody>,
) -> ApiResult<Json<Value>> {
    let mut checks = Checks::default();
    let identity = digits("identityNumber", &body.identity_number, &mut checks);
    let tax = digits("taxNumber", &body.tax_number, &mut checks);
    checks.finish()?;
    let seed = app.config.seed;
    let place = |h: u64| {
        let city = &catalog::CITIES[(h % catalog::CITIES.len() as u64) as usize];
        let (dv, dt) = city.districts[((h >> 8) % city.districts.len() as u64) as usize];
        (Param::new(city.code, city.name), Param::new(dv, dt))
    };
    if let Some(tax) = tax {
        if !is_valid_vkn(&tax) {
            return Err(Problem::field(
                "taxNumber",
                "Geçerli bir vergi kimlik numarası değil.",
                tax,
            ));
        }
        let h = hash_parts(seed, &[&tax]);
        let (city, district) = place(h);
        let title = format!(
            "{} {} TİCARET A.Ş.",
            LAST_NAMES[(h % 20) as usize],
            ["GIDA", "İNŞAAT", "LOJİSTİK", "TEKSTİL"][((h >> 4) % 4) as usize]
        );
        return Ok(Json(
            json!({"title": title, "fullName": title, "taxNumber": tax, "city": city, "district": district}),
        ));
    }
    let Some(identity) = identity else {
        return Err(Problem::field(
            "identityNumber",
            "identityNumber ya da taxNumber gönderilmeli.",
            Value::Null,
        ));
    };
    if !is_valid_tckn(&identity) {
        return Err(Problem::field(
            "identityNumber",
            "Geçerli bir T.C. kimlik numarası değil.",
            identity,
        ));
    }
    let h = hash_parts(seed, &[&identity]);
    let (city, district) = place(h);
    let female = h % 2 == 0;
    let birth = body
        .birth_date
        .as_deref()
        .and_then(parse_date)
        .map(fmt_date)
        .unwrap_or_else(|| {
            format!(
                "{}-{:02}-{:02}",
                1960 + (h >> 20) % 40,
                1 + (h >> 28) % 12,
                1 + (h >> 32) % 28
            )
        });
    Ok(Json(json!({
        "fullName": registry_full_name(seed, &identity),
        "birthDate": birth,
        "gender": if female { "FEMALE" } else { "MALE" },
        "city": city,
        "district": district,
    })))
}
