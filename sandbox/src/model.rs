//! The records the store keeps, and the enums they share with REST and GraphQL.

use std::time::Instant;

use serde::Serialize;
use time::{Date, OffsetDateTime};

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

            pub fn as_str(self) -> &'static str {
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

wire_enum!(ProductState {
    Waiting = "WAITING", Active = "ACTIVE", Failed = "FAILED", Purchasing = "PURCHASING",
    Purchased = "PURCHASED",
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

wire_enum!(PaymentOption {
    Unknown = "UNKNOWN", SyncCreditCard = "SYNC_CREDIT_CARD", SyncOpenAccount = "SYNC_OPEN_ACCOUNT",
    Async3dSecure = "ASYNC_3D_SECURE", AsyncInsuranceCompanyRedirect = "ASYNC_INSURANCE_COMPANY_REDIRECT",
    AsyncThirdParty3dSecure = "ASYNC_THIRD_PARTY_3D_SECURE",
});

wire_enum!(Fuel {
    Gasoline = "GASOLINE", Diesel = "DIESEL", Lpg = "LPG", Electric = "ELECTRIC",
    LpgGasoline = "LPG_GASOLINE", Hybrid = "HYBRID",
});

/// `{value, text}` reference pairs (cities, brands, models...).
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
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

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Phone {
    pub country_code: u32,
    pub number: String,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Plate {
    pub city: u8,
    pub code: String,
}

impl Plate {
    pub fn display(&self) -> String {
        format!("{:02}{}", self.city, self.code)
    }
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
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
    pub product_branch: ProductBranch,
    pub asset_type: Option<AssetType>,
    pub asset_id: Option<String>,
    pub channel: Channel,
    pub created_at: OffsetDateTime,
    pub agent_branch_id: Option<String>,
    pub policy_ids: Vec<String>,
    pub proposal_ids: Vec<String>,
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
    /// Index into [`crate::catalog::INSURERS`].
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
                    ProductState::Active | ProductState::Purchasing | ProductState::Purchased
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
        } else if has(ProductState::Active) {
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
}

#[derive(Clone, Debug)]
pub struct Webhook {
    pub id: String,
    pub url: String,
    pub events: Vec<String>,
    pub agent_branch_ids: Vec<String>,
    pub secret: Option<String>,
    pub delivery_ids: Vec<String>,
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
