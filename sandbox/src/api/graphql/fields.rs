//! The vocabulary the list catalogues are written in: a field's GraphQL type, how to read it from
//! a record, and whether it can be filtered, searched and sorted on. One catalogue entry becomes
//! the node's output field, its filter input field, its search input field and its sort field.

use async_graphql::indexmap::IndexMap;
use async_graphql::{Name, Value};
use time::{Date, OffsetDateTime};

use crate::simulation::clock::{fmt_date, fmt_ts};
use crate::store::State as Data;

/// A leaf type. Which scalar name it gets depends on the dialect (see `naming`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scalar {
    String,
    Int,
    Float,
    Boolean,
    DateTime,
    /// A calendar date: `Date` in the guide's schema, HotChocolate's `LocalDate` in the others.
    Date,
    /// `UUID` where the docs type ids as UUIDs; a `String` in the guide's schema.
    Uuid,
    /// MongoDB ObjectIds: `ObjectId` where the vendor types them so; a `String` in the guide's schema.
    ObjectId,
}

/// A GraphQL enum: its name and its values, in the wire spelling.
#[derive(Debug, PartialEq, Eq)]
pub struct EnumDef {
    pub name: &'static str,
    pub values: &'static [&'static str],
}

/// A nested output object (`agentBranch`, `createdBy`, `consents`).
#[derive(Debug)]
pub struct ObjectDef {
    pub name: &'static str,
    pub fields: &'static [(&'static str, Leaf, bool)],
}

/// The type of a nested object's field (required when the third tuple member is true).
#[derive(Clone, Copy, Debug)]
pub enum Leaf {
    Scalar(Scalar),
    Enum(&'static EnumDef),
}

#[derive(Clone, Copy, Debug)]
pub enum Ty {
    Scalar(Scalar),
    Enum(&'static EnumDef),
    Object(&'static ObjectDef),
    ObjectList(&'static ObjectDef),
}

/// One field of a list's node type.
pub struct Field<T> {
    pub name: &'static str,
    pub ty: Ty,
    pub required: bool,
    pub filter: bool,
    pub search: bool,
    pub sort: bool,
    pub get: fn(&T, &Data) -> Value,
}

impl<T> Clone for Field<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Field<T> {}

impl<T> std::fmt::Debug for Field<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Field").field("name", &self.name).finish()
    }
}

impl<T> Field<T> {
    /// An optional, output-only field.
    pub const fn new(name: &'static str, ty: Ty, get: fn(&T, &Data) -> Value) -> Self {
        Self {
            name,
            ty,
            required: false,
            filter: false,
            search: false,
            sort: false,
            get,
        }
    }

    pub const fn required(mut self) -> Self {
        self.required = true;
        self
    }

    pub const fn filter(mut self) -> Self {
        self.filter = true;
        self
    }

    pub const fn search(mut self) -> Self {
        self.search = true;
        self
    }

    pub const fn sort(mut self) -> Self {
        self.sort = true;
        self
    }
}

pub const STRING: Ty = Ty::Scalar(Scalar::String);
pub const INT: Ty = Ty::Scalar(Scalar::Int);
pub const FLOAT: Ty = Ty::Scalar(Scalar::Float);
pub const DATE_TIME: Ty = Ty::Scalar(Scalar::DateTime);
pub const DATE: Ty = Ty::Scalar(Scalar::Date);
pub const UUID: Ty = Ty::Scalar(Scalar::Uuid);
pub const OBJECT_ID: Ty = Ty::Scalar(Scalar::ObjectId);

// ---------------------------------------------------------------- values

pub fn text(value: &str) -> Value {
    Value::String(value.to_owned())
}

pub fn opt_text(value: Option<&str>) -> Value {
    value.map_or(Value::Null, text)
}

pub fn int(value: i64) -> Value {
    Value::from(value)
}

pub fn opt_int(value: Option<i64>) -> Value {
    value.map_or(Value::Null, int)
}

pub fn float(value: f64) -> Value {
    Value::from(value)
}

pub fn opt_float(value: Option<f64>) -> Value {
    value.map_or(Value::Null, float)
}

pub fn enum_value(value: &str) -> Value {
    Value::Enum(Name::new(value))
}

pub fn opt_enum(value: Option<&str>) -> Value {
    value.map_or(Value::Null, enum_value)
}

pub fn date(value: Date) -> Value {
    Value::String(fmt_date(value))
}

pub fn opt_date(value: Option<Date>) -> Value {
    value.map_or(Value::Null, date)
}

pub fn timestamp(value: OffsetDateTime) -> Value {
    Value::String(fmt_ts(value))
}

pub fn object<const N: usize>(members: [(&'static str, Value); N]) -> Value {
    Value::Object(
        members
            .into_iter()
            .map(|(k, v)| (Name::new(k), v))
            .collect::<IndexMap<_, _>>(),
    )
}

// ---------------------------------------------------------------- enums

macro_rules! enum_def {
    ($ident:ident = $name:literal [$($value:literal),+ $(,)?]) => {
        pub static $ident: EnumDef = EnumDef { name: $name, values: &[$($value),+] };
    };
}

/// An [`EnumDef`] built from one of the store's wire enums.
macro_rules! wire_enum_def {
    ($ident:ident = $name:literal, $wire:ty, [$($variant:ident),+ $(,)?]) => {
        pub static $ident: EnumDef = EnumDef {
            name: $name,
            values: &[$(<$wire>::$variant.as_str()),+],
        };
    };
}

use crate::store::model as m;

wire_enum_def!(
    PRODUCT_BRANCH = "ProductBranch",
    m::ProductBranch,
    [
        Kasko,
        Dask,
        Konut,
        Trafik,
        Tss,
        Imm,
        YesilKart,
        FerdiKaza,
        GrupHayat,
        Saglik,
        KartKimlikKoruma,
        UcuncuSahisMaliSorumluluk,
        IsyeriYangin,
        Seyahat,
        ElektronikCihaz,
        Pet,
        Bes,
        InsaatAllRisk,
        LeasingAllRisk,
        MontajAllRisk,
        Nakliyat,
        OzelGuvenlikMaliSorumluluk,
        AkilliTelefon,
        TehlikeliMaddelerMaliSorumluluk,
        YatGemiGezintiTeknesi,
        Tarim,
        Mesleki,
        Alacak,
        IsverenMaliMesuliyet,
        Muhendislik,
        HukuksalKoruma,
        IlkAtesKonut,
        Kefalet,
    ]
);
wire_enum_def!(
    CHANNEL = "Channel",
    m::Channel,
    [
        Unknown,
        Manual,
        Website,
        GoogleAds,
        CallCenter,
        SocialMedia,
        MobileApp,
        OfflineProposalForm,
        Field,
        PrintMedia,
        FairEvent,
        BusinessPartner,
        Chatbot,
        Api,
        Partner,
        Mobile,
    ]
);
wire_enum_def!(
    PROPOSAL_STATE = "ProposalState",
    m::ProposalState,
    [Waiting, Active, Purchasing, Purchased, Failed,]
);
wire_enum_def!(
    POLICY_STATE = "PolicyState",
    m::PolicyState,
    [Active, EndOfLife, Cancelled]
);
wire_enum_def!(
    CUSTOMER_TYPE = "CustomerType",
    m::CustomerType,
    [Individual, Company, Foreign]
);
wire_enum_def!(
    CASE_TYPE = "CaseType",
    m::CaseType,
    [SaleOpportunity, Endorsement, Cancel, Complaint,]
);
wire_enum_def!(
    CASE_STATUS = "CaseStatus",
    m::CaseStatus,
    [Open, Delayed, Success, Fail]
);
wire_enum_def!(
    CASE_MAIN_STATE = "CaseMainState",
    m::CaseMainState,
    [Fail, Open, InProgress, Success,]
);
wire_enum_def!(
    CASE_SUB_STATE = "CaseSubState",
    m::CaseSubState,
    [
        FailNoResponse,
        FailInvalidCase,
        FailCustomerWithdrawn,
        FailPaymentError,
        FailDeclinedCardInformation,
        FailForeignUser,
        FailTakenElsewhere,
        FailPriceTooHigh,
        FailAssetAcquisition,
        FailAssetSold,
        FailUnresolved,
        FailReferredToLegal,
        FailCustomerUnsatisfied,
        FailMissingDocuments,
        FailInsurerDenied,
        FailConditionsNotMet,
        OpenInitial,
        OpenCollectingInformation,
        OpenDelayed,
        OpenWaiting,
        InProgressUnderAnalysis,
        InProgressProposalPrepared,
        InProgressAwaitingApproval,
        InProgressToBeRecontacted,
        SuccessCompleted,
    ]
);
wire_enum_def!(
    PAYMENT_OPTION = "PaymentOption",
    m::PaymentOption,
    [
        Unknown,
        SyncCreditCard,
        SyncOpenAccount,
        Async3dSecure,
        AsyncInsuranceCompanyRedirect,
        AsyncThirdParty3dSecure,
    ]
);
wire_enum_def!(
    VEHICLE_FUEL = "VehicleFuelType",
    m::Fuel,
    [Gasoline, Diesel, Lpg, Electric, LpgGasoline, Hybrid,]
);
wire_enum_def!(GENDER = "Gender", m::Gender, [Unknown, Male, Female, Other]);
wire_enum_def!(ASSET_TYPE = "AssetType", m::AssetType, [Vehicle, Property]);

enum_def!(CURRENCY = "Currency" ["UNKNOWN", "TURKISH_LIRA", "UNITED_STATES_DOLLAR", "EURO"]);
wire_enum_def!(
    EDUCATION_STATUS = "EducationStatus",
    m::EducationStatus,
    [
        Unknown,
        PrimarySchool,
        MiddleSchool,
        HighSchool,
        University,
        Postgraduate,
        Doctorate,
        Other
    ]
);
wire_enum_def!(
    NATIONALITY = "Nationality",
    m::Nationality,
    [Unknown, Turk, Other]
);
wire_enum_def!(
    MARITAL_STATUS = "MaritalStatus",
    m::MaritalStatus,
    [Unknown, Single, Married]
);
wire_enum_def!(
    JOB = "Job",
    m::Job,
    [
        Unknown,
        Banker,
        CorporateEmployee,
        LtdEmployee,
        Police,
        MilitaryPersonnel,
        RetiredSpouse,
        Teacher,
        Doctor,
        Pharmacist,
        Nurse,
        HealthcareWorker,
        Lawyer,
        Judge,
        Prosecutor,
        Freelancer,
        Farmer,
        Instructor,
        ReligiousOfficial,
        AssociationManager,
        Officer,
        Retired,
        Housewife,
    ]
);
wire_enum_def!(CONSENT_TYPE = "ConsentType", m::ConsentType, [Kvkk, Etk]);
enum_def!(USER_TYPE = "UserType" ["NONE", "ADMIN_PANEL", "AGENT", "CUSTOMER"]);
enum_def!(VEHICLE_UTILIZATION_STYLE = "VehicleUtilizationStyle" [
    "UNKNOWN", "PRIVATE_CAR", "TAXI", "ROUTE_BASED_MINIBUS", "MEDIUM_BUS", "LARGE_BUS",
    "PICKUP_TRUCK", "CLOSED_BED_PICKUP", "TRUCK", "CONSTRUCTION_MACHINERY", "TRACTOR", "TRAILER",
    "MOTORCYCLE", "TANKER", "TOW_TRUCK", "MOTORIZED_CARAVAN", "TOWABLE_CARAVAN",
    "AGRICULTURAL_MACHINE_EXCLUDING_TRACTOR", "OPEN_BODY_TRUCK", "RENTAL_CAR", "ARMORED_VEHICLE",
    "MINIBUS_SHARED_TAXI", "JEEP", "JEEP_SAV", "JEEP_SUV", "JEEP_RENTAL", "JEEP_TAXI", "AMBULANCE",
    "FIREFIGHTER_CAR", "HEARSE", "CHAUFFEURED_RENTAL_CAR", "OPERATIONAL_RENTAL", "PRIVATE_MINIBUS",
    "ROUTE_MINIBUS", "SERVICE_MINIBUS", "COMPANY_MINIBUS", "RENTAL_MINIBUS", "AMBULANCE_MINIBUS",
    "MINIBUS_BROADCASTING_VEHICLE", "MINIBUS_ARMORED_TRANSPORT", "SMALL_BUS_15_35_PASSENGERS",
    "SMALL_BUS_SERVICE", "SMALL_BUS_CITY", "SMALL_BUS_ROUTE", "LARGE_BUS_36_PLUS", "DUMP_TRUCK",
    "REFRIGERATED_TRUCK", "TRUCK_WITH_CONCRETE_MIXER", "SILO_TRUCK", "TRUCK_WITH_CONCRETE_PUMP",
    "ROCK_TRUCK", "TRUCK_WITH_CRANE", "HEAVY_MACHINERY", "EXCAVATOR", "LOADER", "BULLDOZER",
    "SCRAPER", "GRADER", "ROAD_ROLLER", "MOBILE_CRANE", "INDOOR_FORKLIFT", "OUTDOOR_FORKLIFT",
    "MOBILE_COMPRESSOR", "MOBILE_PUMP", "MOBILE_WELDING_MACHINE", "COMBINE_HARVESTER",
    "TANKER_ACID_CARRIER", "TANKER_WATER_FUEL_CARRIER", "TANKER_EXPLOSIVE_FLAMMABLE",
    "TOW_TRUCK_TRACTOR", "TOW_TRUCK_TANKER", "PANEL_GLASS_VAN_MINUBUS",
]);
enum_def!(PROPERTY_DAMAGE_STATUS = "PropertyDamageStatus" [
    "UNKNOWN", "NONE", "SLIGHTLY_DAMAGED", "MODERATELY_DAMAGED", "SEVERELY_DAMAGED",
]);
enum_def!(PROPERTY_STRUCTURE = "PropertyStructure" ["UNKNOWN", "STEEL_REINFORCED_CONCRETE", "OTHER"]);
enum_def!(PROPERTY_UTILIZATION_STYLE = "PropertyUtilizationStyle" ["UNKNOWN", "HOUSE", "BUSINESS", "OTHER"]);
enum_def!(PROPERTY_OWNERSHIP_TYPE = "PropertyOwnershipType" ["UNKNOWN", "PROPRIETOR", "TENANT", "OTHER"]);
enum_def!(POLICY_VERSION_TYPE = "PolicyVersionType" ["INITIAL", "CANCELLATION", "UPDATE"]);
wire_enum_def!(
    SALE_OPPORTUNITY_SUB_TYPE = "SaleOpportunityCaseSubType",
    m::SaleOpportunitySubType,
    [NewSale, CrossSale, Renewal]
);
wire_enum_def!(
    CANCEL_SUB_TYPE = "CancelCaseSubType",
    m::CancelSubType,
    [
        OnlineCancellationRefund,
        MebCancellation,
        PartialCancellation,
        CancellationFromSale,
        CancellationDueToCollection,
        CancellationDueToDamage,
    ]
);
wire_enum_def!(
    ENDORSEMENT_SUB_TYPE = "EndorsementCaseSubType",
    m::EndorsementSubType,
    [
        VehicleChange,
        ValueIncrease,
        NoClaimBonusTransfer,
        CoverageChange,
        UsageTypeChange,
        TransferRequest,
        LicensePlateChange,
        BrandModelChange,
        EngineChassisNumberChange,
        ContactAddressChange,
        Other,
        PledgeeCorrectionAddition,
    ]
);
wire_enum_def!(
    COMPLAINT_SUB_TYPE = "ComplaintCaseSubType",
    m::ComplaintSubType,
    [
        ConsultantError,
        PolicyOperations,
        Collection,
        DueToFrequentCalls,
        Fraud,
        Damage,
        ErroneousTransaction,
        DelayInOperations,
        OnlineTransactionErrors,
        DelayInCancellationPeriod,
        NonReceiptOfPolicyOrEndorsement,
        NonProductionOfPolicyOrEndorsement,
        DelayInEndorsementOperations,
        ErroneousPremiumCollection,
        NonDeliveryOfRefundReceipt,
        NonRefundOfPremium,
        StaffAttitude,
        InsufficientOrErroneousInformation,
        NoTimelyResponse,
    ]
);

// ---------------------------------------------------------------- nested objects

pub static AGENT_BRANCH: ObjectDef = ObjectDef {
    name: "AgentBranchReference",
    fields: &[
        ("id", Leaf::Scalar(Scalar::String), true),
        ("name", Leaf::Scalar(Scalar::String), true),
        ("parentId", Leaf::Scalar(Scalar::String), false),
        ("parentName", Leaf::Scalar(Scalar::String), false),
    ],
};

pub static USER_REFERENCE: ObjectDef = ObjectDef {
    name: "UserReference",
    fields: &[
        ("id", Leaf::Scalar(Scalar::String), true),
        ("name", Leaf::Scalar(Scalar::String), true),
        ("email", Leaf::Scalar(Scalar::String), false),
        ("userType", Leaf::Enum(&USER_TYPE), false),
    ],
};

pub static CONSENT: ObjectDef = ObjectDef {
    name: "QueryCustomerConsentModel",
    fields: &[
        ("consentType", Leaf::Enum(&CONSENT_TYPE), true),
        ("isActive", Leaf::Scalar(Scalar::Boolean), true),
    ],
};

pub static PRIORITY_RULE_HIT: ObjectDef = ObjectDef {
    name: "PriorityRuleHit",
    fields: &[
        ("ruleName", Leaf::Scalar(Scalar::String), false),
        ("score", Leaf::Scalar(Scalar::Int), true),
        ("label", Leaf::Scalar(Scalar::String), true),
        ("description", Leaf::Scalar(Scalar::String), true),
    ],
};

pub static REQUESTED_PRODUCT: ObjectDef = ObjectDef {
    name: "RequestedProduct",
    fields: &[
        ("proposalId", Leaf::Scalar(Scalar::String), true),
        ("proposalProductId", Leaf::Scalar(Scalar::String), true),
    ],
};

pub static AGENT_ROLE: ObjectDef = ObjectDef {
    name: "AgentUserRoleReference",
    fields: &[
        ("id", Leaf::Scalar(Scalar::String), true),
        ("name", Leaf::Scalar(Scalar::String), true),
        ("isAdmin", Leaf::Scalar(Scalar::Boolean), true),
    ],
};

pub static AGENT_USER_BRANCH: ObjectDef = ObjectDef {
    name: "AgentUserBranchReference",
    fields: &[
        ("id", Leaf::Scalar(Scalar::String), true),
        ("name", Leaf::Scalar(Scalar::String), true),
        ("parentId", Leaf::Scalar(Scalar::String), false),
        ("parentName", Leaf::Scalar(Scalar::String), false),
        ("level", Leaf::Scalar(Scalar::Int), false),
        ("hierarchy", Leaf::Scalar(Scalar::String), false),
    ],
};

/// The agent branch of a record, as the nested `agentBranch` object.
pub fn agent_branch(data: &Data, id: Option<&str>) -> Value {
    let Some(branch) = id.and_then(|id| data.branch(id)) else {
        return Value::Null;
    };
    let parent = branch.parent_id.as_deref().and_then(|p| data.branch(p));
    object([
        ("id", text(&branch.id)),
        ("name", text(&branch.name)),
        ("parentId", opt_text(branch.parent_id.as_deref())),
        ("parentName", opt_text(parent.map(|p| p.name.as_str()))),
    ])
}
