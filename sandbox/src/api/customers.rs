//! Customers: individual, company and foreign, polymorphic on `$type`.

use axum::Json;
use axum::extract::{Extension, State};
use axum::http::StatusCode;
use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use utoipa::ToSchema;

use crate::api::auth::Principal;
use crate::api::webhooks;
use crate::dialect::Dialect;
use crate::http::extract::{ApiJson, Checks, PathIds};
use crate::http::openapi::{Errors, IdAnswer};
use crate::http::problem::{ApiResult, Problem};
use crate::http::validate::{is_plausible_email, is_valid_tckn, is_valid_vkn};
use crate::simulation::catalog::{self, FIRST_NAMES, LAST_NAMES};
use crate::simulation::clock::{fmt_date, fmt_ts, parse_date, today};
use crate::state::AppState;
use crate::store::State as Data;
use crate::store::ids::hash_parts;
use crate::store::model::{
    Channel, ConsentType, Customer, CustomerDetails, CustomerType, EducationStatus, Gender, Job,
    MaritalStatus, Nationality, Param, Phone, UserReference,
};

#[derive(Deserialize, Default, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PhoneBody {
    country_code: Value,
    number: String,
}

/// The create/update body. Fields InsurUp accepts but the sandbox does not model are accepted and
/// ignored (`_`-prefixed), so a misspelt field is still reported as unknown.
#[derive(Deserialize, Default, ToSchema)]
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
    #[schema(value_type = Option<Object>)]
    _fill_missing_fields: Option<IgnoredAny>,
    marital_status: Option<String>,
    nationality: Option<String>,
    education_status: Option<String>,
    job: Option<String>,
    passport_number: Option<String>,
    father_name: Option<String>,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CustomerView {
    /// The System.Text.Json discriminator the vendor client decodes (`$type` → `type`); the guide's
    /// answers carry only `type`.
    #[serde(rename = "$type", skip_serializing_if = "Option::is_none")]
    discriminator: Option<&'static str>,
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
    marital_status: Option<MaritalStatus>,
    #[serde(skip_serializing_if = "Option::is_none")]
    nationality: Option<Nationality>,
    #[serde(skip_serializing_if = "Option::is_none")]
    education_status: Option<EducationStatus>,
    #[serde(skip_serializing_if = "Option::is_none")]
    job: Option<Job>,
    #[serde(skip_serializing_if = "Option::is_none")]
    passport_number: Option<String>,
    /// Foreign customers only.
    #[serde(skip_serializing_if = "Option::is_none")]
    father_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    primary_email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    primary_phone_number: Option<Phone>,
    #[serde(skip_serializing_if = "Option::is_none")]
    city: Option<Param>,
    #[serde(skip_serializing_if = "Option::is_none")]
    district: Option<Param>,
    created_at: String,
    created_by: UserReference,
    #[serde(skip_serializing_if = "Option::is_none")]
    represented_by: Option<UserReference>,
    creation_channel: Channel,
    #[serde(skip_serializing_if = "Option::is_none")]
    agent_branch_id: Option<String>,
    /// Both consent types and whether each is in force.
    consents: Vec<ConsentState>,
    vehicle_count: u32,
    property_count: u32,
    proposal_count: u32,
    policy_count: u32,
    case_count: u32,
    email_count: usize,
    phone_count: usize,
}

/// Whether a consent type is in force.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ConsentState {
    pub consent_type: ConsentType,
    pub is_active: bool,
}

/// Both consent types of a customer, in force or not.
pub fn consent_states(c: &Customer) -> Vec<ConsentState> {
    ConsentType::ALL
        .iter()
        .map(|t| ConsentState {
            consent_type: *t,
            is_active: c.details.consent_active(*t),
        })
        .collect()
}

/// The lowercase discriminator of a customer kind, as create bodies and vendor answers spell it.
pub fn discriminator(kind: CustomerType) -> &'static str {
    match kind {
        CustomerType::Individual => "individual",
        CustomerType::Company => "company",
        CustomerType::Foreign => "foreign",
    }
}

impl CustomerView {
    fn of(c: &Customer, dialect: Dialect) -> Self {
        let mut view = Self::from(c);
        if dialect.vendor_rest() {
            view.discriminator = Some(discriminator(c.kind));
        }
        view
    }
}

impl From<&Customer> for CustomerView {
    fn from(c: &Customer) -> Self {
        let d = &c.details;
        Self {
            discriminator: None,
            id: c.id.clone(),
            kind: c.kind,
            full_name: c.full_name.clone(),
            identity_number: c.identity_number.clone(),
            title: c.title.clone(),
            tax_number: c.tax_number.clone(),
            birth_date: c.birth_date.map(fmt_date),
            gender: c.gender,
            marital_status: d.marital_status,
            nationality: d.nationality,
            education_status: d.education_status,
            job: d.job,
            passport_number: d.passport_number.clone(),
            father_name: (c.kind == CustomerType::Foreign)
                .then(|| d.father_name.clone())
                .flatten(),
            primary_email: c.email.clone(),
            primary_phone_number: c.phone.clone(),
            city: c.city.clone(),
            district: c.district.clone(),
            created_at: fmt_ts(c.created_at),
            created_by: catalog::user_reference(&d.created_by),
            represented_by: d.representative.as_deref().map(catalog::user_reference),
            creation_channel: Channel::Api,
            agent_branch_id: c.agent_branch_id.clone(),
            consents: consent_states(c),
            vehicle_count: c.vehicle_count,
            property_count: c.property_count,
            proposal_count: c.proposal_count,
            policy_count: c.policy_count,
            case_count: c.case_count,
            email_count: d.emails.len(),
            phone_count: d.phones.len(),
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

/// A phone number body checked field by field (`{field}.countryCode`, `{field}.number`).
pub fn read_phone(field: &str, p: &PhoneBody, checks: &mut Checks) -> Option<Phone> {
    let code = country_code(&p.country_code);
    let number: String = p.number.chars().filter(|c| !c.is_whitespace()).collect();
    if code.is_none_or(|c| c == 0 || c > 999) {
        checks.fail(
            &format!("{field}.countryCode"),
            "Ülke kodu 1-999 arasında bir sayı olmalı.",
            p.country_code.clone(),
        );
    }
    if number.len() < 7 || number.len() > 12 || !number.bytes().all(|b| b.is_ascii_digit()) {
        checks.fail(
            &format!("{field}.number"),
            "7-12 haneli bir telefon numarası olmalı.",
            p.number.as_str(),
        );
        return None;
    }
    code.map(|country_code| Phone {
        country_code,
        number,
    })
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
    marital_status: Option<MaritalStatus>,
    nationality: Option<Nationality>,
    education_status: Option<EducationStatus>,
    job: Option<Job>,
    passport_number: Option<String>,
    father_name: Option<String>,
}

/// Reads an optional profile enum, recording a field error for a value the enum does not have.
fn profile_enum<T>(
    checks: &mut Checks,
    field: &str,
    text: Option<&str>,
    parse: fn(&str) -> Option<T>,
    expected: &str,
) -> Option<T> {
    let text = text?;
    let parsed = parse(text);
    if parsed.is_none() {
        checks.fail(field, &format!("{expected} olmalı."), text);
    }
    parsed
}

fn validate(body: CustomerBody, principal: &Principal, data: &Data) -> ApiResult<Valid> {
    let mut checks = Checks::default();
    let kind_text = body.kind.or(body.kind_alias).unwrap_or_default();
    let kind = match kind_text.trim().to_ascii_lowercase().as_str() {
        "individual" => CustomerType::Individual,
        "company" | "corporate" => CustomerType::Company,
        "foreign" => CustomerType::Foreign,
        // The body binds to a polymorphic type: without a known `$type` ASP.NET cannot pick one.
        "" => {
            return Err(Problem::unbindable(
                "$",
                "Deserialization of interface or abstract types is not supported. Type 'CreateCustomerRequest'. Path: $.",
                Problem::field("$type", "individual, company veya foreign olmalı.", ""),
            ));
        }
        _ => {
            return Err(Problem::unbindable(
                "$",
                &format!("Read unrecognized type discriminator id '{kind_text}'. Path: $.$type."),
                Problem::field(
                    "$type",
                    "individual, company veya foreign olmalı.",
                    kind_text.as_str(),
                ),
            ));
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
    let phone = body
        .phone_number
        .or(body.primary_phone_number)
        .and_then(|p| read_phone("phoneNumber", &p, &mut checks));
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
    let marital_status = profile_enum(
        &mut checks,
        "maritalStatus",
        body.marital_status.as_deref(),
        MaritalStatus::parse,
        "UNKNOWN, SINGLE veya MARRIED",
    );
    let nationality = profile_enum(
        &mut checks,
        "nationality",
        body.nationality.as_deref(),
        Nationality::parse,
        "UNKNOWN, TURK veya OTHER",
    );
    let education_status = profile_enum(
        &mut checks,
        "educationStatus",
        body.education_status.as_deref(),
        EducationStatus::parse,
        "Bir eğitim durumu (ör. UNIVERSITY)",
    );
    let job = profile_enum(
        &mut checks,
        "job",
        body.job.as_deref(),
        Job::parse,
        "Bir meslek (ör. TEACHER)",
    );
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
        marital_status,
        nationality,
        education_status,
        job,
        passport_number: body.passport_number.filter(|p| !p.trim().is_empty()),
        father_name: body.father_name.filter(|f| !f.trim().is_empty()),
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

/// A customer as proposal snapshots and `proposal_premium.received` carry it (`CustomerModel`):
/// polymorphic on `$type`, with the phone split into area code and the rest.
pub fn customer_model(c: &Customer) -> Value {
    let mut model = match c.kind {
        CustomerType::Company => json!({
            "$type": "company",
            "title": c.title,
            "taxNumber": c.tax_number,
        }),
        kind => json!({
            "$type": discriminator(kind),
            "identityNumber": c.identity_number,
            "birthDate": c.birth_date.map(fmt_date),
            "fullName": c.full_name,
        }),
    };
    if let Some(fields) = model.as_object_mut() {
        if let Some(p) = &c.phone {
            let (area, rest) = p.number.split_at(p.number.len().min(3));
            fields.insert(
                "phoneNumber".to_owned(),
                json!({"number": p.number, "countryCode": p.country_code, "areaCode": area, "numberWithoutAreaCode": rest}),
            );
        }
        if let Some(email) = &c.email {
            fields.insert("email".to_owned(), json!({ "value": email }));
        }
        if let Some(city) = &c.city {
            fields.insert("city".to_owned(), json!(city));
        }
        if let Some(district) = &c.district {
            fields.insert("district".to_owned(), json!(district));
        }
    }
    model
}

/// `customer.updated`: the record as `customer.created` describes it, stamped with who changed it.
pub fn updated_payload(c: &Customer, by: &str) -> Value {
    let mut payload = event_payload(c);
    if let Some(obj) = payload.as_object_mut() {
        obj.remove("createdAt");
        obj.remove("creationChannel");
        obj.insert(
            "updatedAt".to_owned(),
            json!(fmt_ts(crate::simulation::clock::now())),
        );
        obj.insert("updatedBy".to_owned(), json!(catalog::user_reference(by)));
    }
    payload
}

/// Makes `email` the primary address, adding it to the customer's addresses when new.
pub fn set_primary_email(customer: &mut Customer, email: String) {
    if !customer
        .details
        .emails
        .iter()
        .any(|e| e.eq_ignore_ascii_case(&email))
    {
        customer.details.emails.push(email.clone());
    }
    customer.email = Some(email);
}

/// Makes `phone` the primary number, adding it to the customer's numbers when new.
pub fn set_primary_phone(customer: &mut Customer, phone: Phone) {
    if !customer.details.phones.contains(&phone) {
        customer.details.phones.push(phone.clone());
    }
    customer.phone = Some(phone);
}

/// A create body names its kind with `$type` in every documented dialect; `type` (the older
/// prose) is a member the request type does not have.
fn refuse_type_member(body: &CustomerBody, dialect: Dialect) -> ApiResult<()> {
    let _ = dialect;
    if body.kind_alias.is_some() {
        return Err(Problem::unbindable(
            "$.type",
            "The JSON property 'type' could not be mapped to any .NET member contained in type 'CreateCustomerRequest'.",
            Problem::field("type", "Bilinmeyen alan.", Value::Null),
        ));
    }
    Ok(())
}

#[utoipa::path(post, path = "/api/customers", tag = "customers", security(("bearer" = [])),
    request_body(content = CustomerBody, description = "Polymorphic on `$type`: individual, company or foreign"),
    responses((status = 200, description = "The new customer's id", body = IdAnswer), Errors))]
pub async fn create(
    State(app): State<AppState>,
    Extension(principal): Extension<Principal>,
    ApiJson(body): ApiJson<CustomerBody>,
) -> ApiResult<Json<Value>> {
    refuse_type_member(&body, app.config.dialect)?;
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
            email: v.email.clone(),
            phone: v.phone.clone(),
            city: v.city,
            district: v.district,
            agent_branch_id: v.agent_branch_id,
            created_at: crate::simulation::clock::now(),
            vehicle_count: 0,
            property_count: 0,
            proposal_count: 0,
            policy_count: 0,
            case_count: 0,
            details: CustomerDetails {
                emails: v.email.iter().cloned().collect(),
                phones: v.phone.iter().cloned().collect(),
                created_by: principal.user_id.clone(),
                marital_status: v.marital_status,
                nationality: v.nationality,
                education_status: v.education_status,
                job: v.job,
                passport_number: v.passport_number,
                father_name: v.father_name,
                ..CustomerDetails::default()
            },
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

#[utoipa::path(get, path = "/api/customers/{id}", tag = "customers", security(("bearer" = [])),
    params(("id" = String, Path, description = "Customer id (UUID), or its TCKN/VKN")),
    responses((status = 200, description = "The customer", body = CustomerView), Errors))]
pub async fn get(
    State(app): State<AppState>,
    PathIds(key): PathIds<String>,
) -> ApiResult<Json<CustomerView>> {
    app.store.with(|data| {
        let id = resolve(data, &key)?;
        data.customers
            .get(&id)
            .map(|c| Json(CustomerView::of(c, app.config.dialect)))
            .ok_or_else(not_found)
    })
}

#[utoipa::path(put, path = "/api/customers/{id}", tag = "customers", security(("bearer" = [])),
    params(("id" = String, Path, description = "Customer id (UUID), or its TCKN/VKN")), request_body = CustomerBody,
    responses((status = 204, description = "Updated"), Errors))]
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
        match v.email {
            Some(email) => set_primary_email(customer, email),
            None => customer.email = None,
        }
        match v.phone {
            Some(phone) => set_primary_phone(customer, phone),
            None => customer.phone = None,
        }
        customer.city = v.city;
        customer.district = v.district;
        customer.agent_branch_id = v.agent_branch_id;
        let d = &mut customer.details;
        d.marital_status = v.marital_status;
        d.nationality = v.nationality;
        d.education_status = v.education_status;
        d.job = v.job;
        d.passport_number = v.passport_number;
        d.father_name = v.father_name;
        Ok((
            updated_payload(customer, &principal.user_id),
            customer.agent_branch_id.clone(),
        ))
    })?;
    webhooks::emit(&app, "customer.updated", branch.as_deref(), payload);
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(delete, path = "/api/customers/{id}", tag = "customers", security(("bearer" = [])),
    params(("id" = String, Path, description = "Customer id (UUID), or its TCKN/VKN")),
    responses((status = 204, description = "Deleted, with its vehicles and properties"), Errors))]
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

#[derive(Deserialize, ToSchema)]
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
#[utoipa::path(post, path = "/api/customers/external-lookup", tag = "customers", security(("bearer" = [])),
    request_body = LookupBody,
    responses((status = 200, description = "What the population or tax registry holds", body = RegistryRecord), Errors))]
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

/// `GET /api/customers/{id}/assets`: the customer's vehicles and properties in one list,
/// discriminated by `$type` (`vehicle`, `property`) as the vendor client reads it; the guide's
/// dialect names the kind in `type` (`VEHICLE`, `PROPERTY`).
#[utoipa::path(get, path = "/api/customers/{id}/assets", tag = "customers", security(("bearer" = [])),
    params(("id" = String, Path, description = "Customer id (UUID), or its TCKN/VKN")),
    responses((status = 200, description = "Vehicles and properties, discriminated by `$type` (`type` in the guide dialect)", body = Vec<AssetItem>), Errors))]
pub async fn assets(
    State(app): State<AppState>,
    PathIds(key): PathIds<String>,
) -> ApiResult<Json<Vec<Value>>> {
    let dialect = app.config.dialect;
    let tag = |item: &mut Value, kind: &str| {
        if let Some(obj) = item.as_object_mut() {
            if dialect.guide_rest() {
                obj.insert("type".to_owned(), json!(kind.to_ascii_uppercase()));
            } else {
                obj.insert("$type".to_owned(), json!(kind));
            }
        }
    };
    app.store.with(|data| {
        let id = resolve(data, &key)?;
        let mut items = Vec::new();
        for v in data.vehicles.iter().filter(|v| v.customer_id == id) {
            let mut item = json!({
                "id": v.id,
                "customerId": v.customer_id,
                "createdAt": fmt_ts(v.created_at),
                "plate": v.plate,
                "model": v.brand.as_ref().map(|brand| json!({
                    "brand": brand,
                    "type": v.model,
                    "year": v.model_year,
                })),
            });
            tag(&mut item, "vehicle");
            items.push(item);
        }
        for p in data.properties.iter().filter(|p| p.customer_id == id) {
            let mut item = json!({
                "id": p.id,
                "customerId": p.customer_id,
                "createdAt": fmt_ts(p.created_at),
                "number": p.property_number,
                // The sandbox keeps no address per UAVT number; the number stands in for it.
                "address": {"propertyNumber": p.property_number},
            });
            tag(&mut item, "property");
            items.push(item);
        }
        Ok(Json(items))
    })
}

/// A registry answer: a person's (`fullName`, `birthDate`, `gender`) or a company's (`title`,
/// `taxNumber`) record.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
pub struct RegistryRecord {
    full_name: String,
    birth_date: Option<String>,
    gender: Option<String>,
    title: Option<String>,
    tax_number: Option<String>,
    city: Param,
    district: Param,
}

/// An item of `GET /api/customers/{id}/assets`.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
pub struct AssetItem {
    /// `vehicle` or `property` (`graphql-docs`, `vendor-sdk`).
    #[serde(rename = "$type")]
    discriminator: Option<String>,
    /// `VEHICLE` or `PROPERTY` (`guide`).
    #[serde(rename = "type")]
    kind: Option<String>,
    id: String,
    customer_id: String,
    created_at: String,
    plate: Option<crate::store::model::Plate>,
    #[schema(value_type = Option<Object>)]
    model: Option<Value>,
    number: Option<i64>,
    #[schema(value_type = Option<Object>)]
    address: Option<Value>,
}
