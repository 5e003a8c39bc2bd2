//! The records the store keeps, and the enums they share with REST and GraphQL.

use std::sync::Arc;
use std::time::Instant;

use serde::Serialize;
use time::{Date, OffsetDateTime};
use tokio::sync::watch;

/// Declares a closed wire enum: GraphQL enum (names are the variants in SCREAMING_SNAKE_CASE),
/// JSON string with the same spelling, and a lenient parser for REST input.
macro_rules! wire_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $wire:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(async_graphql::Enum, Copy, Clone, Debug, PartialEq, Eq, Hash)]
        pub enum $name { $(#[graphql(name = $wire)] $variant),+ }

        impl $name {
            #[allow(dead_code)]
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub const fn as_str(self) -> &'static str {
                match self { $($name::$variant => $wire),+ }
            }

            /// Case-insensitive; `-` and spaces count as `_` (older docs send `website`, `open-account`).
            pub fn parse(text: &str) -> Option<Self> {
                let norm: String = text
                    .trim()
                    .chars()
                    .map(|c| if c == '-' || c == ' ' { '_' } else { c.to_ascii_uppercase() })
                    .collect();
                match norm.as_str() { $($wire => Some($name::$variant),)+ _ => None }
            }
        }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::schema::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .enum_values(Some([$($wire),+]))
                    .into()
            }
        }

        impl utoipa::ToSchema for $name {}
    };
}

wire_enum!(ProductBranch {
    Kasko = "KASKO", Dask = "DASK", Konut = "KONUT", Trafik = "TRAFIK", Tss = "TSS", Imm = "IMM",
    YesilKart = "YESIL_KART", FerdiKaza = "FERDI_KAZA", GrupHayat = "GRUP_HAYAT", Saglik = "SAGLIK",
    KartKimlikKoruma = "KART_KIMLIK_KORUMA", UcuncuSahisMaliSorumluluk = "UCUNCU_SAHIS_MALI_SORUMLULUK",
    IsyeriYangin = "ISYERI_YANGIN", Seyahat = "SEYAHAT", ElektronikCihaz = "ELEKTRONIK_CIHAZ", Pet = "PET",
    Bes = "BES", InsaatAllRisk = "INSAAT_ALL_RISK", LeasingAllRisk = "LEASING_ALL_RISK",
    MontajAllRisk = "MONTAJ_ALL_RISK", Nakliyat = "NAKLIYAT",
    OzelGuvenlikMaliSorumluluk = "OZEL_GUVENLIK_MALI_SORUMLULUK", AkilliTelefon = "AKILLI_TELEFON",
    TehlikeliMaddelerMaliSorumluluk = "TEHLIKELI_MADDELER_MALI_SORUMLULUK",
    YatGemiGezintiTeknesi = "YAT_GEMI_GEZINTI_TEKNESI", Tarim = "TARIM", Mesleki = "MESLEKI_SORUMLULUK",
    Alacak = "ALACAK", IsverenMaliMesuliyet = "ISVEREN_MALI_MESULIYET", Muhendislik = "MUHENDISLIK",
    HukuksalKoruma = "HUKUKSAL_KORUMA", IlkAtesKonut = "ILK_ATES_KONUT", Kefalet = "KEFALET",
});

impl ProductBranch {
    /// Branches whose proposals need a vehicle, and the ones that need a property.
    pub fn needs_vehicle(self) -> bool {
        matches!(self, Self::Kasko | Self::Trafik | Self::Imm)
    }

    pub fn needs_property(self) -> bool {
        matches!(self, Self::Dask | Self::Konut)
    }

    /// Maps the proposal `$type`/`type` discriminators of both request dialects.
    pub fn from_proposal_type(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "kasko" => Some(Self::Kasko),
            "trafik" | "traffic" => Some(Self::Trafik),
            "dask" => Some(Self::Dask),
            "konut" => Some(Self::Konut),
            "tss" => Some(Self::Tss),
            "imm" => Some(Self::Imm),
            _ => None,
        }
    }

    /// Turkish display name used in product names.
    pub fn display(self) -> &'static str {
        match self {
            Self::Kasko => "Kasko",
            Self::Trafik => "Zorunlu Trafik",
            Self::Dask => "DASK",
            Self::Konut => "Konut",
            Self::Tss => "Tamamlayıcı Sağlık",
            Self::Imm => "İMM",
            _ => "Sigorta",
        }
    }
}

wire_enum!(Channel {
    Unknown = "UNKNOWN", Manual = "MANUAL", Website = "WEBSITE", GoogleAds = "GOOGLE_ADS",
    CallCenter = "CALL_CENTER", SocialMedia = "SOCIAL_MEDIA", MobileApp = "MOBILE_APP",
    OfflineProposalForm = "OFFLINE_PROPOSAL_FORM", Field = "FIELD", PrintMedia = "PRINT_MEDIA",
    FairEvent = "FAIR_EVENT", BusinessPartner = "BUSINESS_PARTNER", Chatbot = "CHATBOT", Api = "API",
    Partner = "PARTNER", Mobile = "MOBILE",
});

wire_enum!(ProposalState {
    Waiting = "WAITING", Active = "ACTIVE", Purchasing = "PURCHASING", Purchased = "PURCHASED",
    Failed = "FAILED",
});

// `PURCHASE_FAILED` (the mobile guide's product states): a refused payment. The product can be
// bought again, with another card.
wire_enum!(ProductState {
    Waiting = "WAITING", Active = "ACTIVE", Failed = "FAILED", Purchasing = "PURCHASING",
    Purchased = "PURCHASED", PurchaseFailed = "PURCHASE_FAILED",
});

wire_enum!(PolicyState { Active = "ACTIVE", EndOfLife = "END_OF_LIFE", Cancelled = "CANCELLED" });

wire_enum!(CustomerType { Individual = "INDIVIDUAL", Company = "COMPANY", Foreign = "FOREIGN" });

wire_enum!(Gender { Unknown = "UNKNOWN", Male = "MALE", Female = "FEMALE", Other = "OTHER" });

wire_enum!(AssetType { Vehicle = "VEHICLE", Property = "PROPERTY" });

wire_enum!(CaseType {
    SaleOpportunity = "SALE_OPPORTUNITY", Endorsement = "ENDORSEMENT", Cancel = "CANCEL",
    Complaint = "COMPLAINT",
});

wire_enum!(CaseStatus { Open = "OPEN", Delayed = "DELAYED", Success = "SUCCESS", Fail = "FAIL" });

wire_enum!(CaseMainState { Fail = "FAIL", Open = "OPEN", InProgress = "IN_PROGRESS", Success = "SUCCESS" });

wire_enum!(CaseSubState {
    FailNoResponse = "FAIL_NO_RESPONSE", FailInvalidCase = "FAIL_INVALID_CASE",
    FailCustomerWithdrawn = "FAIL_CUSTOMER_WITHDRAWN", FailPaymentError = "FAIL_PAYMENT_ERROR",
    FailDeclinedCardInformation = "FAIL_DECLINED_CARD_INFORMATION", FailForeignUser = "FAIL_FOREIGN_USER",
    FailTakenElsewhere = "FAIL_TAKEN_ELSEWHERE", FailPriceTooHigh = "FAIL_PRICE_TOO_HIGH",
    FailAssetAcquisition = "FAIL_ASSET_ACQUISITION", FailAssetSold = "FAIL_ASSET_SOLD",
    FailUnresolved = "FAIL_UNRESOLVED", FailReferredToLegal = "FAIL_REFERRED_TO_LEGAL",
    FailCustomerUnsatisfied = "FAIL_CUSTOMER_UNSATISFIED", FailMissingDocuments = "FAIL_MISSING_DOCUMENTS",
    FailInsurerDenied = "FAIL_INSURER_DENIED", FailConditionsNotMet = "FAIL_CONDITIONS_NOT_MET",
    OpenInitial = "OPEN_INITIAL", OpenCollectingInformation = "OPEN_COLLECTING_INFORMATION",
    OpenDelayed = "OPEN_DELAYED", OpenWaiting = "OPEN_WAITING",
    InProgressUnderAnalysis = "IN_PROGRESS_UNDER_ANALYSIS",
    InProgressProposalPrepared = "IN_PROGRESS_PROPOSAL_PREPARED",
    InProgressAwaitingApproval = "IN_PROGRESS_AWAITING_APPROVAL",
    InProgressToBeRecontacted = "IN_PROGRESS_TO_BE_RECONTACTED", SuccessCompleted = "SUCCESS_COMPLETED",
});

wire_enum!(SaleOpportunitySubType { NewSale = "NEW_SALE", CrossSale = "CROSS_SALE", Renewal = "RENEWAL" });

wire_enum!(CancelSubType {
    OnlineCancellationRefund = "ONLINE_CANCELLATION_REFUND", MebCancellation = "MEB_CANCELLATION",
    PartialCancellation = "PARTIAL_CANCELLATION", CancellationFromSale = "CANCELLATION_FROM_SALE",
    CancellationDueToCollection = "CANCELLATION_DUE_TO_COLLECTION",
    CancellationDueToDamage = "CANCELLATION_DUE_TO_DAMAGE",
});

wire_enum!(EndorsementSubType {
    VehicleChange = "VEHICLE_CHANGE", ValueIncrease = "VALUE_INCREASE",
    NoClaimBonusTransfer = "NO_CLAIM_BONUS_TRANSFER", CoverageChange = "COVERAGE_CHANGE",
    UsageTypeChange = "USAGE_TYPE_CHANGE", TransferRequest = "TRANSFER_REQUEST",
    LicensePlateChange = "LICENSE_PLATE_CHANGE", BrandModelChange = "BRAND_MODEL_CHANGE",
    EngineChassisNumberChange = "ENGINE_CHASSIS_NUMBER_CHANGE",
    ContactAddressChange = "CONTACT_ADDRESS_CHANGE", Other = "OTHER",
    PledgeeCorrectionAddition = "PLEDGEE_CORRECTION_ADDITION",
});

wire_enum!(ComplaintSubType {
    ConsultantError = "CONSULTANT_ERROR", PolicyOperations = "POLICY_OPERATIONS",
    Collection = "COLLECTION", DueToFrequentCalls = "DUE_TO_FREQUENT_CALLS", Fraud = "FRAUD",
    Damage = "DAMAGE", ErroneousTransaction = "ERRONEOUS_TRANSACTION",
    DelayInOperations = "DELAY_IN_OPERATIONS", OnlineTransactionErrors = "ONLINE_TRANSACTION_ERRORS",
    DelayInCancellationPeriod = "DELAY_IN_CANCELLATION_PERIOD",
    NonReceiptOfPolicyOrEndorsement = "NON_RECEIPT_OF_POLICY_OR_ENDORSEMENT",
    NonProductionOfPolicyOrEndorsement = "NON_PRODUCTION_OF_POLICY_OR_ENDORSEMENT",
    DelayInEndorsementOperations = "DELAY_IN_ENDORSEMENT_OPERATIONS",
    ErroneousPremiumCollection = "ERRONEOUS_PREMIUM_COLLECTION",
    NonDeliveryOfRefundReceipt = "NON_DELIVERY_OF_REFUND_RECEIPT",
    NonRefundOfPremium = "NON_REFUND_OF_PREMIUM", StaffAttitude = "STAFF_ATTITUDE",
    InsufficientOrErroneousInformation = "INSUFFICIENT_OR_ERRONEOUS_INFORMATION",
    NoTimelyResponse = "NO_TIMELY_RESPONSE",
});

wire_enum!(CaseActivityAction {
    Created = "CREATED", Updated = "UPDATED", StateChanged = "STATE_CHANGED",
    ChannelChanged = "CHANNEL_CHANGED", RepresentativeAssigned = "REPRESENTATIVE_ASSIGNED",
    NoteAdded = "NOTE_ADDED", AssetSet = "ASSET_SET", PolicyAdded = "POLICY_ADDED",
    ProposalAdded = "PROPOSAL_ADDED", PolicyEndDateSet = "POLICY_END_DATE_SET",
    CustomerUpdated = "CUSTOMER_UPDATED", AssetUpdated = "ASSET_UPDATED",
    PriorityAssessed = "PRIORITY_ASSESSED",
    ProposalProductPurchaseAttempted = "PROPOSAL_PRODUCT_PURCHASE_ATTEMPTED",
});

/// A case's sub-type, one enum per case type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CaseSubType {
    SaleOpportunity(SaleOpportunitySubType),
    Cancel(CancelSubType),
    Endorsement(EndorsementSubType),
    Complaint(ComplaintSubType),
}

impl CaseSubType {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::SaleOpportunity(s) => s.as_str(),
            Self::Cancel(s) => s.as_str(),
            Self::Endorsement(s) => s.as_str(),
            Self::Complaint(s) => s.as_str(),
        }
    }

    pub fn case_type(self) -> CaseType {
        match self {
            Self::SaleOpportunity(_) => CaseType::SaleOpportunity,
            Self::Cancel(_) => CaseType::Cancel,
            Self::Endorsement(_) => CaseType::Endorsement,
            Self::Complaint(_) => CaseType::Complaint,
        }
    }
}

impl Serialize for CaseSubType {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

wire_enum!(PaymentOption {
    Unknown = "UNKNOWN", SyncCreditCard = "SYNC_CREDIT_CARD", SyncOpenAccount = "SYNC_OPEN_ACCOUNT",
    Async3dSecure = "ASYNC_3D_SECURE", AsyncInsuranceCompanyRedirect = "ASYNC_INSURANCE_COMPANY_REDIRECT",
    AsyncThirdParty3dSecure = "ASYNC_THIRD_PARTY_3D_SECURE",
});

wire_enum!(Fuel {
    Gasoline = "GASOLINE", Diesel = "DIESEL", Lpg = "LPG", Electric = "ELECTRIC",
    LpgGasoline = "LPG_GASOLINE", Hybrid = "HYBRID",
});

wire_enum!(MaritalStatus { Unknown = "UNKNOWN", Single = "SINGLE", Married = "MARRIED" });

wire_enum!(Nationality { Unknown = "UNKNOWN", Turk = "TURK", Other = "OTHER" });

wire_enum!(EducationStatus {
    Unknown = "UNKNOWN", PrimarySchool = "PRIMARY_SCHOOL", MiddleSchool = "MIDDLE_SCHOOL",
    HighSchool = "HIGH_SCHOOL", University = "UNIVERSITY", Postgraduate = "POSTGRADUATE",
    Doctorate = "DOCTORATE", Other = "OTHER",
});

wire_enum!(Job {
    Unknown = "UNKNOWN", Banker = "BANKER", CorporateEmployee = "CORPORATE_EMPLOYEE",
    LtdEmployee = "LTD_EMPLOYEE", Police = "POLICE", MilitaryPersonnel = "MILITARY_PERSONNEL",
    RetiredSpouse = "RETIRED_SPOUSE", Teacher = "TEACHER", Doctor = "DOCTOR", Pharmacist = "PHARMACIST",
    Nurse = "NURSE", HealthcareWorker = "HEALTHCARE_WORKER", Lawyer = "LAWYER", Judge = "JUDGE",
    Prosecutor = "PROSECUTOR", Freelancer = "FREELANCER", Farmer = "FARMER", Instructor = "INSTRUCTOR",
    ReligiousOfficial = "RELIGIOUS_OFFICIAL", AssociationManager = "ASSOCIATION_MANAGER",
    Officer = "OFFICER", Retired = "RETIRED", Housewife = "HOUSEWIFE",
});

wire_enum!(ConsentType { Kvkk = "KVKK", Etk = "ETK" });

wire_enum!(ConsentChannel {
    Manual = "MANUAL", Web = "WEB", Chatbot = "CHATBOT", Sms = "SMS", Email = "EMAIL",
    External = "EXTERNAL",
});

wire_enum!(ConsentAction { Given = "GIVEN", Revoked = "REVOKED" });

wire_enum!(AddressType {
    Unknown = "UNKNOWN", Home = "HOME", Work = "WORK", Temporary = "TEMPORARY", Other = "OTHER",
});

wire_enum!(ContactState { Planned = "PLANNED", Occurred = "OCCURRED", NotOccurred = "NOT_OCCURRED" });

/// Who did something: `{id, name, email, userType}` in answers and webhook payloads.
#[derive(Clone, Debug, Serialize, PartialEq, Eq, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct UserReference {
    pub id: String,
    pub name: String,
    pub email: Option<String>,
    /// `AGENT` for agent users and service accounts.
    pub user_type: String,
}

/// `{value, text}` reference pairs (cities, brands, models...).
#[derive(Clone, Debug, Serialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct Param {
    pub value: String,
    pub text: String,
}

impl Param {
    pub fn new(value: &str, text: &str) -> Self {
        Self {
            value: value.to_owned(),
            text: text.to_owned(),
        }
    }
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Phone {
    pub country_code: u32,
    pub number: String,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct Plate {
    pub city: u8,
    pub code: String,
}

impl Plate {
    pub fn display(&self) -> String {
        format!("{:02}{}", self.city, self.code)
    }
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct DocumentSerial {
    pub code: String,
    pub number: String,
}

#[derive(Clone, Debug)]
pub struct Customer {
    pub id: String,
    pub kind: CustomerType,
    pub identity_number: Option<String>,
    pub tax_number: Option<String>,
    pub title: Option<String>,
    pub full_name: Option<String>,
    pub birth_date: Option<Date>,
    pub gender: Option<Gender>,
    pub email: Option<String>,
    pub phone: Option<Phone>,
    pub city: Option<Param>,
    pub district: Option<Param>,
    pub agent_branch_id: Option<String>,
    pub created_at: OffsetDateTime,
    pub vehicle_count: u32,
    pub property_count: u32,
    pub proposal_count: u32,
    pub policy_count: u32,
    pub case_count: u32,
    pub details: CustomerDetails,
}

/// What a customer record holds beyond its identity: its contact book, consents, profile and who
/// looks after it. `Customer::email` and `Customer::phone` are the primaries among `emails` and
/// `phones`.
#[derive(Clone, Debug, Default)]
pub struct CustomerDetails {
    pub emails: Vec<String>,
    pub phones: Vec<Phone>,
    pub addresses: Vec<Address>,
    /// Every consent given or revoked, oldest first; the current state is the last entry per type.
    pub consent_history: Vec<ConsentRecord>,
    pub contacts: Vec<Contact>,
    /// The agent user who represents the agency to this customer.
    pub representative: Option<String>,
    /// The agent user (or service account) who created the record.
    pub created_by: String,
    pub marital_status: Option<MaritalStatus>,
    pub nationality: Option<Nationality>,
    pub education_status: Option<EducationStatus>,
    pub job: Option<Job>,
    pub passport_number: Option<String>,
    pub father_name: Option<String>,
}

/// A customer address: a UAVT number and what kind of place it is.
#[derive(Clone, Debug)]
pub struct Address {
    pub id: String,
    pub property_number: i64,
    pub kind: AddressType,
    pub created_at: OffsetDateTime,
}

#[derive(Clone, Debug)]
pub struct ConsentRecord {
    pub consent_type: ConsentType,
    pub action: ConsentAction,
    pub channel: ConsentChannel,
    pub at: OffsetDateTime,
    pub by: String,
}

/// A planned or recorded phone call with the customer.
#[derive(Clone, Debug)]
pub struct Contact {
    pub id: String,
    pub state: ContactState,
    pub case_ref: Option<String>,
    pub created_by: String,
    pub created_at: OffsetDateTime,
    pub planned_time: Option<OffsetDateTime>,
}

impl CustomerDetails {
    /// Whether a consent of this type is in force.
    pub fn consent_active(&self, consent_type: ConsentType) -> bool {
        self.consent_history
            .iter()
            .rev()
            .find(|r| r.consent_type == consent_type)
            .is_some_and(|r| r.action == ConsentAction::Given)
    }
}

impl Customer {
    /// The person's or the company's name, whichever applies.
    pub fn name(&self) -> &str {
        self.full_name
            .as_deref()
            .or(self.title.as_deref())
            .unwrap_or("")
    }

    /// TCKN for people, VKN for companies.
    pub fn identity(&self) -> &str {
        self.identity_number
            .as_deref()
            .or(self.tax_number.as_deref())
            .unwrap_or("")
    }
}

#[derive(Clone, Debug)]
pub struct Vehicle {
    pub id: String,
    pub customer_id: String,
    pub plate: Option<Plate>,
    pub model_year: Option<i32>,
    pub brand: Option<Param>,
    pub model: Option<Param>,
    pub utilization_style: String,
    pub fuel: Option<Fuel>,
    pub engine: Option<String>,
    pub chassis: Option<String>,
    pub registration_date: Option<Date>,
    pub seat_number: Option<u32>,
    pub document_serial: Option<DocumentSerial>,
    pub created_at: OffsetDateTime,
}

#[derive(Clone, Debug)]
pub struct Property {
    pub id: String,
    pub customer_id: String,
    pub property_number: i64,
    pub square_meter: u32,
    pub construction_year: i32,
    pub utilization_style: String,
    pub ownership_type: String,
    pub floor: Option<i32>,
    pub created_at: OffsetDateTime,
}

#[derive(Clone, Debug)]
pub struct Case {
    pub id: String,
    pub reference: String,
    pub case_type: CaseType,
    pub status: CaseStatus,
    pub main_state: CaseMainState,
    pub sub_state: CaseSubState,
    pub customer_id: String,
    pub customer_name: String,
    pub product_branch: Option<ProductBranch>,
    pub asset_type: Option<AssetType>,
    pub asset_id: Option<String>,
    pub channel: Channel,
    pub created_at: OffsetDateTime,
    pub agent_branch_id: Option<String>,
    pub policy_ids: Vec<String>,
    pub proposal_ids: Vec<String>,
    pub sub_type: CaseSubType,
    /// The policy a cancellation or an endorsement is about.
    pub policy_id: Option<String>,
    /// The case a cross-sale opportunity came from.
    pub source_case_id: Option<String>,
    pub representative: Option<String>,
    pub created_by: String,
    pub notes: Vec<CaseNote>,
    pub activities: Vec<CaseActivity>,
}

#[derive(Clone, Debug)]
pub struct CaseNote {
    pub note: String,
    pub created_at: OffsetDateTime,
    pub created_by: String,
}

/// One entry of a case's history: the action, who and when, and the action's own members
/// (`oldChannel`/`newChannel`, `note`, …) as the activity answer spells them.
#[derive(Clone, Debug)]
pub struct CaseActivity {
    pub action: CaseActivityAction,
    pub created_at: OffsetDateTime,
    pub created_by: String,
    pub members: serde_json::Map<String, serde_json::Value>,
}

impl Case {
    /// Records an activity, now, by `by`.
    pub fn record(&mut self, action: CaseActivityAction, by: &str, members: serde_json::Value) {
        self.activities.push(CaseActivity {
            action,
            created_at: OffsetDateTime::now_utc(),
            created_by: by.to_owned(),
            members: match members {
                serde_json::Value::Object(map) => map,
                _ => serde_json::Map::new(),
            },
        });
    }

    /// `CaseStatus` follows the main state (and an open case waiting as `OPEN_DELAYED` is `DELAYED`).
    pub fn set_state(&mut self, main: CaseMainState, sub: CaseSubState) {
        self.main_state = main;
        self.sub_state = sub;
        self.status = match (main, sub) {
            (_, CaseSubState::OpenDelayed) => CaseStatus::Delayed,
            (CaseMainState::Open | CaseMainState::InProgress, _) => CaseStatus::Open,
            (CaseMainState::Success, _) => CaseStatus::Success,
            (CaseMainState::Fail, _) => CaseStatus::Fail,
        };
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Premium {
    pub installment_number: u8,
    pub net: f64,
    pub gross: f64,
    pub commission: f64,
    pub services_premium_id: String,
}

/// What the simulated insurer will answer once its latency has passed.
#[derive(Clone, Debug)]
pub enum Quote {
    Offered(Vec<Premium>),
    Refused(String),
}

#[derive(Clone, Debug)]
pub struct Product {
    pub id: String,
    /// Index into [`crate::simulation::catalog::INSURERS`].
    pub insurer: usize,
    pub product_id: u32,
    pub product_name: String,
    pub coverage_group_id: Option<String>,
    pub state: ProductState,
    pub ready_at: Instant,
    pub quote: Quote,
    pub premiums: Vec<Premium>,
    pub error_message: Option<String>,
    pub policy_id: Option<String>,
    pub attempt: u32,
    pub company_proposal_number: String,
    pub services_proposal_id: String,
    pub has_undamaged_discount: bool,
}

/// What a proposal remembers of its parties and asset at creation (InsurUp's `snapshot`).
#[derive(Clone, Debug, Default)]
pub struct Snapshot {
    pub insured_name: String,
    pub insured_identity: String,
    pub insured_email: Option<String>,
    pub insurer_identity: String,
    pub insurer_email: Option<String>,
    pub vehicle_plate: Option<String>,
    pub vehicle_model_name: Option<String>,
    /// The parties and the asset as `GET proposals/{id}/snapshot` answers them, taken at creation.
    pub insurer_customer: serde_json::Value,
    pub insured_customer: serde_json::Value,
    pub vehicle: Option<serde_json::Value>,
    pub property: Option<serde_json::Value>,
}

#[derive(Clone, Debug)]
pub struct Proposal {
    pub id: String,
    pub branch: ProductBranch,
    pub state: ProposalState,
    pub channel: Channel,
    pub created_at: OffsetDateTime,
    pub insurer_customer_id: String,
    pub insured_customer_id: String,
    pub vehicle_id: Option<String>,
    pub property_id: Option<String>,
    pub agent_branch_id: Option<String>,
    /// The agent user looking after it.
    pub representative: Option<String>,
    pub policy_start_date: Date,
    pub policy_end_date: Date,
    pub coverage_group_ids: Vec<String>,
    pub products: Vec<Product>,
    pub snapshot: Snapshot,
    /// Base gross premium before insurer, coverage and installment factors.
    pub base_premium: f64,
}

impl Proposal {
    pub fn succeeded(&self) -> usize {
        self.products
            .iter()
            .filter(|p| {
                matches!(
                    p.state,
                    ProductState::Active
                        | ProductState::Purchasing
                        | ProductState::Purchased
                        | ProductState::PurchaseFailed
                )
            })
            .count()
    }

    /// Cash (single installment) gross premiums of the products one can still buy or has bought.
    fn cash_premiums(&self) -> impl Iterator<Item = f64> + '_ {
        self.products
            .iter()
            .filter(|p| !matches!(p.state, ProductState::Waiting | ProductState::Failed))
            .filter_map(|p| {
                p.premiums
                    .iter()
                    .find(|x| x.installment_number == 1)
                    .map(|x| x.gross)
            })
    }

    pub fn lowest_premium(&self) -> Option<f64> {
        self.cash_premiums().reduce(f64::min)
    }

    pub fn highest_premium(&self) -> Option<f64> {
        self.cash_premiums().reduce(f64::max)
    }

    /// Re-derives the proposal state from its products.
    pub fn recompute_state(&mut self) {
        let has = |s: ProductState| self.products.iter().any(|p| p.state == s);
        self.state = if has(ProductState::Purchased) {
            ProposalState::Purchased
        } else if has(ProductState::Purchasing) {
            ProposalState::Purchasing
        } else if has(ProductState::Waiting) {
            ProposalState::Waiting
        } else if has(ProductState::Active) || has(ProductState::PurchaseFailed) {
            ProposalState::Active
        } else {
            ProposalState::Failed
        };
    }
}

#[derive(Clone, Debug)]
pub struct Policy {
    pub id: String,
    pub policy_number: String,
    pub state: PolicyState,
    pub branch: ProductBranch,
    pub insurer: usize,
    pub product_id: u32,
    pub product_name: String,
    pub proposal_id: Option<String>,
    pub proposal_product_id: Option<String>,
    pub insurer_customer_id: String,
    pub insured_customer_id: String,
    pub insured_name: String,
    pub insured_identity: String,
    pub start_date: Date,
    pub end_date: Date,
    pub arrangement_date: Date,
    pub installment_number: u8,
    pub payment_type: PaymentOption,
    pub net: f64,
    pub gross: f64,
    pub commission: f64,
    pub vehicle_plate: Option<String>,
    pub agent_branch_id: Option<String>,
    pub channel: Channel,
    pub created_at: OffsetDateTime,
    /// The version this record is: its number, kind and what it changed. `net`, `gross` and
    /// `commission` above are the totals after it.
    pub version: PolicyVersion,
    pub representative: Option<String>,
    /// Recorded by hand (`policies/manual`), not bought through a proposal.
    pub manual: bool,
    /// Brought in by a policy transfer from the insurer's systems.
    pub from_transfer: bool,
}

wire_enum!(PolicyVersionKind { Initial = "INITIAL", Cancellation = "CANCELLATION", Update = "UPDATE" });

/// One version of a policy: the issue (`INITIAL`, number 0), an endorsement (`UPDATE`) or the
/// cancellation, with the premium it added (negative for a refund).
#[derive(Clone, Debug)]
pub struct PolicyVersion {
    /// Distinguishes the versions of one policy in `policiesExpanded` (the first is the policy id).
    pub id: String,
    pub number: u32,
    pub kind: PolicyVersionKind,
    pub net_change: f64,
    pub gross_change: f64,
    pub commission_change: f64,
    pub date: Date,
}

impl PolicyVersion {
    /// The issue of a policy: its whole premium is the change.
    pub fn initial(policy_id: &str, net: f64, gross: f64, commission: f64, date: Date) -> Self {
        Self {
            id: policy_id.to_owned(),
            number: 0,
            kind: PolicyVersionKind::Initial,
            net_change: net,
            gross_change: gross,
            commission_change: commission,
            date,
        }
    }
}

/// A request to bring policies in from the insurers' systems for a period, and its runs.
#[derive(Clone, Debug)]
pub struct PolicyTransfer {
    pub id: String,
    pub start_date: Date,
    pub end_date: Date,
    pub created_at: OffsetDateTime,
    pub triggers: Vec<TransferTrigger>,
}

#[derive(Clone, Debug)]
pub struct TransferTrigger {
    pub id: String,
    pub occurred_at: OffsetDateTime,
    pub duration_ms: u64,
    /// Per insurer (index into the catalog): succeeded, failed, skipped.
    pub companies: Vec<(usize, u32, u32, u32)>,
}

#[derive(Clone, Debug)]
pub struct Webhook {
    pub id: String,
    pub url: String,
    pub events: Vec<String>,
    pub agent_branch_ids: Vec<String>,
    pub secret: Option<String>,
    pub delivery_ids: Vec<String>,
    pub order: DeliveryOrder,
}

/// Deliveries to one webhook leave one batch at a time, in the order they were queued (the order
/// the store changed): each batch takes a ticket while the store is locked and waits for its turn.
#[derive(Clone, Debug)]
pub struct DeliveryOrder {
    next_ticket: u64,
    turn: Arc<watch::Sender<u64>>,
}

impl Default for DeliveryOrder {
    fn default() -> Self {
        Self {
            next_ticket: 0,
            turn: Arc::new(watch::channel(0).0),
        }
    }
}

impl DeliveryOrder {
    pub fn ticket(&mut self) -> Ticket {
        let number = self.next_ticket;
        self.next_ticket += 1;
        Ticket {
            number,
            turn: Arc::clone(&self.turn),
        }
    }
}

/// A place in a webhook's delivery order; dropping it (done, or the task gone) lets the next go.
#[derive(Debug)]
pub struct Ticket {
    number: u64,
    turn: Arc<watch::Sender<u64>>,
}

impl Ticket {
    pub async fn wait_for_turn(&self) {
        let mut turn = self.turn.subscribe();
        let _ = turn.wait_for(|serving| *serving >= self.number).await;
    }
}

impl Drop for Ticket {
    fn drop(&mut self) {
        let next = self.number + 1;
        self.turn.send_if_modified(|serving| {
            let behind = *serving < next;
            if behind {
                *serving = next;
            }
            behind
        });
    }
}

#[derive(Clone, Debug)]
pub struct Delivery {
    pub id: String,
    pub webhook_id: String,
    pub webhook_url: String,
    pub event: String,
    pub body: bytes::Bytes,
    pub delivered_at: Option<OffsetDateTime>,
    pub response_status_code: Option<u16>,
    pub response_body: Option<String>,
    pub duration_ms: u64,
    pub is_success: bool,
    pub attempts: u32,
}

/// A validated payment.
#[derive(Clone, Debug)]
pub struct Payment {
    pub option: PaymentOption,
    pub card_number: Option<String>,
    pub installment: u8,
}

#[derive(Clone, Debug)]
pub struct PendingPayment {
    pub proposal_id: String,
    pub product_id: String,
    pub payment: Payment,
    pub callback_url: String,
}

/// Money on the wire: two decimals.
pub fn money(amount: f64) -> f64 {
    (amount * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use async_graphql::resolver_utils::EnumType;

    fn graphql_names<T: EnumType>() -> Vec<&'static str> {
        T::items().iter().map(|item| item.name).collect()
    }

    #[test]
    fn graphql_enum_names_match_the_wire_spelling() {
        let wire: Vec<_> = ProductBranch::ALL.iter().map(|b| b.as_str()).collect();
        assert_eq!(graphql_names::<ProductBranch>(), wire);
        let wire: Vec<_> = CaseSubState::ALL.iter().map(|b| b.as_str()).collect();
        assert_eq!(graphql_names::<CaseSubState>(), wire);
        let wire: Vec<_> = PaymentOption::ALL.iter().map(|b| b.as_str()).collect();
        assert_eq!(graphql_names::<PaymentOption>(), wire);
    }

    #[test]
    fn wire_enums_parse_leniently() {
        assert_eq!(Channel::parse("website"), Some(Channel::Website));
        assert_eq!(Channel::parse("MOBILE_APP"), Some(Channel::MobileApp));
        assert_eq!(
            ProductBranch::from_proposal_type("traffic"),
            Some(ProductBranch::Trafik)
        );
        assert_eq!(Fuel::parse("jet"), None);
    }
}
